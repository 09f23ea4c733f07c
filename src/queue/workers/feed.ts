// The feed worker's processor: one poll of one feed (conditional GET). New items become fetch jobs;
// a 304 costs one request and adds nothing.
import type { Job, Queue } from 'bullmq';
import type { Logger } from '../../log.js';
import { HostBusy, toJobError } from '../job-errors.js';
import { addFetchJob } from '../producer.js';
import type { PollJobData } from '../queues.js';
import { pollFeed, type FeedPollResult, type StepContext } from '../steps.js';
import { safeHost } from './fetch.js';
import { heldSlot, parkJob } from './park.js';
import type { StoreOutage } from '../store-outage.js';

export function createFeedProcessor(ctx: StepContext, fetchQueue: Queue, logger: Logger, outage: StoreOutage) {
  return async (job: Job<PollJobData>, token?: string): Promise<FeedPollResult | { feedId: string; skipped: string }> => {
    let log = logger.child({ queue: job.queueName, jobId: job.id, feedId: job.data.feedId });
    try {
      outage.check();
      const feed = await ctx.store.getFeed(job.data.feedId);
      if (!feed) {
        // The feed was removed while a poll was already scheduled.
        return { feedId: job.data.feedId, skipped: 'feed no longer registered' };
      }
      log = logger.child({ queue: job.queueName, jobId: job.id, host: safeHost(feed.url), url: feed.url });
      const result = await pollFeed(
        ctx,
        feed,
        async (item) => {
          await addFetchJob(fetchQueue, {
            url: item.url,
            feedId: feed.id,
            feedUrl: feed.url,
            itemId: item.itemId,
            publishedAt: item.publishedAt,
          });
        },
        heldSlot(job),
      );
      outage.ok();
      log.info(
        { status: result.status, items: result.items, added: result.added, left: result.left },
        result.notModified ? 'feed not modified' : 'feed polled',
      );
      if (result.left > 0)
        log.warn(
          { added: result.added, left: result.left, cap: ctx.feedMaxNewItems },
          `feed poll capped: ${result.left} items left for the next poll`,
        );
      return result;
    } catch (err) {
      if (err instanceof HostBusy) return parkJob(job, err, token);
      if (outage.applies(err)) return outage.park(job, err, token);
      const jobErr = toJobError(err);
      log.warn({ attempt: job.attemptsMade + 1, err: jobErr.message }, 'feed poll failed');
      throw jobErr;
    }
  };
}
