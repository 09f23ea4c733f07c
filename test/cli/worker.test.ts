// `gleaner worker` as a real process: it warns about unsafe Redis settings, works the queues,
// survives Redis being down (logs and retries), and exits 0 on SIGTERM.
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { REDIS_URL, makeQueueEnv, waitFor, type QueueTestEnv } from '../helpers/queue-env.js';
import { ensureBuilt } from '../helpers/build.js';
import { runBin } from '../helpers/run-cli.js';
import { articleUrl } from '../helpers/site.js';
import { startWorker } from '../helpers/worker-process.js';

describe('gleaner worker', { timeout: 300_000 }, () => {
  let env: QueueTestEnv;
  let server: FixtureServer;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    env = makeQueueEnv({ GLEANER_LOG_LEVEL: 'info' });
    server = await startFixtureServer();
  }, 240_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await server?.close();
    await env?.cleanup();
  });

  it('works the queues, reports the Redis settings, and stops cleanly on SIGTERM', async () => {
    const w = startWorker(env.env, ['--concurrency', '3']);
    children.push(w.child);
    await waitFor('workers started', () => w.output().includes('workers started'), 60_000);
    // the shared test Redis runs without AOF: the worker must say so loudly
    const r = new Redis(REDIS_URL);
    const aof = (await r.config('GET', 'appendonly')) as string[];
    r.disconnect();
    if (aof[1] !== 'yes') await waitFor('the AOF warning', () => /WARNING: Redis appendonly is OFF/.test(w.output()), 10_000);

    const url = articleUrl(server, 'orchard-cooperative-harvest.html');
    const enq = await runBin(['enqueue', url], env.env);
    expect(enq.code).toBe(0);
    const store = await openStore({ dbPath: env.config.dbPath });
    try {
      await waitFor('the record', async () => (await store.get(url)) !== null, 60_000);
      expect((await store.get(url))!.title).toBe('Orchard cooperative expects record apple harvest');
    } finally {
      await store.close();
    }
    const status = await runBin(['status', '--json'], env.env);
    const s = JSON.parse(status.stdout);
    expect(s.queues.fetch.workers).toBe(1);
    await waitFor('fetch and process completed', async () => {
      const st = JSON.parse((await runBin(['status', '--json'], env.env)).stdout);
      return st.queues.fetch.completed === 1 && st.queues.process.completed === 1;
    });
    // the per-job child logger names queue, job id, host and url (seen here on a failure)
    const missing = server.url('/site/articles/no-such-story.html');
    const [jobId] = (await runBin(['enqueue', missing], env.env)).stdout.split('\t');
    await waitFor('the failure log', () => w.output().includes('"msg":"fetch failed"'), 30_000);
    const line = JSON.parse(
      w
        .output()
        .split('\n')
        .find((l) => l.includes('"msg":"fetch failed"'))!,
    );
    expect(line).toMatchObject({
      queue: 'fetch',
      jobId,
      host: new URL(missing).host,
      url: missing,
      err: 'E_HTTP: HTTP 404 for ' + missing,
    });
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
    expect(w.output()).toMatch(/"msg":"workers stopped"/);
  });

  it('keeps running and retrying while Redis is down, and still stops on SIGTERM', async () => {
    const w = startWorker({ ...env.env, GLEANER_REDIS_URL: 'redis://127.0.0.1:1' });
    children.push(w.child);
    await waitFor('the Redis error to be logged', () => w.output().includes('redis unreachable, workers keep retrying'), 60_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(w.child.exitCode).toBeNull();
    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  });

  it('rejects bad options with exit 2', async () => {
    const r = await runBin(['worker', '--concurrency', 'zero'], env.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gleaner: worker: --concurrency must be a positive whole number [E_INPUT]\n');
  });
});
