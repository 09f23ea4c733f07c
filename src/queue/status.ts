// What `gleaner status` (and anyone else who wants it) reads from the queues: counts per state,
// the latest failed jobs with their reasons, and the feed schedulers.
import type { Queue } from 'bullmq';

export const COUNTED_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;
export type CountedState = (typeof COUNTED_STATES)[number];

export interface FailedJobInfo {
  queue: string;
  jobId: string;
  url: string | null;
  feedId: string | null;
  attemptsMade: number;
  failedAt: string | null;
  reason: string;
}

export interface SchedulerInfo {
  id: string;
  every: number | null;
  pattern: string | null;
  nextAt: string | null;
  feedId: string | null;
  iterations: number | null;
}

/** A feed whose latest poll reached the per-poll cap: `left` items wait for its next poll. */
export interface FeedBacklogInfo {
  feedId: string;
  added: number;
  left: number;
  polledAt: string | null;
}

export interface QueueStatus {
  queues: Record<string, Record<CountedState, number> & { workers: number }>;
  failed: FailedJobInfo[];
  schedulers: SchedulerInfo[];
  feedsLeft: FeedBacklogInfo[];
}

/** Completed polls looked at for feedsLeft (the latest poll of each feed counts). */
const RECENT_POLLS = 500;

export async function readStatus(queues: Queue[], opts: { failedLimit?: number } = {}): Promise<QueueStatus> {
  const limit = opts.failedLimit ?? 20;
  const status: QueueStatus = { queues: {}, failed: [], schedulers: [], feedsLeft: [] };
  for (const q of queues) {
    const counts = (await q.getJobCounts(...COUNTED_STATES)) as Record<CountedState, number>;
    status.queues[q.name] = { ...counts, workers: await q.getWorkersCount() };
    for (const job of await q.getFailed(0, limit - 1)) {
      if (!job) continue;
      const data = (job.data ?? {}) as { url?: string; feedId?: string };
      status.failed.push({
        queue: q.name,
        jobId: String(job.id),
        url: data.url ?? null,
        feedId: data.feedId ?? null,
        attemptsMade: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        reason: job.failedReason ?? '(no reason recorded)',
      });
    }
    for (const s of await q.getJobSchedulers(0, -1, true)) {
      status.schedulers.push({
        id: s.key,
        every: s.every ?? null,
        pattern: s.pattern ?? null,
        nextAt: s.next ? new Date(s.next).toISOString() : null,
        feedId: (s.template?.data as { feedId?: string } | undefined)?.feedId ?? null,
        iterations: s.iterationCount ?? null,
      });
    }
  }
  const feeds = queues.find((q) => q.name === 'feeds');
  if (feeds) status.feedsLeft = await feedBacklog(feeds);
  status.failed.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  status.failed = status.failed.slice(0, limit);
  return status;
}

/** The latest completed poll of each feed, where it left items for the next poll. */
async function feedBacklog(feeds: Queue): Promise<FeedBacklogInfo[]> {
  const latest = new Map<string, { at: number; info: FeedBacklogInfo }>();
  for (const job of await feeds.getCompleted(0, RECENT_POLLS - 1)) {
    const feedId = (job?.data as { feedId?: string } | undefined)?.feedId;
    if (!job || !feedId) continue;
    const at = job.finishedOn ?? 0;
    if ((latest.get(feedId)?.at ?? -1) >= at) continue;
    const r = (job.returnvalue ?? {}) as { added?: number; left?: number };
    latest.set(feedId, { at, info: { feedId, added: r.added ?? 0, left: r.left ?? 0, polledAt: at ? new Date(at).toISOString() : null } });
  }
  return [...latest.values()]
    .map((v) => v.info)
    .filter((f) => f.left > 0)
    .sort((a, b) => b.left - a.left);
}
