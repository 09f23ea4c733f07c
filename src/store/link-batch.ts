// What one write transaction knows of the entity tables while it links records (entities.ts holds
// the resolution rules). A bulk import links hundreds of records per transaction that share most of
// their entities, so:
// - lookups are cached for the transaction: a (type, key) pair is asked for once, and the cache is
//   kept true by the transaction's own writes (new entities and terms, count changes);
// - term, link and count writes are collected and written once, at flush (one statement each on
//   PostgreSQL, prepared single-row statements on SQLite).
// A merge (rule 4) writes what is pending first and then drops the cache: it rewrites rows in many
// places. Only this transaction's writes are seen; another writer's meanwhile-committed entity is
// caught by the insert's ON CONFLICT like before.
import type { NamedType } from '../extract/lexicon.js';
import type { Dialect, Step } from './entity-sql.js';

export interface EntityRow {
  id: string;
  type: NamedType;
  key: string;
  name: string;
  code: string | null;
  aliases: string;
  bare: number;
  merged_into: string | null;
  merged_by: string | null;
  records: number;
  mentions: number;
  first_seen: string | null;
  last_seen: string | null;
}

/** The columns a new entity row is written with, and their PostgreSQL array types (bulk insert by unnest). */
const CREATE_COLUMNS = [
  ['id', 'text'],
  ['type', 'text'],
  ['key', 'text'],
  ['name', 'text'],
  ['code', 'text'],
  ['aliases', 'text'],
  ['bare', 'int'],
  ['records', 'int'],
  ['mentions', 'int'],
  ['first_seen', 'text'],
  ['last_seen', 'text'],
  ['created_at', 'text'],
] as const;

export const pairKey = (type: string, key: string) => `${type}\u0000${key}`;

export function* selectEntities(where: string, params: unknown[]): Step<EntityRow[]> {
  return (yield { sql: `SELECT * FROM entity WHERE ${where}`, params }) as unknown as EntityRow[];
}

/** Entities and terms of the store that records' names may resolve to. */
export class Known {
  readonly byId = new Map<string, EntityRow>();
  readonly byKey = new Map<string, string>();
  readonly owners = new Map<string, Set<string>>();

  add(r: EntityRow): void {
    this.byId.set(r.id, r);
    this.byKey.set(pairKey(r.type, r.key), r.id);
  }

  /** Drops an entity that was not written after all (an insert lost to another writer). */
  forget(r: EntityRow): void {
    this.byId.delete(r.id);
    if (this.byKey.get(pairKey(r.type, r.key)) === r.id) this.byKey.delete(pairKey(r.type, r.key));
  }

  addOwner(type: string, term: string, id: string): void {
    const k = pairKey(type, term);
    let set = this.owners.get(k);
    if (!set) this.owners.set(k, (set = new Set()));
    set.add(id);
  }

  root(id: string): EntityRow | undefined {
    let r = this.byId.get(id);
    for (let hops = 0; r?.merged_into && hops < 20; hops++) r = this.byId.get(r.merged_into) ?? r;
    return r;
  }

  /** Full-name (non-bare) entities of `type` that carry `term`, as roots. */
  fullOwners(type: NamedType, term: string): EntityRow[] {
    const out = new Map<string, EntityRow>();
    for (const id of this.owners.get(pairKey(type, term)) ?? []) {
      const r = this.root(id);
      if (r && r.type === type && !r.bare) out.set(r.id, r);
    }
    return [...out.values()];
  }
}

interface CountDelta {
  records: number;
  mentions: number;
  seenMin: string | null;
  seenMax: string | null;
  aliases?: string[];
}

/**
 * Count changes of entities, applied in one pass in id order: concurrent PostgreSQL transactions
 * then lock entity rows in the same order (no deadlock between them).
 */
export class CountSink {
  private readonly deltas = new Map<string, CountDelta>();

  get(id: string): CountDelta | undefined {
    return this.deltas.get(id);
  }

  /** Drops an entity's pending change (its row is written with its final counts instead). */
  drop(id: string): void {
    this.deltas.delete(id);
  }

  add(id: string, records: number, mentions: number, seen: string | null, aliases?: string[]): void {
    const d = this.deltas.get(id) ?? { records: 0, mentions: 0, seenMin: null, seenMax: null };
    d.records += records;
    d.mentions += mentions;
    if (aliases) d.aliases = aliases;
    if (seen) {
      if (!d.seenMin || seen < d.seenMin) d.seenMin = seen;
      if (!d.seenMax || seen > d.seenMax) d.seenMax = seen;
    }
    this.deltas.set(id, d);
  }

