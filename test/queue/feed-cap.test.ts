// A feed poll adds at most `feedMaxNewItems` fetch jobs, newest first; the rest are neither queued
// nor marked seen, the feed's validators are dropped so the next poll is a full GET (not a 304),
// and the number left is in the poll's result, the log and `gleaner status`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedIdFor, urlJobId } from '../../src/queue/job-ids.js';
import { readStatus } from '../../src/queue/status.js';
import { formatStatus } from '../../src/cli/status.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { waitFor } from '../helpers/queue-env.js';
import { startQueueRig, type QueueRig } from '../helpers/queue-rig.js';

const ITEMS = 1_000;
const CAP = 40;

/** An RSS feed of `n` items; item i was published i hours before the newest, listed oldest first. */
function bigFeed(origin: string, n: number): string {
  const newest = Date.parse('2024-06-01T12:00:00Z');
  const items = Array.from({ length: n }, (_, k) => n - 1 - k).map(
    (i) =>
      `<item><title>Council notice ${i}</title><link>${origin}/notices/${i}.html</link><guid>notice-${i}</guid><pubDate>${new Date(newest - i * 3_600_000).toUTCString()}</pubDate></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Notices</title><link>${origin}/</link>${items.join('')}</channel></rss>`;
}

describe('feed poll cap', { timeout: 300_000 }, () => {
  let rig: QueueRig;
  let server: FixtureServer;
  let feedUrl: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    feedUrl = server.url('/notices/feed.xml');
    server.route('/notices/feed.xml', {
      body: bigFeed(server.origin, ITEMS),
      headers: { 'content-type': 'application/rss+xml' },
      etag: '"notices-v1"',
    });
    // only the feed worker runs: the fetch jobs stay waiting, so they can be counted
    rig = await startQueueRig({ envOverrides: { GLEANER_FEED_MAX_ITEMS: String(CAP) }, workers: { queues: ['feeds'] } });
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await server?.close();
  });

  async function pollOnce(): Promise<void> {
    const { jobId } = await rig.producer.pollFeed(feedIdFor(feedUrl));
    await waitFor('the poll', async () => ((await rig.runtime.queues.feeds.getJobState(jobId)) === 'completed' ? true : null), 60_000);
  }

  it('queues the newest CAP items, leaves the rest unseen, and says how many are left', async () => {
    expect(rig.env.config.feedMaxNewItems).toBe(CAP);
    // registered without a scheduler (whose first poll would run at once): the polls here are one at a time
    await rig.store.saveFeed({
      id: feedIdFor(feedUrl),
      url: feedUrl,
      every: '1d',
      etag: null,
      lastModified: null,
      lastPolledAt: null,
      lastStatus: null,
      title: null,
    });
    await pollOnce();
    const fetchQueue = rig.runtime.queues.fetch;
    expect(await fetchQueue.count()).toBe(CAP);
    // newest first: notices 0..CAP-1 (the feed lists them last)
    for (const i of [0, CAP - 1])
      expect(await fetchQueue.getJob(urlJobId(`${server.origin}/notices/${i}.html`)), `notice ${i}`).toBeDefined();
    expect(await fetchQueue.getJob(urlJobId(`${server.origin}/notices/${CAP}.html`))).toBeUndefined();
    expect(await rig.store.hasFeedItem(feedUrl, `notice-${CAP - 1}`)).toBe(true);
    expect(await rig.store.hasFeedItem(feedUrl, `notice-${CAP}`)).toBe(false);
    // no validators kept: the next poll must not be a 304 while items are left
    expect((await rig.store.getFeed(feedIdFor(feedUrl)))?.etag ?? null).toBeNull();

    const status = await readStatus(rig.producer.getQueues());
    expect(status.feedsLeft).toEqual([expect.objectContaining({ feedId: feedIdFor(feedUrl), left: ITEMS - CAP, added: CAP })]);
    expect(formatStatus(status)).toContain(`${feedIdFor(feedUrl)}\t${ITEMS - CAP} items left for the next poll`);
  });

  it('the next poll goes on with the next newest', async () => {
    await pollOnce();
    const fetchQueue = rig.runtime.queues.fetch;
    expect(await fetchQueue.count()).toBe(2 * CAP);
    expect(await fetchQueue.getJob(urlJobId(`${server.origin}/notices/${2 * CAP - 1}.html`))).toBeDefined();
    const status = await readStatus(rig.producer.getQueues());
    expect(status.feedsLeft.find((f) => f.feedId === feedIdFor(feedUrl))?.left).toBe(ITEMS - 2 * CAP);
  });
});
