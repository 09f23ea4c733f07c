// Metrics from real work: `gleaner worker --metrics-port` is scraped while it fetches, cleans,
// extracts and stores pages from the fixture server, and its health check answers.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { ensureBuilt } from '../helpers/build.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { makeQueueEnv, waitFor, type QueueTestEnv } from '../helpers/queue-env.js';
import { freePort } from '../helpers/redis-server.mjs';
import { runBin } from '../helpers/run-cli.js';
import { articleUrl } from '../helpers/site.js';
import { parsePrometheus } from '../helpers/prometheus.js';
import { startWorker } from '../helpers/worker-process.js';

describe('worker metrics', { timeout: 300_000 }, () => {
  let env: QueueTestEnv;
  let server: FixtureServer;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    await ensureBuilt();
    env = makeQueueEnv();
    server = await startFixtureServer();
  }, 240_000);
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await server?.close();
    await env?.cleanup();
  });

  it('counts records, fetch statuses, failures by code and stage durations, next to the queue counts', async () => {
    const port = await freePort();
    child = startWorker(env.env, ['--metrics-port', String(port)]).child;
    const base = `http://127.0.0.1:${port}`;
    await waitFor('the health check', async () => (await fetch(`${base}/healthz`)).status === 200, 60_000);

    const pages = ['harbour-bridge-reopens.html', 'orchard-cooperative-harvest.html', 'library-night-opening.html'].map((n) =>
      articleUrl(server, n),
    );
    const missing = server.url('/site/articles/no-such-page.html');
    const enq = await runBin(['enqueue', ...pages, missing], env.env);
    expect(enq.code).toBe(0);
    const store = await openStore({ dbPath: env.config.dbPath });
    try {
      await waitFor('three records', async () => (await store.count()) === 3, 120_000);
    } finally {
      await store.close();
    }
    const scrape = async () => parsePrometheus(await (await fetch(`${base}/metrics`)).text()).samples;
    let last = new Map<string, number>();
    const samples = await waitFor(
      'the 404 to be counted',
      async () => {
        const s = await scrape();
        last = s;
        return (s.get('gleaner_fetch_responses_total{status="404"}') ?? 0) >= 1 &&
          (s.get('gleaner_records_total{outcome="inserted"}') ?? 0) >= 3
          ? s
          : null;
      },
      30_000,
    ).catch((err) => {
      throw new Error(
        `${err.message}; gleaner samples: ${[...last]
          .filter(([k]) => k.startsWith('gleaner_'))
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      );
    });
    expect(samples.get('gleaner_records_total{outcome="inserted"}')).toBe(3);
    expect(samples.get('gleaner_fetch_responses_total{status="200"}')).toBe(3);
    expect(samples.get('gleaner_job_failures_total{queue="fetch",code="E_HTTP"}')).toBe(1);
    expect(samples.get('gleaner_fetch_bytes_total')).toBeGreaterThan(3 * 1000);
    for (const stage of ['fetch', 'clean', 'extract', 'store']) {
      expect(samples.get(`gleaner_stage_duration_seconds_count{stage="${stage}"}`), stage).toBe(3);
      expect(samples.get(`gleaner_stage_duration_seconds_sum{stage="${stage}"}`), stage).toBeGreaterThan(0);
    }
    expect(samples.get('bullmq_job_count{queue="process",state="completed"}')).toBe(3);
    expect(samples.get('bullmq_job_count{queue="fetch",state="failed"}')).toBe(1);
    expect(samples.has('process_resident_memory_bytes')).toBe(true);

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child!.once('exit', (c) => r(c)));
    expect(code).toBe(0);
  });
});
