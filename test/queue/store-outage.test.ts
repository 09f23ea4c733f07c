// A store outage in the middle of real work loses no article and does not break the worker:
// `gleaner worker` processes (real child processes) against a Redis of the test's own and the real
// PostgreSQL behind a TCP fault proxy (refused connections, then a silent hang), and against a
// SQLite file that another process locks with BEGIN EXCLUSIVE. URLs are enqueued before, during
// and after each outage: all are stored, none failed, the same worker process throughout.
// The full-size scenario (60 + 10 URLs, 60 s outages) is bench/outage.mjs.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createProducer, type Producer } from '../../src/queue/producer.js';
import { readStatus } from '../../src/queue/status.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { ensureBuilt, REPO_ROOT } from '../helpers/build.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.mjs';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { makeQueueEnv, waitFor, type QueueTestEnv } from '../helpers/queue-env.js';
import { startOwnRedis, type OwnRedis } from '../helpers/redis-server.mjs';
import { articlePage } from '../helpers/site.js';
import { startWorker, type WorkerProcess } from '../helpers/worker-process.js';

const html = { 'content-type': 'text/html; charset=utf-8' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `n` distinct article pages on the fixture server; returns their URLs. */
function pages(server: FixtureServer, batch: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const path = `/outage/${batch}-${i}.html`;
    server.route(path, { body: articlePage(`Ferry timetable ${batch} number ${i} is published`, `Town${batch}${i}`), headers: html });
    return server.url(path);
  });
}

const unreachableLines = (out: string) => out.split('\n').filter((l) => l.includes('store unreachable: jobs are parked')).length;

async function expectNothingFailedOrLeft(producer: Producer): Promise<void> {
  const status = await readStatus(producer.getQueues(), { failedLimit: 20 });
  expect(status.failed).toEqual([]);
  for (const [name, c] of Object.entries(status.queues)) {
    expect(c.failed, `${name} failed`).toBe(0);
    expect(c.waiting + c.active + c.delayed, `${name} left`).toBe(0);
  }
}

describe('PostgreSQL outage under `gleaner worker`', { timeout: 400_000 }, () => {
  const database = `gleaner_outage_${randomBytes(5).toString('hex')}`;
  const admin = 'postgres://postgres@127.0.0.1:5432/test';
  let redis: OwnRedis;
  let proxy: FaultProxy;
  let server: FixtureServer;
  let env: QueueTestEnv;
  let producer: Producer;
  let store: Store;
  const workers: WorkerProcess[] = [];
  let enqueued = 0;

  async function enqueue(urls: string[]): Promise<void> {
    const r = await producer.enqueueUrls(urls);
    expect(r.every((x) => x.status === 'queued')).toBe(true);
    enqueued += urls.length;
  }
  const allStored = () => waitFor(`${enqueued} records`, async () => (await store.count()) === enqueued, 120_000, 250);

  beforeAll(async () => {
    await ensureBuilt();
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${database}`);
    await c.end();
    redis = await startOwnRedis();
    proxy = await startFaultProxy({ host: '127.0.0.1', port: 5432 });
    server = await startFixtureServer();
    env = makeQueueEnv({
      GLEANER_REDIS_URL: redis.url,
      GLEANER_DATABASE_URL: proxy.url(`postgres://postgres@HOST:PORT/${database}`),
      GLEANER_PROCESS_CONCURRENCY: '1',
      GLEANER_LOG_LEVEL: 'info',
      GLEANER_LOCK_MS: '5000',
      GLEANER_DB_CONNECT_TIMEOUT_MS: '1000',
      GLEANER_DB_QUERY_TIMEOUT_MS: '2000',
      GLEANER_STORE_RETRY_MAX_MS: '2000',
    });
    env.env.GLEANER_DATABASE_URL = env.config.databaseUrl!;
    producer = await createProducer(env.config);
    // the test reads the database directly, never through the proxy
    store = await openStore({ databaseUrl: `postgres://postgres@127.0.0.1:5432/${database}` });
  }, 120_000);

  afterAll(async () => {
    proxy?.set('forward');
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await producer?.close();
    await store?.close();
    await server?.close();
    await proxy?.close();
    await redis?.stop();
    await env?.cleanup().catch(() => {});
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await c.end();
  });

  it('refused connections in the middle: every URL stored, none failed, no restart', async () => {
    const w = startWorker(env.env);
    workers.push(w);
    await enqueue(pages(server, 'a', 4));
    await allStored();
    proxy.set('refuse');
    await enqueue(pages(server, 'b', 5));
    await waitFor('the worker to notice the outage', () => unreachableLines(w.output()) >= 1, 60_000);
    await sleep(3_000); // jobs keep arriving and waiting while the database is away
    proxy.set('forward');
    await enqueue(pages(server, 'c', 3));
    await allStored();
    expect(w.child.exitCode).toBeNull();
    expect(w.output()).toMatch(/store reachable again/);
    await expectNothingFailedOrLeft(producer);
  });

  it('a silent hang in the middle: an error within seconds, then every URL stored, none failed', async () => {
    const w = workers[0]!;
    const before = unreachableLines(w.output());
    proxy.set('hang');
    await enqueue(pages(server, 'd', 4));
    await waitFor('the worker to notice the hang', () => unreachableLines(w.output()) > before, 60_000);
    await sleep(3_000);
    proxy.set('forward');
    await enqueue(pages(server, 'e', 3));
    await allStored();
    expect(w.child.exitCode).toBeNull();
    await expectNothingFailedOrLeft(producer);
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  });

  it('SIGTERM while a job hangs on the database ends within the shutdown timeout; the job is not lost', async () => {
    // long database timeouts: the job would hang for a minute without the shutdown's own bound
    const slowEnv = { ...env.env, GLEANER_DB_CONNECT_TIMEOUT_MS: '60000', GLEANER_DB_QUERY_TIMEOUT_MS: '60000' };
    const w = startWorker(slowEnv, ['--shutdown-timeout', '8']);
    workers.push(w);
    await enqueue(pages(server, 'f', 1));
    await allStored(); // the worker's pool holds open connections now
    proxy.set('hang');
    const [stuck] = pages(server, 'g', 1);
    await enqueue([stuck!]);
    await waitFor('the fetch of the stuck page', () => server.hits(new URL(stuck!).pathname) >= 1, 60_000);
    await sleep(1_000); // its raw bytes are on their way into the silent database
    const fetchQueue = producer.getQueues().find((q) => q.name === 'fetch')!;
    expect(await fetchQueue.getJobState((await producer.enqueueUrls([stuck!]))[0]!.jobId)).toBe('active');
    const t0 = Date.now();
    w.child.kill('SIGTERM');
    const code = await w.exited;
    const took = Date.now() - t0;
    expect(code).toBe(0);
    expect(w.output()).toMatch(/workers stopped/);
    expect(took).toBeLessThan(8_000 + 3_000);

    proxy.set('forward');
    const again = startWorker(env.env);
    workers.push(again);
    await allStored();
    await expectNothingFailedOrLeft(producer);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});

