#!/usr/bin/env node
// npm run bench:queue — N pages through the REAL queues and workers (local HTTP server → fetch
// worker → raw bytes in a temp SQLite store → sandboxed process worker → record), end to end in
// articles/s, next to `gleaner extract` on the same pages in one process, and BullMQ's own cost
// per article (the same two jobs per article with processors that do nothing).
//   node bench/queue.mjs [--data DIR] [--limit N] [--fetch-concurrency N] [--process-concurrency N]
// Needs Redis (GLEANER_REDIS_URL or 127.0.0.1:6379) and a build (npm run build). Uses a random
// queue prefix and removes its keys afterwards.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadPages } from './pages.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');
const dist = join(root, 'dist');
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(root, '../shared/bench/extraction') },
    limit: { type: 'string', default: '60' },
    'fetch-concurrency': { type: 'string', default: '16' },
    'process-concurrency': { type: 'string', default: String(availableParallelism()) },
  },
});
if (!existsSync(join(dist, 'queue/workers/process-sandbox.js'))) {
  console.error('bench:queue: dist/ is missing; run npm run build first');
  process.exit(2);
}

/**
 * The data set's first `limit` pages, or the project's own fixture pages when DIR has no html/.
 * Ids are p0, p1, … (they name the pages' paths on the local server).
 */
