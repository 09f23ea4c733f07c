// The queue layout: names, job names, and the retry/retention policy of each queue, in one place.
//
//   feeds   — one job per feed poll. Job Schedulers (`feed-<id>`) add them every N minutes;
//             `gleaner feeds poll` adds a one-off. A poll fetches the feed (conditional GET) and adds
//             fetch jobs for new items.
//   fetch   — one job per article URL (I/O bound, high concurrency). Fetches the page politely,
//             stores the raw bytes in the store under their sha256 and adds a process job carrying
//             only that hash (never page HTML in Redis).
//   process — one job per fetched page (CPU bound): clean + extract in a sandboxed worker thread,
//             then upsert the record.
//
// Retry and stall policy, chosen deliberately:
//  - attempts: fetch 5 (networks and news sites fail transiently: 5xx, 429, resets, timeouts);
//    feeds 3 (the next scheduled poll retries anyway); process 2 (the work is deterministic: a
//    second try only helps against a store hiccup).
//  - backoff: exponential from config.backoffMs (5 s by default: 5, 10, 20, 40 s) with 50 % jitter
//    so that a burst of failures against one site does not come back in lock-step. A 429/503's
//    Retry-After is honoured through the host gate on top of this.
//  - maxStalledCount: a job whose worker died (crash, OOM, SIGKILL) goes back to the queue when its
//    lock expires. fetch/feeds allow 2 such recoveries (fetching is idempotent and crashes there are
//    rarely caused by the URL). process allows 3: a page runs in a sandboxed worker thread with its
//    own heap limit (PROCESS_THREAD_LIMITS), so a poison page fails its job through the thread (and
//    uses up attempts) instead of killing the worker process; a stall there means the process died
//    for its own reasons (SIGKILL, deploy, OOM of the host). With 1, `npm run bench:load -- --chaos`
//    failed 4 of 400 articles whose worker happened to be killed twice.
//  - Non-retryable outcomes (404/410, robots disallow, not an article, too large, blocked address)
//    throw UnrecoverableError: they fail at once, with the reason kept for `gleaner status`.
//
// Retention: Redis holds work, not results (records live in the store). Completed jobs are kept
// 1 hour / 1,000 per queue (enough for `status` and Bull Board); failed jobs 7 days / 5,000, so
// their reasons stay visible without growing Redis for ever.
import type { DefaultJobOptions, KeepJobs } from 'bullmq';
import type { ProcessInput } from './process-step.js';
import type { StageTimings } from '../pipeline.js';
import type { StoreWait } from './store-outage.js';

export const QUEUE_NAMES = { feeds: 'feeds', fetch: 'fetch', process: 'process' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
export const ALL_QUEUES: QueueName[] = [QUEUE_NAMES.feeds, QUEUE_NAMES.fetch, QUEUE_NAMES.process];

export const JOB_NAMES = { poll: 'poll', fetch: 'fetch', process: 'process' } as const;

export const KEEP_COMPLETED: KeepJobs = { age: 60 * 60, count: 1_000 };
export const KEEP_FAILED: KeepJobs = { age: 7 * 24 * 60 * 60, count: 5_000 };

/** How long a re-submitted URL is treated as a duplicate of the first submission (layer 2 of dedup). */
export const DEDUP_TTL_MS = 60 * 60 * 1000;

export const ATTEMPTS: Record<QueueName, number> = { feeds: 3, fetch: 5, process: 2 };
export const MAX_STALLED: Record<QueueName, number> = { feeds: 2, fetch: 2, process: 3 };

/** Heap limits of a process-step thread: a page that blows up ends its thread and fails its job, not the worker. */
export const PROCESS_THREAD_LIMITS = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 64 };

/** The default feed poll interval. */
export const DEFAULT_FEED_EVERY = '15m';
/** Feeds are never polled more often than this. */
export const MIN_FEED_EVERY_MS = 1_000;

export interface QueuePolicy {
  /** Base delay of the exponential backoff, ms. */
  backoffMs: number;
}

export function defaultJobOptions(queue: QueueName, policy: QueuePolicy): DefaultJobOptions {
  return {
    attempts: ATTEMPTS[queue],
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
    stackTraceLimit: 5,
  };
}

/** Job data of each queue. Only ids, URLs and small metadata: no page bodies. */
export interface PollJobData {
  feedId: string;
  slot?: ParkedSlot;
  /** Set while the job waits out a store outage (see store-outage.ts). */
  storeWait?: StoreWait;
}

export interface FetchJobData {
  url: string;
  /** When the URL came from a feed. */
  feedId?: string | null;
  feedUrl?: string | null;
  itemId?: string | null;
  /** The feed item's date, a hint for the cleaner. */
  publishedAt?: string | null;
  /** Unique per submission: tells `enqueueUrls` whether its add created the job. */
  submission?: string;
  /** The host-gate slot booked while the job is parked (see host-gate.ts). */
  slot?: ParkedSlot;
  /** Set while the job waits out a store outage (see store-outage.ts). */
  storeWait?: StoreWait;
}

/** A host-gate slot booked by a parked job; valid only for the attempt that booked it. */
export interface ParkedSlot {
  host: string;
  at: number;
  attempt: number;
}

/** A process job carries what the process step needs (hashes and URLs, never page bytes). */
export type ProcessJobData = ProcessInput & { storeWait?: StoreWait };

export interface ProcessJobResult {
  recordId: string;
  status: string;
  title: string | null;
  /** Seconds spent cleaning, extracting and storing (for the worker's metrics). */
  timings?: StageTimings;
}

/** Parses "15m", "1h", "30s", "2d" or plain milliseconds. */
export function parseEvery(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!m) throw new Error(`cannot read interval '${text}' (use e.g. 30s, 15m, 1h)`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'ms').toLowerCase();
  const factor = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit] ?? 1;
  return Math.round(n * factor);
}
