// records.language: the indexed column behind `records list --language`, backfilled from the JSON
// of records stored before it existed, kept in step by upserts and reprocessing. Both back ends.
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteMigrations } from '../../src/store/migrations/sqlite.js';
import { postgresMigrations } from '../../src/store/migrations/postgres.js';
import type { Store } from '../../src/store/types.js';
import { BACKENDS, PG_URL } from './backends.js';
import { seedRecords } from './seed.js';

const SQLITE_VERSION = sqliteMigrations.find((m) => m.name.startsWith('records.language'))!.version;
const PG_VERSION = postgresMigrations.find((m) => m.name.startsWith('records.language'))!.version;

describe.each(BACKENDS)('records.language on $name', (backend) => {
  const where = backend.create();
  let store: Store;
  const records = seedRecords(28);
  const french = records.filter((r) => r.language === 'fr').map((r) => r.canonicalUrl ?? r.url);

  /** Takes the store back to before the migration: the column and its migration row gone. */
  async function undoMigration(): Promise<void> {
    if (backend.name === 'sqlite') {
      const db = new Database(where.location.dbPath!);
      db.exec(
        `DROP INDEX records_language; ALTER TABLE records DROP COLUMN language; DELETE FROM schema_migrations WHERE version = ${SQLITE_VERSION}`,
      );
      db.close();
    } else {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      const s = `"${where.location.pgSchema}"`;
      await c.query(`ALTER TABLE ${s}.records DROP COLUMN language; DELETE FROM ${s}.schema_migrations WHERE version = ${PG_VERSION}`);
      await c.end();
    }
  }

  async function languagesInColumn(): Promise<Array<string | null>> {
    if (backend.name === 'sqlite') {
      const db = new Database(where.location.dbPath!, { readonly: true });
      const rows = db.prepare('SELECT language FROM records ORDER BY seq').all() as Array<{ language: string | null }>;
      db.close();
      return rows.map((r) => r.language);
    }
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    const rows = (await c.query(`SELECT language FROM "${where.location.pgSchema}".records ORDER BY seq`)).rows;
    await c.end();
    return rows.map((r) => r.language as string | null);
  }

  beforeAll(async () => {
    store = await where.open();
    await store.upsertMany(records);
  });
  afterAll(async () => {
    await store.close();
    await where.cleanup();
  });

  it('is written with each record and filters the list', async () => {
    expect(await languagesInColumn()).toEqual(records.map((r) => r.language));
    const listed = await store.list({ language: 'fr', limit: 100 });
    expect(listed.map((r) => r.canonicalUrl ?? r.url).sort()).toEqual([...french].sort());
    expect(await store.count({ language: 'FR' })).toBe(french.length);
  });

  it('is filled from the JSON when a store made before it is opened', async () => {
    await store.close();
    await undoMigration();
    store = await where.open();
    expect(await languagesInColumn()).toEqual(records.map((r) => r.language));
    expect(await store.count({ language: 'fr' })).toBe(french.length);
  });

  it('follows a reprocessed record whose language changed', async () => {
    const target = records.find((r) => r.language === 'en')!;
    const stored = (await store.get(target.canonicalUrl ?? target.url!))!;
    await store.refresh(stored.id, { ...target, language: 'fr' });
    expect(await store.count({ language: 'fr' })).toBe(french.length + 1);
    expect((await store.list({ language: 'fr', limit: 100 })).map((r) => r.id)).toContain(stored.id);
  });
});
