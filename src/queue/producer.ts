// The producer side of the queues: what `gleaner enqueue`, `gleaner feeds` and the HTTP API use.
// It connects fail-fast (see connection.ts): when Redis is down, createProducer rejects with a
// ServiceUnavailableError whose message is one clear line.
import { randomUUID } from 'node:crypto';
import { Queue, type Job, type JobSchedulerJson, type Telemetry } from 'bullmq';
import type { Config } from '../config.js';
import { InputError } from '../errors.js';
import { assertUrlsAllowed, checkHttpUrl } from '../fetch/url-policy.js';
import type { FeedState, Store } from '../store/types.js';
import type { StoreConfig } from '../store/open.js';
import { connectProducer, type RedisClient } from './connection.js';
import type { FetchResultSummary } from './workers/fetch.js';
import { canonicalJobUrl, feedIdFor, schedulerIdFor, urlJobId } from './job-ids.js';
import {
  DEDUP_TTL_MS,
  DEFAULT_FEED_EVERY,
  JOB_NAMES,
  MIN_FEED_EVERY_MS,
  QUEUE_NAMES,
  defaultJobOptions,
  parseEvery,
  type FetchJobData,
  type PollJobData,
  type QueuePolicy,
} from './queues.js';

export interface EnqueueResult {
  url: string;
  jobId: string;
  status: 'queued' | 'duplicate';
}

export interface FeedWithSchedule extends FeedState {
  schedulerId: string;
  /** Next scheduled poll (epoch ms), when the scheduler exists. */
  nextPollAt: number | null;
}

export interface Producer {
  enqueueUrls(urls: string[]): Promise<EnqueueResult[]>;
  addFeed(url: string, every?: string): Promise<FeedWithSchedule>;
  removeFeed(idOrUrl: string): Promise<boolean>;
  pollFeed(idOrUrl: string): Promise<{ feedId: string; jobId: string }>;
  listFeeds(): Promise<FeedWithSchedule[]>;
  getQueues(): Queue[];
  /** The producer's Redis connection (fail-fast), e.g. for the status command. */
  readonly redis: RedisClient;
  close(): Promise<void>;
}

export interface ProducerOptions {
  /** Share an open store (the web server has one); otherwise one is opened on first feed call. */
  store?: Store;
  connectTimeoutMs?: number;
}

const ENQUEUE_BATCH = 32;

type QueueConfig = Pick<Config, 'redisUrl' | 'redisCluster' | 'queuePrefix' | 'backoffMs' | 'allowPrivateAddresses' | keyof StoreConfig>;

/** The three queues over one connection. Workers use the same function with their own connection. */
export function openQueues(
  redis: RedisClient,
  config: Pick<Config, 'queuePrefix' | 'backoffMs'>,
  onError: (err: Error) => void = () => {},
  telemetry?: Telemetry,
): { feeds: Queue; fetch: Queue; process: Queue } {
  const policy: QueuePolicy = { backoffMs: config.backoffMs };
  const make = (name: (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES]) => {
    const q = new Queue(name, {
      connection: redis,
      prefix: config.queuePrefix,
      defaultJobOptions: defaultJobOptions(name, policy),
      telemetry,
    });
    // Connection errors surface through the commands that fail (producers) or are logged by the
    // connection (workers); without a listener BullMQ prints each one to the console.
    q.on('error', onError);
    return q;
  };
  return { feeds: make(QUEUE_NAMES.feeds), fetch: make(QUEUE_NAMES.fetch), process: make(QUEUE_NAMES.process) };
}

/** What addFetchJob may ask to tell a duplicate from a URL whose article never made it to the store. */
export interface FetchDedup {
  /** True when the store holds a record under any of these URLs. */
  hasRecord(urls: string[]): Promise<boolean>;
  /** The process queue: a fetched page's process job may still be on its way. */
  processQueue: Queue;
}

const IN_FLIGHT = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * A fetch job that completed, but no record came of it (its process job failed, or the record is
 * gone): true when nothing is still on its way. A failed or finished process job is removed so that
 * the next fetch can add it again.
 */
async function fetchedButNotStored(job: Job<FetchJobData>, dedup: FetchDedup): Promise<boolean> {
  const done = job.returnvalue as Partial<FetchResultSummary> | null | undefined;
  const urls = [job.data.url, done?.finalUrl].filter((u): u is string => typeof u === 'string' && u !== '');
  if (await dedup.hasRecord(urls)) return false;
  const processJob = done?.processJobId ? await dedup.processQueue.getJob(done.processJobId) : undefined;
  if (processJob) {
    if (IN_FLIGHT.has(await processJob.getState())) return false;
    await processJob.remove();
  }
  return true;
}

/**
 * Adds a fetch job for `url`, deduplicated by job id (in flight, or finished recently) and by the
 * deduplication option (a re-submit within DEDUP_TTL_MS). A URL whose last job failed is queued
 * again: re-submitting is how a user retries it. With `dedup`, so is a URL that was fetched but has
 * no stored record (its process job failed): a URL with no record is never a duplicate, unless its
 * jobs are still on their way.
 */
export async function addFetchJob(fetchQueue: Queue, data: FetchJobData, dedup?: FetchDedup): Promise<EnqueueResult> {
  const jobId = urlJobId(data.url);
  const submission = randomUUID();
  const add = () => fetchQueue.add(JOB_NAMES.fetch, { ...data, submission }, { jobId, deduplication: { id: jobId, ttl: DEDUP_TTL_MS } });
  const added = await add();
  const existing = await fetchQueue.getJob(added.id ?? jobId);
  if (!existing || existing.data?.submission === submission) return { url: data.url, jobId, status: 'queued' };
  const state = await existing.getState();
  if (state === 'failed' || (state === 'completed' && dedup && (await fetchedButNotStored(existing, dedup)))) {
    await existing.remove();
    await fetchQueue.removeDeduplicationKey(jobId);
    await add();
    return { url: data.url, jobId, status: 'queued' };
  }
  return { url: data.url, jobId, status: 'duplicate' };
}