describe('SQLite locked by another process under `gleaner worker`', { timeout: 300_000 }, () => {
  let redis: OwnRedis;
  let server: FixtureServer;
  let env: QueueTestEnv;
  let producer: Producer;
  let store: Store;
  let worker: WorkerProcess;
  let locker: ChildProcess | null = null;

  beforeAll(async () => {
    await ensureBuilt();
    redis = await startOwnRedis();
    server = await startFixtureServer();
    env = makeQueueEnv({
      GLEANER_REDIS_URL: redis.url,
      GLEANER_PROCESS_CONCURRENCY: '1',
      GLEANER_LOG_LEVEL: 'info',
      GLEANER_DB_BUSY_TIMEOUT_MS: '300',
      GLEANER_STORE_RETRY_MAX_MS: '2000',
    });
    producer = await createProducer(loadConfig({ ...env.env } as Record<string, string>));
    store = await openStore({ dbPath: env.config.dbPath });
  }, 120_000);

  afterAll(async () => {
    if (locker && locker.exitCode === null) locker.kill('SIGKILL');
    if (worker && worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await producer?.close();
    await store?.close();
    await server?.close();
    await redis?.stop();
    await env?.cleanup();
  });

  /** Another process holds BEGIN EXCLUSIVE on the file until its stdin closes. */
  async function lockDatabase(): Promise<ChildProcess> {
    const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.exec('BEGIN EXCLUSIVE');
      console.log('locked'); process.stdin.resume(); process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
    const child = spawn(process.execPath, ['-e', script, env.config.dbPath], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => String(d).includes('locked') && resolve());
      child.once('exit', (c) => reject(new Error(`locker exited with ${c}`)));
    });
    return child;
  }

  it('a file locked for a while: every URL stored, none failed, no restart', async () => {
    worker = startWorker(env.env);
    const first = pages(server, 's', 4);
    await producer.enqueueUrls(first);
    await waitFor('the first records', async () => (await store.count()) === 4, 120_000, 250);
    locker = await lockDatabase();
    await producer.enqueueUrls(pages(server, 't', 5));
    await waitFor('the worker to meet the lock', () => unreachableLines(worker.output()) >= 1, 60_000);
    await sleep(3_000);
    const exited = new Promise((r) => locker!.once('exit', r));
    locker.stdin!.end();
    await exited;
    await producer.enqueueUrls(pages(server, 'u', 3));
    await waitFor('every record', async () => (await store.count()) === 12, 120_000, 250);
    expect(worker.child.exitCode).toBeNull();
    await expectNothingFailedOrLeft(producer);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });
});
