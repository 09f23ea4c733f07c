// Starts the three workers of one `gleaner worker` process and stops them cleanly.
//   feeds   concurrency 4            (a poll is one request plus a few Redis/store calls)
//   fetch   config.fetchConcurrency  (I/O: many sockets, little CPU)
//   process config.processConcurrency worker threads (CPU: clean + extract, sandboxed)
// Shutdown: worker.close() has no timeout of its own (bullmq #834), so close() races it against
// ours and then force-closes; connections and the store close last.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker, type Queue, type Telemetry } from 'bullmq';
import type { Config } from '../../config.js';
import { errorMessage } from '../../errors.js';
import { fetchUrl, type FetchOptions } from '../../fetch/fetch.js';
import { RobotsCache } from '../../fetch/robots.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/types.js';
import { checkRedisDurability, createWorkerConnection, type RedisClient, type RedisDurability } from '../connection.js';
import { HostGate } from '../host-gate.js';
import { HostBusy } from '../job-errors.js';
import { openQueues } from '../producer.js';
import { createMetrics, type GleanerMetrics } from '../../metrics/registry.js';
import type { Tracing } from '../../metrics/tracing.js';
import { observeWorkers } from './observe.js';
import { MAX_STALLED, PROCESS_THREAD_LIMITS, QUEUE_NAMES, type QueueName } from '../queues.js';
import type { Politeness, StepContext } from '../steps.js';
import { StoreOutage, outagePolicy } from '../store-outage.js';
import { storeOptions } from '../../store/open.js';
import { createFeedProcessor } from './feed.js';
import { createFetchProcessor } from './fetch.js';
import type { SandboxSettings } from './process-sandbox.js';

export interface WorkerRuntimeOptions {
  logger: Logger;
  /** The store used by the feed and fetch workers (the process threads open their own). */
  store: Store;
  /** PostgreSQL schema for the process threads' store (tests). */
  pgSchema?: string;
  /** Fetch limits (timeouts, bytes); userAgent and allowPrivateAddresses come from config. */
  fetchOptions?: Partial<FetchOptions>;
  /** Which queues this process works on (default: all three). */
  queues?: QueueName[];
  /** Job lock duration; a dead worker's job is retried once its lock expires. Default config.lockMs. */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for. Default: the lock duration. */
  stalledIntervalMs?: number;
  /** Robots cache TTL (tests shorten it). */
  robotsTtlMs?: number;
  /** Prometheus metrics to fill from the job events (default: a registry of the runtime's own). */
  metrics?: GleanerMetrics;
  /** OpenTelemetry tracing (BullMQ's spans and a span per stage), when configured. */
  tracing?: Tracing | null;
}

export interface WorkerRuntime {
  workers: Worker[];
  queues: { feeds: Queue; fetch: Queue; process: Queue };
  redis: RedisClient;
  gate: HostGate;
  /** Resolves once Redis answered CONFIG GET (or after 5 s without an answer). */
  durability: Promise<RedisDurability>;
  stats: WorkerStats;
  metrics: GleanerMetrics;
  /** True while Redis is connected and the workers are not closing (the health endpoint). */
  healthy(): boolean;
  /** Waits up to timeoutMs for running jobs, then force-closes (each later step bounded by forceMs). */
  close(timeoutMs?: number, forceMs?: number): Promise<void>;
}

/** The compiled sandbox file. Under vitest (TypeScript sources) it is the one in dist/. */
export function processSandboxFile(): string {
  const here = fileURLToPath(import.meta.url);
  const sibling = join(dirname(here), 'process-sandbox.js');
  if (here.endsWith('.js') && existsSync(sibling)) return sibling;
  const built = resolve(dirname(here), '../../../dist/queue/workers/process-sandbox.js');
  if (!existsSync(built)) throw new Error(`process sandbox not built: ${built} is missing (run npm run build)`);
  return built;
}

