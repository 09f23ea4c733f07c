// Opens the configured store: a postgres:// URL selects PostgreSQL, anything else a SQLite file.
// Drivers load lazily so a SQLite user never loads pg (and the reverse).
import type { Config } from '../config.js';
import type { Store } from './types.js';

export interface StoreTimeouts {
  /** PostgreSQL: connect timeout (ms). */
  connectTimeoutMs?: number;
  /** PostgreSQL: statement timeout (ms); the client stops waiting a little later. */
  queryTimeoutMs?: number;
  /** PostgreSQL: idle pooled connections close after this (ms). */
  idleTimeoutMs?: number;
  /** SQLite: busy_timeout (ms), how long a writer waits for another process's lock. */
  busyTimeoutMs?: number;
}

export interface OpenStoreOptions {
  /** postgres:// or postgresql:// URL; when null/empty, SQLite at dbPath. */
  databaseUrl?: string | null;
  /** SQLite file (folder created when missing) or ':memory:'. Default ./data/gleaner.db */
  dbPath?: string;
  /** PostgreSQL schema to use (created when missing). Default: public. */
  pgSchema?: string;
  /** Each back end has its own defaults (src/store/postgres.ts, sqlite.ts). */
  timeouts?: StoreTimeouts;
}

export function isPostgresUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^postgres(ql)?:\/\//i.test(url.trim());
}

/** The settings a store is opened with (GLEANER_DATABASE_URL, GLEANER_DB_PATH and the GLEANER_DB_* timeouts). */
export type StoreConfig = Pick<
  Config,
  'databaseUrl' | 'dbPath' | 'dbConnectTimeoutMs' | 'dbQueryTimeoutMs' | 'dbIdleTimeoutMs' | 'dbBusyTimeoutMs'
>;

/**
 * The store options the configuration asks for: the one place every command that opens the store
 * (worker, serve, the producer, ingest, records, entities, corrections, reprocess) takes them from.
 */
export function storeOptions(config: StoreConfig): OpenStoreOptions {
  return {
    databaseUrl: config.databaseUrl,
    dbPath: config.dbPath,
    timeouts: {
      connectTimeoutMs: config.dbConnectTimeoutMs,
      queryTimeoutMs: config.dbQueryTimeoutMs,
      idleTimeoutMs: config.dbIdleTimeoutMs,
      busyTimeoutMs: config.dbBusyTimeoutMs,
    },
  };
}

export async function openStore(opts: OpenStoreOptions = {}): Promise<Store> {
  const t = opts.timeouts ?? {};
  if (isPostgresUrl(opts.databaseUrl)) {
    const { PostgresStore } = await import('./postgres.js');
    return PostgresStore.open({
      url: opts.databaseUrl,
      schema: opts.pgSchema,
      connectTimeoutMs: t.connectTimeoutMs,
      queryTimeoutMs: t.queryTimeoutMs,
      idleTimeoutMs: t.idleTimeoutMs,
    });
  }
  const { SqliteStore } = await import('./sqlite.js');
  return new SqliteStore({ path: opts.dbPath ?? './data/gleaner.db', busyTimeoutMs: t.busyTimeoutMs });
}

/**
 * A Store that opens on first use and, when the open fails (the database is down at start), tries
 * again on the next call instead of keeping the failure. Once open, the back end reconnects by
 * itself (pg's pool replaces lost connections; SQLite has none to lose).
 */
export function reopeningStore(open: () => Promise<Store>): Store {
  let current: Promise<Store> | null = null;
  const get = (): Promise<Store> => {
    if (!current) {
      const opening = open();
      current = opening;
      opening.catch(() => {
        if (current === opening) current = null;
      });
    }
    return current;
  };
  const close = async () => {
    const opened = current;
    current = null;
    const s = await opened?.catch(() => null);
    await s?.close();
  };
  return new Proxy({} as Store, {
    get(_target, name) {
      if (name === 'close') return close;
      if (name === 'then' || typeof name === 'symbol') return undefined; // not a thenable
      return async (...args: unknown[]) => {
        const s = (await get()) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return s[name]!(...args);
      };
    },
  });
}
