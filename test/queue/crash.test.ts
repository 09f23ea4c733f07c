// A worker process killed with SIGKILL in the middle of a job: the job's lock expires, a new
// worker process picks it up and completes it, and the store holds one record. The second worker
// then shuts down cleanly on SIGTERM.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { createProducer, type Producer } from '../../src/queue/producer.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { makeQueueEnv, waitFor, type QueueTestEnv } from '../helpers/queue-env.js';
import { ensureBuilt } from '../helpers/build.js';
import { articlePage } from '../helpers/site.js';
import { startWorker } from '../helpers/worker-process.js';

describe('worker crash (SIGKILL mid-job)', { timeout: 300_000 }, () => {
  let env: QueueTestEnv;
  let server: FixtureServer;
  let store: Store;
  let producer: Producer;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    env = makeQueueEnv({ GLEANER_LOCK_MS: '2000', GLEANER_LOG_LEVEL: 'info' });
    server = await startFixtureServer();
    store = await openStore({ dbPath: env.config.dbPath });
    producer = await createProducer(env.config, { store });
  }, 240_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await producer?.close();
    await store?.close();
    await server?.close();
    await env?.cleanup();
  });

  it('the job is picked up again by a new worker and completes once', async () => {
    const page = articlePage('Night trains return to the northern line');
    // first request: a body that trickles in for ~20 s (the worker is killed meanwhile); then fast
    server.route('/slow/night-trains.html', [
      { body: page, headers: { 'content-type': 'text/html; charset=utf-8' }, chunkSize: 64, chunkDelayMs: 1_000 },
      { body: page, headers: { 'content-type': 'text/html; charset=utf-8' } },
    ]);
    const url = server.url('/slow/night-trains.html');
    const [job] = await producer.enqueueUrls([url]);

    const first = startWorker(env.env, ['--concurrency', '2']);
    children.push(first.child);
    await waitFor('the first worker to start the slow fetch', () => server.hits('/slow/night-trains.html') >= 1, 60_000);
    const fetchQueue = producer.getQueues().find((q) => q.name === 'fetch')!;
    expect(await fetchQueue.getJobState(job!.jobId)).toBe('active');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    const second = startWorker(env.env, ['--concurrency', '2']);
    children.push(second.child);
    await waitFor('the record', async () => (await store.get(url)) !== null, 90_000);
    expect(await fetchQueue.getJobState(job!.jobId)).toBe('completed');
    expect(server.hits('/slow/night-trains.html')).toBe(2);
    const rec = await store.get(url);
    expect(rec!.title).toBe('Night trains return to the northern line');
    expect(await store.count()).toBe(1);
    expect(second.output()).toMatch(/stalled/);

    // graceful shutdown: SIGTERM → exit 0
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/workers stopped/);
  });
});
