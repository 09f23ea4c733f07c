#!/usr/bin/env node
// npm run bench:outage — issue 7's store-outage scenario, full size, through real processes:
// a redis-server of its own, a local HTTP server with distinct article pages, `gleaner worker` with
// GLEANER_PROCESS_CONCURRENCY=1 (default timeouts), and the store made unavailable in the middle:
//   --fault refuse   PostgreSQL behind a TCP fault proxy that resets every connection
//   --fault hang     the same proxy holding connections silently (no RST, nothing forwarded)
//   --fault lock     SQLite with another process holding BEGIN EXCLUSIVE on the file
// 60 URLs are enqueued, the fault starts once 10 are stored, lasts --outage-s (60) seconds, then
// 10 more URLs are enqueued. Prints stored / failed / time to drain after the outage / restarts.
//   node bench/outage.mjs --fault refuse|hang|lock [--before 60] [--after 10] [--outage-s 60]
// Needs a build (npm run build), redis-server on PATH and, for refuse/hang, PostgreSQL at
// 127.0.0.1:5432 (trust auth); it creates and drops a database of its own.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startFaultProxy } from '../test/helpers/fault-proxy.mjs';
import { startOwnRedis } from '../test/helpers/redis-server.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const dist = join(root, 'dist');
const { values } = parseArgs({
  options: {
    fault: { type: 'string', default: 'refuse' },
    before: { type: 'string', default: '60' },
    after: { type: 'string', default: '10' },
    'outage-s': { type: 'string', default: '60' },
    'start-after': { type: 'string', default: '10' },
  },
});
const fault = values.fault;
if (!['refuse', 'hang', 'lock'].includes(fault)) {
  console.error('bench:outage: --fault must be refuse, hang or lock');
  process.exit(2);
}
if (!existsSync(join(dist, 'queue/workers/process-sandbox.js'))) {
  console.error('bench:outage: dist/ is missing; run npm run build first');
  process.exit(2);
}
const { createProducer } = await import(join(dist, 'queue/producer.js'));
const { readStatus } = await import(join(dist, 'queue/status.js'));
const { openStore } = await import(join(dist, 'store/open.js'));
const { loadConfig } = await import(join(dist, 'config.js'));
const pg = (await import('pg')).default;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function until(what, check, timeoutMs, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) {
      console.log(`  (gave up waiting for ${what} after ${secs(timeoutMs)})`);
      return false;
    }
    await sleep(everyMs);
  }
}

