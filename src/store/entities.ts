// One identity per real-world entity across stored records (both back ends; see entity-sql.ts).
//
// Resolution is conservative (README "Entity ids"):
// 1. Countries are one entity per ISO code ("U.S.", "US", "United States" → US).
// 2. Otherwise the same type and the same key (case, accents, dots, punctuation ignored) is one entity.
// 3. A bare name (one word: a surname, an acronym) of a person or organization joins a full name
//    that carries it as an alias or surname when exactly one such entity exists in the store, or
//    when one is clearly dominant (DOMINANCE below) — unless the record itself names another full
//    name with that word that extraction did not merge it into (ambiguous in the record).
//    Otherwise the bare name is an entity of its own.
// 4. When a full name arrives with an alias or surname that an earlier bare entity holds, and no
//    other full name claims that word, the bare entity is merged into it (its id then redirects).
import { applyLexicon, Correction, EMPTY_LEXICON, entityKey, Lexicon, NAMED_TYPES, type NamedType } from '../extract/lexicon.js';
import { countryNameOf } from '../extract/gazetteers/countries.js';
import type { Entities } from '../record/schema.js';
import { InputError, StoreError } from '../errors.js';
import { type Dialect, placeholders, type Step } from './entity-sql.js';
import { byTypeKey, type EntityRow, LinkBatch, pairKey, selectEntities } from './link-batch.js';
import { entityRows, randomHex } from './query.js';
import { fold } from '../text/fold.js';

/** A bare name joins the store's commonest full name when it has ≥ RATIO × the runner-up's records (and ≥ MIN_RECORDS). */
export const DOMINANCE = { ratio: 3, minRecords: 2 } as const;
/** Aliases kept on an entity (the first seen). */
const MAX_ALIASES = 40;
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

export interface StoredEntity {
  id: string;
  type: NamedType;
  name: string;
  aliases: string[];
  /** ISO 3166-1 alpha-2: the country's code, or the country a place lies in. */
  code: string | null;
  records: number;
  mentions: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** Set when this id was merged into another entity (the id then stands for that one). */
  mergedInto?: string | null;
}

export interface StoredCorrection {
  correction: Correction;
  undoneAt: string | null;
  undoneBy: string | null;
}

/** What a reviewer asks for; the store adds id and time. `name` may be an entity id. */
export type CorrectionInput = { author: string } & (
  | { op: 'reject'; name: string; type?: NamedType; recordId?: string }
  | { op: 'retype'; name: string; type?: NamedType; to: NamedType; code?: string; recordId?: string }
  | { op: 'merge'; name: string; type?: NamedType; into: string }
  | { op: 'alias'; name: string; type?: NamedType; alias: string }
);

export function newEntityId(now = Date.now()): string {
  return 'e' + now.toString(36) + randomHex(4);
}

export function newCorrectionId(now = Date.now()): string {
  return 'c' + now.toString(36) + randomHex(4);
}

export function toStoredEntity(r: EntityRow): StoredEntity {
  return {
    id: r.id,
    type: r.type,
    name: r.name,
    aliases: JSON.parse(r.aliases) as string[],
    code: r.code,
    records: Number(r.records),
    mentions: Number(r.mentions),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    ...(r.merged_into ? { mergedInto: r.merged_into } : {}),
  };
}

/** One named entity of a record, with a handle to write its id back. */
interface Item {
  type: NamedType;
  name: string;
  aliases: string[];
  code: string | null;
  mentions: number;
  target: { id?: string };
}

function itemsOf(e: Entities): Item[] {
  const out: Item[] = [];
  for (const p of e.people) out.push({ type: 'person', name: p.name, aliases: p.aliases, code: null, mentions: p.mentions, target: p });
  for (const c of e.countries)
    out.push({ type: 'country', name: c.name, aliases: c.aliases ?? [], code: c.code, mentions: c.mentions, target: c });
  for (const o of e.organizations)
    out.push({ type: 'organization', name: o.name, aliases: o.aliases, code: null, mentions: o.mentions, target: o });
  for (const p of e.places)
    out.push({ type: 'place', name: p.name, aliases: p.aliases ?? [], code: p.countryCode ?? null, mentions: p.mentions, target: p });
  return out;
}

/** A copy of the entities without ids (what extraction gave, or the input of a re-link). */
export function withoutIds(e: Entities): Entities {
  const strip = <T extends { id?: string }>(x: T): T => {
    const { id: _id, ...rest } = x;
    return rest as T;
  };
  return {
    people: e.people.map(strip),
    countries: e.countries.map(strip),
    organizations: e.organizations.map(strip),
    places: e.places.map(strip),
    dates: e.dates,
  };
}

function itemKey(i: Item): string {
  return i.type === 'country' && i.code ? i.code.toLowerCase() : entityKey(i.name) || i.name.toLowerCase();
}

