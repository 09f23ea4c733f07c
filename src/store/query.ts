// Logic both back ends share: record keys, name folding, the entity rows a record is indexed under,
// date bounds and full-text query parsing. Pure functions; the SQL lives in shared-sql.ts (the same on
// both back ends), dialect.ts (what differs) and the stores' upsert paths.
import { randomBytes } from 'node:crypto';
import { ENGLISH_STOP_WORDS } from './stopwords.js';
import { InputError } from '../errors.js';
import { GleanerRecord } from '../record/schema.js';
import { contentHash as hashOfText } from '../text/hash.js';
import { fold, searchKey } from '../text/fold.js';
import type { EntityType, FeedState, RecordFilter } from './types.js';

/** A URL as stored and looked up: trimmed, fragment dropped. */
export function normaliseUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const t = url.trim();
  if (!t) return null;
  const hash = t.indexOf('#');
  return hash >= 0 ? t.slice(0, hash) : t;
}

/** Host of a URL without "www.", lower case; null when it is not an absolute URL. */
export function sourceHost(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** What a stored record is keyed by. */
export interface RecordKeys {
  /** The unique key: canonical URL, else URL, else "sha256:<content hash>". */
  urlKey: string;
  /** Other URL the record may already be stored under (its plain URL when keyed by canonical). */
  altKey: string | null;
  url: string | null;
  canonicalUrl: string | null;
  contentHash: string;
  source: string | null;
  /** publishedAt as UTC ISO (comparable as text), or null when missing/unparsable. */
  publishedAt: string | null;
  /** Whether the content is substantial enough to count as a syndicated copy of another record. */
  syndicatable: boolean;
}

export function recordKeys(record: GleanerRecord): RecordKeys {
  const url = normaliseUrl(record.url);
  const canonicalUrl = normaliseUrl(record.canonicalUrl ?? null);
  const contentHash = record.provenance?.contentHash ?? hashOfText(record.text);
  const urlKey = canonicalUrl ?? url ?? `sha256:${contentHash}`;
  const flags = record.flags ?? {};
  return {
    urlKey,
    altKey: canonicalUrl && url && url !== canonicalUrl ? url : null,
    url,
    canonicalUrl,
    contentHash,
    source: sourceHost(canonicalUrl ?? url),
    publishedAt: toUtcIso(record.publishedAt),
    syndicatable: record.text.trim().length > 0 && !flags.empty && !flags.consentWall,
  };
}

/**
 * A new record id: "r" + milliseconds (base 36) + 40 random bits. Time-ordered, so the id index and
 * the entity table (keyed by record id) grow at their right edge instead of dirtying random pages.
 * Racing writers never both insert: the unique URL key (and locks/transactions) decide.
 */
/** Random bytes for ids, drawn from a pool: randomBytes() per id cost more than linking a name. */
let randomPool = Buffer.alloc(0);
let randomPos = 0;
export function randomHex(bytes: number): string {
  if (randomPos + bytes > randomPool.length) {
    randomPool = randomBytes(4096);
    randomPos = 0;
  }
  randomPos += bytes;
  return randomPool.toString('hex', randomPos - bytes, randomPos);
}

export function newRecordId(now = Date.now()): string {
  return 'r' + now.toString(36).padStart(9, '0') + randomHex(5);
}

export function toUtcIso(value: string | null | undefined): string | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** One indexed row per entity name, alias and (for people) surname. */
export interface EntityRow {
  type: EntityType;
  /** The entity's display name. */
  name: string;
  /** Folded name, alias or surname: what `--entity` matches. */
  term: string;
  /** Grouping key for counts: the country code for countries, else the folded name. */
  key: string;
  code: string | null;
  mentions: number;
  alias: boolean;
}

const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

export function entityRows(record: GleanerRecord): EntityRow[] {
  const rows: EntityRow[] = [];
  const seen = new Set<string>();
  const add = (
    type: EntityType,
    name: string,
    key: string,
    code: string | null,
    mentions: number,
    terms: Array<string | null | undefined>,
  ) => {
    terms.forEach((t, i) => {
      const term = t ? fold(t) : '';
      if (!term || seen.has(`${type}\u0000${term}`)) return;
      seen.add(`${type}\u0000${term}`);
      rows.push({ type, name, term, key, code, mentions, alias: i > 0 });
    });
  };
  const e = record.entities;
  for (const p of e.people) {
    const words = fold(p.name)
      .split(' ')
      .filter((w) => !NAME_SUFFIXES.has(w));
    const surname = words.length > 1 ? words[words.length - 1] : null;
    add('person', p.name, fold(p.name) || p.name, null, p.mentions, [p.name, ...p.aliases, surname]);
  }
  for (const c of e.countries) add('country', c.name, c.code, c.code, c.mentions, [c.name, ...(c.aliases ?? [])]);
  for (const o of e.organizations) add('organization', o.name, fold(o.name) || o.name, null, o.mentions, [o.name, ...o.aliases]);
  for (const p of e.places) add('place', p.name, fold(p.name) || p.name, p.countryCode ?? null, p.mentions, [p.name, ...(p.aliases ?? [])]);
  for (const d of e.dates) {
    const name = d.value ?? d.text;
    add('date', name, d.value ?? (fold(d.text) || d.text), null, d.mentions, [d.text, d.value]);
  }
  return rows;
}

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'country', 'organization', 'place', 'date'];

