// The embedded store: one SQLite file (WAL), better-sqlite3's synchronous API behind the async Store
// interface. Writes run in BEGIN IMMEDIATE transactions so several processes can share the file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../errors.js';
import { sqliteMigrations } from './migrations/sqlite.js';
import { storeFailure } from './unavailable.js';
import {
  entityRows,
  feedFromRow,
  validateRecord,
  type FeedRow,
  normaliseFilter,
  newRecordId,
  recordKeys,
  searchText,
  topEntityConditions,
  whereConditions,
  type Bind,
  type FtsQuery,
  type NormalisedFilter,
} from './query.js';
import type { GleanerRecord } from '../record/schema.js';
import type { Lexicon } from '../extract/lexicon.js';
import type { EntityCount, EntityType, FeedState, RecordFilter, Store, StoredRecord, UpsertResult } from './types.js';
import { SqliteEntities } from './sqlite-entities.js';
import * as ent from './entities.js';

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. The folder is created when missing. */
  path: string;
  /** How long a writer waits for another process's lock (ms). */
  busyTimeoutMs?: number;
}

interface RecordRow {
  seq: number;
  id: string;
  revision: number;
  content_hash: string;
  syndicated_from: string | null;
  created_at: string;
  updated_at: string;
  data: string;
}


/** FTS5 MATCH syntax for a parsed query: words are folded [\p{L}\p{N}]+ so quoting is safe. */
export function fts5Match(q: FtsQuery): string {
  const phrase = (words: string[]) => `"${words.join(' ')}"`;
  const parts = q.clauses.map((alts) => (alts.length === 1 ? phrase(alts[0]) : `(${alts.map(phrase).join(' OR ')})`));
  let match = parts.join(' AND ');
  for (const n of q.negated) match += ` NOT ${phrase(n)}`;
  return match;
}

/** FTS5 MATCH for "any of the excluded phrases" (a query that only excludes). */
export function fts5Exclusions(q: FtsQuery): string {
  return q.negated.map((words) => `"${words.join(' ')}"`).join(' OR ');
}

/** A full-text index write, applied once the batch's savepoints are done. */
interface FtsOp {
  seq: number;
  replace: boolean;
  title: string;
  body: string;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private pending: Array<{ rec: GleanerRecord; resolve: (r: UpsertResult) => void; reject: (e: unknown) => void }> = [];
  private readonly ents: SqliteEntities;