function surname(name: string): string | null {
  const words = entityKey(name)
    .split(' ')
    .filter((w) => w && !NAME_SUFFIXES.has(w));
  return words.length > 1 ? words[words.length - 1] : null;
}

/** The words an entity can be found under: its name, aliases, a person's surname. */
function termsOf(type: NamedType, name: string, aliases: string[]): string[] {
  const out = new Set<string>();
  for (const n of [name, ...aliases]) {
    const k = entityKey(n);
    if (k) out.add(k);
  }
  if (type === 'person') {
    const s = surname(name);
    if (s) out.add(s);
  }
  return [...out];
}

/** One word, or an acronym: may stand for a full name. */
function isBare(i: { type: NamedType; name: string }): boolean {
  if (i.type !== 'person' && i.type !== 'organization') return false;
  return !entityKey(i.name).includes(' ');
}

function canonicalName(i: Item): string {
  if (i.type === 'country' && i.code) return countryNameOf(i.code) ?? i.name;
  return i.name;
}

/** Which full name a bare word joins, or null (none, or ambiguous). */
function chooseOwner(cands: EntityRow[]): EntityRow | null {
  if (cands.length === 1) return cands[0];
  if (cands.length < 2) return null;
  const sorted = [...cands].sort((a, b) => Number(b.records) - Number(a.records));
  const [top, next] = sorted;
  return Number(top.records) >= DOMINANCE.minRecords && Number(top.records) >= DOMINANCE.ratio * Number(next.records) ? top : null;
}

/** An entity's aliases as a list and as keys, parsed once per aliases value (one per link otherwise). */
const parsedAliases = new WeakMap<EntityRow, { json: string; list: string[]; keys: Set<string> }>();

/** mergeAliases(entity's aliases, its name, add), without re-folding the aliases it has already. */
function aliasesWith(e: EntityRow, add: string[]): string[] {
  let p = parsedAliases.get(e);
  if (!p || p.json !== e.aliases) {
    const list = JSON.parse(e.aliases) as string[];
    p = { json: e.aliases, list, keys: new Set([entityKey(e.name), ...list.map(entityKey)]) };
    parsedAliases.set(e, p);
  }
  const known = p.keys;
  const fresh = add.filter((a) => !known.has(entityKey(a)));
  return fresh.length ? mergeAliases(p.list, e.name, fresh) : p.list;
}

function mergeAliases(current: string[], name: string, add: string[]): string[] {
  const out = [...current];
  const keys = new Set([entityKey(name), ...out.map(entityKey)]);
  for (const a of add) {
    const k = entityKey(a);
    if (!k || keys.has(k) || out.length >= MAX_ALIASES) continue;
    keys.add(k);
    out.push(a);
  }
  return out;
}

const nowIso = () => new Date().toISOString();

/** The (type, key) pairs linking a record's entities looks up (for a batch's lookup ahead of time). */
export function entityPairs(entities: Entities): Array<[string, string]> {
  const pairs = new Map<string, [string, string]>();
  for (const i of itemsOf(entities)) {
    for (const k of [itemKey(i), ...termsOf(i.type, i.name, i.aliases)]) pairs.set(pairKey(i.type, k), [i.type, k]);
  }
  return [...pairs.values()];
}

/**
 * Links a record's named entities to entity ids (creating entities as needed), writes the links and
 * the entities' counts, and sets `id` on each entity of `entities` (mutated and returned).
 * The record's previous links must have been removed (unlinkRecord). With `batch` (a write
 * transaction's LinkBatch), lookups are shared with the transaction's other records and the link,
 * term and count writes wait for its flush; without, they are written before this returns.
 */
