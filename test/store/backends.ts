// The two back ends every store test runs on: a SQLite file in a temp folder, and PostgreSQL in a
// fresh schema gleaner_test_<random> that is dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStore } from '../../src/store/open.js';
import { PostgresStore } from '../../src/store/postgres.js';
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