/**
 * Turns a user's date (2023, 2023-09, 2023-09-16 or a full timestamp) into a UTC ISO bound.
 * `until` is inclusive of the whole period it names: until 2023-09 → before 2023-10-01.
 */
export function dateBound(value: string, side: 'since' | 'until'): { iso: string; exclusive: boolean } {
  const v = value.trim();
  let m: RegExpMatchArray | null;
  if ((m = v.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/))) {
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) - 1 : 0;
    const d = m[3] ? Number(m[3]) : 1;
    const start = Date.UTC(y, mo, d);
    const check = new Date(start);
    if (mo > 11 || (m[3] && check.getUTCDate() !== d)) throw new InputError(`--${side}: '${value}' is not a valid date`);
    if (side === 'since') return { iso: new Date(start).toISOString(), exclusive: false };
    const end = m[3] ? Date.UTC(y, mo, d + 1) : m[2] ? Date.UTC(y, mo + 1, 1) : Date.UTC(y + 1, 0, 1);
    return { iso: new Date(end).toISOString(), exclusive: true };
  }
  const t = Date.parse(v);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(t)) throw new InputError(`--${side}: '${value}' is not an ISO-8601 date`);
  return { iso: new Date(t).toISOString(), exclusive: false };
}

/** A filter with its values folded and checked, ready for either back end to turn into SQL. */
export interface NormalisedFilter {
  terms: string[];
  type: EntityType | null;
  countries: string[];
  entityIds: string[];
  since: string | null;
  /** Exclusive or inclusive upper bound, per untilExclusive. */
  until: string | null;
  untilExclusive: boolean;
  source: string | null;
  language: string | null;
  /**
   * Full-text query as lower-cased, folded tokens and phrases. No clauses but some negations is a
   * pure negation: every record that matches none of them.
   */
  query: FtsQuery | null;
  /** A query with no searchable word: matches no record (both back ends). */
  matchNothing: boolean;
  limit: number | null;
  offset: number;
}

export function normaliseFilter(f: RecordFilter = {}): NormalisedFilter {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const terms = list(f.entity).map(fold).filter(Boolean);
  if (list(f.entity).length && !terms.length) throw new InputError('--entity needs a name with letters or digits');
  if (f.type !== undefined && !ENTITY_TYPES.includes(f.type)) throw new InputError(`--type must be one of ${ENTITY_TYPES.join(', ')}`);
  const countries = list(f.country).map((c) => c.trim().toUpperCase());
  for (const c of countries)
    if (!/^[A-Z]{2}$/.test(c)) throw new InputError(`--country takes an ISO 3166-1 alpha-2 code (e.g. NE), not '${c}'`);
  const entityIds = list(f.entityId).map((e) => e.trim());
  for (const e of entityIds) if (!/^e[0-9a-z]+$/.test(e)) throw new InputError(`--entity-id takes an entity id (e…), not '${e}'`);
  const until = f.until ? dateBound(f.until, 'until') : null;
  const limit = f.limit === undefined || f.limit === null ? null : f.limit;
  if (limit !== null && !(Number.isInteger(limit) && limit >= 0)) throw new InputError('--limit takes a whole number ≥ 0');
  const offset = f.offset ?? 0;
  if (!(Number.isInteger(offset) && offset >= 0)) throw new InputError('--offset takes a whole number ≥ 0');
  const source = f.source ? (sourceHost(/^[a-z][a-z0-9+.-]*:\/\//i.test(f.source) ? f.source : `http://${f.source}`) ?? null) : null;
  if (f.source && !source) throw new InputError(`--source: '${f.source}' is not a host name`);
  const language = f.language?.trim().toLowerCase() || null;
  if (language && !/^[a-z]{2,3}$/.test(language)) throw new InputError(`--language takes an ISO 639-1 code (e.g. fr), not '${f.language}'`);
  const query = f.query?.trim() ? parseFtsQuery(f.query) : null;
  return {
    terms,
    type: f.type ?? null,
    countries,
    entityIds,
    since: f.since ? dateBound(f.since, 'since').iso : null,
    until: until?.iso ?? null,
    untilExclusive: until?.exclusive ?? false,
    source,
    language,
    query: query && (query.clauses.length || query.negated.length) ? query : null,
    // A query was given but nothing in it is searchable (only stop words or punctuation).
    matchNothing: query !== null && !query.clauses.length && !query.negated.length,
    limit,
    offset,
  };
}

/** A search: clauses all required (AND); each clause is a set of alternatives (OR); each alternative a phrase of words. */
export interface FtsQuery {
  clauses: string[][][];
  negated: string[][];
}

/**
 * Web-search style syntax, the same on both back ends: words are all required, "quoted phrases",
 * `a OR b`, `-word` excludes. Words are folded like the indexed text. Stop words
 * (ENGLISH_STOP_WORDS) are not searchable: a word or phrase made only of them is dropped (inside a
 * longer phrase they stay). What is left decides: no clause and no exclusion → nothing matches;
 * only exclusions → every record matching none of them.
 */
export function parseFtsQuery(q: string): FtsQuery {
  const tokens: Array<{ words: string[]; neg: boolean; or: boolean }> = [];
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q))) {
    if (m[3] === 'OR') {
      tokens.push({ words: [], neg: false, or: true });
      continue;
    }
    const neg = m[1] === '-' || (m[3]?.startsWith('-') ?? false);
    const raw = m[2] ?? m[3].replace(/^-/, '');
    const words = searchKey(raw).split(' ').filter(Boolean);
    if (words.some((w) => !ENGLISH_STOP_WORDS.has(w))) tokens.push({ words, neg, or: false });
  }
  const clauses: string[][][] = [];
  const negated: string[][] = [];
  let joinNext = false;
  for (const t of tokens) {
    if (t.or) {
      joinNext = clauses.length > 0;
      continue;
    }
    if (t.neg) negated.push(t.words);
    else if (joinNext) clauses[clauses.length - 1].push(t.words);
    else clauses.push([t.words]);
    joinNext = false;
  }
  return { clauses, negated };
}