export function* linkRecord(d: Dialect, recordId: string, entities: Entities, seen: string, batch?: LinkBatch): Step<Entities> {
  const items = itemsOf(entities);
  if (!items.length) return entities;
  const own = batch ?? new LinkBatch(d);
  yield* own.lookup(entityPairs(entities));
  const known = own.known;
  const created: EntityRow[] = [];
  const targets: EntityRow[] = [];
  const now = nowIso();
  for (const i of items) {
    const key = itemKey(i);
    let target = known.byKey.has(pairKey(i.type, key)) ? known.root(known.byKey.get(pairKey(i.type, key))!) : undefined;
    if (target && target.type !== i.type && target.key !== key) target = undefined;
    if (!target && isBare(i)) {
      const inRecord = items.some((o) => o !== i && o.type === i.type && !isBare(o) && termsOf(o.type, o.name, o.aliases).includes(key));
      if (!inRecord) target = chooseOwner(yield* own.ownersOf(i.type, key)) ?? undefined;
    }
    if (!target) {
      target = {
        id: newEntityId(),
        type: i.type,
        key,
        name: canonicalName(i),
        code: i.code,
        aliases: '[]',
        bare: isBare(i) ? 1 : 0,
        merged_into: null,
        merged_by: null,
        records: 0,
        mentions: 0,
        first_seen: null,
        last_seen: null,
      };
      known.add(target);
      created.push(target);
    }
    targets.push(target);
  }
  if (created.length && own.deferCreates) own.create(created, now);
  else if (created.length) {
    created.sort(byTypeKey);
    const rows: Array<Record<string, unknown>> = [];
    if (d === 'sqlite')
      // one prepared statement per row (a VALUES list is a new statement per length)
      for (const e of created)
        rows.push(
          ...(yield {
            sql: `INSERT INTO entity (id, type, key, name, code, aliases, bare, records, mentions, created_at)
                  VALUES (?, ?, ?, ?, ?, '[]', ?, 0, 0, ?) ON CONFLICT (type, key) DO NOTHING RETURNING id`,
            params: [e.id, e.type, e.key, e.name, e.code, e.bare, now],
          }),
        );
    else
      rows.push(
        ...(yield {
          sql: `INSERT INTO entity (id, type, key, name, code, aliases, bare, records, mentions, created_at)
                SELECT n.id, n.type, n.key, n.name, n.code, '[]', n.bare, 0, 0, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[])
                  WITH ORDINALITY AS n(id, type, key, name, code, bare, o) ORDER BY n.o
                ON CONFLICT (type, key) DO NOTHING RETURNING id`,
          params: [
            now,
            created.map((e) => e.id),
            created.map((e) => e.type),
            created.map((e) => e.key),
            created.map((e) => e.name),
            created.map((e) => e.code),
            created.map((e) => e.bare),
          ],
        }),
      );
    const inserted = new Set(rows.map((r) => String(r.id)));
    const lost = created.filter((e) => !inserted.has(e.id));
    if (lost.length) {
      // another writer created the same entity meanwhile (PostgreSQL): use that one (ours was never written)
      for (const e of lost) known.forget(e);
      const found = yield* selectEntities(
        `(type, key) IN (VALUES ${lost.map(() => '(?, ?)').join(', ')})`,
        lost.flatMap((e) => [e.type, e.key]),
      );
      yield* own.loadMissing(own.adopt(found), []);
      for (let k = 0; k < targets.length; k++) {
        if (!lost.includes(targets[k])) continue;
        const id = known.byKey.get(pairKey(targets[k].type, targets[k].key));
        const root = id ? known.root(id) : undefined;
        if (!root)
          // another writer's insert won the conflict, yet its row is not there: a race the caller's
          // transaction retry resolves (E_STORE is retryable), not a bug of the record
          throw new StoreError(
            `entity ${targets[k].type}:${targets[k].key} vanished: another writer created it, then it was not found`,
            { op: 'linkRecord', recordId, type: targets[k].type, key: targets[k].key },
            { insertConflict: { type: targets[k].type, key: targets[k].key, lostId: targets[k].id } },
          );
        targets[k] = root;
      }
    }
  }
  const linkOf = new Map<string, { mentions: number; names: string[] }>();
  const newTerms = new Map<string, [string, string, string]>();
  items.forEach((i, k) => {
    const target = targets[k];
    i.target.id = target.id;
    const link = linkOf.get(target.id) ?? { mentions: 0, names: [] };
    link.mentions += i.mentions;
    link.names.push(i.name, ...i.aliases);
    linkOf.set(target.id, link);
    for (const t of termsOf(i.type, i.name, i.aliases)) {
      if (!known.owners.get(pairKey(target.type, t))?.has(target.id))
        newTerms.set(`${target.type}\u0000${t}\u0000${target.id}`, [target.type, t, target.id]);
    }
  });
  // bare entities that a full name of this record now claims without rival (rule 4)
  const merges: Array<{ from: string; into: string }> = [];
  for (const [id] of linkOf) {
    const e = known.byId.get(id)!;
    if (e.bare) continue;
    for (const [, [type, term, owner]] of newTerms) {
      if (owner !== id || term === e.key) continue;
      const bareId = known.byKey.get(pairKey(type, term));
      const bare = bareId ? known.byId.get(bareId) : undefined;
      if (!bare || !bare.bare || bare.merged_into || bare.id === id) continue;
      if ((yield* own.ownersOf(type as NamedType, term)).some((o) => o.id !== id)) continue;
      merges.push({ from: bare.id, into: id });
    }
  }
  for (const [type, term, id] of newTerms.values()) own.addTerm(type, term, id);
  for (const [id, l] of [...linkOf.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    own.addLink(recordId, id, l.mentions, seen);
    // counts move incrementally here; corrections and merges recount fully
    const e = known.byId.get(id)!;
    own.count(id, 1, l.mentions, seen, aliasesWith(e, l.names));
  }
  if (merges.length) {
    // a merge rewrites links, terms and records in many places: what is pending goes first, and
    // the cache is dropped after
    yield* own.flush();
    for (const m of merges) yield* mergeEntity(d, m.from, m.into, null);
    own.reset();
  } else if (!batch) yield* own.flush();
  if (merges.length) {
    const into = new Map(merges.map((m) => [m.from, m.into]));
    for (const i of items) if (i.target.id && into.has(i.target.id)) i.target.id = into.get(i.target.id);
  }
  return entities;
}

/**
 * A record's entities as stored: `extracted` corrected by the lexicon and linked to entity ids, its
 * correction hits written. With `replace`, its earlier links and hits go first (`unlinked`: the
 * entity ids it was linked to). With `batch`, link, term and count writes wait for its flush.
 */
export function* relinkRecord(
  d: Dialect,
  recordId: string,
  extracted: Entities,
  lexicon: Lexicon,
  seen: string,
  replace: boolean,
  batch?: LinkBatch,
): Step<{ linked: Entities; unlinked: string[] }> {
  const { entities, applied } = applyLexicon(structuredClone(extracted), lexicon, { recordId });
  let unlinked: string[] = [];
  if (replace) {
    unlinked = yield* unlinkRecord(d, recordId, batch);
    yield { sql: 'DELETE FROM correction_hits WHERE record_id = ?', params: [recordId] };
  }
  const linked = yield* linkRecord(d, recordId, structuredClone(entities), seen, batch);
  if (!applied.length) return { linked, unlinked };
  if (d === 'postgres')
    yield {
      sql: 'INSERT INTO correction_hits (correction_id, record_id) SELECT unnest(?::text[]), ? ON CONFLICT DO NOTHING',
      params: [applied, recordId],
    };
  // SQLite: one prepared statement per row (a VALUES list is a new statement per length)
  else
    for (const c of applied)
      yield { sql: 'INSERT INTO correction_hits (correction_id, record_id) VALUES (?, ?) ON CONFLICT DO NOTHING', params: [c, recordId] };
  return { linked, unlinked };
}

/** Removes a record's links (counts go down); returns the entity ids it was linked to. */
export function* unlinkRecord(d: Dialect, recordId: string, batch?: LinkBatch): Step<string[]> {
  const own = batch ?? new LinkBatch(d);
  const ids = yield* own.unlink(recordId);
  if (!batch) yield* own.flush();
  return ids;
}

/** Counts and first/last seen recomputed from the links. */
export function* recount(ids: string[]): Step<void> {
  const unique = [...new Set(ids)].sort();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    yield {
      sql: `UPDATE entity SET
              records = (SELECT count(*) FROM record_entity l WHERE l.entity_id = entity.id),
              mentions = (SELECT coalesce(sum(l.mentions), 0) FROM record_entity l WHERE l.entity_id = entity.id),
              first_seen = (SELECT min(l.seen) FROM record_entity l WHERE l.entity_id = entity.id),
              last_seen = (SELECT max(l.seen) FROM record_entity l WHERE l.entity_id = entity.id)
            WHERE id IN ${placeholders(chunk.length)}`,
      params: chunk,
    };
  }
}

