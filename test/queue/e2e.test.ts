// End to end through the real queues: feeds add → the scheduler fires → items fetched, cleaned,
// extracted and stored; an unchanged feed answers 304 and adds nothing; one URL enqueued twice is
// one record. Real Redis (random prefix), real SQLite (temp dir), local HTTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/types.js';
import { type Producer } from '../../src/queue/producer.js';
import { type WorkerRuntime } from '../../src/queue/workers/index.js';
import { readStatus } from '../../src/queue/status.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { waitFor } from '../helpers/queue-env.js';
import { startQueueRig, type QueueRig } from '../helpers/queue-rig.js';
import { articleUrl, serveSiteFeed, SITE_ARTICLES } from '../helpers/site.js';

describe('queue end to end', { timeout: 300_000 }, () => {
  let rig: QueueRig;
  let server: FixtureServer;
  let store: Store;
  let runtime: WorkerRuntime;
  let producer: Producer;

  beforeAll(async () => {
    server = await startFixtureServer();
    rig = await startQueueRig({ workers: { lockDurationMs: 10_000 } });
    ({ store, runtime, producer } = rig);
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await server?.close();
  });

  it('a scheduled feed poll brings its items into the store, and an unchanged feed is a 304', async () => {
    const feedUrl = serveSiteFeed(server);
    const feed = await producer.addFeed(feedUrl, '2s');
    await waitFor('three records from the feed', async () => (await store.count()) === 3, 60_000);
    for (const name of SITE_ARTICLES) {
      const rec = await store.get(articleUrl(server, name));
      expect(rec, name).not.toBeNull();
    }
    const bridge = await store.get(articleUrl(server, 'harbour-bridge-reopens.html'));
    expect(bridge!.title).toBe('Harbour bridge reopens after two-year repair');
    expect(bridge!.text).toContain('Eastgate harbour bridge reopened');
    expect(bridge!.text).not.toContain('We use cookies');
    expect(bridge!.provenance?.feedUrl).toBe(feed.url);
    expect(bridge!.provenance?.rawHash).toMatch(/^[0-9a-f]{64}$/);
    expect(bridge!.entities.people.map((p) => p.name)).toContain('Daniel Fischer');

    // The scheduler polls again; the server answers 304 to our validators and nothing is added.
    const firstHits = server.hits('/site/feed.xml');
    await waitFor('a second poll', () => server.hits('/site/feed.xml') > firstHits, 30_000);
    await waitFor('the 304 to be recorded', async () => (await store.getFeed(feed.id))?.lastStatus === 304, 30_000);
    const conditional = server.requests.filter((r) => r.path === '/site/feed.xml').at(-1)!;
    expect(conditional.headers['if-none-match']).toBe('"site-feed-v1"');
    expect(await store.count()).toBe(3);
    // each article page was fetched once
    for (const name of SITE_ARTICLES) expect(server.hits(`/site/articles/${name}`), name).toBe(1);
    // no page HTML in Redis: job data and return values carry URLs and hashes only
    const processJobs = await runtime.queues.process.getJobs(['completed']);
    expect(processJobs.length).toBe(3);
    for (const j of processJobs) {
      expect(JSON.stringify(j.data)).not.toMatch(/<html|<p>/i);
      expect(JSON.stringify(j.returnvalue)).not.toMatch(/<html|<p>/i);
    }
    await producer.removeFeed(feed.id);
    const status = await readStatus(producer.getQueues());
    expect(status.schedulers).toEqual([]);
    expect(status.failed).toEqual([]);
  });

  it('the same URL enqueued twice gives one job and one record', async () => {
    const url = articleUrl(server, 'slow-report.html');
    const before = await store.count();
    const [a, b] = await producer.enqueueUrls([url, url]);
    expect(a!.status).toBe('queued');
    expect(b!.status).toBe('duplicate');
    expect(b!.jobId).toBe(a!.jobId);
    await waitFor('the record', async () => (await store.get(url)) !== null, 60_000);
    await waitFor('the process job to finish', async () => (await runtime.queues.process.getJobCounts('waiting', 'active')).active === 0);
    // a re-submit after the job completed is still a duplicate, and the store has one record
    const [c] = await producer.enqueueUrls([url + '#again']);
    expect(c!.status).toBe('duplicate');
    expect(await store.count()).toBe(before + 1);
    expect(server.hits('/site/articles/slow-report.html')).toBe(1);
  });
});
