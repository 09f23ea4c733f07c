// What differs in the SQL of the two back ends, in one table: how a timestamp parameter is typed,
// where "now" comes from, how the record's JSON is read, the full-text join, and "no limit". The
// statements themselves are written once with "?" placeholders (shared-sql.ts, entities.ts);
// PostgreSQL numbers them ($1, $2, …) when it runs them.
import type { Dialect } from './entity-sql.js';
import type { Bind, FtsQuery } from './query.js';

export interface DialectSql {
  /** A bound timestamp: PostgreSQL types it, SQLite compares ISO text. */
  ts(placeholder: string): string;
  /** The current time as an SQL value: the server's clock on PostgreSQL, the writer's ISO time on SQLite. */
  now(bind: Bind): string;
  /** The record's language (the indexed column, a copy of `language` in its JSON). */
  languageSql: string;
  /** LIMIT's value for "all rows" (OFFSET needs a LIMIT on SQLite). */
  noLimit: number | null;
  /**
   * The full-text part of a records query on `records r`: a join or extra FROM item, conditions,
   * and the ranking that comes before the default order (null: the default order alone).
   */
  fullText(q: FtsQuery, bind: Bind): { from: string; where: string[]; rank: string | null };
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

/** to_tsquery syntax for a parsed query: words are folded [\p{L}\p{N}]+ so quoting is safe. */
export function tsQuery(q: FtsQuery): string {
  const phrase = (words: string[]) => (words.length === 1 ? `'${words[0]}'` : `(${words.map((w) => `'${w}'`).join(' <-> ')})`);
  const parts = q.clauses.map((alts) => (alts.length === 1 ? phrase(alts[0]) : `(${alts.map(phrase).join(' | ')})`));
  for (const n of q.negated) parts.push(`!${phrase(n)}`);
  return parts.join(' & ');
}

const sqlite: DialectSql = {
  ts: (p) => p,
  now: (bind) => bind(new Date().toISOString()),
  languageSql: 'r.language',
  noLimit: -1,
  fullText(q, bind) {
    // FTS5 cannot match "NOT x" alone: a pure negation is "not among the rows matching x".
    if (!q.clauses.length)
      return {
        from: '',
        where: [`r.seq NOT IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ${bind(fts5Exclusions(q))})`],
        rank: null,
      };
    return {
      from: ` JOIN (SELECT rowid AS fts_rowid, bm25(records_fts, 4.0, 1.0) AS rank FROM records_fts WHERE records_fts MATCH ${bind(fts5Match(q))}) f ON f.fts_rowid = r.seq`,
      where: [],
      rank: 'f.rank',
    };
  },
};

/**
 * The PostgreSQL text-search configuration a record's text is stemmed with, by its language:
 * French and English stem; any other language (or none) is indexed word for word.
 */
export function tsConfigOf(language: string | null | undefined): 'french' | 'english' | 'simple' {
  return language === 'fr' ? 'french' : language === 'en' ? 'english' : 'simple';
}

/** Which records are stemmed with each configuration (tsConfigOf, as SQL on records r). */
const TS_CONFIG_ROWS = {
  english: `r.language = 'en'`,
  french: `r.language = 'fr'`,
  simple: `r.language IS DISTINCT FROM 'en' AND r.language IS DISTINCT FROM 'fr'`,
} as const;

const postgres: DialectSql = {
  ts: (p) => `CAST(${p} AS timestamptz)`,
  now: () => 'now()',
  languageSql: 'r.language',
  noLimit: null,
  fullText(q, bind) {
    // Each record is matched by the query stemmed like its text (a search in any language finds
    // records of every language); a pure negation has nothing to rank by: the default order, as on SQLite.
    const text = tsQuery(q);
    const configs = Object.keys(TS_CONFIG_ROWS) as Array<keyof typeof TS_CONFIG_ROWS>;
    return {
      from: configs.map((c) => `, to_tsquery('${c}', ${bind(text)}) AS q_${c}`).join(''),
      where: [`(${configs.map((c) => `(r.fts @@ q_${c} AND ${TS_CONFIG_ROWS[c]})`).join(' OR ')})`],
      rank: q.clauses.length
        ? `ts_rank(r.fts, CASE ${configs.map((c) => `WHEN ${TS_CONFIG_ROWS[c]} THEN q_${c}`).join(' ')} END) DESC`
        : null,
    };
  },
};

export const DIALECTS: Record<Dialect, DialectSql> = { sqlite, postgres };

/** A parameter list and its binder: "?" placeholders, timestamps typed for the dialect. */
export function binder(d: Dialect): { bind: Bind; params: unknown[] } {
  const params: unknown[] = [];
  const bind: Bind = (v, kind) => {
    params.push(v);
    return kind === 'ts' ? DIALECTS[d].ts('?') : '?';
  };
  return { bind, params };
}
