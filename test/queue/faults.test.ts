// Faults through the real queues and workers: retried 503s, 429 + Retry-After held by the host gate,
// robots disallow, a slow page timing out, a 50 MB page refused at the byte limit, 404, binary
// bodies (PDF, 0xFF fill, noise under a text/html label) refused as E_BINARY, a private address refused. Each ends completed or failed with its reason visible in the status report;
// nothing is left waiting, active or delayed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { addFetchJob, createProducer, type Producer } from '../../src/queue/producer.js';
import { startWorkers, type WorkerRuntime } from '../../src/queue/workers/index.js';
import { readStatus } from '../../src/queue/status.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { makeQueueEnv, waitFor, type QueueTestEnv } from '../helpers/queue-env.js';
import { startQueueRig, type QueueRig } from '../helpers/queue-rig.js';
import { ensureBuilt } from '../helpers/build.js';
import { articlePage } from '../helpers/site.js';
import { seededBytes } from '../helpers/seeded.js';

const html = { 'content-type': 'text/html; charset=utf-8' };

async function finalState(runtime: WorkerRuntime, jobId: string, timeoutMs = 60_000): Promise<string> {
  return waitFor(
    `job ${jobId} to complete or fail`,
    async () => {
      const state = await runtime.queues.fetch.getJobState(jobId);
      return state === 'completed' || state === 'failed' ? state : null;
    },
    timeoutMs,
  );
}

describe('queue faults', { timeout: 300_000 }, () => {
  let rig: QueueRig;
  let server: FixtureServer;
  let store: Store;
  let runtime: WorkerRuntime;
  let producer: Producer;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.robots('User-agent: *\nDisallow: /private/\n');
    rig = await startQueueRig({ workers: { lockDurationMs: 10_000, fetchOptions: { timeoutMs: 1_500, connectTimeoutMs: 1_000 } } });
    ({ store, runtime, producer } = rig);
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await server?.close();
  });

  it('a page that answers 503 twice and then 200 is stored after retries', async () => {
    server.route('/news/flaky.html', [
      { status: 503 },
      { status: 503 },
      { body: articlePage('Ferry service returns to the island'), headers: html },
    ]);
    const [r] = await producer.enqueueUrls([server.url('/news/flaky.html')]);
    expect(await finalState(runtime, r!.jobId)).toBe('completed');
    const job = await runtime.queues.fetch.getJob(r!.jobId);
    expect(job!.attemptsMade).toBe(3);
    expect(server.hits('/news/flaky.html')).toBe(3);
    await waitFor(
      'the record',
      async () => (await store.get(server.url('/news/flaky.html')))?.title === 'Ferry service returns to the island',
    );
  });

  it('a 429 with Retry-After holds the host back for that long', async () => {
    server.route('/busy/story.html', [
      { status: 429, headers: { 'retry-after': '2' } },
      { body: articlePage('Market hall gets a new roof'), headers: html },
    ]);
    const [r] = await producer.enqueueUrls([server.url('/busy/story.html')]);
    expect(await finalState(runtime, r!.jobId)).toBe('completed');
    const times = server.requests.filter((q) => q.path === '/busy/story.html').map((q) => q.at);
    expect(times).toHaveLength(2);
    // the retry came only after the server's 2 seconds (BullMQ's own backoff here is ~100 ms)
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1_900);
    await waitFor('the record', async () => (await store.get(server.url('/busy/story.html'))) !== null);
  });

  it('non-retryable outcomes fail at once with their reason; retryable ones after their attempts', async () => {
    server.route('/slow/page.html', { delayMs: 5_000, body: articlePage('Slow news day'), headers: html });
    server.route('/huge/page.html', { generateBytes: 50 * 1024 * 1024, headers: html });
    server.route('/huge/chunked.html', { generateBytes: 50 * 1024 * 1024, declareLength: false, headers: html });
    // binary bodies, with no Content-Type or a lying one: sniffed by content, never stored
    server.route('/files/report', {
      body: '%PDF-1.5\n1 0 obj << /Type /Catalog >> endobj\n' + 'BT (Annual report) Tj ET\n'.repeat(300),
      headers: {},
    });
    server.route('/files/blank', { body: new Uint8Array(64 * 1024).fill(0xff), headers: {} });
    server.route('/files/noise.html', { body: seededBytes(256 * 1024, 11), headers: html });
    const cases = {
      pdf: server.url('/files/report'),
      ffruns: server.url('/files/blank'),
      noise: server.url('/files/noise.html'),
      robots: server.url('/private/memo.html'),
      missing: server.url('/news/gone.html'),
      huge: server.url('/huge/page.html'),
      chunked: server.url('/huge/chunked.html'),
      slow: server.url('/slow/page.html'),
    };
    const results = await producer.enqueueUrls(Object.values(cases));
    const ids = Object.fromEntries(Object.keys(cases).map((k, i) => [k, results[i]!.jobId]));
    for (const id of Object.values(ids)) expect(await finalState(runtime, id, 90_000)).toBe('failed');

    const status = await readStatus(producer.getQueues(), { failedLimit: 50 });
    const reason = (k: string) => status.failed.find((f) => f.jobId === ids[k])?.reason ?? '';
    const attempts = (k: string) => status.failed.find((f) => f.jobId === ids[k])?.attemptsMade;
    expect(reason('robots')).toMatch(/^E_ROBOTS: robots\.txt disallows .*\/private\/memo\.html/);
    expect(server.hits('/private/memo.html')).toBe(0);
    expect(reason('missing')).toMatch(/^E_HTTP: HTTP 404/);
    expect(reason('huge')).toMatch(/^E_TOO_LARGE: /);
    expect(reason('chunked')).toMatch(/^E_TOO_LARGE: /);
    expect(reason('slow')).toMatch(/^E_TIMEOUT: /);
    expect(reason('pdf')).toMatch(/^E_BINARY: .*\/files\/report is binary content \(PDF document\)/);
    expect(reason('ffruns')).toMatch(/^E_BINARY: .*fill bytes/);
    expect(reason('noise')).toMatch(/^E_BINARY: .*control characters/);
    for (const k of ['pdf', 'ffruns', 'noise']) expect(await store.get(cases[k as keyof typeof cases]), k).toBeNull();
    // unrecoverable: one attempt; the timeout is retried up to the fetch queue's 5 attempts
    for (const k of ['robots', 'missing', 'huge', 'chunked', 'pdf', 'ffruns', 'noise']) expect(attempts(k), k).toBe(1);
    expect(attempts('slow')).toBe(5);
    expect(server.hits('/slow/page.html')).toBe(5);
  });

  it('a page without an article, or a feed sent as a page, fails in the process queue as not an article', async () => {
    server.route('/gallery/photos.html', {
      body: '<html><head><title>Photos</title></head><body><nav><a href="/">Home</a></nav><img src="a.jpg"></body></html>',
      headers: html,
    });
    const [gallery, feed] = await producer.enqueueUrls([server.url('/gallery/photos.html'), server.url('/site/feed.xml')]);
    for (const r of [gallery!, feed!]) expect(await finalState(runtime, r.jobId)).toBe('completed'); // fetched fine
    await waitFor('two process failures', async () => (await runtime.queues.process.getFailedCount()) === 2, 60_000);
    const status = await readStatus(producer.getQueues(), { failedLimit: 50 });
    const failed = status.failed.filter((f) => f.queue === 'process');
    const byUrl = (path: string) => failed.find((f) => f.url === server.url(path));
    expect(byUrl('/gallery/photos.html')?.reason).toMatch(/^E_NOT_ARTICLE: no article text found/);
    expect(byUrl('/site/feed.xml')?.reason).toMatch(/^E_NOT_ARTICLE: .* is a feed, not an article/);
    for (const f of failed) expect(f.attemptsMade).toBe(1);
  });

  it('leaves nothing behind: every job completed or failed, no stalled or waiting work', async () => {
    await waitFor('queues to drain', async () => {
      const s = await readStatus(producer.getQueues());
      return Object.values(s.queues).every((c) => c.waiting + c.active + c.delayed + c.prioritized === 0);
    });
    const s = await readStatus(producer.getQueues());
    expect(s.queues.fetch!.completed).toBe(4);
    expect(s.queues.process!.completed).toBe(2);
    expect(s.queues.process!.failed).toBe(2);
    expect(await store.count()).toBe(2);
  });
});

