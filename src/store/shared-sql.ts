// The reads and small writes that are the same SQL on both back ends, written once as steps
// (entity-sql.ts): records by id or URL, revisions, filtered lists and counts, top entities, feeds,
// feed items and raw pages. Each store only runs them; what differs comes from dialect.ts.
import { InputError } from '../errors.js';
import type { GleanerRecord } from '../record/schema.js';
import { DIALECTS, binder } from './dialect.js';
import type { Dialect, Step } from './entity-sql.js';
import { feedFromRow, topEntityConditions, whereConditions, type FeedRow, type NormalisedFilter } from './query.js';
import type { EntityCount, EntityType, FeedState, StoredRecord } from './types.js';

/** A record row as either driver returns it: SQLite gives JSON text and ISO text, PostgreSQL json and Date. */
interface RecordRow {
  id: string;
  revision: number;
  syndicated_from: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  data: string | GleanerRecord;
}

const iso = (v: string | Date) => (v instanceof Date ? v.toISOString() : v);

export function toStored(row: RecordRow): StoredRecord {
  const rec = typeof row.data === 'string' ? (JSON.parse(row.data) as GleanerRecord) : row.data;
  return {
    id: row.id,
    revision: row.revision,
    ...rec,
    syndicatedFrom: row.syndicated_from ?? null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

type Rows<T> = Step<T[]>;
/** One statement, its rows typed. */
function* rows<T>(sql: string, params: unknown[] = []): Rows<T> {
  return (yield { sql, params }) as unknown as T[];
}

/** A URL or id as looked up: trimmed, fragment dropped. */
const lookupKey = (idOrUrl: string) => idOrUrl.trim().replace(/#.*$/, '');

export function* getRecord(idOrUrl: string): Step<StoredRecord | null> {
  const k = lookupKey(idOrUrl);
  const [row] = yield* rows<RecordRow>(
    `SELECT id, revision, syndicated_from, created_at, updated_at, data FROM records
     WHERE id = ? OR url_key = ? OR canonical_url = ? OR url = ?
     ORDER BY (id = ?) DESC, (url_key = ?) DESC, seq LIMIT 1`,
    [k, k, k, k, k, k],
  );
  return row ? toStored(row) : null;
}

export function* hasUrl(url: string): Step<boolean> {
  const k = lookupKey(url);
  return (yield* rows('SELECT 1 AS one FROM records WHERE url_key = ? OR canonical_url = ? OR url = ? LIMIT 1', [k, k, k])).length > 0;
}

/** Every version of a record, oldest first: the superseded ones from record_revisions, then the current one. */
export function* recordRevisions(id: string): Step<StoredRecord[]> {
  const found = yield* rows<RecordRow>(
    `SELECT v.record_id AS id, v.revision, r.syndicated_from, r.created_at, v.created_at AS updated_at, v.data
     FROM record_revisions v JOIN records r ON r.id = v.record_id WHERE v.record_id = ?
     UNION ALL
     SELECT id, revision, syndicated_from, created_at, updated_at, data FROM records WHERE id = ?
     ORDER BY revision`,
    [id, id],
  );
  return found.map(toStored);
}

/** The SELECT behind list and count: full-text part from the dialect, the other conditions shared. */
function selectRecords(d: Dialect, f: NormalisedFilter, what: 'rows' | 'count'): { sql: string; params: unknown[] } {
  const dialect = DIALECTS[d];
  const { bind, params } = binder(d);
  let from = 'records r';
  let order = 'r.published_at DESC NULLS LAST, r.seq DESC';
  const where: string[] = [];
  if (f.query) {
    const fts = dialect.fullText(f.query, bind);
    from += fts.from;
    where.push(...fts.where);
    if (fts.rank) order = `${fts.rank}, ${order}`;
  }
  where.push(...whereConditions(f, bind, dialect.languageSql));
  if (f.matchNothing) where.push('FALSE');
  const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  if (what === 'count') return { sql: `SELECT CAST(count(*) AS integer) AS n FROM ${from}${whereSql}`, params };
  let sql = `SELECT r.id, r.revision, r.syndicated_from, r.created_at, r.updated_at, r.data FROM ${from}${whereSql} ORDER BY ${order}`;
  if (f.limit !== null || f.offset) sql += ` LIMIT ${bind(f.limit ?? dialect.noLimit)} OFFSET ${bind(f.offset)}`;
  return { sql, params };
}

export function* listRecords(d: Dialect, f: NormalisedFilter): Step<StoredRecord[]> {
  if (f.limit === 0) return [];
  const { sql, params } = selectRecords(d, f, 'rows');
  return (yield* rows<RecordRow>(sql, params)).map(toStored);
}

export function* countRecords(d: Dialect, f: NormalisedFilter): Step<number> {
  const { sql, params } = selectRecords(d, f, 'count');
  return Number((yield* rows<{ n: number }>(sql, params))[0].n);
}

export interface TopEntityOptions {
  type?: EntityType;
  since?: string;
  until?: string;
  limit?: number;
}

/** The most-reported entities: articles, then mentions; the name is the one most records use. */
export function* topEntities(d: Dialect, opts: TopEntityOptions = {}): Step<EntityCount[]> {
  const { bind, params } = binder(d);
  const { where, needsRecords } = topEntityConditions(opts, bind);
  const limit = opts.limit ?? 20;
  if (!(Number.isInteger(limit) && limit >= 0)) throw new InputError('--limit takes a whole number ≥ 0');
  const sql = `
    SELECT t.type, t.key, t.code, t.mentions, t.articles,
      (SELECT e2.name FROM entities e2 WHERE e2.type = t.type AND e2.key = t.key AND e2.alias = 0
       GROUP BY e2.name ORDER BY count(*) DESC, e2.name LIMIT 1) AS name
    FROM (
      SELECT e.type, e.key, max(e.code) AS code, CAST(sum(e.mentions) AS integer) AS mentions, CAST(count(DISTINCT e.record_id) AS integer) AS articles
      FROM entities e${needsRecords ? ' JOIN records r ON r.id = e.record_id' : ''}
      WHERE ${where.join(' AND ')}
      GROUP BY e.type, e.key
      ORDER BY articles DESC, mentions DESC, e.key
      LIMIT ${bind(limit)}
    ) t
    ORDER BY t.articles DESC, t.mentions DESC, t.key`;
  const found = yield* rows<EntityCount>(sql, params);
  return found.map((r) => ({ type: r.type, name: r.name, code: r.code, mentions: r.mentions, articles: r.articles }));
}

export function* hasFeedItem(feedUrl: string, itemId: string): Step<boolean> {
  return (yield* rows('SELECT 1 AS one FROM feed_items WHERE feed_url = ? AND item_id = ?', [feedUrl, itemId])).length > 0;
}

export function* markFeedItem(d: Dialect, feedUrl: string, itemId: string, url: string): Step<void> {
  const { bind, params } = binder(d);
  const values = [bind(feedUrl), bind(itemId), bind(url), DIALECTS[d].now(bind)].join(', ');
  yield { sql: `INSERT INTO feed_items (feed_url, item_id, url, seen_at) VALUES (${values}) ON CONFLICT DO NOTHING`, params };
}

export function* putRaw(d: Dialect, hash: string, body: Uint8Array, contentType: string | null): Step<void> {
  const { bind, params } = binder(d);
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const values = [bind(hash), bind(buf), bind(contentType), bind(body.byteLength), DIALECTS[d].now(bind)].join(', ');
  yield { sql: `INSERT INTO raw_pages (hash, body, content_type, size, created_at) VALUES (${values}) ON CONFLICT DO NOTHING`, params };
}

export function* getRaw(hash: string): Step<{ body: Uint8Array; contentType: string | null } | null> {
  const [row] = yield* rows<{ body: Buffer; content_type: string | null }>('SELECT body, content_type FROM raw_pages WHERE hash = ?', [
    hash,
  ]);
  return row ? { body: new Uint8Array(row.body.buffer, row.body.byteOffset, row.body.byteLength), contentType: row.content_type } : null;
}

export function* saveFeed(feed: FeedState): Step<void> {
  yield {
    sql: `INSERT INTO feeds (id, url, every, etag, last_modified, last_polled_at, last_status, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET url = excluded.url, every = excluded.every, etag = excluded.etag, last_modified = excluded.last_modified,
            last_polled_at = excluded.last_polled_at, last_status = excluded.last_status, title = excluded.title`,
    params: [feed.id, feed.url, feed.every, feed.etag, feed.lastModified, feed.lastPolledAt, feed.lastStatus, feed.title],
  };
}

export function* getFeed(idOrUrl: string): Step<FeedState | null> {
  const [row] = yield* rows<FeedRow>('SELECT * FROM feeds WHERE id = ? OR url = ? ORDER BY (id = ?) DESC LIMIT 1', [
    idOrUrl,
    idOrUrl,
    idOrUrl,
  ]);
  return row ? feedFromRow(row) : null;
}

export function* listFeeds(): Step<FeedState[]> {
  return (yield* rows<FeedRow>('SELECT * FROM feeds ORDER BY id')).map(feedFromRow);
}

export function* removeFeed(id: string): Step<boolean> {
  return (yield* rows('DELETE FROM feeds WHERE id = ? RETURNING id', [id])).length > 0;
}