export async function createProducer(config: QueueConfig, opts: ProducerOptions = {}): Promise<Producer> {
  const redis = await connectProducer({ url: config.redisUrl, cluster: config.redisCluster }, { connectTimeoutMs: opts.connectTimeoutMs });
  const queues = openQueues(redis, config);
  let store = opts.store ?? null;
  const ownsStore = !opts.store;

  async function getStore(): Promise<Store> {
    if (!store) {
      const { openStore, storeOptions } = await import('../store/open.js');
      store = await openStore(storeOptions(config));
    }
    return store;
  }

  async function findFeed(idOrUrl: string): Promise<FeedState> {
    const s = await getStore();
    const feed = (await s.getFeed(idOrUrl)) ?? (/^https?:/i.test(idOrUrl) ? await s.getFeed(feedIdFor(idOrUrl)) : null);
    if (!feed) throw new InputError(`no feed '${idOrUrl}' (see 'gleaner feeds list')`, { feed: idOrUrl });
    return feed;
  }

  async function schedulers(): Promise<Map<string, JobSchedulerJson>> {
    const list = await queues.feeds.getJobSchedulers(0, -1, true);
    return new Map(list.map((s) => [s.key ?? s.id ?? '', s]));
  }

  function withSchedule(feed: FeedState, all: Map<string, JobSchedulerJson>): FeedWithSchedule {
    const schedulerId = schedulerIdFor(feed.id);
    const s = all.get(schedulerId);
    return { ...feed, schedulerId, nextPollAt: s?.next ?? null };
  }

  const dedup: FetchDedup = {
    async hasRecord(urls) {
      const s = await getStore();
      for (const u of urls) if (await s.hasUrl(u)) return true;
      return false;
    },
    processQueue: queues.process,
  };

  return {
    redis,
    async enqueueUrls(urls) {
      const checked = urls.map(checkHttpUrl);
      await assertUrlsAllowed(checked, config.allowPrivateAddresses);
      const results: EnqueueResult[] = new Array(checked.length);
      // A URL repeated within the batch is a duplicate of its first occurrence; the distinct ones
      // are added a few dozen at a time (each add is 2-3 Redis round trips).
      const firstById = new Map<string, number>();
      const distinct: number[] = [];
      checked.forEach((url, i) => {
        const id = urlJobId(url);
        const first = firstById.get(id);
        if (first === undefined) {
          firstById.set(id, i);
          distinct.push(i);
        } else results[i] = { url, jobId: id, status: 'duplicate' };
      });
      for (let k = 0; k < distinct.length; k += ENQUEUE_BATCH) {
        await Promise.all(
          distinct.slice(k, k + ENQUEUE_BATCH).map(async (i) => {
            results[i] = await addFetchJob(queues.fetch, { url: checked[i]! }, dedup);
          }),
        );
      }
      return results;
    },

    async addFeed(url, every = DEFAULT_FEED_EVERY) {
      const feedUrl = checkHttpUrl(url);
      await assertUrlsAllowed([feedUrl], config.allowPrivateAddresses);
      let everyMs: number;
      try {
        everyMs = parseEvery(every);
      } catch (err) {
        throw new InputError((err as Error).message, { every });
      }
      if (everyMs < MIN_FEED_EVERY_MS) throw new InputError(`--every must be at least ${MIN_FEED_EVERY_MS} ms`, { every });
      const s = await getStore();
      const id = feedIdFor(feedUrl);
      const before = await s.getFeed(id);
      const feed: FeedState = {
        id,
        url: before?.url ?? canonicalJobUrl(feedUrl),
        every,
        etag: before?.etag ?? null,
        lastModified: before?.lastModified ?? null,
        lastPolledAt: before?.lastPolledAt ?? null,
        lastStatus: before?.lastStatus ?? null,
        title: before?.title ?? null,
      };
      await s.saveFeed(feed);
      // Upsert here, on add or change, and nowhere else (never from workers at start-up: #2876).
      // No `deduplication` in the template (#2954).
      const { attempts, backoff, removeOnComplete, removeOnFail } = queues.feeds.defaultJobOptions;
      await queues.feeds.upsertJobScheduler(
        schedulerIdFor(id),
        { every: everyMs },
        { name: JOB_NAMES.poll, data: { feedId: id } satisfies PollJobData, opts: { attempts, backoff, removeOnComplete, removeOnFail } },
      );
      return withSchedule(feed, await schedulers());
    },

    async removeFeed(idOrUrl) {
      let feed: FeedState;
      try {
        feed = await findFeed(idOrUrl);
      } catch {
        return false;
      }
      await queues.feeds.removeJobScheduler(schedulerIdFor(feed.id));
      return (await getStore()).removeFeed(feed.id);
    },

    async pollFeed(idOrUrl) {
      const feed = await findFeed(idOrUrl);
      const jobId = `poll-${feed.id}-${Date.now()}`;
      await queues.feeds.add(JOB_NAMES.poll, { feedId: feed.id } satisfies PollJobData, { jobId });
      return { feedId: feed.id, jobId };
    },

    async listFeeds() {
      const [feeds, all] = await Promise.all([(await getStore()).listFeeds(), schedulers()]);
      return feeds.map((f) => withSchedule(f, all));
    },

    getQueues: () => [queues.feeds, queues.fetch, queues.process],

    async close() {
      await Promise.allSettled([queues.feeds.close(), queues.fetch.close(), queues.process.close()]);
      if (ownsStore && store) await store.close();
      redis.disconnect();
    },
  };
}