  *flush(d: Dialect): Step<void> {
    const ids = [...this.deltas.keys()].sort();
    if (!ids.length) return;
    if (d === 'postgres') {
      const rows = ids.map((id) => [id, this.deltas.get(id)!] as const);
      // rows locked in id order first (an UPDATE … FROM locks in its join's order)
      yield { sql: 'SELECT 1 FROM entity WHERE id = ANY(?::text[]) ORDER BY id FOR UPDATE', params: [ids] };
      yield {
        sql: `UPDATE entity e SET records = e.records + d.records, mentions = e.mentions + d.mentions,
                first_seen = CASE WHEN d.seen_min IS NOT NULL AND (e.first_seen IS NULL OR e.first_seen > d.seen_min) THEN d.seen_min ELSE e.first_seen END,
                last_seen = CASE WHEN d.seen_max IS NOT NULL AND (e.last_seen IS NULL OR e.last_seen < d.seen_max) THEN d.seen_max ELSE e.last_seen END,
                aliases = coalesce(d.aliases, e.aliases)
              FROM unnest(?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[]) AS d(id, records, mentions, seen_min, seen_max, aliases)
              WHERE e.id = d.id`,
        params: [
          ids,
          rows.map(([, x]) => x.records),
          rows.map(([, x]) => x.mentions),
          rows.map(([, x]) => x.seenMin),
          rows.map(([, x]) => x.seenMax),
          rows.map(([, x]) => (x.aliases ? JSON.stringify(x.aliases) : null)),
        ],
      };
    } else {
      for (const id of ids) {
        const x = this.deltas.get(id)!;
        const sets = ['records = records + ?', 'mentions = mentions + ?'];
        const params: unknown[] = [x.records, x.mentions];
        if (x.seenMin) {
          sets.push('first_seen = CASE WHEN first_seen IS NULL OR first_seen > ? THEN ? ELSE first_seen END');
          params.push(x.seenMin, x.seenMin);
        }
        if (x.seenMax) {
          sets.push('last_seen = CASE WHEN last_seen IS NULL OR last_seen < ? THEN ? ELSE last_seen END');
          params.push(x.seenMax, x.seenMax);
        }
        if (x.aliases) {
          sets.push('aliases = ?');
          params.push(JSON.stringify(x.aliases));
        }
        yield { sql: `UPDATE entity SET ${sets.join(', ')} WHERE id = ?`, params: [...params, id] };
      }
    }
    this.deltas.clear();
  }
}

/** The entity state of one write transaction: cached lookups and the writes not made yet. */
export class LinkBatch {
  readonly known = new Known();
  /** (type, key) pairs already looked up in entity and entity_term. */
  private readonly looked = new Set<string>();
  private readonly counts = new CountSink();
  private readonly terms = new Map<string, [string, string, string]>();
  private links: Array<[recordId: string, entityId: string, mentions: number, seen: string]> = [];

  private creates: Array<{ row: EntityRow; at: string }> = [];

  /**
   * With `deferCreates`, new entities are inserted at flush too, with their final counts (one
   * statement on PostgreSQL, one INSERT per entity and no count UPDATE on SQLite): a bulk import's
   * records then cost one round trip each. Another writer creating one of them meanwhile makes
   * that INSERT fail with a unique violation (23505), and the caller runs the transaction again
   * (PostgresStore.tx; SQLite's write lock leaves only a stale kept batch, and writeAndSettle
   * writes the records again with a fresh one), this time finding it. Without, linkRecord inserts
   * them at once and takes the other writer's row when it lost the race (single upserts, many
   * concurrent writers).
   */
  constructor(
    readonly dialect: Dialect,
    readonly deferCreates = false,
  ) {}

  /** New entities, in the cache already, written at flush (deferCreates). */
  create(rows: EntityRow[], at: string): void {
    for (const row of rows) this.creates.push({ row, at });
  }