  constructor(opts: SqliteStoreOptions) {
    try {
      if (opts.path !== ':memory:' && opts.path !== '') mkdirSync(dirname(opts.path), { recursive: true });
      this.db = new Database(opts.path);
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs ?? 10_000))}`);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // checkpoint every ~40 MB of WAL instead of 4 MB: far fewer fsyncs and rewrites under steady ingest
      this.db.pragma('wal_autocheckpoint = 10000');
      // 64 MB page cache and memory-mapped reads: index pages of a large store stay in memory
      this.db.pragma('cache_size = -65536');
      this.db.pragma('mmap_size = 268435456');
      this.db.pragma('foreign_keys = ON');
    } catch (err) {
      throw storeFailure(`cannot open SQLite database ${opts.path}`, { path: opts.path }, err);
    }
    this.ents = new SqliteEntities(this.db, (sql) => this.stmt(sql));
    try {
      // both write: another process's lock makes them fail with SQLITE_BUSY (E_STORE_UNAVAILABLE)
      this.migrate();
      this.ents.backfill();
    } catch (err) {
      this.db.close();
      throw storeFailure(`cannot migrate SQLite database ${opts.path}`, { path: opts.path }, err);
    }
    try {
      // planner statistics for tables that changed a lot since last time (cheap; SQLite's advice at open)
      this.db.pragma('optimize = 0x10002');
    } catch {
      // statistics are an optimisation only
    }
  }

  /** Applies pending migrations, each in its own write transaction. */
  private migrate(): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    for (const m of sqliteMigrations) {
      const apply = this.db.transaction(() => {
        const done = this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version);
        if (done) return;
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      });
      apply.immediate();
    }
  }

  /** Applied migration versions (for tests and `status`). */
  migrations(): number[] {
    return (this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map((r) => r.version);
  }

  /**
   * Upserts are group-committed: calls made in the same tick (several jobs of one worker) share one
   * write transaction, each in its own savepoint, so a busy worker pays one commit per batch.
   */
  upsert(record: GleanerRecord): Promise<UpsertResult> {
    let rec: GleanerRecord;
    try {
      rec = validateRecord(record);
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ rec, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Several records in one write transaction (bulk imports); validated first, nothing written if one is invalid. */
  async upsertMany(records: GleanerRecord[]): Promise<UpsertResult[]> {
    records.forEach(validateRecord);
    return Promise.all(records.map((r) => this.upsert(r)));
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (!batch.length) return;
    const outcomes: Array<{ ok: UpsertResult } | { err: unknown }> = [];
    try {
      this.db
        .transaction(() => {
          this.ents.refreshLexicon();
          // Full-text rows are written after the savepoints: FTS5 flushes its pending index to a new
          // segment at every savepoint, which made each record pay for a merge as the index grew.
          const ftsOps: FtsOp[] = [];
          for (const item of batch) {
            const ops: FtsOp[] = [];
            try {
              outcomes.push({ ok: this.upsertOne(item.rec, ops) });
              ftsOps.push(...ops);
            } catch (err) {
              outcomes.push({ err });
            }
          }
          const del = this.stmt('DELETE FROM records_fts WHERE rowid = ?');
          const ins = this.stmt('INSERT INTO records_fts (rowid, title, body) VALUES (?, ?, ?)');
          for (const op of ftsOps) {
            if (op.replace) del.run(op.seq);
            ins.run(op.seq, op.title, op.body);
          }
        })
        .immediate();
    } catch (err) {
      const wrapped = storeFailure('sqlite upsert failed', { op: 'upsert', batch: batch.length }, err);
      for (const item of batch) item.reject(wrapped);
      return;
    }
    batch.forEach((item, i) => {
      const o = outcomes[i];
      if ('ok' in o) item.resolve(o.ok);
      else item.reject(o.err instanceof InputError ? o.err : storeFailure('sqlite upsert failed', { op: 'upsert', url: item.rec.url }, o.err));
    });
  }

  /** One upsert inside the batch transaction; a nested transaction is a savepoint. */
  private upsertOne(rec: GleanerRecord, fts: FtsOp[]): UpsertResult {
    return this.db.transaction((): UpsertResult => {
      const keys = recordKeys(rec);
      const now = new Date().toISOString();
      // entities corrected by the lexicon and linked to entity ids; the record as given is kept as `extracted`
      const linked = (id: string, replace: boolean) => {
        const { entities, extracted } = this.ents.prepare(id, rec.entities, keys.publishedAt ?? now, replace);
        const stored = { ...rec, entities };
        return { stored, data: JSON.stringify(stored), extracted };
      };
      const byKey = this.stmt('SELECT seq, id, revision, content_hash, syndicated_from FROM records WHERE url_key = ?');
      const originalOf = (excludeId: string | null): string | null => {
        if (!keys.syndicatable) return null;
        const row = this.stmt('SELECT id, syndicated_from FROM records WHERE content_hash = ? AND id IS NOT ? ORDER BY seq LIMIT 1').get(keys.contentHash, excludeId) as
          | { id: string; syndicated_from: string | null }
          | undefined;
        if (row) return row.syndicated_from ?? row.id;
        // the same text as an earlier version of a record that has changed since
        const rev = this.stmt(
          `SELECT r.id, r.syndicated_from FROM record_revisions v JOIN records r ON r.id = v.record_id
           WHERE v.content_hash = ? AND r.id IS NOT ? ORDER BY r.seq LIMIT 1`,
        ).get(keys.contentHash, excludeId) as { id: string; syndicated_from: string | null } | undefined;
        return rev ? (rev.syndicated_from ?? rev.id) : null;
      };

      let existing = byKey.get(keys.urlKey) as RecordRow | undefined;
      if (!existing && keys.altKey) existing = byKey.get(keys.altKey) as RecordRow | undefined;
      if (!existing && !keys.url && !keys.canonicalUrl) {
        // No URL at all: the content is the identity, so the same text anywhere is this record.
        const same = this.stmt('SELECT id, revision FROM records WHERE content_hash = ? ORDER BY seq LIMIT 1').get(keys.contentHash) as
          | { id: string; revision: number }
          | undefined;
        if (same) return { id: same.id, status: 'unchanged', revision: same.revision };
      }
      if (existing) {
        if (existing.content_hash === keys.contentHash) return { id: existing.id, status: 'unchanged', revision: existing.revision };
        const revision = existing.revision + 1;
        // the superseded version moves to record_revisions; records holds the current one
        this.stmt(
          'INSERT INTO record_revisions (record_id, revision, content_hash, created_at, data) SELECT id, revision, content_hash, updated_at, data FROM records WHERE id = ?',
        ).run(existing.id);
        const { stored, data, extracted } = linked(existing.id, true);
        this.stmt(
          `UPDATE records SET url = ?, canonical_url = ?, source = ?, title = ?, published_at = ?, content_hash = ?, revision = ?,
             syndicated_from = ?, updated_at = ?, data = ?, extracted = ? WHERE id = ?`,
        ).run(keys.url, keys.canonicalUrl, keys.source, rec.title, keys.publishedAt, keys.contentHash, revision, originalOf(existing.id), now, data, extracted, existing.id);
        this.writeIndexes(existing.seq, existing.id, stored, true, fts);
        return { id: existing.id, status: 'updated', revision };
      }
      const original = originalOf(null);
      const id = newRecordId();
      const { stored, data, extracted } = linked(id, false);
      const info = this.stmt(
        `INSERT INTO records (id, url_key, url, canonical_url, source, title, published_at, content_hash, revision, syndicated_from, created_at, updated_at, data, extracted)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
      ).run(id, keys.urlKey, keys.url, keys.canonicalUrl, keys.source, rec.title, keys.publishedAt, keys.contentHash, original, now, now, data, extracted);
      this.writeIndexes(Number(info.lastInsertRowid), id, stored, false, fts);
      return { id, status: original ? 'syndicated' : 'inserted', revision: 1 };
    })();
  }

  /** Entity rows for a record just written; its full-text row is queued for the end of the batch. */
  private writeIndexes(seq: number, id: string, rec: GleanerRecord, replace: boolean, fts: FtsOp[]): void {
    if (replace) this.stmt('DELETE FROM entities WHERE record_id = ?').run(id);
    const ins = this.stmt('INSERT OR IGNORE INTO entities (record_id, type, term, name, key, code, mentions, alias) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const e of entityRows(rec)) ins.run(id, e.type, e.term, e.name, e.key, e.code, e.mentions, e.alias ? 1 : 0);
    fts.push({ seq, replace, ...searchText(rec) });
  }

  /** Prepared statements, cached by SQL text (bounded: filters make a few shapes each). */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size > 500) this.statements.clear();
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  async get(idOrUrl: string): Promise<StoredRecord | null> {
    const key = idOrUrl.trim().replace(/#.*$/, '');
    const row = this.guard('get', () =>
      this.db
        .prepare(
          `SELECT * FROM records WHERE id = @k OR url_key = @k OR canonical_url = @k OR url = @k
           ORDER BY (id = @k) DESC, (url_key = @k) DESC, seq LIMIT 1`,
        )
        .get({ k: key }),
    ) as RecordRow | undefined;
    return row ? toStored(row) : null;
  }

  async revisions(id: string): Promise<StoredRecord[]> {
    const rows = this.guard('revisions', () =>
      this.stmt(
        `SELECT v.record_id AS id, v.revision, r.syndicated_from, r.created_at, v.created_at AS updated_at, v.data
         FROM record_revisions v JOIN records r ON r.id = v.record_id WHERE v.record_id = @id
         UNION ALL
         SELECT id, revision, syndicated_from, created_at, updated_at, data FROM records WHERE id = @id
         ORDER BY revision`,
      ).all({ id }),
    ) as RecordRow[];
    return rows.map(toStored);
  }

  private select(f: NormalisedFilter, what: 'rows' | 'count'): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const bind: Bind = (v) => {
      params.push(v);
      return '?';
    };
    let from = 'records r';
    let order = 'r.published_at DESC NULLS LAST, r.seq DESC';
    const excluded = f.query && !f.query.clauses.length ? fts5Exclusions(f.query) : null;
    if (f.query && !excluded) {
      from += ` JOIN (SELECT rowid AS fts_rowid, bm25(records_fts, 4.0, 1.0) AS rank FROM records_fts WHERE records_fts MATCH ${bind(fts5Match(f.query))}) f ON f.fts_rowid = r.seq`;
      order = 'f.rank, r.published_at DESC NULLS LAST, r.seq DESC';
    }
    const where = whereConditions(f, bind);
    // FTS5 cannot match "NOT x" alone: a pure negation is "not among the rows matching x".
    if (excluded) where.push(`r.seq NOT IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ${bind(excluded)})`);
    if (f.matchNothing) where.push('0');
    const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    if (what === 'count') return { sql: `SELECT count(*) AS n FROM ${from}${whereSql}`, params };
    let sql = `SELECT r.* FROM ${from}${whereSql} ORDER BY ${order}`;
    if (f.limit !== null || f.offset) sql += ` LIMIT ${bind(f.limit ?? -1)} OFFSET ${bind(f.offset)}`;
    return { sql, params };
  }

  async list(filter: RecordFilter = {}): Promise<StoredRecord[]> {
    const f = normaliseFilter(filter);
    if (f.limit === 0) return [];
    const { sql, params } = this.select(f, 'rows');
    return (this.guard('list', () => this.stmt(sql).all(...params)) as RecordRow[]).map(toStored);
  }

  async count(filter: RecordFilter = {}): Promise<number> {
    const f = normaliseFilter({ ...filter, limit: undefined, offset: undefined });
    const { sql, params } = this.select(f, 'count');
    return (this.guard('count', () => this.stmt(sql).get(...params)) as { n: number }).n;
  }

  async topEntities(opts: { type?: EntityType; since?: string; until?: string; limit?: number } = {}): Promise<EntityCount[]> {
    const params: unknown[] = [];
    const bind: Bind = (v) => {
      params.push(v);
      return '?';
    };
    const { where, needsRecords } = topEntityConditions(opts, bind);
    const limit = opts.limit ?? 20;
    if (!(Number.isInteger(limit) && limit >= 0)) throw new InputError('--limit takes a whole number ≥ 0');
    const sql = `
      SELECT t.type, t.key, t.code, t.mentions, t.articles,
        (SELECT e2.name FROM entities e2 WHERE e2.type = t.type AND e2.key = t.key AND e2.alias = 0
         GROUP BY e2.name ORDER BY count(*) DESC, e2.name LIMIT 1) AS name
      FROM (
        SELECT e.type, e.key, max(e.code) AS code, sum(e.mentions) AS mentions, count(DISTINCT e.record_id) AS articles
        FROM entities e${needsRecords ? ' JOIN records r ON r.id = e.record_id' : ''}
        WHERE ${where.join(' AND ')}
        GROUP BY e.type, e.key
        ORDER BY articles DESC, mentions DESC, e.key
        LIMIT ${bind(limit)}
      ) t
      ORDER BY t.articles DESC, t.mentions DESC, t.key`;
    const rows = this.guard('topEntities', () => this.stmt(sql).all(...params)) as Array<{
      type: EntityType;
      name: string;
      code: string | null;
      mentions: number;
      articles: number;
    }>;
    return rows.map((r) => ({ type: r.type, name: r.name, code: r.code, mentions: r.mentions, articles: r.articles }));
  }

  async hasUrl(url: string): Promise<boolean> {
    const key = url.trim().replace(/#.*$/, '');
    return Boolean(this.guard('hasUrl', () => this.stmt('SELECT 1 FROM records WHERE url_key = @k OR canonical_url = @k OR url = @k LIMIT 1').get({ k: key })));
  }

  async hasFeedItem(feedUrl: string, itemId: string): Promise<boolean> {
    return Boolean(this.guard('hasFeedItem', () => this.stmt('SELECT 1 FROM feed_items WHERE feed_url = ? AND item_id = ?').get(feedUrl, itemId)));
  }

  async markFeedItem(feedUrl: string, itemId: string, url: string): Promise<void> {
    this.guard('markFeedItem', () =>
      this.stmt('INSERT OR IGNORE INTO feed_items (feed_url, item_id, url, seen_at) VALUES (?, ?, ?, ?)').run(feedUrl, itemId, url, new Date().toISOString()),
    );
  }

  async putRaw(hash: string, body: Uint8Array, contentType: string | null): Promise<void> {
    this.guard('putRaw', () =>
      this.db
        .prepare('INSERT OR IGNORE INTO raw_pages (hash, body, content_type, size, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(hash, Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType, body.byteLength, new Date().toISOString()),
    );
  }

  async getRaw(hash: string): Promise<{ body: Uint8Array; contentType: string | null } | null> {
    const row = this.guard('getRaw', () => this.db.prepare('SELECT body, content_type FROM raw_pages WHERE hash = ?').get(hash)) as
      | { body: Buffer; content_type: string | null }
      | undefined;
    return row ? { body: new Uint8Array(row.body.buffer, row.body.byteOffset, row.body.byteLength), contentType: row.content_type } : null;
  }

  async saveFeed(feed: FeedState): Promise<void> {
    this.guard(
      'saveFeed',
      () =>
        this.db
          .prepare(
            `INSERT INTO feeds (id, url, every, etag, last_modified, last_polled_at, last_status, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET url = excluded.url, every = excluded.every, etag = excluded.etag, last_modified = excluded.last_modified,
               last_polled_at = excluded.last_polled_at, last_status = excluded.last_status, title = excluded.title`,
          )
          .run(feed.id, feed.url, feed.every, feed.etag, feed.lastModified, feed.lastPolledAt, feed.lastStatus, feed.title),
      { feed: feed.id, url: feed.url },
    );
  }

  async getFeed(idOrUrl: string): Promise<FeedState | null> {
    const row = this.guard('getFeed', () => this.db.prepare('SELECT * FROM feeds WHERE id = @k OR url = @k ORDER BY (id = @k) DESC LIMIT 1').get({ k: idOrUrl })) as
      | FeedRow
      | undefined;
    return row ? feedFromRow(row) : null;
  }

  async listFeeds(): Promise<FeedState[]> {
    return (this.guard('listFeeds', () => this.db.prepare('SELECT * FROM feeds ORDER BY id').all()) as FeedRow[]).map(feedFromRow);
  }

  async removeFeed(id: string): Promise<boolean> {
    return this.guard('removeFeed', () => this.db.prepare('DELETE FROM feeds WHERE id = ?').run(id)).changes > 0;
  }

  async getEntity(ref: string, type?: EntityType): Promise<ent.StoredEntity | null> {
    return this.guard('getEntity', () => this.ents.run(ent.findEntity(ref, type === 'date' ? undefined : type)));
  }

  async listEntities(query: ent.EntityQuery = {}): Promise<ent.StoredEntity[]> {
    return this.guard('listEntities', () => this.ents.run(ent.listEntities(query)));
  }

  async entityDays(id: string): Promise<Array<{ day: string; records: number; mentions: number }>> {
    return this.guard('entityDays', () => this.ents.run(ent.entityDays(id)));
  }

  async coEntities(id: string, limit?: number): Promise<Array<{ entity: ent.StoredEntity; records: number }>> {
    return this.guard('coEntities', () => this.ents.run(ent.coEntities(id, limit)));
  }

  async addCorrection(input: ent.CorrectionInput) {
    if (this.pending.length) this.flush();
    return this.guard('addCorrection', () => this.ents.write(() => ent.addCorrection('sqlite', input)));
  }

  async undoCorrection(id: string, author: string) {
    if (this.pending.length) this.flush();
    return this.guard('undoCorrection', () => this.ents.write(() => ent.undoCorrection('sqlite', id, author)));
  }

  async refresh(id: string, record: GleanerRecord): Promise<UpsertResult> {
    const rec = validateRecord(record);
    const keys = recordKeys(rec);
    if (this.pending.length) this.flush();
    const outcome = this.guard('refresh', () =>
      this.ents.write(() => {
        const lexicon = this.ents.refreshLexicon();
        return ent.refreshRecord('sqlite', id, rec, keys.contentHash, keys.publishedAt, lexicon);
      }),
    );
    if (outcome === null) return this.upsert(rec);
    if (outcome === 'missing') throw new InputError(`no record with id ${id}`);
    const row = this.stmt('SELECT revision FROM records WHERE id = ?').get(id) as { revision: number };
    return { id, status: outcome, revision: row.revision };
  }

  async listCorrections(): Promise<ent.StoredCorrection[]> {
    return this.guard('listCorrections', () => this.ents.run(ent.listCorrections()));
  }

  async lexicon(): Promise<Lexicon> {
    return this.guard('lexicon', () => this.ents.run(ent.loadLexicon()));
  }

  async lexiconVersion(): Promise<number> {
    return this.guard('lexiconVersion', () => this.ents.run(ent.currentLexiconVersion()));
  }

  async importCorrections(lexicon: Lexicon): Promise<number> {
    if (this.pending.length) this.flush();
    return this.guard('importCorrections', () => this.ents.write(() => ent.importCorrections('sqlite', lexicon)));
  }

  async close(): Promise<void> {
    if (this.pending.length) this.flush();
    if (!this.db.open) return;
    try {
      this.db.pragma('optimize'); // refresh planner statistics where they changed a lot
    } catch {
      // a read-only or busy database keeps its old statistics
    }
    this.db.close();
  }

  /** Runs a statement, turning driver errors into StoreError (InputError passes through). */
  private guard<T>(op: string, fn: () => T, context: Record<string, unknown> = {}): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw storeFailure(`sqlite ${op} failed`, { op, ...context }, err);
    }
  }
}

export function toStored(row: RecordRow): StoredRecord {
  const rec = JSON.parse(row.data) as GleanerRecord;
  return {
    id: row.id,
    revision: row.revision,
    ...rec,
    syndicatedFrom: row.syndicated_from ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
