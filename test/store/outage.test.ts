// The store under a database outage, through a real TCP fault proxy in front of the real PostgreSQL,
// and a SQLite file locked by another connection: errors come within the configured timeouts, say
// "unavailable" (E_STORE_UNAVAILABLE, so workers wait instead of failing), and the same store object
// works again once the database is back.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError, StoreUnavailableError } from '../../src/errors.js';
import { openStore, reopeningStore } from '../../src/store/open.js';
import { PostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/types.js';
import { isStoreUnavailable } from '../../src/store/unavailable.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.mjs';
import { PG_URL } from './backends.js';
import { seedRecord } from './seed.js';

const timeouts = { connectTimeoutMs: 500, queryTimeoutMs: 1_000, idleTimeoutMs: 60_000 };

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

describe('PostgreSQL store through a fault proxy', () => {
  const schema = `gleaner_test_${randomBytes(6).toString('hex')}`;
  let proxy: FaultProxy;
  let store: Store;

  beforeAll(async () => {
    proxy = await startFaultProxy({ host: '127.0.0.1', port: 5432 });
    store = await openStore({ databaseUrl: proxy.url('postgres://postgres@HOST:PORT/test'), pgSchema: schema, timeouts });
  });

  afterAll(async () => {
    proxy?.set('forward');
    await store?.close();
    await proxy?.close();
    const s = await PostgresStore.open({ url: PG_URL, schema });
    await s.dropSchema();
  });

  it('a silent hang becomes an E_STORE_UNAVAILABLE error, on pooled and on new connections', async () => {
    await store.upsert(seedRecord(1)); // a pooled connection exists now
    proxy.set('hang');
    const onPooled = await rejection(store.count());
    expect(onPooled).toBeInstanceOf(StoreUnavailableError);
    expect((onPooled as StoreUnavailableError).code).toBe('E_STORE_UNAVAILABLE');
    const onNew = await rejection(Promise.all([store.get('x'), store.get('y'), store.upsert(seedRecord(2))]));
    expect(onNew).toBeInstanceOf(StoreUnavailableError);
    expect(String((onNew as Error).message)).toMatch(/timeout|terminated/i);
  });

  it('the same store object works again once the database is back', async () => {
    proxy.set('forward');
    expect(await store.count()).toBe(1);
    expect((await store.upsert(seedRecord(2))).status).toBe('inserted');
  });

  it('refused and reset connections are E_STORE_UNAVAILABLE too, and heal the same way', async () => {
    proxy.set('refuse');
    const err = await rejection(store.upsert(seedRecord(3)));
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(isStoreUnavailable(err)).toBe(true);
    proxy.set('forward');
    expect((await store.upsert(seedRecord(3))).status).toBe('inserted');
    expect(await store.count()).toBe(3);
  });

  it('an open that fails is not kept: reopeningStore opens again on the next call', async () => {
    proxy.set('refuse');
    const lazy = reopeningStore(() =>
      openStore({ databaseUrl: proxy.url('postgres://postgres@HOST:PORT/test'), pgSchema: schema, timeouts }),
    );
    const err = await rejection(lazy.count());
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as Error).message).toMatch(/cannot open PostgreSQL database/);
    proxy.set('forward');
    expect(await lazy.count()).toBe(3);
    await lazy.close();
  });

  it('an error the server answers is an ordinary store error, not an outage', async () => {
    const s = store as PostgresStore;
    const err = await rejection((s as unknown as { q(op: string, sql: string): Promise<unknown> }).q('bad', 'SELECT * FROM no_such_table'));
    expect(err).toBeInstanceOf(StoreError);
    expect(isStoreUnavailable(err)).toBe(false);
  });
});

describe('SQLite store locked by another connection', () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gleaner-store-'));
    store = await openStore({ dbPath: join(dir, 'gleaner.db'), timeouts: { busyTimeoutMs: 100 } });
  });

  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a write past busy_timeout is E_STORE_UNAVAILABLE, and works once the lock is gone', async () => {
    const other = new Database(join(dir, 'gleaner.db'));
    other.exec('BEGIN EXCLUSIVE');
    try {
      const upsert = await rejection(store.upsert(seedRecord(1)));
      expect(upsert).toBeInstanceOf(StoreUnavailableError);
      expect((upsert as Error).message).toMatch(/database is locked/);
      const raw = await rejection(store.putRaw('ab'.repeat(32), new Uint8Array([1, 2, 3]), 'text/html'));
      expect(raw).toBeInstanceOf(StoreUnavailableError);
      // readers are not blocked in WAL mode
      expect(await store.count()).toBe(0);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect((await store.upsert(seedRecord(1))).status).toBe('inserted');
  });
});
