// The GLEANER_DB_* timeouts reach the commands that open the store (not only the worker): with
// the store held by another connection, a command gives up after the configured time. The holder
// lets go after HOLD_MS — well before the back end's default timeout — so a command that ignored
// the setting would wait, then succeed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { main } from '../../src/cli/main.js';
import { openStore, storeOptions } from '../../src/store/open.js';
import { PG_URL } from '../store/backends.js';
import { PostgresStore } from '../../src/store/postgres.js';
import { seedRecords } from '../store/seed.js';

const HOLD_MS = 6_000;

class Capture extends Writable {
  chunks: string[] = [];
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(chunk.toString());
    cb();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

async function cli(args: string[], config: Config) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { config, stdout, stderr, stdin: Readable.from([]) });
  return { code, out: stdout.text, err: stderr.text };
}

describe('GLEANER_DB_BUSY_TIMEOUT_MS reaches `gleaner records list` (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-cli-store-options-'));
  const dbPath = join(dir, 'store.db');
  let locker: ChildProcess | null = null;
  beforeAll(async () => {
    const store = await openStore({ dbPath });
    await store.upsertMany(seedRecords(3));
    await store.close();
  });
  afterAll(() => {
    if (locker && locker.exitCode === null) locker.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives up on a locked file after the configured time', { timeout: 60_000 }, async () => {
    // another process holds the write lock (opening the store migrates, which needs it) for HOLD_MS
    const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.exec('BEGIN EXCLUSIVE');
      console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
    locker = spawn(process.execPath, ['-e', script, dbPath, String(HOLD_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      locker!.stdout!.on('data', (d) => String(d).includes('locked') && resolve());
      locker!.once('exit', (c) => reject(new Error(`locker exited with ${c}`)));
    });
    const config = { ...loadConfig({ GLEANER_DB_BUSY_TIMEOUT_MS: '200' }), dbPath, databaseUrl: null };
    const r = await cli(['records', 'list'], config);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('E_STORE_UNAVAILABLE');
  });
});

// The CLI opens PostgreSQL in the public schema, which other tests and people share: here the
// options every command builds (storeOptions) open a schema of the test's own.
describe('GLEANER_DB_QUERY_TIMEOUT_MS reaches a store opened from the configuration (PostgreSQL)', () => {
  const schema = `gleaner_test_opts_${Math.random().toString(36).slice(2, 10)}`;
  beforeAll(async () => {
    const store = await PostgresStore.open({ url: PG_URL, schema });
    await store.upsertMany(seedRecords(3));
    await store.close();
  });
  afterAll(async () => {
    const s = await PostgresStore.open({ url: PG_URL, schema });
    await s.dropSchema();
  });

  it('gives up on a locked table after the configured statement time', { timeout: 60_000 }, async () => {
    // another session locks the records table for HOLD_MS
    const holder = new pg.Client({ connectionString: PG_URL });
    await holder.connect();
    await holder.query(`BEGIN; LOCK TABLE "${schema}".records IN ACCESS EXCLUSIVE MODE`);
    const release = setTimeout(() => void holder.query('COMMIT').catch(() => {}), HOLD_MS);
    try {
      const config = { ...loadConfig({ GLEANER_DB_QUERY_TIMEOUT_MS: '300' }), databaseUrl: PG_URL };
      const opened = openStore({ ...storeOptions(config), pgSchema: schema }).then(async (s) => {
        await s.close();
        return 'opened';
      });
      await expect(opened).rejects.toMatchObject({ code: 'E_STORE' });
      await expect(opened).rejects.toThrow(/statement timeout/);
    } finally {
      clearTimeout(release);
      await holder.query('COMMIT').catch(() => {});
      await holder.end();
    }
  });
});