describe('queue faults: private addresses', { timeout: 300_000 }, () => {
  let env: QueueTestEnv;
  let server: FixtureServer;
  let store: Store;
  let runtime: WorkerRuntime;
  let producer: Producer;

  beforeAll(async () => {
    await ensureBuilt();
    env = makeQueueEnv({ GLEANER_ALLOW_PRIVATE: '0' });
    server = await startFixtureServer();
    store = await openStore({ dbPath: env.config.dbPath });
    runtime = await startWorkers(env.config, { logger: createLogger('silent', { pretty: false }), store, queues: ['fetch'] });
    producer = await createProducer(env.config, { store });
  }, 240_000);

  afterAll(async () => {
    await producer?.close();
    await runtime?.close(10_000);
    await store?.close();
    await server?.close();
    await env?.cleanup();
  });

  it('refuses a loopback URL when private addresses are not allowed, without a request', async () => {
    expect(env.config.allowPrivateAddresses).toBe(false);
    // The producer refuses it up front (gleaner enqueue / the API) ...
    await expect(producer.enqueueUrls([server.url('/site/articles/harbour-bridge-reopens.html')])).rejects.toThrow(
      /E_BLOCKED_ADDRESS|not a public address/,
    );
    // ... and a job that gets into the queue anyway fails in the fetch worker, at once.
    const fetchQueue = producer.getQueues().find((q) => q.name === 'fetch')!;
    const r = await addFetchJob(fetchQueue, { url: server.url('/site/articles/harbour-bridge-reopens.html') });
    expect(await finalState(runtime, r!.jobId)).toBe('failed');
    const status = await readStatus(producer.getQueues());
    const f = status.failed.find((x) => x.jobId === r!.jobId)!;
    expect(f.reason).toMatch(/^E_BLOCKED_ADDRESS: refusing http:\/\/127\.0\.0\.1:\d+\/site\/articles\/harbour-bridge-reopens\.html/);
    expect(f.attemptsMade).toBe(1);
    expect(server.requests).toHaveLength(0);
  });
});
