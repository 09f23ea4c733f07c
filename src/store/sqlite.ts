// The embedded store: one SQLite file (WAL), better-sqlite3's synchronous API behind the async Store
// interface. Writes run in BEGIN IMMEDIATE transactions so several processes can share the file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../errors.js';
import { sqliteMigrations } from './migrations/sqlite.js';
import { isStoreUnavailable, storeFailure } from './unavailable.js';
import { entityRows, validateRecord, newRecordId, recordKeys, searchText, SEARCH_TEXT_VERSION } from './query.js';
import { SqlStoreReads } from './sql-store.js';
import type { Step } from './entity-sql.js';
import type { GleanerRecord } from '../record/schema.js';
import type { Lexicon } from '../extract/lexicon.js';
import type { Store, UpsertResult } from './types.js';
import { SqliteEntities } from './sqlite-entities.js';
import type { LinkBatch } from './link-batch.js';
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

export { fts5Match, fts5Exclusions } from './dialect.js';

/** A full-text index write, applied once the batch's savepoints are done. */
interface FtsOp {
  seq: number;
  replace: boolean;
  title: string;
  body: string;
}

export class SqliteStore extends SqlStoreReads implements Store {
  readonly kind = 'sqlite';
  protected readonly dialect = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private pending: Array<{ rec: GleanerRecord; resolve: (r: UpsertResult) => void; reject: (e: unknown) => void }> = [];
  private readonly ents: SqliteEntities;

  constructor(opts: SqliteStoreOptions) {
    super();
    try {
      if (opts.path !== ':memory:' && opts.path !== '') mkdirSync(dirname(opts.path), { recursive: true });
      this.db = new Database(opts.path);
      const busyTimeoutMs = Math.max(0, Math.floor(opts.busyTimeoutMs ?? 10_000));
      this.db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      enableWal(this.db, busyTimeoutMs);
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
      this.reindexSearch();
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
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    for (const m of sqliteMigrations) {
      const apply = this.db.transaction(() => {
        const done = this.db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version);
        if (done) return;
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      });
      apply.immediate();
    }
  }