  /**
   * Makes sure every pair is known: entities with that (type, key) and the entities found under
   * that term, with their merge targets. Pairs looked up before in this transaction are not asked again.
   */
  *lookup(pairs: Array<[string, string]>): Step<void> {
    const todo = pairs.filter(([type, key]) => !this.looked.has(pairKey(type, key)));
    if (!todo.length) return;
    const fetched: EntityRow[] = [];
    let termRows: Array<{ type: string; term: string; entity_id: string }> = [];
    if (this.dialect === 'sqlite') {
      // SQLite answers one small prepared statement per key in microseconds; a list is a new statement per length
      for (const [type, key] of todo) {
        fetched.push(...(yield* selectEntities('type = ? AND key = ?', [type, key])));
        termRows.push(
          ...((yield {
            sql: 'SELECT type, term, entity_id FROM entity_term WHERE type = ? AND term = ?',
            params: [type, key],
          }) as typeof termRows),
        );
      }
    } else {
      const types = todo.map((p) => p[0]);
      const keys = todo.map((p) => p[1]);
      fetched.push(...(yield* selectEntities('(type, key) IN (SELECT * FROM unnest(?::text[], ?::text[]))', [types, keys])));
      termRows = (yield {
        sql: 'SELECT type, term, entity_id FROM entity_term WHERE (type, term) IN (SELECT * FROM unnest(?::text[], ?::text[]))',
        params: [types, keys],
      }) as typeof termRows;
    }
    for (const [type, key] of todo) this.looked.add(pairKey(type, key));
    // pending terms of this transaction are in `owners` already: the store's are added to them
    for (const t of termRows) this.known.addOwner(t.type, t.term, t.entity_id);
    // the owners' rows are loaded when a rule needs them (ownersOf): a common surname has hundreds
    yield* this.loadMissing(this.adopt(fetched), []);
  }

  /** The full-name entities found under a term (Known.fullOwners), their rows loaded first. */
  *ownersOf(type: NamedType, term: string): Step<EntityRow[]> {
    yield* this.lookup([[type, term]]);
    yield* this.loadMissing([], [...(this.known.owners.get(pairKey(type, term)) ?? [])]);
    return this.known.fullOwners(type, term);
  }

  /**
   * Rows read from the store join the cache, as the store will hold them once this transaction's
   * pending counts are written; a row cached already is newer than the store's and stays.
   * Returns the rows that were new to the cache.
   */
  adopt(rows: EntityRow[]): EntityRow[] {
    const added: EntityRow[] = [];
    for (const r of rows) {
      if (this.known.byId.has(r.id)) continue;
      const d = this.counts.get(r.id);
      if (d) applyDelta(r, d.records, d.mentions, d.seenMin, d.seenMax, d.aliases);
      this.known.add(r);
      added.push(r);
    }
    return added;
  }

  /** Loads entities referred to (by terms, by merges) until none is missing. */
  *loadMissing(rows: EntityRow[], ids: string[]): Step<void> {
    let fresh = rows;
    let wanted = ids;
    for (let round = 0; round < 20; round++) {
      const missing = [...new Set([...wanted, ...fresh.map((r) => r.merged_into).filter((id): id is string => !!id)])].filter(
        (id) => !this.known.byId.has(id),
      );
      if (!missing.length) return;
      const found: EntityRow[] = [];
      if (this.dialect === 'sqlite') for (const id of missing) found.push(...(yield* selectEntities('id = ?', [id])));
      else found.push(...(yield* selectEntities('id = ANY(?::text[])', [missing])));
      fresh = this.adopt(found);
      if (missing.some((id) => !this.known.byId.has(id))) return; // dangling reference: nothing more to load
      wanted = [];
    }
  }

  /** An entity's counts move (a record linked or unlinked); the cached row moves with them. */
  count(id: string, records: number, mentions: number, seen: string | null, aliases?: string[]): void {
    this.counts.add(id, records, mentions, seen, aliases);
    const r = this.known.byId.get(id);
    if (r) applyDelta(r, records, mentions, seen, seen, aliases);
  }

  addTerm(type: string, term: string, entityId: string): void {
    this.terms.set(`${type}\u0000${term}\u0000${entityId}`, [type, term, entityId]);
    this.known.addOwner(type, term, entityId);
  }

  addLink(recordId: string, entityId: string, mentions: number, seen: string): void {
    this.links.push([recordId, entityId, mentions, seen]);
  }

