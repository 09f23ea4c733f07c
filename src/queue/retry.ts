// Failed jobs back to `waiting` (gleaner retry): every failed job of a queue with BullMQ's own bulk
// retry (queue.retryJobs, a Lua script), or only those whose failure reason has a given error code.
// A retried job keeps its attempt count (BullMQ's bulk retry cannot reset it): it gets one more
// attempt, and a job parked for a store outage still spends none while it waits.
import { ErrorCode, type Queue } from 'bullmq';
import type { RedisClient } from './connection.js';

export interface RetryOutcome {
  queue: string;
  retried: number;
}

/** Error codes look like E_TIMEOUT, E_STORE_UNAVAILABLE; the failure reason starts with "CODE: ". */
export const ERROR_CODE = /^E_[A-Z0-9_]+$/;

const PAGE = 500;

/** Retries every failed job of `queue`; returns how many there were. */
async function retryAll(queue: Queue, redis: RedisClient): Promise<number> {
  const until = Date.now();
  // the failed set is scored by failure time: count exactly what retryJobs({timestamp}) will move
  const count = await redis.zcount(queue.keys.failed!, 0, until);
  if (count > 0) await queue.retryJobs({ state: 'failed', timestamp: until });
  return count;
}

/** Retries the failed jobs of `queue` whose reason starts with `code`. */
async function retryByCode(queue: Queue, code: string): Promise<number> {
  const matching: string[] = [];
  const total = await queue.getFailedCount();
  for (let start = 0; start < total; start += PAGE) {
    for (const job of await queue.getFailed(start, start + PAGE - 1)) {
      if (job?.id && (job.failedReason ?? '').startsWith(`${code}:`)) matching.push(job.id);
    }
  }
  let retried = 0;
  for (const id of matching) {
    const job = await queue.getJob(id);
    if (!job) continue;
    try {
      await job.retry('failed');
      retried++;
    } catch (err) {
      if (!movedMeanwhile(err)) throw err;
    }
  }
  return retried;
}

/** BullMQ's answer for a job retried or removed since we listed it; anything else is a real failure. */
function movedMeanwhile(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === ErrorCode.JobNotExist || code === ErrorCode.JobNotInState;
}

/** `redis` is the queues' connection (the producer's). */
export async function retryFailed(queues: Queue[], redis: RedisClient, opts: { code?: string } = {}): Promise<RetryOutcome[]> {
  const out: RetryOutcome[] = [];
  for (const q of queues) out.push({ queue: q.name, retried: opts.code ? await retryByCode(q, opts.code) : await retryAll(q, redis) });
  return out;
}