function article(i) {
  const town = `Riverton${i}`;
  const title = `Ferry timetable number ${i} is published for ${town}`;
  const paras = [
    `${town} residents were told on Tuesday that ferry timetable number ${i} had been published by the harbour office.`,
    `Harbour master Ingrid Olsen said the timetable followed months of talks with shipping firms and the town council of ${town}.`,
    `Commuters welcomed the earlier morning crossing, while traders on the quay asked for a later return in the evening.`,
    `A public meeting about crossing number ${i} is planned for next month in the ${town} community hall on Mill Street.`,
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2024-04-02T09:00:00Z"></head><body><article><h1>${title}</h1>
${paras.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
}

async function main() {
  const before = Number(values.before);
  const after = Number(values.after);
  const outageMs = Number(values['outage-s']) * 1000;
  const startAfter = Number(values['start-after']);
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-outage-'));
  const cleanup = [];
  try {
    // Redis of our own (started, and ready, as the tests start theirs)
    const redis = await startOwnRedis();
    cleanup.push(() => redis.stop());

    // pages
    const http = createServer((req, res) => {
      const m = /^\/story\/(\d+)\.html$/.exec(req.url ?? '');
      if (!m) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(Number(m[1])));
    });
    await new Promise((r) => http.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise((r) => http.close(r)));
    const origin = `http://127.0.0.1:${http.address().port}`;
    const urls = Array.from({ length: before + after }, (_, i) => `${origin}/story/${i}.html`);

    // the store, and the fault
    const vars = {
      GLEANER_REDIS_URL: redis.url,
      GLEANER_QUEUE_PREFIX: 'outage',
      GLEANER_ALLOW_PRIVATE: '1',
      GLEANER_POLITENESS_MS: '0',
      GLEANER_PROCESS_CONCURRENCY: '1',
      GLEANER_LOG_LEVEL: 'info',
      GLEANER_DB_PATH: join(dir, 'gleaner.db'),
    };
    let proxy = null;
    let direct;
    let startFault;
    let endFault;
    if (fault === 'lock') {
      direct = { dbPath: vars.GLEANER_DB_PATH };
      let locker = null;
      startFault = async () => {
        const script = `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.exec('BEGIN EXCLUSIVE');
          console.log('locked'); process.stdin.resume(); process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); process.exit(0); });`;
        locker = spawn(process.execPath, ['-e', script, vars.GLEANER_DB_PATH], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
        await new Promise((r) => locker.stdout.on('data', (d) => String(d).includes('locked') && r()));
      };
      endFault = async () => {
        const exited = new Promise((r) => locker.once('exit', r));
        locker.stdin.end();
        await exited;
      };
    } else {
      const database = `gleaner_outage_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      cleanup.push(async () => {
        const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await c.end();
      });
      proxy = await startFaultProxy({ host: '127.0.0.1', port: 5432 });
      cleanup.push(() => proxy.close());
      vars.GLEANER_DATABASE_URL = proxy.url(`postgres://postgres@HOST:PORT/${database}`);
      direct = { databaseUrl: `postgres://postgres@127.0.0.1:5432/${database}` };
      startFault = async () => proxy.set(fault);
      endFault = async () => proxy.set('forward');
    }
    const store = await openStore(direct); // creates the schema; reads never go through the fault
    cleanup.push(() => store.close());

    const worker = spawn(process.execPath, [join(root, 'bin/gleaner.js'), 'worker'], {
      env: { ...process.env, ...vars },
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    worker.stderr.on('data', (d) => (log += d));
    let restarts = 0;
    worker.on('exit', () => restarts++);
    cleanup.push(() => worker.exitCode === null && worker.kill('SIGKILL'));

    const producer = await createProducer(loadConfig(vars));
    cleanup.push(() => producer.close());
    const failedCount = async () => {
      const s = await readStatus(producer.getQueues());
      return Object.values(s.queues).reduce((n, q) => n + q.failed, 0);
    };

    console.log(
      `bench:outage — ${fault === 'lock' ? 'SQLite, file locked by another process' : `PostgreSQL behind a fault proxy, ${fault}`}; ${before} URLs, the fault for ${secs(outageMs)} once ${startAfter} are stored, then ${after} more URLs`,
    );
    const t0 = Date.now();
    await producer.enqueueUrls(urls.slice(0, before));
    await until(`${startAfter} records`, async () => (await store.count()) >= startAfter, 300_000);
    await startFault();
    const tFault = Date.now();
    const storedAtFault = await store.count();
    console.log(`  fault on at ${secs(tFault - t0)} with ${storedAtFault} stored`);
    await sleep(outageMs);
    const storedInFault = await store.count();
    await endFault();
    const tBack = Date.now();
    console.log(`  fault off at ${secs(tBack - t0)}; ${storedInFault} stored by then`);
    await producer.enqueueUrls(urls.slice(before));
    const total = before + after;
    await until('every record (or a failure)', async () => (await store.count()) >= total || (await failedCount()) > 0, 15 * 60_000);
    const tDone = Date.now();
    const stored = await store.count();
    const failed = await failedCount();
    const status = await readStatus(producer.getQueues(), { failedLimit: 5 });
    const lines = (re) => log.split('\n').filter((l) => re.test(l)).length;
    console.log(`  stored ${stored}/${total}, failed ${failed}, restarts ${restarts}`);
    console.log(`  time to drain after the fault ended: ${secs(tDone - tBack)} (whole run ${secs(tDone - t0)})`);
    console.log(
      `  worker log: ${lines(/store unreachable: jobs are parked/)} × "store unreachable", ${lines(/store reachable again/)} × "store reachable again", ${lines(/"level":50/)} error lines`,
    );
    for (const f of status.failed) console.log(`  failed: ${f.queue} ${f.url} ${f.reason}`);
    const t1 = Date.now();
    worker.kill('SIGTERM');
    await new Promise((r) => (worker.exitCode !== null ? r() : worker.once('exit', r)));
    restarts = Math.max(0, restarts - 1);
    console.log(`  SIGTERM → exit ${worker.exitCode} in ${secs(Date.now() - t1)}`);
  } finally {
    for (const f of cleanup.reverse())
      await Promise.resolve()
        .then(f)
        .catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