  /**
   * A full-text index written by an older version (words joined across apostrophes before
   * SEARCH_TEXT_VERSION 2) is written again, once, in one write transaction, 500 records a read.
   */
  private reindexSearch(): void {
    const current = this.db.prepare(`SELECT 1 FROM store_meta WHERE key = 'fts_version' AND value >= ?`);
    if (current.get(SEARCH_TEXT_VERSION)) return;
    const page = this.db.prepare(
      `SELECT seq, json_extract(data, '$.title') AS title, json_extract(data, '$.text') AS text FROM records WHERE seq > ? ORDER BY seq LIMIT 500`,
    );
    const ins = this.db.prepare('INSERT INTO records_fts (rowid, title, body) VALUES (?, ?, ?)');
    const reindex = this.db.transaction(() => {
      if (current.get(SEARCH_TEXT_VERSION)) return;
      this.db.exec(`INSERT INTO records_fts (records_fts) VALUES ('delete-all')`);
      for (let last = 0; ;) {
        const rows = page.all(last) as Array<{ seq: number; title: string | null; text: string | null }>;
        if (!rows.length) break;
        for (const r of rows) {
          const t = searchText({ title: r.title, text: r.text ?? '' } as GleanerRecord);
          ins.run(r.seq, t.title, t.body);
        }
        last = rows[rows.length - 1].seq;
      }
      this.db
        .prepare(`INSERT INTO store_meta (key, value) VALUES ('fts_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
        .run(SEARCH_TEXT_VERSION);
    });
    reindex.immediate();
  }

  /** Applied migration versions (for tests and `status`). */
  migrations(): number[] {
    return (this.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map(
      (r) => r.version,
    );
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
    if (batch.length) this.writeAndSettle(batch);
  }

  /**
   * Writes a batch in one transaction and settles its promises. When a record fails, the whole
   * transaction rolls back (the batch's entity writes are shared, see link-batch.ts) and each record
   * is written again in its own transaction, so that only the failing one fails.
   */
  private writeAndSettle(batch: Array<{ rec: GleanerRecord; resolve: (r: UpsertResult) => void; reject: (e: unknown) => void }>): void {
    let results: UpsertResult[];
    try {
      results = this.writeBatch(batch.map((item) => item.rec));
    } catch (err) {
      if (batch.length > 1 && !isStoreUnavailable(err)) {
        for (const item of batch) this.writeAndSettle([item]);
        return;
      }
      const context = batch.length === 1 ? { op: 'upsert', url: batch[0].rec.url } : { op: 'upsert', batch: batch.length };
      const wrapped = err instanceof InputError ? err : storeFailure('sqlite upsert failed', context, err);
      for (const item of batch) item.reject(wrapped);
      return;
    }
    batch.forEach((item, i) => item.resolve(results[i]));
  }

  private writeBatch(recs: GleanerRecord[]): UpsertResult[] {
    try {
      return this.writeBatchTx(recs);
    } catch (err) {
      this.ents.forgetBatch(); // rolled back: the kept entity cache holds writes that never happened
      throw err;
    }
  }

  private writeBatchTx(recs: GleanerRecord[]): UpsertResult[] {
    return this.db
      .transaction(() => {
        this.ents.refreshLexicon();
        const links = this.ents.batch();
        // Full-text rows are written at the end: FTS5 flushes its pending index to a new segment at
        // every savepoint and statement boundary it sees, which made each record pay for a merge.
        const ftsOps: FtsOp[] = [];
        const results = recs.map((rec) => this.upsertOne(rec, ftsOps, links));
        this.ents.flush(links);
        const del = this.stmt('DELETE FROM records_fts WHERE rowid = ?');
        const ins = this.stmt('INSERT INTO records_fts (rowid, title, body) VALUES (?, ?, ?)');
        for (const op of ftsOps) {
          if (op.replace) del.run(op.seq);
          ins.run(op.seq, op.title, op.body);
        }
        return results;
      })
      .immediate();
  }

  /** One upsert inside the batch transaction. */
  private upsertOne(rec: GleanerRecord, fts: FtsOp[], links: LinkBatch): UpsertResult {
    const keys = recordKeys(rec);
    const now = new Date().toISOString();
    // entities corrected by the lexicon and linked to entity ids; the record as given is kept as `extracted`
    const linked = (id: string, replace: boolean) => {
      const { entities, extracted } = this.ents.prepare(id, rec.entities, keys.publishedAt ?? now, replace, links);
      const stored = { ...rec, entities };
      return { stored, data: JSON.stringify(stored), extracted };
    };
    const byKey = this.stmt('SELECT seq, id, revision, content_hash, syndicated_from FROM records WHERE url_key = ?');
    const originalOf = (excludeId: string | null): string | null => {
      if (!keys.syndicatable) return null;
      const row = this.stmt('SELECT id, syndicated_from FROM records WHERE content_hash = ? AND id IS NOT ? ORDER BY seq LIMIT 1').get(
        keys.contentHash,
        excludeId,
      ) as { id: string; syndicated_from: string | null } | undefined;
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
        { id: string; revision: number } | undefined;
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
             syndicated_from = ?, updated_at = ?, data = ?, extracted = ?, language = ? WHERE id = ?`,
      ).run(
        keys.url,
        keys.canonicalUrl,
        keys.source,
        rec.title,
        keys.publishedAt,
        keys.contentHash,
        revision,
        originalOf(existing.id),
        now,
        data,
        extracted,
        rec.language,
        existing.id,
      );
      this.writeIndexes(existing.seq, existing.id, stored, true, fts);
      return { id: existing.id, status: 'updated', revision };
    }
    const original = originalOf(null);
    const id = newRecordId();
    const { stored, data, extracted } = linked(id, false);
    const info = this.stmt(
      `INSERT INTO records (id, url_key, url, canonical_url, source, title, published_at, content_hash, revision, syndicated_from, created_at, updated_at, data, extracted, language)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      keys.urlKey,
      keys.url,
      keys.canonicalUrl,
      keys.source,
      rec.title,
      keys.publishedAt,
      keys.contentHash,
      original,
      now,
      now,
      data,
      extracted,
      rec.language,
    );
    this.writeIndexes(Number(info.lastInsertRowid), id, stored, false, fts);
    return { id, status: original ? 'syndicated' : 'inserted', revision: 1 };
  }

  /** Entity rows for a record just written; its full-text row is queued for the end of the batch. */
  private writeIndexes(seq: number, id: string, rec: GleanerRecord, replace: boolean, fts: FtsOp[]): void {
    if (replace) this.stmt('DELETE FROM entities WHERE record_id = ?').run(id);
    const ins = this.stmt(
      'INSERT OR IGNORE INTO entities (record_id, type, term, name, key, code, mentions, alias) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
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

  /** Runs a shared step (shared-sql.ts) outside the write batch; driver errors become StoreError. */
  protected read<T>(op: string, step: Step<T>, context: Record<string, unknown> = {}): T {
    return this.guard(op, () => this.ents.run(step), context);
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

export { toStored } from './shared-sql.js';

/**
 * WAL journal mode, on a connection being opened. SQLite may answer SQLITE_BUSY here without
 * waiting in its busy handler (it skips the wait where waiting could deadlock), as seen when a
 * worker was writing while a review command opened the store; so the switch is retried for up to
 * the busy timeout, as a busy statement would have waited.
 */
function enableWal(db: Database.Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY') !== true || Date.now() >= deadline) throw err;
      Atomics.wait(WAIT, 0, 0, 25);
    }
  }
}

/** A cell to block on for a short pause in synchronous code (Atomics.wait with a timeout). */
const WAIT = new Int32Array(new SharedArrayBuffer(4));