/** `from` becomes `into`: its links, terms and names move over, record JSON ids are rewritten, `from` redirects. */
export function* mergeEntity(d: Dialect, from: string, into: string, by: string | null): Step<void> {
  if (from === into) return;
  const rows = yield* selectEntities(`id IN (?, ?)`, [from, into]);
  const a = rows.find((r) => r.id === from);
  const b = rows.find((r) => r.id === into);
  if (!a || !b) return;
  yield { sql: 'UPDATE entity SET merged_into = ?, merged_by = ? WHERE id = ?', params: [into, by, from] };
  yield { sql: 'UPDATE entity SET merged_into = ? WHERE merged_into = ?', params: [into, from] };
  yield {
    sql: `INSERT INTO entity_term (type, term, entity_id) SELECT CAST(? AS text), term, CAST(? AS text) FROM entity_term WHERE entity_id = ? ON CONFLICT DO NOTHING`,
    params: [b.type, into, from],
  };
  const data = d === 'postgres' ? 'replace(data::text, ?, ?)::json' : 'replace(data, ?, ?)';
  yield {
    sql: `UPDATE records SET data = ${data} WHERE id IN (SELECT record_id FROM record_entity WHERE entity_id = ?)`,
    params: [`"id":"${from}"`, `"id":"${into}"`, from],
  };
  yield {
    sql: `INSERT INTO record_entity (record_id, entity_id, mentions, seen) SELECT record_id, CAST(? AS text), mentions, seen FROM record_entity WHERE entity_id = ?
          ON CONFLICT (record_id, entity_id) DO UPDATE SET mentions = record_entity.mentions + excluded.mentions`,
    params: [into, from],
  };
  yield { sql: 'DELETE FROM record_entity WHERE entity_id = ?', params: [from] };
  const aliases = mergeAliases(JSON.parse(b.aliases) as string[], b.name, [a.name, ...(JSON.parse(a.aliases) as string[])]);
  yield { sql: 'UPDATE entity SET aliases = ? WHERE id = ?', params: [JSON.stringify(aliases), into] };
  yield* recount([from, into]);
}

