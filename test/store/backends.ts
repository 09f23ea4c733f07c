// The two back ends every store test runs on: a SQLite file in a temp folder, and PostgreSQL in a
// fresh schema gleaner_test_<random> that is dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStore } from '../../src/store/open.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { afterAll, beforeAll } from 'vitest';
import type { Store } from '../../src/store/types.js';

export const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty store location; `open` can be called several times to get more connections to it. */
  create(): { open(): Promise<Store>; cleanup(): Promise<void>; location: { databaseUrl?: string; dbPath?: string; pgSchema?: string } };
}

export const BACKENDS: TestBackend[] = [
  {
    name: 'sqlite',
    create() {
      const dir = mkdtempSync(join(tmpdir(), 'gleaner-store-'));
      const location = { dbPath: join(dir, 'nested', 'gleaner.db') };
      return { location, open: () => openStore(location), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    create() {
      const location = { databaseUrl: PG_URL, pgSchema: `gleaner_test_${randomBytes(6).toString('hex')}` };
      return {
        location,
        open: () => openStore(location),
        cleanup: async () => {
          const s = await PostgresStore.open({ url: PG_URL, schema: location.pgSchema });
          await s.dropSchema();
        },
      };
    },
  },
];

/**
 * Two empty stores of one back end — one fed in bulk, one record at a time — opened before the
 * enclosing block's tests, closed and removed after them.
 */
export function bulkAndOneByOne(backend: TestBackend): { readonly bulk: Store; readonly oneByOne: Store } {
  const where = [backend.create(), backend.create()];
  const stores: Store[] = [];
  beforeAll(async () => {
    for (const w of where) stores.push(await w.open());
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    for (const w of where) await w.cleanup();
  });
  return {
    get bulk() {
      return stores[0];
    },
    get oneByOne() {
      return stores[1];
    },
  };
}
