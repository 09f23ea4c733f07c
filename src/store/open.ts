// Opens the configured store: a postgres:// URL selects PostgreSQL, anything else a SQLite file.
// Drivers load lazily so a SQLite user never loads pg (and the reverse).
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** postgres:// or postgresql:// URL; when null/empty, SQLite at dbPath. */
  databaseUrl?: string | null;
  /** SQLite file (folder created when missing) or ':memory:'. Default ./data/gleaner.db */
  dbPath?: string;
  /** PostgreSQL schema to use (created when missing). Default: public. */
  pgSchema?: string;
}

export function isPostgresUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//i.test(url.trim());
}

export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(opts.databaseUrl)) {
    const { PostgresStore } = await import('./postgres.js');
    return PostgresStore.open({ url: opts.databaseUrl, schema: opts.pgSchema });
  }
  const { SqliteStore } = await import('./sqlite.js');
  return new SqliteStore({ path: opts.dbPath ?? './data/gleaner.db' });
}