// ---------------------------------------------------------------------------------------------
// Corrections

function* lexiconVersion(): Step<number> {
  const rows = yield { sql: `SELECT value FROM store_meta WHERE key = 'lexicon'`, params: [] };
  return rows.length ? Number(rows[0].value) : 0;
}

/** The active corrections, oldest first, and the version they are at. */
export function* loadLexicon(): Step<Lexicon> {
  const version = yield* lexiconVersion();
  const rows = (yield { sql: 'SELECT data FROM corrections WHERE undone_at IS NULL ORDER BY seq', params: [] }) as Array<{ data: string }>;
  return { version, corrections: rows.map((r) => Correction.parse(JSON.parse(r.data))) };
}

/** Just the version (cheap: checked before each write batch to refresh a cached lexicon). */
export const currentLexiconVersion = lexiconVersion;

export function* listCorrections(): Step<StoredCorrection[]> {
  const rows = (yield { sql: 'SELECT data, undone_at, undone_by FROM corrections ORDER BY seq', params: [] }) as Array<{
    data: string;
    undone_at: string | null;
    undone_by: string | null;
  }>;
  return rows.map((r) => ({ correction: Correction.parse(JSON.parse(r.data)), undoneAt: r.undone_at, undoneBy: r.undone_by }));
}

/** An entity by id (following merges), or by name/alias (the most-seen match; optionally of one type). */
export function* findEntity(ref: string, type?: NamedType): Step<StoredEntity | null> {
  const byId = /^e[0-9a-z]+$/.test(ref.trim()) ? yield* selectEntities('id = ?', [ref.trim()]) : [];
  let row: EntityRow | undefined = byId[0];
  if (!row) {
    const key = entityKey(ref);
    if (!key) return null;
    const code = /^[A-Za-z]{2}$/.test(ref.trim()) ? [ref.trim().toLowerCase()] : [];
    const rows = yield* selectEntities(
      `(key = ? ${code.length ? `OR (type = 'country' AND key = ?)` : ''} OR id IN (SELECT entity_id FROM entity_term WHERE term = ?))${type ? ' AND type = ?' : ''}
       ORDER BY (merged_into IS NULL) DESC, records DESC, (key = ?) DESC LIMIT 1`,
      [key, ...code, key, ...(type ? [type] : []), key],
    );
    row = rows[0];
  }
  for (let hops = 0; row?.merged_into && hops < 20; hops++) row = (yield* selectEntities('id = ?', [row.merged_into]))[0] ?? row;
  return row ? toStoredEntity(row) : null;
}

export interface EntityQuery {
  /** Name or alias prefix (case and accents ignored). */
  q?: string;
  type?: NamedType;
  limit?: number;
  offset?: number;
}

export function* listEntities(opts: EntityQuery = {}): Step<StoredEntity[]> {
  const where = ['merged_into IS NULL', 'records > 0'];
  const params: unknown[] = [];
  if (opts.type) {
    if (!NAMED_TYPES.includes(opts.type)) throw new InputError(`type must be one of ${NAMED_TYPES.join(', ')}`);
    where.push('type = ?');
    params.push(opts.type);
  }
  const q = opts.q ? entityKey(opts.q) : '';
  if (q) {
    where.push(`id IN (SELECT entity_id FROM entity_term WHERE term LIKE ? ESCAPE '\\')`);
    params.push(q.replace(/[\\%_]/g, (c) => '\\' + c) + '%');
  }
  const limit = opts.limit ?? 50;
  const offset = opts.offset ?? 0;
  const rows = yield* selectEntities(`${where.join(' AND ')} ORDER BY records DESC, mentions DESC, name LIMIT ? OFFSET ?`, [
    ...params,
    limit,
    offset,
  ]);
  return rows.map(toStoredEntity);
}

/** Linked records per day ("YYYY-MM-DD" of the record's publication, else of its storing). */
export function* entityDays(id: string): Step<Array<{ day: string; records: number; mentions: number }>> {
  const rows = yield {
    sql: `SELECT substr(seen, 1, 10) AS day, count(*) AS records, sum(mentions) AS mentions FROM record_entity WHERE entity_id = ? GROUP BY substr(seen, 1, 10) ORDER BY day`,
    params: [id],
  };
  return rows.map((r) => ({ day: String(r.day), records: Number(r.records), mentions: Number(r.mentions) }));
}

