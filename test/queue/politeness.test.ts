// Per-host politeness through the real workers: requests to one host are spaced by the politeness
// gap (robots.txt Crawl-delay raises it), all at once from the queue, and each job is parked at
// most about once (its own booked slot), not woken every time the host frees up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/types.js';
import { type Producer } from '../../src/queue/producer.js';
import { type WorkerRuntime } from '../../src/queue/workers/index.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { waitFor } from '../helpers/queue-env.js';
import { startQueueRig, type QueueRig } from '../helpers/queue-rig.js';
import { articlePage } from '../helpers/site.js';

const html = { 'content-type': 'text/html; charset=utf-8' };
/**
 * Clock rounding only: the gate's marks use the Redis clock in whole ms, the fixture server Date.now().
 * The gap runs from the end of the previous request (the gate's finish mark, taken after the fixture
 * server has noted it), so an event-loop stall in this shared test process cannot shorten it. Before
 * these marks, requests were recorded 126–163 ms short of a 1 s Crawl-delay; with the start mark
 * alone, up to 129 ms short (which needed 150 ms of tolerance).
 */
const GAP_TOLERANCE_MS = 5;
const TOWNS = ['Ashford', 'Brixham', 'Carlow', 'Dunmore', 'Elgin', 'Fenwick', 'Glenrock', 'Harlow'];

describe('per-host politeness', { timeout: 300_000 }, () => {
  let rig: QueueRig;
  let plain: FixtureServer;
  let slowSite: FixtureServer;
  let store: Store;
  let runtime: WorkerRuntime;
  let producer: Producer;

  beforeAll(async () => {
    plain = await startFixtureServer();
    slowSite = await startFixtureServer();
    slowSite.robots('User-agent: *\nCrawl-delay: 1\nAllow: /\n');
    for (const [i, town] of TOWNS.entries()) {
      plain.route(`/news/${i}.html`, { body: articlePage(`${town} opens a new swimming pool`, town), headers: html });
      slowSite.route(`/news/${i}.html`, { body: articlePage(`${town} repairs its harbour wall`, town), headers: html });
    }
    rig = await startQueueRig({
      envOverrides: { GLEANER_POLITENESS_MS: '400', GLEANER_FETCH_CONCURRENCY: '8' },
      workers: { queues: ['fetch', 'process'] },
    });
    ({ store, runtime, producer } = rig);
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await plain?.close();
    await slowSite?.close();
  });

  /** Milliseconds between consecutive requests, in order. */
  function gaps(times: number[]): number[] {
    return times.slice(1).map((t, i) => t - times[i]!);
  }

  function articleTimes(server: FixtureServer): number[] {
    return server.requests
      .filter((r) => r.path.startsWith('/news/'))
      .map((r) => r.at)
      .sort((a, b) => a - b);
  }

  it('spaces requests to one host by the gap, with one parking per job, and Crawl-delay as the floor', async () => {
    const urls = [...TOWNS.keys()].flatMap((i) => [plain.url(`/news/${i}.html`), slowSite.url(`/news/${i}.html`)]);
    await producer.enqueueUrls(urls);
    await waitFor('all records', async () => (await store.count()) === urls.length, 120_000);

    const a = articleTimes(plain);
    const b = articleTimes(slowSite);
    expect(a).toHaveLength(TOWNS.length);
    expect(b).toHaveLength(TOWNS.length);
    // Every gap between two consecutive requests to a host, not just the first-to-last span (which
    // a burst of requests after one long pause would satisfy). Lower bounds only: a loaded machine
    // makes gaps longer, never shorter.
    expect(
      gaps(a).filter((g) => g < 400 - GAP_TOLERANCE_MS),
      `gaps ${gaps(a).join(', ')}`,
    ).toEqual([]);
    expect(
      gaps(b).filter((g) => g < 1_000 - GAP_TOLERANCE_MS),
      `gaps ${gaps(b).join(', ')}`,
    ).toEqual([]);
    // every job but the first of each host waits for its booked slot (at most) once; a thundering herd
    // (every parked job re-checking whenever the host frees up) would park ~n²/2 times per host
    expect(runtime.stats.parked).toBeLessThanOrEqual(2 * 2 * (TOWNS.length - 1));
    const s = await runtime.queues.fetch.getJobCounts('completed', 'failed');
    expect(s).toEqual({ completed: 2 * TOWNS.length, failed: 0 });
  });
});
