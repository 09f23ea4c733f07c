// Every environment variable gleaner reads is read here, once, into typed options with defaults.
// Modules take these options as arguments; they never read process.env themselves.
import { availableParallelism } from 'node:os';

export interface Config {
  /** GLEANER_REDIS_URL (with GLEANER_REDIS_CLUSTER, one or more comma-separated seed nodes) */
  redisUrl: string;
  /** GLEANER_REDIS_CLUSTER=1: Redis runs in cluster mode; the queue prefix then carries a {hash tag}. */
  redisCluster: boolean;
  /** GLEANER_DATABASE_URL: postgres://… selects PostgreSQL; otherwise SQLite at dbPath. */
  databaseUrl: string | null;
  /** GLEANER_DB_PATH (SQLite file) */
  dbPath: string;
  /** GLEANER_LOG_LEVEL */
  logLevel: string;
  /**
   * GLEANER_API_TOKEN: the token of `gleaner serve` (writes, the queue dashboard, and every page on
   * a non-loopback bind). Unset: serve makes a random one at start and prints the URL holding it.
   */
  apiToken: string | null;
  /** GLEANER_USER_AGENT */
  userAgent: string;
  /** GLEANER_ALLOW_PRIVATE=1 lets the fetcher reach private/loopback addresses (tests, intranets). */
  allowPrivateAddresses: boolean;
  /** GLEANER_PORT / GLEANER_HOST for `gleaner serve` */
  port: number;
  host: string;
  /**
   * GLEANER_ALLOWED_HOSTS: extra Host header names `gleaner serve` answers (comma-separated,
   * `name` or `name:port`), besides loopback and the bind address; any other Host gets 403.
   */
  allowedHosts: string[];
  /** GLEANER_QUEUE_PREFIX: Redis key prefix of every BullMQ queue (tests use a random one). */
  queuePrefix: string;
  /** GLEANER_FETCH_CONCURRENCY: parallel fetches per worker process (I/O bound). */
  fetchConcurrency: number;
  /** GLEANER_PROCESS_CONCURRENCY: clean+extract worker threads per process (CPU bound; default = cores). */
  processConcurrency: number;
  /** GLEANER_POLITENESS_MS: minimum gap between two requests to one host, all workers together. */
  politenessMs: number;
  /** GLEANER_BACKOFF_MS: base delay of the exponential retry backoff (tests make it small). */
  backoffMs: number;
  /**
   * GLEANER_LOCK_MS: job lock duration. A crashed worker's job is picked up again once its lock has
   * expired and the next stalled-job check has run: between one and two lock durations.
   */
  lockMs: number;
  /** GLEANER_FEED_MAX_ITEMS: new items one feed poll queues (newest first); the rest wait for the next poll. */
  feedMaxNewItems: number;
  /** OTEL_EXPORTER_OTLP_ENDPOINT (the OpenTelemetry standard variable): traces are exported there when set. */
  otlpEndpoint: string | null;
  /** GLEANER_DB_CONNECT_TIMEOUT_MS: PostgreSQL connect timeout, so a silent network fails in seconds. */
  dbConnectTimeoutMs: number;
  /** GLEANER_DB_QUERY_TIMEOUT_MS: longest PostgreSQL statement (server side) and wait for an answer (client side). */
  dbQueryTimeoutMs: number;
  /** GLEANER_DB_IDLE_TIMEOUT_MS: idle pooled PostgreSQL connections close after this; also the idle-in-transaction limit. */
  dbIdleTimeoutMs: number;
  /** GLEANER_DB_BUSY_TIMEOUT_MS: how long a SQLite writer waits for another process's lock. */
  dbBusyTimeoutMs: number;
  /** GLEANER_STORE_OUTAGE_MAX_MS: how long a job waits out an unreachable store before it fails (an attempt). */
  storeOutageMaxMs: number;
  /** GLEANER_STORE_RETRY_MAX_MS: the longest wait between two tries of a job parked for the store. */
  storeRetryMaxMs: number;
}

function int(v: string | undefined, fallback: number): number {
  const n = v === undefined || v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

function list(v: string | undefined): string[] {
  return (v ?? '').split(/[\s,]+/).filter(Boolean);
}

function bool(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());
}

/**
 * On a Redis Cluster every key of one installation must hash to one slot (BullMQ's Lua scripts
 * touch several keys of a queue at once, and the host gate's too): a prefix without a {hash tag}
 * is wrapped in one, so 'gleaner' becomes '{gleaner}'.
 */
export function clusterSafePrefix(prefix: string, cluster: boolean): string {
  return cluster && !/\{[^}]+\}/.test(prefix) ? `{${prefix}}` : prefix;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    redisUrl: env.GLEANER_REDIS_URL || 'redis://127.0.0.1:6379',
    databaseUrl: env.GLEANER_DATABASE_URL || null,
    dbPath: env.GLEANER_DB_PATH || './data/gleaner.db',
    logLevel: env.GLEANER_LOG_LEVEL || 'info',
    apiToken: env.GLEANER_API_TOKEN || null,
    userAgent: env.GLEANER_USER_AGENT || 'gleaner/0.1 (+https://github.com/gleaner/gleaner)',
    allowPrivateAddresses: bool(env.GLEANER_ALLOW_PRIVATE),
    port: Number(env.GLEANER_PORT || 8080),
    host: env.GLEANER_HOST || '127.0.0.1',
    allowedHosts: list(env.GLEANER_ALLOWED_HOSTS),
    redisCluster: bool(env.GLEANER_REDIS_CLUSTER),
    queuePrefix: clusterSafePrefix(env.GLEANER_QUEUE_PREFIX || 'gleaner', bool(env.GLEANER_REDIS_CLUSTER)),
    fetchConcurrency: Math.max(1, int(env.GLEANER_FETCH_CONCURRENCY, 16)),
    processConcurrency: Math.max(1, int(env.GLEANER_PROCESS_CONCURRENCY, availableParallelism())),
    politenessMs: int(env.GLEANER_POLITENESS_MS, 1000),
    backoffMs: int(env.GLEANER_BACKOFF_MS, 5000),
    lockMs: Math.max(1000, int(env.GLEANER_LOCK_MS, 30_000)),
    feedMaxNewItems: Math.max(1, int(env.GLEANER_FEED_MAX_ITEMS, 200)),
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || null,
    dbConnectTimeoutMs: Math.max(100, int(env.GLEANER_DB_CONNECT_TIMEOUT_MS, 5_000)),
    dbQueryTimeoutMs: Math.max(100, int(env.GLEANER_DB_QUERY_TIMEOUT_MS, 30_000)),
    dbIdleTimeoutMs: Math.max(100, int(env.GLEANER_DB_IDLE_TIMEOUT_MS, 10_000)),
    dbBusyTimeoutMs: int(env.GLEANER_DB_BUSY_TIMEOUT_MS, 10_000),
    storeOutageMaxMs: int(env.GLEANER_STORE_OUTAGE_MAX_MS, 6 * 60 * 60 * 1000),
    storeRetryMaxMs: Math.max(100, int(env.GLEANER_STORE_RETRY_MAX_MS, 30_000)),
  };
}