/** The entities that share the most records with `id`. */
export function* coEntities(id: string, limit = 20): Step<Array<{ entity: StoredEntity; records: number }>> {
  const rows = (yield {
    sql: `SELECT e.*, c.n AS together FROM (
            SELECT b.entity_id, count(*) AS n FROM record_entity a JOIN record_entity b ON b.record_id = a.record_id AND b.entity_id <> a.entity_id
            WHERE a.entity_id = ? GROUP BY b.entity_id ORDER BY n DESC, b.entity_id LIMIT ?
          ) c JOIN entity e ON e.id = c.entity_id ORDER BY c.n DESC, e.name`,
    params: [id, limit],
  }) as unknown as Array<EntityRow & { together: number }>;
  return rows.map((r) => ({ entity: toStoredEntity(r), records: Number(r.together) }));
}

function correctionNames(c: Correction): string[] {
  switch (c.op) {
    case 'merge':
      return [c.name, c.into];
    case 'alias':
      return [c.name, c.alias];
    default:
      return [c.name];
  }
}

/** Records a correction can change: linked to an entity found under one of its names, or indexed under one. */
function* affectedRecords(c: Correction): Step<string[]> {
  if (c.recordId) return [c.recordId];
  const keys = [...new Set(correctionNames(c).map(entityKey).filter(Boolean))];
  const folded = [...new Set(correctionNames(c).map(fold).filter(Boolean))];
  if (!keys.length) return [];
  const typed = c.type ? ' AND type = ?' : '';
  const rows = yield {
    sql: `SELECT record_id FROM record_entity WHERE entity_id IN (SELECT entity_id FROM entity_term WHERE term IN ${placeholders(keys.length)}${typed})
          UNION SELECT record_id FROM entities WHERE term IN ${placeholders(folded.length)} AND type <> 'date'
          UNION SELECT record_id FROM correction_hits WHERE correction_id = ?`,
    params: [...keys, ...(c.type ? [c.type] : []), ...folded, c.id],
  };
  return rows.map((r) => String(r.record_id));
}

function seenOf(published: unknown, created: unknown): string {
  const v = published ?? created;
  return v instanceof Date ? v.toISOString() : String(v);
}

/**
 * Re-applies the lexicon to stored records: each record's entities as extracted, corrected, linked
 * again; data, entity index and links rewritten where they changed. Returns how many changed.
 */
export function* recompute(d: Dialect, recordIds: string[], lexicon: Lexicon): Step<number> {
  let changed = 0;
  const touched: string[] = [];
  const ids = [...new Set(recordIds)];
  for (let k = 0; k < ids.length; k += 200) {
    const chunk = ids.slice(k, k + 200);
    const rows = yield {
      sql: `SELECT id, data, extracted, published_at, created_at FROM records WHERE id IN ${placeholders(chunk.length)}`,
      params: chunk,
    };
    for (const row of rows) {
      const id = String(row.id);
      const rec = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as { entities: Entities };
      const extracted = row.extracted ? (JSON.parse(String(row.extracted)) as Entities) : withoutIds(rec.entities);
      const { linked, unlinked } = yield* relinkRecord(d, id, extracted, lexicon, seenOf(row.published_at, row.created_at), true);
      touched.push(...unlinked);
      for (const e of itemsOf(linked)) if (e.target.id) touched.push(e.target.id);
      const before = JSON.stringify(rec.entities);
      if (JSON.stringify(linked) === before && row.extracted) continue;
      changed += JSON.stringify(linked) === before ? 0 : 1;
      const next = { ...rec, entities: linked };
      yield {
        sql: 'UPDATE records SET data = ?, extracted = ? WHERE id = ?',
        params: [JSON.stringify(next), JSON.stringify(extracted), id],
      };
      yield* writeEntityIndex(id, next as never);
    }
  }
  yield* recount(touched);
  return changed;
}

