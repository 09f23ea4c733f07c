// Redis connections for BullMQ. Two kinds, on purpose:
//  - workers: `maxRetriesPerRequest: null` (BullMQ requires it for blocking commands) and reconnect
//    forever; a Redis outage pauses the workers, it never kills them. Errors are logged, throttled.
//  - producers (CLI, HTTP API): fail fast. The first connect has a short timeout and commands are not
//    queued while Redis is away, so `gleaner enqueue` says "Redis is not reachable" in one line.
//  - Redis Cluster (GLEANER_REDIS_CLUSTER=1): the same two kinds over an ioredis Cluster; the queue
//    prefix carries a hash tag ({gleaner}) so that every key of one installation (BullMQ's and the
//    host gate's) lands in one slot, as BullMQ's multi-key Lua scripts require.
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { ServiceUnavailableError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';

/** The Redis URL without its password, for messages and logs. */
export function redactRedisUrl(url: string): string {
  if (url.includes(','))
    return url
      .split(',')
      .map((u) => redactRedisUrl(u.trim()))
      .join(',');
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/** A connection to a single Redis or to a Redis Cluster: BullMQ and the host gate take either. */
export type RedisClient = Redis | Cluster;

export interface RedisTarget {
  url: string;
  /** Treat `url` (one or more comma-separated redis:// URLs) as seed nodes of a Redis Cluster. */
  cluster?: boolean;
}

/** Seed nodes of a cluster from 'redis://h1:7000,redis://h2:7001' (or 'h1:7000,h2:7001'). */
export function clusterNodes(url: string): { host: string; port: number }[] {
  return url
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const u = new URL(/^rediss?:\/\//.test(part) ? part : `redis://${part}`);
      return { host: u.hostname, port: Number(u.port || 6379) };
    });
}

/** Password/username/TLS of the first seed URL apply to every node of the cluster. */
function clusterRedisOptions(url: string, base: RedisOptions): RedisOptions {
  const first = url.split(',')[0]!.trim();
  const u = new URL(/^rediss?:\/\//.test(first) ? first : `redis://${first}`);
  return {
    ...base,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

function connect(target: RedisTarget, options: RedisOptions, cluster: Omit<ClusterOptions, 'redisOptions'> = {}): RedisClient {
  if (!target.cluster) return new Redis(target.url, options);
  const { retryStrategy, lazyConnect, enableOfflineQueue, ...nodeOptions } = options;
  return new Cluster(clusterNodes(target.url), {
    ...cluster,
    lazyConnect,
    enableOfflineQueue,
    clusterRetryStrategy: retryStrategy ?? undefined,
    redisOptions: clusterRedisOptions(target.url, nodeOptions),
  });
}

/** Reconnect delay: 100 ms growing to 5 s, forever (workers must outlive a Redis restart). */
function workerRetry(times: number): number {
  return Math.min(100 * 2 ** Math.min(times, 6), 5_000);
}

export interface WorkerConnectionOptions {
  logger?: Logger;
  connectionName?: string;
}

/** A connection for BullMQ Workers (and the queues a worker writes to). */
export function createWorkerConnection(target: string | RedisTarget, opts: WorkerConnectionOptions = {}): RedisClient {
  const t = typeof target === 'string' ? { url: target } : target;
  const redisUrl = t.url;
  const redis = connect(t, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: workerRetry,
    connectionName: opts.connectionName,
  } satisfies RedisOptions);
  // ioredis emits 'error' on every failed reconnect; log the first one of an outage and then one a minute.
  let lastLog = 0;
  redis.on('error', (err) => {
    const now = Date.now();
    if (now - lastLog < 60_000) return;
    lastLog = now;
    opts.logger?.error({ redis: redactRedisUrl(redisUrl), err: errorMessage(err) }, 'redis unreachable, workers keep retrying');
  });
  redis.on('ready', () => {
    if (lastLog) opts.logger?.info({ redis: redactRedisUrl(redisUrl) }, 'redis connection ready');
    lastLog = 0;
  });
  return redis;
}

export interface ProducerConnectionOptions {
  /** How long the first connect may take before we give up. */
  connectTimeoutMs?: number;
}

/**
 * A connection for producers, connected (or failed) when this resolves. While connected it
 * reconnects after a blip, but commands fail at once instead of waiting for Redis to come back.
 */
export async function connectProducer(redisTarget: string | RedisTarget, opts: ProducerConnectionOptions = {}): Promise<RedisClient> {
  const t = typeof redisTarget === 'string' ? { url: redisTarget } : redisTarget;
  const timeout = opts.connectTimeoutMs ?? 3_000;
  const target = redactRedisUrl(t.url);
  // No retry before the first connect has answered: a refused connect ends the client at once.
  // With a retry scheduled, the disconnect() below had to undo it on a socket already closed, and
  // ioredis (6.0) then arms a 2 s "destroy the stream" timer that nothing clears: every command
  // that fell back or failed on a down Redis stayed alive 2 s after its work was done.
  let connected = false;
  const redis = connect(t, {
    lazyConnect: true,
    connectTimeout: timeout,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (times) => (!connected || times > 20 ? null : Math.min(200 * times, 2_000)),
  } satisfies RedisOptions);
  // Without a listener ioredis prints unhandled 'error' events; failures surface through commands.
  redis.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout);
      }),
    ]);
    await redis.ping();
    connected = true;
    return redis;
  } catch (err) {
    // already 'end' when the connect was refused: nothing left to close (see above)
    if (redis.status !== 'end') redis.disconnect();
    throw new ServiceUnavailableError('Redis', target, err);
  } finally {
    clearTimeout(timer);
  }
}

export interface RedisDurability {
  appendonly: string | null;
  maxmemoryPolicy: string | null;
  /** Human-readable warnings; empty when the settings are safe for a queue. */
  warnings: string[];
}

/**
 * BullMQ keeps every job in Redis: without AOF a Redis restart loses queued work, and an eviction
 * policy other than noeviction silently deletes job keys under memory pressure.
 */
export async function checkRedisDurability(redis: RedisClient): Promise<RedisDurability> {
  const get = async (name: string): Promise<string | null> => {
    try {
      const reply = (await redis.config('GET', name)) as unknown;
      if (Array.isArray(reply)) return reply[1] == null ? null : String(reply[1]);
      if (reply && typeof reply === 'object') return String((reply as Record<string, unknown>)[name] ?? '') || null;
      return null;
    } catch (err) {
      // CONFIG may be disabled or renamed on managed Redis: that is "unknown", not "down"
      if (/unknown command|NOPERM|not allowed|ERR/i.test(errorMessage(err))) return null;
      throw err;
    }
  };
  const appendonly = await get('appendonly');
  const maxmemoryPolicy = await get('maxmemory-policy');
  const warnings: string[] = [];
  if (appendonly === null)
    warnings.push('could not read Redis appendonly (CONFIG disabled?): make sure AOF is on, or a Redis restart loses queued jobs');
  else if (appendonly !== 'yes')
    warnings.push('Redis appendonly is OFF: a Redis restart loses queued jobs and schedulers (set appendonly yes, appendfsync everysec)');
  if (maxmemoryPolicy === null) warnings.push('could not read Redis maxmemory-policy: it must be noeviction');
  else if (maxmemoryPolicy !== 'noeviction')
    warnings.push(`Redis maxmemory-policy is ${maxmemoryPolicy}: Redis may evict job keys; set maxmemory-policy noeviction`);
  return { appendonly, maxmemoryPolicy, warnings };
}