/**
 * Version of the words searchText writes: a store whose index was written with an older version is
 * indexed again once, on open (2: apostrophes split words).
 */
export const SEARCH_TEXT_VERSION = 2;

/** The text indexed for search, folded the same way as queries. */
export function searchText(record: GleanerRecord): { title: string; body: string } {
  return { title: searchKey(record.title ?? ''), body: searchKey(record.text) };
}

/** Adds a bound parameter and returns its placeholder ("?" or "$n"); `ts` marks a timestamp. */
export type Bind = (value: unknown, kind?: 'ts') => string;

/**
 * The WHERE conditions on `records r` common to both back ends (full-text comes from the dialect);
 * `languageSql` reads the record's language (dialect.ts).
 */
export function whereConditions(f: NormalisedFilter, bind: Bind, languageSql: string): string[] {
  const where: string[] = [];
  for (const term of f.terms) {
    where.push(`r.id IN (SELECT record_id FROM entities WHERE term = ${bind(term)}${f.type ? ` AND type = ${bind(f.type)}` : ''})`);
  }
  if (f.type && !f.terms.length) where.push(`r.id IN (SELECT record_id FROM entities WHERE type = ${bind(f.type)})`);
  for (const code of f.countries) {
    where.push(`r.id IN (SELECT record_id FROM entities WHERE code = ${bind(code)} AND type = 'country')`);
  }
  for (const id of f.entityIds) {
    // a merged id stands for the entity it was merged into
    const p = bind(id);
    where.push(
      `r.id IN (SELECT record_id FROM record_entity WHERE entity_id = COALESCE((SELECT merged_into FROM entity WHERE id = ${p}), ${bind(id)}))`,
    );
  }
  if (f.since) where.push(`r.published_at >= ${bind(f.since, 'ts')}`);
  if (f.until) where.push(`r.published_at ${f.untilExclusive ? '<' : '<='} ${bind(f.until, 'ts')}`);
  if (f.source) {
    const like = '%.' + f.source.replace(/[\\%_]/g, (c) => '\\' + c);
    where.push(`(r.source = ${bind(f.source)} OR r.source LIKE ${bind(like)} ESCAPE '\\')`);
  }
  if (f.language) where.push(`${languageSql} = ${bind(f.language)}`);
  return where;
}

/** Conditions for topEntities on `entities e` joined to `records r`. */
export function topEntityConditions(
  opts: { type?: EntityType; since?: string; until?: string },
  bind: Bind,
): { where: string[]; needsRecords: boolean } {
  if (opts.type !== undefined && !ENTITY_TYPES.includes(opts.type))
    throw new InputError(`--type must be one of ${ENTITY_TYPES.join(', ')}`);
  const where = ['e.alias = ' + bind(0)];
  where.push(opts.type ? `e.type = ${bind(opts.type)}` : `e.type <> 'date'`);
  let needsRecords = false;
  if (opts.since) {
    where.push(`r.published_at >= ${bind(dateBound(opts.since, 'since').iso, 'ts')}`);
    needsRecords = true;
  }
  if (opts.until) {
    const u = dateBound(opts.until, 'until');
    where.push(`r.published_at ${u.exclusive ? '<' : '<='} ${bind(u.iso, 'ts')}`);
    needsRecords = true;
  }
  return { where, needsRecords };
}

/** A feeds table row (both back ends use the same columns). */
export interface FeedRow {
  id: string;
  url: string;
  every: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_status: number | null;
  title: string | null;
}

export function validateRecord(record: GleanerRecord): GleanerRecord {
  const parsed = GleanerRecord.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`record does not match the schema: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, {
      url: record?.url ?? null,
    });
  }
  return parsed.data;
}

export function feedFromRow(r: FeedRow): FeedState {
  return {
    id: r.id,
    url: r.url,
    every: r.every,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPolledAt: r.last_polled_at,
    lastStatus: r.last_status,
    title: r.title,
  };
}