  /**
   * Removes a record's links, the stored ones and those still pending in this transaction (a record
   * inserted and changed in the same batch); counts go down. Returns the entity ids it was linked to.
   */
  *unlink(recordId: string): Step<string[]> {
    const pending = this.links.filter((l) => l[0] === recordId);
    if (pending.length) this.links = this.links.filter((l) => l[0] !== recordId);
    const stored = (yield {
      sql: 'SELECT entity_id, mentions FROM record_entity WHERE record_id = ? ORDER BY entity_id',
      params: [recordId],
    }) as Array<{ entity_id: string; mentions: number }>;
    if (stored.length) yield { sql: 'DELETE FROM record_entity WHERE record_id = ?', params: [recordId] };
    const gone = [...stored.map((r) => [r.entity_id, Number(r.mentions)] as const), ...pending.map((l) => [l[1], l[2]] as const)];
    for (const [id, mentions] of gone) this.count(id, -1, -mentions, null);
    return gone.map(([id]) => id);
  }

  /** Writes the pending terms, links and counts. */
  *flush(): Step<void> {
    const d = this.dialect;
    if (this.creates.length) {
      yield* this.flushCreates();
      this.creates = [];
    }
    if (this.terms.size) {
      // sorted: concurrent PostgreSQL transactions insert the same terms in one order
      const rows = [...this.terms.values()].sort((a, b) => cmp(a.join('\u0000'), b.join('\u0000')));
      if (d === 'sqlite')
        for (const r of rows)
          yield { sql: 'INSERT INTO entity_term (type, term, entity_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', params: r };
      else
        yield {
          sql: `INSERT INTO entity_term (type, term, entity_id) SELECT * FROM unnest(?::text[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING`,
          params: [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
        };
      this.terms.clear();
    }
    if (this.links.length) {
      const rows = this.links;
      if (d === 'sqlite')
        for (const r of rows)
          yield { sql: 'INSERT INTO record_entity (record_id, entity_id, mentions, seen) VALUES (?, ?, ?, ?)', params: r };
      else
        yield {
          sql: `INSERT INTO record_entity (record_id, entity_id, mentions, seen) SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::text[])`,
          params: [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
        };
      this.links = [];
    }
    yield* this.counts.flush(d);
  }

  /**
   * Inserts the new entities with their final counts: their cached rows took every count change of
   * this transaction (count()), so their pending deltas are dropped, and a bulk import's new
   * entities cost one INSERT each instead of an INSERT and a count UPDATE.
   */
  private *flushCreates(): Step<void> {
    // in byTypeKey order, like linkRecord's immediate inserts; no ON CONFLICT: see deferCreates
    const rows = this.creates.sort((a, b) => byTypeKey(a.row, b.row)).map(({ row, at }) => ({ ...row, created_at: at }));
    for (const r of rows) this.counts.drop(r.id);
    const names = CREATE_COLUMNS.map(([name]) => name);
    if (this.dialect === 'sqlite')
      for (const e of rows)
        yield {
          sql: `INSERT INTO entity (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
          params: names.map((name) => e[name]),
        };
    else
      yield {
        sql: `INSERT INTO entity (${names.join(', ')})
              SELECT ${names.map((name) => `n.${name}`).join(', ')}
              FROM unnest(${CREATE_COLUMNS.map(([, type]) => `?::${type}[]`).join(', ')}) WITH ORDINALITY AS n(${names.join(', ')}, o)
              ORDER BY n.o`,
        params: names.map((name) => rows.map((r) => r[name])),
      };
  }

  /** Forgets what was looked up (after a merge rewrote entity rows); call after flush. */
  reset(): void {
    this.known.byId.clear();
    this.known.byKey.clear();
    this.known.owners.clear();
    this.looked.clear();
  }
}

function applyDelta(
  r: EntityRow,
  records: number,
  mentions: number,
  seenMin: string | null,
  seenMax: string | null,
  aliases: string[] | undefined,
): void {
  r.records = Number(r.records) + records;
  r.mentions = Number(r.mentions) + mentions;
  if (seenMin && (!r.first_seen || r.first_seen > seenMin)) r.first_seen = seenMin;
  if (seenMax && (!r.last_seen || r.last_seen < seenMax)) r.last_seen = seenMax;
  if (aliases) r.aliases = JSON.stringify(aliases);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order every writer inserts new entities in: two transactions that create the same entities
 * then wait on each other in one order and cannot deadlock on the unique index.
 */
export const byTypeKey = (a: { type: string; key: string }, b: { type: string; key: string }): number =>
  a.type === b.type ? cmp(a.key, b.key) : cmp(a.type, b.type);
