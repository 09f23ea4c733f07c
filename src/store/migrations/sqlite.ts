// SQLite schema, one entry per version. Applied in order on open and recorded in schema_migrations.
// Never edit a released entry: add a new version.
import type { Migration } from './types.js';

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'records, revisions, entities, full-text, raw pages, feeds',
    sql: `
CREATE TABLE records (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  url_key TEXT NOT NULL UNIQUE,
  url TEXT,
  canonical_url TEXT,
  source TEXT,
  title TEXT,
  published_at TEXT,
  content_hash TEXT NOT NULL,
  revision INTEGER NOT NULL,
  syndicated_from TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX records_url ON records (url);
CREATE INDEX records_canonical_url ON records (canonical_url);
CREATE INDEX records_published ON records (published_at);
CREATE INDEX records_source ON records (source, published_at);
CREATE INDEX records_content_hash ON records (content_hash);

CREATE TABLE record_revisions (
  record_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (record_id, revision)
) WITHOUT ROWID;

-- One row per entity name, alias and surname: "--entity Goita --type person" is an index lookup.
CREATE TABLE entities (
  record_id TEXT NOT NULL,
  type TEXT NOT NULL,
  term TEXT NOT NULL,
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  code TEXT,
  mentions INTEGER NOT NULL,
  alias INTEGER NOT NULL,
  PRIMARY KEY (record_id, type, term)
) WITHOUT ROWID;
CREATE INDEX entities_term ON entities (term, type, record_id);
CREATE INDEX entities_code ON entities (code, type, record_id) WHERE code IS NOT NULL;
CREATE INDEX entities_key ON entities (type, key, record_id) WHERE alias = 0;

-- Contentless: the text lives in records.data; rowid = records.seq.
CREATE VIRTUAL TABLE records_fts USING fts5 (
  title, body, content = '', contentless_delete = 1, tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE raw_pages (
  hash TEXT PRIMARY KEY,
  body BLOB NOT NULL,
  content_type TEXT,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE feeds (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  every TEXT,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  last_status INTEGER,
  title TEXT
);

CREATE TABLE feed_items (
  feed_url TEXT NOT NULL,
  item_id TEXT NOT NULL,
  url TEXT,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (feed_url, item_id)
) WITHOUT ROWID;
`,
  },
  {
    version: 2,
    name: 'record_revisions keeps superseded versions only (the current one is in records)',
    sql: `DELETE FROM record_revisions WHERE (record_id, revision) IN (SELECT id, revision FROM records);`,
  },
  {
    version: 3,
    name: 'index revisions by content hash (a copy of an earlier version is still a syndicated copy)',
    sql: `CREATE INDEX record_revisions_content_hash ON record_revisions (content_hash);`,
  },
  {
    version: 4,
    name: "entity identities: entity, entity_term, record_entity; reviewers' corrections; records.extracted",
    sql: `
-- One row per real-world entity (src/store/entities.ts has the resolution rules).
CREATE TABLE entity (
  id text PRIMARY KEY,
  type text NOT NULL,
  -- countries: the ISO code in lower case; others: the folded name
  key text NOT NULL,
  name text NOT NULL,
  code text,
  aliases text NOT NULL,
  -- one word or an acronym: may later join a full name
  bare integer NOT NULL,
  merged_into text,
  -- the correction that merged it (null: merged by resolution)
  merged_by text,
  records integer NOT NULL,
  mentions integer NOT NULL,
  first_seen text,
  last_seen text,
  created_at text NOT NULL,
  UNIQUE (type, key)
);
CREATE INDEX entity_merged_by ON entity (merged_by) WHERE merged_by IS NOT NULL;
CREATE INDEX entity_rank ON entity (records DESC) WHERE merged_into IS NULL;

-- The names, aliases and surnames an entity is found under.
CREATE TABLE entity_term (
  type text NOT NULL,
  term text NOT NULL,
  entity_id text NOT NULL,
  PRIMARY KEY (type, term, entity_id)
);
CREATE INDEX entity_term_term ON entity_term (term);
CREATE INDEX entity_term_entity ON entity_term (entity_id);

-- Which entities a record mentions; seen = the record's publication (else storing) time.
CREATE TABLE record_entity (
  record_id text NOT NULL,
  entity_id text NOT NULL,
  mentions integer NOT NULL,
  seen text NOT NULL,
  PRIMARY KEY (record_id, entity_id)
);
CREATE INDEX record_entity_entity ON record_entity (entity_id, seen);

-- Reviewers' corrections, in order; an undone one stays (with who and when).
CREATE TABLE corrections (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id text NOT NULL UNIQUE,
  op text NOT NULL,
  data text NOT NULL,
  author text NOT NULL,
  created_at text NOT NULL,
  undone_at text,
  undone_by text
);
-- Which records each correction changed (what an undo re-corrects).
CREATE TABLE correction_hits (
  correction_id text NOT NULL,
  record_id text NOT NULL,
  PRIMARY KEY (correction_id, record_id)
);
CREATE INDEX correction_hits_record ON correction_hits (record_id);

CREATE TABLE store_meta (key text PRIMARY KEY, value integer NOT NULL);
INSERT INTO store_meta (key, value) VALUES ('lexicon', 0);

-- the record's entities as extracted, before corrections (null: not linked yet; filled on open)
ALTER TABLE records ADD COLUMN extracted text;
`,
  },
  {
    version: 5,
    name: 'records.language: the record language as an indexed column (records list --language read the JSON of every row)',
    sql: `ALTER TABLE records ADD COLUMN language TEXT;
UPDATE records SET language = json_extract(data, '$.language');
CREATE INDEX records_language ON records (language);`,
  },
];
