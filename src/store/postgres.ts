// PostgreSQL store, for a team: several workers on several machines against one database.
// Same contract and same tests as sqlite.ts. Upserts serialise per URL and per content hash with
// transaction-scoped advisory locks, so racing workers still leave one record.
import pg from 'pg';
import { ConfigError, InputError, StoreError, StoreUnavailableError } from '../errors.js';
import { postgresMigrations } from './migrations/postgres.js';
import { storeFailure } from './unavailable.js';
import { entityRows, validateRecord, newRecordId, recordKeys, searchText, SEARCH_TEXT_VERSION, type RecordKeys } from './query.js';
import { SqlStoreReads } from './sql-store.js';
import type { GleanerRecord } from '../record/schema.js';
import { sha256Hex } from '../text/hash.js';
import type { Lexicon } from '../extract/lexicon.js';
import type { Store, UpsertResult } from './types.js';
import { PostgresEntities } from './postgres-entities.js';
import type { LinkBatch } from './link-batch.js';
import * as ent from './entities.js';
import { numberPlaceholders, runAsync, type Step } from './entity-sql.js';
import { tsConfigOf } from './dialect.js';

export interface PostgresStoreOptions {
  /** postgres://user@host:port/database */
  url: string;
  /** Schema holding gleaner's tables (created when missing). Default: public. */
  schema?: string;
  /** Pool size. */
  max?: number;
  /** Connect timeout (ms): a database that accepts but never answers fails in this long. Default 5 s. */
  connectTimeoutMs?: number;
  /**
   * Statement timeout (ms), enforced by the server (statement_timeout); the client gives up waiting
   * for an answer a little later (a silent network). Default 30 s.
   */
  queryTimeoutMs?: number;
  /** Idle pooled connections close after this (ms); also idle_in_transaction_session_timeout. Default 10 s. */
  idleTimeoutMs?: number;
}

export const PG_DEFAULT_TIMEOUTS = { connectTimeoutMs: 5_000, queryTimeoutMs: 30_000, idleTimeoutMs: 10_000 } as const;
/** The client-side read timeout is a little longer than the server's statement_timeout (half of it, at
 *  most 5 s more), so a slow statement is cancelled by the server (an ordinary error) and only a
 *  silent network trips the client's. */
const queryGraceMs = (queryTimeoutMs: number) => Math.min(5_000, Math.ceil(queryTimeoutMs / 2));

type Queryable = pg.Pool | pg.PoolClient;

export { tsQuery } from './dialect.js';

function maskUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*)(:[^@/]*)?@/, (_m, user) => `//${user}${user ? ':***' : ''}@`);
}

/** A signed 64-bit advisory lock key for a string. */
function lockKey(s: string): string {
  return BigInt.asIntN(64, BigInt('0x' + sha256Hex(s).slice(0, 16))).toString();
}

/**
 * Splits items into at most `n` lanes so that items sharing any name are in the same lane, each lane
 * in input order (union-find over names, then connected groups dealt to the emptiest lane).
 */