/** True when `p` settled within `ms`; BullMQ's close() has no timeout of its own (#834). */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((r) => {
    timer = setTimeout(() => r(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Longest wait for a host that holds a fetch concurrency slot; a longer one parks the job. */
const MAX_IN_PROCESS_WAIT_MS = 1_000;

/** Host politeness through the shared Redis gate; `stats.parked` counts jobs parked for a slot. */
function queuePoliteness(gate: HostGate, stats: WorkerStats): Politeness {
  return {
    async acquire(host, gapMs, hold) {
      // The slot this job booked before it was parked has come (unless a Retry-After intervened).
      const slotCame = hold && hold.host === host && Date.now() >= hold.at - 100 && (await gate.blockedFor(host)) === 0;
      if (!slotCame) {
        const wait = await gate.reserve(host, gapMs);
        if (wait > 0) {
          stats.parked++;
          throw new HostBusy(host, wait);
        }
      }
      // The slot is ours, but the request before it may have left late or only just ended: wait out
      // the rest of the gap after it — in-process when short, parked again (keeping the slot) when not.
      let waited = 0;
      for (let wait = await gate.start(host, gapMs); wait > 0; wait = await gate.start(host, gapMs)) {
        if (wait > MAX_IN_PROCESS_WAIT_MS || waited + wait > MAX_IN_PROCESS_WAIT_MS) {
          // a long gap, or a slow request still in flight: give the fetch slot back
          stats.parked++;
          throw new HostBusy(host, Math.max(wait, MAX_IN_PROCESS_WAIT_MS));
        }
        await sleep(wait);
        waited += wait;
      }
    },
    async release(host, gapMs) {
      await gate.finish(host, gapMs);
    },
    async pushBack(host, ms) {
      await gate.pushBack(host, ms);
    },
  };
}

export interface WorkerStats {
  /** Times a job was parked to wait for its host-gate slot. */
  parked: number;
}

export async function startWorkers(config: Config, opts: WorkerRuntimeOptions): Promise<WorkerRuntime> {
  const { logger, store } = opts;
  const redis = createWorkerConnection(
    { url: config.redisUrl, cluster: config.redisCluster },
    { logger, connectionName: 'gleaner-worker' },
  );
  let durabilityTimer: NodeJS.Timeout | undefined;
  const durability = Promise.race([
    checkRedisDurability(redis),
    new Promise<RedisDurability>((_, reject) => {
      durabilityTimer = setTimeout(() => reject(new Error('Redis did not answer within 5 s')), 5_000);
    }),
  ])
    .catch((err): RedisDurability => ({
      appendonly: null,
      maxmemoryPolicy: null,
      warnings: [`could not check Redis appendonly/maxmemory-policy: ${errorMessage(err)}`],
    }))
    .finally(() => clearTimeout(durabilityTimer));
  const telemetry = opts.tracing?.telemetry as Telemetry | undefined;
  const queues = openQueues(redis, config, undefined, telemetry);
  const gate = new HostGate(redis, { prefix: config.queuePrefix });
  const fetchOptions: Partial<FetchOptions> = {
    userAgent: config.userAgent,
    allowPrivateAddresses: config.allowPrivateAddresses,
    ...opts.fetchOptions,
  };
  const robots = new RobotsCache({
    userAgent: config.userAgent,
    allowPrivateAddresses: config.allowPrivateAddresses,
    fetch: fetchUrl,
    ttlMs: opts.robotsTtlMs,
  });
  const stats: WorkerStats = { parked: 0 };
  // The feed and fetch workers share this process's store, so they share its health too.
  const outage = new StoreOutage(outagePolicy(config), logger.child({ store: config.databaseUrl ? 'postgres' : 'sqlite' }));
  const ctx: StepContext = {
    store,
    robots,
    politeness: queuePoliteness(gate, stats),
    politenessMs: config.politenessMs,
    fetchOptions,
    logger,
    feedMaxNewItems: config.feedMaxNewItems,
  };

  const lockDuration = opts.lockDurationMs ?? config.lockMs;
  const common = {
    connection: redis,
    prefix: config.queuePrefix,
    lockDuration,
    stalledInterval: opts.stalledIntervalMs ?? lockDuration,
    telemetry,
  };
  const run = new Set(opts.queues ?? [QUEUE_NAMES.feeds, QUEUE_NAMES.fetch, QUEUE_NAMES.process]);
  const workers: Worker[] = [];

  if (run.has(QUEUE_NAMES.feeds)) {
    workers.push(
      new Worker(QUEUE_NAMES.feeds, createFeedProcessor(ctx, queues.fetch, logger, outage), {
        ...common,
        concurrency: 4,
        maxStalledCount: MAX_STALLED.feeds,
      }),
    );
  }
  if (run.has(QUEUE_NAMES.fetch)) {
    workers.push(
      new Worker(QUEUE_NAMES.fetch, createFetchProcessor(ctx, queues.process, logger, outage), {
        ...common,
        concurrency: config.fetchConcurrency,
        maxStalledCount: MAX_STALLED.fetch,
      }),
    );
  }
  if (run.has(QUEUE_NAMES.process)) {
    const sandbox: SandboxSettings = {
      store: { ...storeOptions(config), pgSchema: opts.pgSchema },
      outage: outagePolicy(config),
      logLevel: config.logLevel,
    };
    workers.push(
      new Worker(QUEUE_NAMES.process, processSandboxFile(), {
        ...common,
        concurrency: config.processConcurrency,
        maxStalledCount: MAX_STALLED.process,
        useWorkerThreads: true,
        workerThreadsOptions: { workerData: { gleaner: sandbox }, resourceLimits: PROCESS_THREAD_LIMITS },
      }),
    );
  }

  for (const w of workers) {
    const log = logger.child({ queue: w.name });
    // While Redis is away every retry emits an error: log the first and then one a minute.
    let lastError = 0;
    w.on('error', (err) => {
      if (Date.now() - lastError < 60_000) return;
      lastError = Date.now();
      log.error({ err: errorMessage(err) }, 'worker error (it keeps retrying)');
    });
    w.on('stalled', (jobId) => log.warn({ jobId }, 'job stalled (its worker died or blocked); it goes back to the queue'));
    w.on('failed', (job, err) => {
      if (!job) return;
      const final = err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
      log[final ? 'error' : 'warn'](
        { jobId: job.id, url: (job.data as { url?: string }).url, attempts: job.attemptsMade, err: err.message },
        final ? 'job failed' : 'job failed, will retry',
      );
    });
    w.on('completed', (job) => log.debug({ jobId: job.id }, 'job completed'));
  }

  const metrics = opts.metrics ?? createMetrics();
  observeWorkers(metrics, workers, opts.tracing ?? null);

  let closing: Promise<void> | null = null;
  return {
    metrics,
    healthy: () => closing === null && redis.status === 'ready' && workers.every((w) => w.isRunning()),
    workers,
    queues,
    redis,
    gate,
    durability,
    stats,
    close(timeoutMs = 30_000, forceMs = 5_000) {
      closing ??= (async () => {
        // Graceful only when Redis is there to finish jobs against; otherwise do not wait for it.
        const graceful = redis.status === 'ready' && (await within(Promise.allSettled(workers.map((w) => w.close())), timeoutMs));
        if (!graceful) {
          logger.warn(
            { timeoutMs, redis: redis.status },
            'workers did not finish in time; forcing close (their jobs are retried after the lock expires)',
          );
          await within(Promise.allSettled(workers.map((w) => w.close(true))), forceMs);
        }
        await within(Promise.allSettled([queues.feeds.close(), queues.fetch.close(), queues.process.close()]), forceMs);
        redis.disconnect();
      })();
      return closing;
    },
  };
}