function benchPages(dir, limit) {
  if (existsSync(join(dir, 'html'))) return loadPages(dir, { limit }).map((p, i) => ({ id: `p${i}`, bytes: p.bytes }));
  const site = join(root, 'fixtures/site/articles');
  return readdirSync(site)
    .filter((f) => f.endsWith('.html'))
    .map((f, i) => ({ id: `p${i}`, bytes: readFileSync(join(site, f)) }));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (n, d = 1) => n.toFixed(d);

async function main() {
  const limit = Number(values.limit);
  const pages = benchPages(values.data, limit);
  const totalMb = pages.reduce((s, p) => s + p.bytes.length, 0) / 1048576;
  console.log(`bench:queue — ${pages.length} pages (${fmt(totalMb)} MB), ${availableParallelism()} cores`);

  // 1. gleaner extract on the same pages, one process (the CLI, start-up included)
  const tmp = mkdtempSync(join(tmpdir(), 'gleaner-bench-queue-'));
  const manifest = pages.map((p) => {
    const path = join(tmp, `${p.id}.html`);
    writeFileSync(path, p.bytes);
    return JSON.stringify({ path, url: `https://bench.example/${p.id}.html` });
  });
  writeFileSync(join(tmp, 'manifest.ndjson'), manifest.join('\n') + '\n');
  let t0 = performance.now();
  try {
    execFileSync(process.execPath, [join(root, 'bin/gleaner.js'), 'extract', '--manifest', join(tmp, 'manifest.ndjson')], {
      stdio: ['ignore', 'ignore', 'ignore'],
      maxBuffer: 1 << 30,
    });
  } catch {
    /* some pages may fail to extract; the rest is timed all the same */
  }
  const extractSec = (performance.now() - t0) / 1000;

  // 2. the real queues and workers
  const { loadConfig } = await import(join(dist, 'config.js'));
  const { createLogger } = await import(join(dist, 'log.js'));
  const { openStore } = await import(join(dist, 'store/open.js'));
  const { createProducer } = await import(join(dist, 'queue/producer.js'));
  const { startWorkers } = await import(join(dist, 'queue/workers/index.js'));
  const prefix = `glbench-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    ...process.env,
    GLEANER_QUEUE_PREFIX: prefix,
    GLEANER_DB_PATH: join(tmp, 'bench.db'),
    GLEANER_ALLOW_PRIVATE: '1',
    GLEANER_POLITENESS_MS: '0',
    GLEANER_FETCH_CONCURRENCY: values['fetch-concurrency'],
    GLEANER_PROCESS_CONCURRENCY: values['process-concurrency'],
    GLEANER_DATABASE_URL: '',
  });
  const byPath = new Map(pages.map((p) => [`/${p.id}.html`, p.bytes]));
  const server = createServer((req, res) => {
    const body = byPath.get(req.url ?? '');
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const store = await openStore({ dbPath: config.dbPath });
  const runtime = await startWorkers(config, { logger: createLogger('silent', { pretty: false }), store, queues: ['fetch', 'process'] });
  const producer = await createProducer(config, { store });
  await Promise.all(runtime.workers.map((w) => w.waitUntilReady()));
  // Warm-up, not timed: one page per process thread, so that each worker thread has loaded the
  // pipeline (cheerio, compromise, gazetteers) before the clock starts. Reported separately.
  const warm = Math.min(config.processConcurrency, pages.length - 1);
  const urls = pages.map((p) => `${origin}/${p.id}.html`);
  t0 = performance.now();
  await producer.enqueueUrls(urls.slice(0, warm));
  while (
    (await runtime.queues.process.getJobCounts('completed', 'failed')).completed +
      (await runtime.queues.process.getFailedCount()) +
      (await runtime.queues.fetch.getFailedCount()) <
    warm
  )
    await sleep(20);
  const warmSec = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await producer.enqueueUrls(urls.slice(warm));
  let done = 0;
  let failed = 0;
  for (;;) {
    const f = await runtime.queues.fetch.getJobCounts('completed', 'failed');
    const p = await runtime.queues.process.getJobCounts('completed', 'failed');
    done = p.completed - warm;
    failed = f.failed + p.failed;
    if (done + failed >= pages.length - warm) break;
    if (performance.now() - t0 > 600_000) throw new Error('bench:queue timed out after 10 minutes');
    await sleep(20);
  }
  const queueSec = (performance.now() - t0) / 1000;
  const records = await store.count();
  await producer.close();
  await runtime.close(10_000);
  await store.close();

  // 3. BullMQ's own cost: the same two jobs per article with processors that do nothing
  const { Queue, Worker } = await import('bullmq');
  const { Redis } = await import('ioredis');
  const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const noopPrefix = `${prefix}-noop`;
  const qa = new Queue('a', { connection, prefix: noopPrefix });
  const qb = new Queue('b', { connection, prefix: noopPrefix });
  const n = Math.max(pages.length, 200);
  let finished = 0;
  const wa = new Worker(
    'a',
    async (job) => {
      await qb.add('b', { url: job.data.url, rawHash: 'x'.repeat(64) }, { jobId: `b-${job.id}` });
    },
    { connection, prefix: noopPrefix, concurrency: Number(values['fetch-concurrency']) },
  );
  const wb = new Worker(
    'b',
    async () => {
      finished++;
    },
    { connection, prefix: noopPrefix, concurrency: Number(values['process-concurrency']) },
  );
  await Promise.all([wa.waitUntilReady(), wb.waitUntilReady()]);
  t0 = performance.now();
  for (let i = 0; i < n; i++)
    await qa.add(
      'a',
      { url: `${origin}/x${i}.html` },
      { jobId: `url-${i}`, deduplication: { id: `url-${i}`, ttl: 60_000 }, removeOnComplete: { age: 3600, count: 1000 } },
    );
  while (finished < n) await sleep(5);
  const noopMsPerArticle = (performance.now() - t0) / n;
  await Promise.all([wa.close(), wb.close()]);
  await Promise.all([qa.obliterate({ force: true }), qb.obliterate({ force: true })]);
  await Promise.all([qa.close(), qb.close()]);

  // clean up every key of both prefixes
  for (const pattern of [`${prefix}:*`, `${noopPrefix}:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await connection.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await connection.del(...keys);
    } while (cursor !== '0');
  }
  connection.disconnect();
  server.close();
  rmSync(tmp, { recursive: true, force: true });

  const rows = [
    ['gleaner extract (CLI, 1 process, start-up included)', pages.length / extractSec, extractSec],
    [
      `queue end to end (HTTP → fetch ×${config.fetchConcurrency} → store → process ×${config.processConcurrency} threads → upsert)`,
      done / queueSec,
      queueSec,
    ],
  ];
  console.log('');
  for (const [name, rate, sec] of rows) console.log(`${name.padEnd(100)} ${fmt(rate).padStart(7)} articles/s  (${fmt(sec, 2)} s)`);
  console.log(
    `queue: ${done} timed + ${warm} warm-up processed, ${failed} failed (not articles etc.), ${records} records stored; warm-up (thread start + first ${warm}) ${fmt(warmSec, 2)} s`,
  );
  console.log(
    `BullMQ overhead per article (2 jobs, no-op processors, ${n} articles): ${fmt(noopMsPerArticle, 2)} ms  (${fmt(1000 / noopMsPerArticle, 0)} articles/s ceiling)`,
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench:queue: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
