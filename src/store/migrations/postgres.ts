// PostgreSQL schema, one entry per version. Applied in order on open (under an advisory lock, so
// several workers starting at once do not race) and recorded in schema_migrations.
// Never edit a released entry: add a new version.
import type { Migration } from './types.js';

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    name: 'records, revisions, entities, full-text, raw pages, feeds',
    sql: `
CREATE TABLE records (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id text NOT NULL UNIQUE,
  url_key text NOT NULL UNIQUE,
  url text,
  canonical_url text,
  source text,
  title text,
  published_at timestamptz,
  content_hash text NOT NULL,
  revision integer NOT NULL,
  syndicated_from text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- json (not jsonb) keeps the record's key order for output
  data json NOT NULL,
  fts tsvector NOT NULL
);
CREATE INDEX records_url ON records (url);
CREATE INDEX records_canonical_url ON records (canonical_url);
CREATE INDEX records_published ON records (published_at);
CREATE INDEX records_source ON records (source, published_at);
CREATE INDEX records_content_hash ON records (content_hash);
CREATE INDEX records_fts ON records USING gin (fts);

CREATE TABLE record_revisions (
  record_id text NOT NULL,
  revision integer NOT NULL,
  content_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  data json NOT NULL,
  PRIMARY KEY (record_id, revision)
);

-- One row per entity name, alias and surname: "--entity Goita --type person" is an index lookup.
CREATE TABLE entities (
  record_id text NOT NULL,
  type text NOT NULL,
  term text NOT NULL,
  name text NOT NULL,
  key text NOT NULL,
  code text,
  mentions integer NOT NULL,
  alias smallint NOT NULL,
  PRIMARY KEY (record_id, type, term)
);
CREATE INDEX entities_term ON entities (term, type, record_id);
CREATE INDEX entities_code ON entities (code, type, record_id) WHERE code IS NOT NULL;
CREATE INDEX entities_key ON entities (type, key, record_id) WHERE alias = 0;

CREATE TABLE raw_pages (
  hash text PRIMARY KEY,
  body bytea NOT NULL,
  content_type text,
  size integer NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE feeds (
  id text PRIMARY KEY,
  url text NOT NULL UNIQUE,
  every text,
  etag text,
  last_modified text,
  last_polled_at text,
  last_status integer,
  title text
);

CREATE TABLE feed_items (
  feed_url text NOT NULL,
  item_id text NOT NULL,
  url text,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (feed_url, item_id)
);
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
    name: 'records by (content_hash, seq): the syndication lookup "same text, oldest first, LIMIT 2" otherwise walks the primary key',
    // With (content_hash) alone the planner, on stale statistics during a bulk import, scanned
    // records_pkey in seq order and filtered every row: one full scan per upsert (measured: 46 ms
    // at 15k records, bulk import falling to ~30 records/s by 88k).
    sql: `CREATE INDEX records_content_hash_seq ON records (content_hash, seq);
DROP INDEX records_content_hash;`,
  },
  {
    version: 5,
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
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    version: 6,
    name: 'records.language: the record language as an indexed column (records list --language read the JSON of every row)',
    sql: `ALTER TABLE records ADD COLUMN language text;
UPDATE records SET language = data->>'language';
CREATE INDEX records_language ON records (language);`,
  },
];