/** The per-record name index (`entities`) that the --entity/--type/--country filters and facets use. */
export function* writeEntityIndex(recordId: string, record: Parameters<typeof entityRows>[0]): Step<void> {
  yield { sql: 'DELETE FROM entities WHERE record_id = ?', params: [recordId] };
  const rows = entityRows(record);
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    yield {
      sql: `INSERT INTO entities (record_id, type, term, name, key, code, mentions, alias) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
      params: chunk.flatMap((e) => [recordId, e.type, e.term, e.name, e.key, e.code, e.mentions, e.alias ? 1 : 0]),
    };
  }
}

function* bumpVersion(): Step<void> {
  yield { sql: `UPDATE store_meta SET value = value + 1 WHERE key = 'lexicon'`, params: [] };
}

/** An entity id in a correction's name is replaced by the entity's type and name. */
function* resolveRefs(input: CorrectionInput): Step<CorrectionInput> {
  const out = { ...input } as CorrectionInput & Record<string, unknown>;
  if (/^e[0-9a-z]+$/.test(input.name)) {
    const e = yield* findEntity(input.name);
    if (!e) throw new InputError(`no entity with id ${input.name}`);
    out.name = e.name;
    out.type = e.type;
  }
  if (input.op === 'merge' && /^e[0-9a-z]+$/.test(input.into)) {
    const e = yield* findEntity(input.into);
    if (!e) throw new InputError(`no entity with id ${input.into}`);
    (out as { into: string }).into = e.name;
    out.type ??= e.type;
  }
  if ((input.op === 'merge' || input.op === 'alias') && !out.type) {
    const e = yield* findEntity(input.op === 'merge' ? (out as { into: string }).into : input.name);
    if (!e)
      throw new InputError(
        `${input.op}: no stored entity named '${input.op === 'merge' ? (out as { into: string }).into : input.name}'; give its type`,
      );
    out.type = e.type;
  }
  return out;
}

/** Entities of the store a correction is about: same type (or any), found under the name. */
function* entitiesNamed(name: string, type: NamedType | undefined): Step<EntityRow[]> {
  const key = entityKey(name);
  return yield* selectEntities(
    `merged_into IS NULL AND (key = ? OR id IN (SELECT entity_id FROM entity_term WHERE term = ?))${type ? ' AND type = ?' : ''}`,
    [key, key, ...(type ? [type] : [])],
  );
}

/**
 * Stores a correction and applies it at once: stored records found under its names are corrected
 * and re-linked; a retyped, merged or aliased entity's id redirects to the entity it became.
 */
export function* addCorrection(d: Dialect, input: CorrectionInput, at = nowIso()): Step<{ correction: Correction; records: number }> {
  const resolved = yield* resolveRefs(input);
  const correction = Correction.parse({ ...resolved, id: newCorrectionId(), at, author: input.author });
  return yield* insertAndApply(d, correction);
}

function* insertAndApply(d: Dialect, correction: Correction): Step<{ correction: Correction; records: number }> {
  yield {
    sql: 'INSERT INTO corrections (id, op, data, author, created_at) VALUES (?, ?, ?, ?, ?)',
    params: [correction.id, correction.op, JSON.stringify(correction), correction.author, correction.at],
  };
  yield* bumpVersion();
  // entities that stop existing under this name (merge/alias/retype) redirect once records moved
  let sources: EntityRow[] = [];
  if (!correction.recordId) {
    if (correction.op === 'retype')
      sources = (yield* entitiesNamed(correction.name, correction.type)).filter((e) => e.type !== correction.to);
    if (correction.op === 'merge') sources = yield* entitiesNamed(correction.name, correction.type);
    if (correction.op === 'alias') sources = yield* entitiesNamed(correction.alias, correction.type);
  }
  const lexicon = yield* loadLexicon();
  const records = yield* recompute(d, yield* affectedRecords(correction), lexicon);
  if (correction.op === 'alias' && correction.type) {
    const target = (yield* entitiesNamed(correction.name, correction.type))[0];
    if (target) {
      yield {
        sql: 'INSERT INTO entity_term (type, term, entity_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
        params: [target.type, entityKey(correction.alias), target.id],
      };
      const aliases = mergeAliases(JSON.parse(target.aliases) as string[], target.name, [correction.alias]);
      yield { sql: 'UPDATE entity SET aliases = ? WHERE id = ?', params: [JSON.stringify(aliases), target.id] };
    }
  }
  for (const s of sources) {
    const targetName = correction.op === 'merge' ? correction.into : correction.name;
    const targetType = correction.op === 'retype' ? correction.to : s.type;
    const key =
      targetType === 'country'
        ? correction.op === 'retype' && correction.code
          ? correction.code.toLowerCase()
          : null
        : entityKey(targetName);
    const target = key
      ? (yield* selectEntities('type = ? AND key = ?', [targetType, key]))[0]
      : (yield* entitiesNamed(targetName, targetType))[0];
    if (target && target.id !== s.id) yield* mergeEntity(d, s.id, target.merged_into ?? target.id, correction.id);
  }
  return { correction, records };
}

/** Undoes a correction: marked undone (kept, with who and when), its redirects lifted, records re-corrected. */
export function* undoCorrection(d: Dialect, id: string, author: string, at = nowIso()): Step<{ correction: Correction; records: number }> {
  const rows = (yield { sql: 'SELECT data, undone_at FROM corrections WHERE id = ?', params: [id] }) as Array<{
    data: string;
    undone_at: string | null;
  }>;
  if (!rows.length) throw new InputError(`no correction with id ${id}`);
  const correction = Correction.parse(JSON.parse(rows[0].data));
  if (rows[0].undone_at) return { correction, records: 0 };
  yield { sql: 'UPDATE corrections SET undone_at = ?, undone_by = ? WHERE id = ?', params: [at, author, id] };
  yield* bumpVersion();
  const lifted = (yield { sql: 'SELECT id FROM entity WHERE merged_by = ?', params: [id] }).map((r) => String(r.id));
  if (lifted.length) yield { sql: 'UPDATE entity SET merged_into = NULL, merged_by = NULL WHERE merged_by = ?', params: [id] };
  if (correction.op === 'alias') {
    yield {
      sql: `DELETE FROM entity_term WHERE term = ? AND entity_id IN (SELECT id FROM entity WHERE key <> ?) AND NOT EXISTS (SELECT 1 FROM entities x WHERE x.term = ? AND x.type = entity_term.type)`,
      params: [entityKey(correction.alias), entityKey(correction.alias), fold(correction.alias)],
    };
  }
  const affected = yield* affectedRecords(correction);
  const lexicon = yield* loadLexicon();
  const records = yield* recompute(d, affected, lexicon);
  yield* recount(lifted);
  return { correction, records };
}

/** Adds the corrections of a lexicon file that the store does not have yet (by id); returns how many. */
export function* importCorrections(d: Dialect, lexicon: Lexicon): Step<number> {
  let added = 0;
  for (const c of lexicon.corrections) {
    const exists = yield { sql: 'SELECT 1 AS x FROM corrections WHERE id = ?', params: [c.id] };
    if (exists.length) continue;
    yield* insertAndApply(d, c);
    added++;
  }
  return added;
}

/** Records stored before entity ids existed (no links yet): linked in batches on open. */
export function* backfill(d: Dialect, batch = 500): Step<number> {
  const lexicon = yield* loadLexicon();
  let done = 0;
  for (;;) {
    const rows = yield { sql: 'SELECT id FROM records WHERE extracted IS NULL ORDER BY seq LIMIT ?', params: [batch] };
    if (!rows.length) return done;
    yield* recompute(
      d,
      rows.map((r) => String(r.id)),
      lexicon,
    );
    done += rows.length;
  }
}

export { EMPTY_LEXICON, LinkBatch };

/**
 * A stored record made again from its raw page (gleaner reprocess) with the same text: its
 * metadata and entities are replaced in place (no new revision: the article did not change, the
 * pipeline did). Returns null when the text differs (the caller upserts: a new revision).
 */
export function* refreshRecord(
  d: Dialect,
  id: string,
  rec: GleanerRecordLike,
  contentHash: string,
  publishedAt: string | null,
  lexicon: Lexicon,
): Step<'updated' | 'unchanged' | 'missing' | null> {
  const rows = yield { sql: 'SELECT data, content_hash, created_at FROM records WHERE id = ?', params: [id] };
  if (!rows.length) return 'missing';
  if (String(rows[0].content_hash) !== contentHash) return null;
  const old = (typeof rows[0].data === 'string' ? JSON.parse(rows[0].data) : rows[0].data) as GleanerRecordLike;
  const extracted = withoutIds(rec.entities);
  const { linked, unlinked: touched } = yield* relinkRecord(
    d,
    id,
    extracted,
    lexicon,
    publishedAt ?? seenOf(null, rows[0].created_at),
    true,
  );
  // the stored provenance (fetch time, feed) stays; the pipeline version is the new one
  const next = {
    ...rec,
    entities: linked,
    provenance: {
      ...(old.provenance ?? {}),
      ...(rec.provenance ?? {}),
      fetchedAt: old.provenance?.fetchedAt ?? rec.provenance?.fetchedAt ?? null,
    },
  };
  const same = JSON.stringify(next) === JSON.stringify(old);
  if (!same) {
    yield {
      sql: `UPDATE records SET data = ?, extracted = ?, title = ?, language = ?, published_at = ${d === 'postgres' ? 'CAST(? AS timestamptz)' : '?'} WHERE id = ?`,
      params: [JSON.stringify(next), JSON.stringify(extracted), rec.title ?? null, rec.language ?? null, publishedAt, id],
    };
    yield* writeEntityIndex(id, next as never);
  } else {
    yield { sql: 'UPDATE records SET extracted = ? WHERE id = ?', params: [JSON.stringify(extracted), id] };
  }
  yield* recount([
    ...touched,
    ...itemsOf(linked)
      .map((i) => i.target.id!)
      .filter(Boolean),
  ]);
  return same ? 'unchanged' : 'updated';
}

interface GleanerRecordLike {
  title?: string | null;
  language?: string | null;
  entities: Entities;
  provenance?: { fetchedAt?: string | null } & Record<string, unknown>;
}
