// The entity and correction logic is written once, as generators that yield SQL statements and
// receive their rows. SQLite runs them synchronously inside its write transaction; PostgreSQL runs
// them on a transaction's client. The SQL is the subset both engines accept ("?" placeholders are
// numbered for PostgreSQL; the few differences branch on the dialect).

export type Dialect = 'sqlite' | 'postgres';

export interface Sql {
  sql: string;
  params?: unknown[];
}

/** A unit of store work: yields statements, gets back each statement's rows, returns T. */
export type Step<T> = Generator<Sql, T, Array<Record<string, unknown>>>;

export function runSync<T>(step: Step<T>, exec: (q: Sql) => Array<Record<string, unknown>>): T {
  let r = step.next();
  while (!r.done) r = step.next(exec(r.value));
  return r.value;
}

export async function runAsync<T>(step: Step<T>, exec: (q: Sql) => Promise<Array<Record<string, unknown>>>): Promise<T> {
  let r = step.next();
  while (!r.done) r = step.next(await exec(r.value));
  return r.value;
}

/** "?" → "$1", "$2", … (the statements here never hold a literal question mark). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** "(?, ?, ?)" for n values (n ≥ 1). */
export function placeholders(n: number): string {
  return `(${new Array(Math.max(1, n)).fill('?').join(', ')})`;
}