export function splitLanes<T>(items: T[], n: number, names: (item: T) => string[]): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  items.forEach((item, i) => {
    for (const name of names(item)) {
      const j = owner.get(name);
      if (j === undefined) owner.set(name, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  items.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  const lanes: number[][] = Array.from({ length: Math.max(1, Math.min(n, groups.size)) }, () => []);
  for (const group of [...groups.values()].sort((a, b) => b.length - a.length)) {
    const lane = lanes.reduce((best, l) => (l.length < best.length ? l : best), lanes[0]);
    lane.push(...group);
  }
  return lanes.filter((l) => l.length).map((l) => l.sort((a, b) => a - b).map((i) => items[i]));
}

/** Records per transaction in upsertMany. */
const UPSERT_MANY_CHUNK = 100;
/** Parallel transactions in upsertMany (pool connections it may take at once). */
const UPSERT_MANY_LANES = 4;

/** A stored record an upsert meets (findRecord). */
interface FoundRow {
  kind: 'key' | 'hash' | 'revision';
  seq: string;
  id: string;
  revision: number;
  content_hash: string;
  syndicated_from: string | null;
  is_primary: boolean;
}

/** A new record of a bulk chunk, written with the others (insertPending). */
interface PendingInsert {
  id: string;
  keys: RecordKeys;
  rec: GleanerRecord;
  text: { title: string; body: string };
  data: string;
  extracted: string;
  original: string | null;
  now: string;
  rows: ReturnType<typeof entityRows>;
}

/** The lookup of an upsert, for a URL key, the URL keys (an array) and a content hash given as SQL expressions. */
const FOUND_SQL = (urlKey: string, urlKeys: string, hash: string) =>
  `SELECT 'key' AS kind, seq, id, revision, content_hash, syndicated_from, url_key = ${urlKey} AS is_primary FROM records WHERE url_key = ANY(${urlKeys})
   UNION ALL
   (SELECT 'hash', seq, id, revision, content_hash, syndicated_from, false FROM records WHERE content_hash = ${hash} ORDER BY seq LIMIT 2)
   UNION ALL
   (SELECT 'revision', r.seq, r.id, r.revision, v.content_hash, r.syndicated_from, false
    FROM record_revisions v JOIN records r ON r.id = v.record_id WHERE v.content_hash = ${hash} ORDER BY r.seq LIMIT 2)`;

/** The tsvector of a record: title ($1) and body ($2), stemmed by the text-search configuration of its language (`config`). */
const ftsSql = (config: string) =>
  `setweight(to_tsvector(CAST(${config} AS regconfig), $1), 'A') || setweight(to_tsvector(CAST(${config} AS regconfig), $2), 'B')`;

export class PostgresStore extends SqlStoreReads implements Store {
  readonly kind = 'postgres';
  protected readonly dialect = 'postgres' as const;
  private closed = false;
  private readonly ents = new PostgresEntities();

  private constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
    private readonly closeTimeoutMs = 2_000,
  ) {
    super();
  }

  static async open(opts: PostgresStoreOptions): Promise<PostgresStore> {
    const schema = opts.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new ConfigError(`PostgreSQL schema name '${schema}' must be lower-case letters, digits and _`);
    const connectTimeoutMs = opts.connectTimeoutMs ?? PG_DEFAULT_TIMEOUTS.connectTimeoutMs;
    const queryTimeoutMs = opts.queryTimeoutMs ?? PG_DEFAULT_TIMEOUTS.queryTimeoutMs;
    const idleTimeoutMs = opts.idleTimeoutMs ?? PG_DEFAULT_TIMEOUTS.idleTimeoutMs;
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.max ?? 6,
      options: `-c search_path=${schema}`,
      connectionTimeoutMillis: connectTimeoutMs,
      idleTimeoutMillis: idleTimeoutMs,
      statement_timeout: queryTimeoutMs,
      query_timeout: queryTimeoutMs + queryGraceMs(queryTimeoutMs),
      idle_in_transaction_session_timeout: Math.max(idleTimeoutMs, queryTimeoutMs),
      keepAlive: true,
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const store = new PostgresStore(pool, schema, Math.min(2_000, connectTimeoutMs));
    try {
      await store.migrate();
      await store.reindexSearch();
      const unlinked = await store.q('backfill', 'SELECT 1 FROM records WHERE extracted IS NULL LIMIT 1');
      if (unlinked.length) await store.tx('backfill', [lockKey(`${schema}:entities`)], (c) => store.ents.run(c, store.ents.backfillStep()));
    } catch (err) {
      await store.close().catch(() => {});
      if (err instanceof StoreError || err instanceof StoreUnavailableError) throw err;
      throw storeFailure(`cannot open PostgreSQL database ${maskUrl(opts.url)}`, { url: maskUrl(opts.url), schema }, err);
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    const onClientError = (err: Error) => (broken = err); // see tx()
    client.on('error', onClientError);
    try {
      await client.query(`SELECT pg_advisory_lock(${lockKey('gleaner-migrate:' + this.schema)})`);
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
        );
        const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
        for (const m of postgresMigrations) {
          if (done.has(m.version)) continue;
          await client.query('BEGIN');
          try {
            await client.query(m.sql);
            await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
            await client.query('COMMIT');
          } catch (err) {
            await client.query('ROLLBACK').catch(() => {});
            throw storeFailure(`PostgreSQL migration ${m.version} (${m.name}) failed`, { schema: this.schema }, err);
          }
        }
      } finally {
        await client
          .query(`SELECT pg_advisory_unlock(${lockKey('gleaner-migrate:' + this.schema)})`)
          .catch((err: Error) => (broken ??= err));
      }
    } finally {
      client.off('error', onClientError);
      client.release(broken);
    }
  }

  /**
   * Full-text vectors written by an older version — every record stemmed as English before each
   * used its language's configuration (tsConfigOf), words joined across apostrophes before
   * SEARCH_TEXT_VERSION 2 — are written again, once per store (the text is folded in JS like at write
   * time, so this is not a SQL migration).
   */
  private async reindexSearch(): Promise<void> {
    const current = `SELECT 1 FROM store_meta WHERE key = 'fts_version' AND value >= ${SEARCH_TEXT_VERSION}`;
    if ((await this.q('reindexSearch', current)).length) return;
    await this.tx('reindexSearch', [lockKey(`${this.schema}:fts-version`)], async (c) => {
      if ((await c.query(current)).rows.length) return;
      for (let last = '0'; ;) {
        const rows = (
          await c.query<{ seq: string; title: string | null; text: string; language: string | null }>(
            `SELECT seq, data->>'title' AS title, data->>'text' AS text, language FROM records WHERE seq > $1 ORDER BY seq LIMIT 500`,
            [last],
          )
        ).rows;
        if (!rows.length) break;
        const texts = rows.map((r) => searchText({ title: r.title, text: r.text ?? '' } as GleanerRecord));
        await c.query(
          `UPDATE records r SET fts = setweight(to_tsvector(CAST(u.config AS regconfig), u.title), 'A') || setweight(to_tsvector(CAST(u.config AS regconfig), u.body), 'B')
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u(seq, config, title, body) WHERE r.seq = u.seq`,
          [rows.map((r) => r.seq), rows.map((r) => tsConfigOf(r.language)), texts.map((t) => t.title), texts.map((t) => t.body)],
        );
        last = rows[rows.length - 1].seq;
      }
      await c.query(
        `INSERT INTO store_meta (key, value) VALUES ('fts_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [SEARCH_TEXT_VERSION],
      );
    });
  }

  /** Applied migration versions. */
  async migrations(): Promise<number[]> {
    return (await this.q<{ version: number }>('migrations', 'SELECT version FROM schema_migrations ORDER BY version')).map(
      (r) => r.version,
    );
  }

  /**
   * Four round trips for a new record: BEGIN + advisory locks (URL keys and content hash, in a fixed
   * order), one lookup, one write (CTEs), COMMIT.
   */
  async upsert(record: GleanerRecord): Promise<UpsertResult> {
    const rec = validateRecord(record);
    const keys = recordKeys(rec);
    return this.tx('upsert', this.locksFor([keys]), async (c) => {
      await this.ents.refreshLexicon(c);
      const batch = this.ents.batch();
      const result = await this.upsertIn(c, rec, keys, batch, await this.findRecord(c, keys));
      await this.ents.flush(c, batch);
      return result;
    });
  }

  /**
   * Bulk import. Records that share a URL, a content hash or an entity name go to the same lane, in
   * input order; lanes are independent, so they run in parallel transactions (chunks of
   * UPSERT_MANY_CHUNK) with the same result as one-by-one upserts. (Entity resolution depends on
   * order — a bare surname joins the full names stored before it — and two transactions creating
   * the same entities in different orders deadlock on the entity index: shared entities keep
   * records in one lane. News records mostly share a country, so a real import is mostly one lane.)
   * Everything is validated before anything is written.
   */
  async upsertMany(records: GleanerRecord[]): Promise<UpsertResult[]> {
    const items = records.map(validateRecord).map((rec, index) => ({ rec, keys: recordKeys(rec), index }));
    let lexicon: Lexicon;
    try {
      lexicon = await this.ents.refreshLexicon(this.pool);
    } catch (err) {
      throw storeFailure('postgres upsertMany failed', { op: 'upsertMany' }, err);
    }
    const lanes = splitLanes(items, UPSERT_MANY_LANES, (x) => [...this.lockNames(x.keys), ...this.ents.namesOf(x.rec.entities, lexicon)]);
    const results: UpsertResult[] = new Array(items.length);
    await Promise.all(
      lanes.map(async (lane) => {
        for (let i = 0; i < lane.length; i += UPSERT_MANY_CHUNK) {
          const chunk = lane.slice(i, i + UPSERT_MANY_CHUNK);
          const done = await this.tx('upsertMany', this.locksFor(chunk.map((x) => x.keys)), async (c) => {
            await this.ents.refreshLexicon(c);
            // one transaction's entity state: the chunk's lookups in one round trip, its link, term
            // and count writes in one statement each at the end
            const batch = this.ents.batch({ deferCreates: true });
            await this.ents.lookAhead(
              c,
              batch,
              chunk.map((x) => x.rec.entities),
            );
            // the chunk's record lookups in one round trip too; a record that meets one written
            // earlier in the chunk (same URL key or text, or its old text) is looked up again
            const prefound = await this.findRecords(
              c,
              chunk.map((x) => x.keys),
            );
            const touched = new Set<string>();
            const meets = (k: RecordKeys, found: FoundRow[]) => [
              'key:' + k.urlKey,
              ...(k.altKey ? ['key:' + k.altKey] : []),
              'hash:' + k.contentHash,
              ...found.map((f) => 'id:' + f.id),
            ];
            const out: UpsertResult[] = [];
            // new records are written together (insertPending): before a lookup that must see them, and at the end
            const pending: PendingInsert[] = [];
            for (const [n, { rec, keys }] of chunk.entries()) {
              const stale = meets(keys, prefound[n]).some((m) => touched.has(m));
              if (stale) await this.insertPending(c, pending);
              const found = stale ? await this.findRecord(c, keys) : prefound[n];
              const result = await this.upsertIn(c, rec, keys, batch, found, pending);
              out.push(result);
              for (const m of meets(keys, found)) touched.add(m);
              touched.add('id:' + result.id);
            }
            await this.insertPending(c, pending);
            await this.ents.flush(c, batch);
            return out;
          });
          chunk.forEach((x, k) => (results[x.index] = done[k]));
        }
      }),
    );
    return results;
  }

  private lockNames(keys: RecordKeys): string[] {
    const names = [keys.urlKey];
    if (keys.altKey) names.push(keys.altKey);
    if (keys.syndicatable || (!keys.url && !keys.canonicalUrl)) names.push('hash:' + keys.contentHash);
    return names;
  }

  /** Advisory lock keys for records' URL keys and content hashes, deduplicated and sorted (no deadlocks). */
  private locksFor(all: RecordKeys[]): string[] {
    return [...new Set(all.flatMap((k) => this.lockNames(k)).map((n) => lockKey(`${this.schema}:${n}`)))].sort();
  }

  /** The stored records an upsert of `keys` meets: by URL key, by content hash, by an earlier version's hash. */
  private async findRecord(c: pg.PoolClient, keys: RecordKeys): Promise<FoundRow[]> {
    const urlKeys = [keys.urlKey, keys.altKey].filter((k): k is string => k !== null);
    return (await c.query<FoundRow>(`${FOUND_SQL('$1', '$2::text[]', '$3')}`, [keys.urlKey, urlKeys, keys.contentHash])).rows;
  }

  /** findRecord for many records in one round trip (a chunk's records, before any is written). */
  private async findRecords(c: pg.PoolClient, all: RecordKeys[]): Promise<FoundRow[][]> {
    const rows = (
      await c.query<FoundRow & { i: string }>(
        `SELECT q.i, f.* FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS q(url_key, alt_key, hash, i)
         CROSS JOIN LATERAL (${FOUND_SQL('q.url_key', 'ARRAY[q.url_key, q.alt_key]', 'q.hash')}) f`,
        [all.map((k) => k.urlKey), all.map((k) => k.altKey), all.map((k) => k.contentHash)],
      )
    ).rows;
    const out: FoundRow[][] = all.map(() => []);
    for (const { i, ...r } of rows) out[Number(i) - 1].push(r);
    return out;
  }

  private async upsertIn(
    c: pg.PoolClient,
    given: GleanerRecord,
    keys: RecordKeys,
    batch: LinkBatch,
    found: FoundRow[],
    pending?: PendingInsert[],
  ): Promise<UpsertResult> {
    let rec = given;
    const now = new Date().toISOString();
    const byKey = found.filter((f) => f.kind === 'key').sort((x, y) => Number(y.is_primary) - Number(x.is_primary));
    const sameText = found.filter((f) => f.kind === 'hash');
    const originalOf = (excludeId: string | null): string | null => {
      if (!keys.syndicatable) return null;
      // a current record with this text first, else a record that had it in an earlier version
      const row = sameText.find((f) => f.id !== excludeId) ?? found.find((f) => f.kind === 'revision' && f.id !== excludeId);
      return row ? (row.syndicated_from ?? row.id) : null;
    };
    const existing = byKey[0];
    if (!existing && !keys.url && !keys.canonicalUrl && sameText[0]) {
      // No URL at all: the content is the identity, so the same text anywhere is this record.
      return { id: sameText[0].id, status: 'unchanged', revision: sameText[0].revision };
    }
    // entities corrected by the lexicon and linked to entity ids; the record as given is kept as `extracted`
    const id = existing && existing.content_hash !== keys.contentHash ? existing.id : existing ? null : newRecordId();
    if (!id) return { id: existing!.id, status: 'unchanged', revision: existing!.revision };
    const prepared = await this.ents.prepare(c, id, given.entities, keys.publishedAt ?? now, Boolean(existing), batch);
    rec = { ...given, entities: prepared.entities };
    const data = JSON.stringify(rec);
    const text = searchText(rec);
    const rows = entityRows(rec);
    const entityArrays = [
      rows.map((e) => e.type),
      rows.map((e) => e.term),
      rows.map((e) => e.name),
      rows.map((e) => e.key),
      rows.map((e) => e.code),
      rows.map((e) => e.mentions),
      rows.map((e) => (e.alias ? 1 : 0)),
    ];
    const insertEntities = (first: number) =>
      `INSERT INTO entities (record_id, type, term, name, key, code, mentions, alias)
       SELECT $${first}, * FROM unnest($${first + 1}::text[], $${first + 2}::text[], $${first + 3}::text[], $${first + 4}::text[], $${first + 5}::text[], $${first + 6}::int[], $${first + 7}::smallint[])
       ON CONFLICT DO NOTHING`;
    if (existing) {
      const revision = existing.revision + 1;
      // CTEs share one snapshot: the superseded version is copied before the update lands
      await c.query(
        `WITH old AS (
           INSERT INTO record_revisions (record_id, revision, content_hash, created_at, data)
           SELECT id, revision, content_hash, updated_at, data FROM records WHERE id = $13
         ), gone AS (DELETE FROM entities WHERE record_id = $13)
         UPDATE records SET url = $3, canonical_url = $4, source = $5, title = $6, published_at = $7, content_hash = $8, revision = $9,
           syndicated_from = $10, updated_at = $11, data = $12, fts = ${ftsSql('$16')}, extracted = $14, language = $15 WHERE id = $13`,
        [
          text.title,
          text.body,
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
          existing.id,
          prepared.extracted,
          rec.language,
          tsConfigOf(rec.language),
        ],
      );
      if (rows.length) await c.query(insertEntities(1), [existing.id, ...entityArrays]);
      return { id: existing.id, status: 'updated', revision };
    }
    const original = originalOf(null);
    if (pending) {
      pending.push({ id, keys, rec, text, data, extracted: prepared.extracted, original, now, rows });
      return { id, status: original ? 'syndicated' : 'inserted', revision: 1 };
    }
    await c.query(
      `WITH ent AS (${insertEntities(15)})
       INSERT INTO records (id, url_key, url, canonical_url, source, title, published_at, content_hash, revision, syndicated_from, created_at, updated_at, data, fts, extracted, language)
       VALUES ($3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $12, $13, ${ftsSql('$24')}, $14, $23)`,
      [
        text.title,
        text.body,
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
        data,
        prepared.extracted,
        id,
        ...entityArrays,
        rec.language,
        tsConfigOf(rec.language),
      ],
    );
    return { id, status: original ? 'syndicated' : 'inserted', revision: 1 };
  }

  /** Writes new records of a bulk chunk (and their entity index rows) in one statement, in order. */
  private async insertPending(c: pg.PoolClient, pending: PendingInsert[]): Promise<void> {
    if (!pending.length) return;
    const list = pending.splice(0);
    const ents = list.flatMap((p) => p.rows.map((e) => ({ id: p.id, e })));
    await c.query(
      `WITH ins AS (
         INSERT INTO records (id, url_key, url, canonical_url, source, title, published_at, content_hash, revision, syndicated_from, created_at, updated_at, data, fts, extracted, language)
         SELECT u.id, u.url_key, u.url, u.canonical_url, u.source, u.title, CAST(u.published_at AS timestamptz), u.content_hash, 1, u.syndicated_from,
           CAST(u.now AS timestamptz), CAST(u.now AS timestamptz), CAST(u.data AS json),
           setweight(to_tsvector(CAST(u.config AS regconfig), u.fts_title), 'A') || setweight(to_tsvector(CAST(u.config AS regconfig), u.fts_body), 'B'),
           u.extracted, u.language
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                     $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
           WITH ORDINALITY AS u(id, url_key, url, canonical_url, source, title, published_at, content_hash, syndicated_from, now, data, fts_title, fts_body, extracted, language, config, o)
         ORDER BY u.o
       )
       INSERT INTO entities (record_id, type, term, name, key, code, mentions, alias)
       SELECT * FROM unnest($17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[], $23::int[], $24::smallint[])
       ON CONFLICT DO NOTHING`,
      [
        list.map((p) => p.id),
        list.map((p) => p.keys.urlKey),
        list.map((p) => p.keys.url),
        list.map((p) => p.keys.canonicalUrl),
        list.map((p) => p.keys.source),
        list.map((p) => p.rec.title),
        list.map((p) => p.keys.publishedAt),
        list.map((p) => p.keys.contentHash),
        list.map((p) => p.original),
        list.map((p) => p.now),
        list.map((p) => p.data),
        list.map((p) => p.text.title),
        list.map((p) => p.text.body),
        list.map((p) => p.extracted),
        list.map((p) => p.rec.language),
        list.map((p) => tsConfigOf(p.rec.language)),
        ents.map((x) => x.id),
        ents.map((x) => x.e.type),
        ents.map((x) => x.e.term),
        ents.map((x) => x.e.name),
        ents.map((x) => x.e.key),
        ents.map((x) => x.e.code),
        ents.map((x) => x.e.mentions),
        ents.map((x) => (x.e.alias ? 1 : 0)),
      ],
    );
  }

  /** Runs a shared step (shared-sql.ts, entities.ts) on the pool, each statement's driver errors classified like q(). */
  protected read<T>(op: string, step: Step<T>): Promise<T> {
    return runAsync(step, async (s) => (await this.run(op, this.pool, numberPlaceholders(s.sql), s.params ?? [])).rows);
  }

  /** Corrections take one store-wide lock: they rewrite records in many places. */
  private correct<T>(op: string, step: () => Step<T>): Promise<T> {
    return this.tx(op, [lockKey(`${this.schema}:entities`)], (c) => this.ents.run(c, step()));
  }

  async addCorrection(input: ent.CorrectionInput) {
    return this.correct('addCorrection', () => ent.addCorrection('postgres', input));
  }

  async undoCorrection(id: string, author: string) {
    return this.correct('undoCorrection', () => ent.undoCorrection('postgres', id, author));
  }

  async refresh(id: string, record: GleanerRecord): Promise<UpsertResult> {
    const rec = validateRecord(record);
    const keys = recordKeys(rec);
    const outcome = await this.tx('refresh', this.locksFor([keys]), async (c) => {
      const lexicon = await this.ents.refreshLexicon(c);
      return this.ents.run(c, ent.refreshRecord('postgres', id, rec, keys.contentHash, keys.publishedAt, lexicon));
    });
    if (outcome === null) return this.upsert(rec);
    if (outcome === 'missing') throw new InputError(`no record with id ${id}`);
    const row = (await this.q<{ revision: number }>('refresh', 'SELECT revision FROM records WHERE id = $1', [id]))[0];
    return { id, status: outcome, revision: row.revision };
  }

  async importCorrections(lexicon: Lexicon): Promise<number> {
    return this.correct('importCorrections', () => ent.importCorrections('postgres', lexicon));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A client stuck on a silent connection keeps pool.end() waiting: bounded, so shutdown is too.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.pool.end(), new Promise<void>((r) => (timer = setTimeout(r, this.closeTimeoutMs)))]).finally(() =>
      clearTimeout(timer),
    );
  }

  /** Drops this store's schema and everything in it (tests), then closes the pool. */
  async dropSchema(): Promise<void> {
    if (this.schema === 'public') throw new ConfigError('refusing to drop the public schema');
    await this.q('dropSchema', `DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.close();
  }

  private async q<T extends pg.QueryResultRow = pg.QueryResultRow>(op: string, sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.run<T>(op, this.pool, sql, params)).rows;
  }

  private async run<T extends pg.QueryResultRow = pg.QueryResultRow>(
    op: string,
    on: Queryable,
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<T>> {
    try {
      return await on.query<T>(sql, params);
    } catch (err) {
      throw storeFailure(`postgres ${op} failed`, { op }, err);
    }
  }

  /** A transaction; `locks` (advisory lock keys, sorted) are taken with BEGIN in the same round trip. */
  private async tx<T>(op: string, locks: string[], fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    // Entity rows are shared by all records: two transactions creating the same new entities can
    // deadlock; PostgreSQL aborts one, and it is safe to run it again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.txOnce(op, locks, fn);
      } catch (err) {
        const code = (err as { cause?: { code?: string } }).cause?.code;
        if (attempt >= 6 || (code !== '40P01' && code !== '23505')) throw err;
        // a little jittered wait, so that the two do not meet again in the same step
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  }

  private async txOnce<T>(op: string, locks: string[], fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw storeFailure(`postgres ${op} failed: cannot connect`, { op }, err);
    }
    let broken: Error | undefined;
    // A checked-out client has no error listener of the pool's: without ours, a connection reset
    // between two statements would be an uncaught exception. The failing statement reports it.
    const onClientError = (err: Error) => (broken = err);
    client.on('error', onClientError);
    try {
      // lock keys are decimal integers we computed: safe to inline
      await client.query(['BEGIN', ...locks.map((k) => `SELECT pg_advisory_xact_lock(${BigInt(k)})`)].join('; '));
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      if (err instanceof pg.DatabaseError) await client.query('ROLLBACK').catch(() => {});
      // Anything but an error the server answered (a lost or silent connection, a read timeout)
      // leaves the connection in an unknown state: it is dropped, not returned to the pool (the
      // server rolls the transaction back when the connection goes).
      else broken = err instanceof Error ? err : new Error(String(err));
      if (err instanceof StoreError || err instanceof StoreUnavailableError || err instanceof InputError) throw err;
      throw storeFailure(`postgres ${op} failed`, { op }, err);
    } finally {
      client.off('error', onClientError);
      client.release(broken);
    }
  }
}
