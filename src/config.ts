// Every environment variable gleaner reads is read here, once, into typed options with defaults.
// Modules take these options as arguments; they never read process.env themselves.
// SETTINGS is the one table (variable, type, default, doc): loadConfig parses each variable with its
// zod schema and rejects a bad value with a ConfigError naming the variable; the README's
// configuration table is generated from it (configTableMarkdown, checked by test/config.test.ts).
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ConfigError } from './errors.js';

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
  /** GLEANER_REPROCESS_WAIT_MS: how long `gleaner reprocess` waits for the workers to finish its queued jobs. */
  reprocessWaitMs: number;
}

/** A variable set to the empty string counts as unset. */
const unset = (v: string | undefined): v is undefined => v === undefined || v.trim() === '';

const text = z.string().trim().min(1);
/** A whole number within [min, max], written in decimal digits ("80a", "1.5", "-3" are errors). */
const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));
const flag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(1|true|yes|on|0|false|no|off)$/, 'must be 1/0, true/false, yes/no or on/off')
  .transform((v) => /^(1|true|yes|on)$/.test(v));
const commaList = z.string().transform((v) => v.split(/[\s,]+/).filter(Boolean));
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

interface Setting<T> {
  /** The environment variable. */
  env: string;
  /** Parses a set (non-empty) value. */
  schema: z.ZodType<T, string>;
  /** The value when unset. */
  fallback: () => T;
  /** The default as the README shows it. */
  shown: string;
  doc: string;
}

const setting = <T>(s: Setting<T>): Setting<T> => s;

/** The configuration table: one row per variable, in the README's order. */
export const SETTINGS = {
  redisUrl: setting({
    env: 'GLEANER_REDIS_URL',
    schema: text,
    fallback: () => 'redis://127.0.0.1:6379',
    shown: '`redis://127.0.0.1:6379`',
    doc: 'Redis for the queues',
  }),
  databaseUrl: setting<string | null>({
    env: 'GLEANER_DATABASE_URL',
    schema: text.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    fallback: () => null,
    shown: '–',
    doc: '`postgres://…` selects PostgreSQL',
  }),
  dbPath: setting({
    env: 'GLEANER_DB_PATH',
    schema: text,
    fallback: () => './data/gleaner.db',
    shown: '`./data/gleaner.db`',
    doc: 'the SQLite file when no database URL is set',
  }),
  logLevel: setting<string>({
    env: 'GLEANER_LOG_LEVEL',
    schema: z.string().trim().toLowerCase().pipe(z.enum(LOG_LEVELS)),
    fallback: () => 'info',
    shown: '`info`',
    doc: 'pino log level (logs go to stderr; pretty on a terminal, JSON otherwise)',
  }),
  apiToken: setting<string | null>({
    env: 'GLEANER_API_TOKEN',
    schema: text,
    fallback: () => null,
    shown: 'random at start',
    doc: 'the token of `gleaner serve`: writes and `/queues` need it (bearer header or the cookie from `/?token=…`), and every page does on a non-loopback bind (which requires it to be set)',
  }),
  userAgent: setting({
    env: 'GLEANER_USER_AGENT',
    schema: text,
    fallback: () => 'gleaner/0.1 (+https://github.com/gleaner/gleaner)',
    shown: '`gleaner/0.1 (…)`',
    doc: 'User-Agent for fetching and robots.txt',
  }),
  allowPrivateAddresses: setting({
    env: 'GLEANER_ALLOW_PRIVATE',
    schema: flag,
    fallback: () => false,
    shown: 'off',
    doc: 'allow fetching private/loopback/link-local addresses',
  }),
  port: setting({
    env: 'GLEANER_PORT',
    schema: whole(0, 65535),
    fallback: () => 8080,
    shown: '`8080`',
    doc: 'the port `gleaner serve` listens on',
  }),
  host: setting({
    env: 'GLEANER_HOST',
    schema: text,
    fallback: () => '127.0.0.1',
    shown: '`127.0.0.1`',
    doc: 'the address `gleaner serve` binds',
  }),
  allowedHosts: setting({
    env: 'GLEANER_ALLOWED_HOSTS',
    schema: commaList,
    fallback: () => [],
    shown: '–',
    doc: 'host names `gleaner serve` answers to besides loopback and the bind address (comma-separated, `name` or `name:port`); any other `Host` gets 403',
  }),
  redisCluster: setting({
    env: 'GLEANER_REDIS_CLUSTER',
    schema: flag,
    fallback: () => false,
    shown: 'off',
    doc: '`1`: Redis runs in cluster mode; `GLEANER_REDIS_URL` lists seed nodes (`redis://h1:7000,redis://h2:7001`)',
  }),
  queuePrefix: setting({
    env: 'GLEANER_QUEUE_PREFIX',
    schema: text,
    fallback: () => 'gleaner',
    shown: '`gleaner`',
    doc: 'BullMQ key prefix (several installations on one Redis); on a cluster it gets a `{hash tag}`',
  }),
  fetchConcurrency: setting({
    env: 'GLEANER_FETCH_CONCURRENCY',
    schema: whole(1),
    fallback: () => 16,
    shown: '`16`',
    doc: 'parallel fetches per worker process',
  }),
  processConcurrency: setting({
    env: 'GLEANER_PROCESS_CONCURRENCY',
    schema: whole(1),
    fallback: () => availableParallelism(),
    shown: 'cores',
    doc: 'clean + extract worker threads per worker process',
  }),
  politenessMs: setting({
    env: 'GLEANER_POLITENESS_MS',
    schema: whole(0),
    fallback: () => 1000,
    shown: '`1000`',
    doc: 'least gap between two requests to one host, from the end of one to the start of the next (robots.txt Crawl-delay raises it)',
  }),
  backoffMs: setting({
    env: 'GLEANER_BACKOFF_MS',
    schema: whole(0),
    fallback: () => 5000,
    shown: '`5000`',
    doc: 'first retry delay (exponential, with jitter)',
  }),
  lockMs: setting({
    env: 'GLEANER_LOCK_MS',
    schema: whole(1000),
    fallback: () => 30_000,
    shown: '`30000`',
    doc: 'job lock (at least 1000); a job whose worker died returns to the queue after one to two lock durations (lock expiry + the next stalled-job check; 42–57 s measured with the default)',
  }),
  feedMaxNewItems: setting({
    env: 'GLEANER_FEED_MAX_ITEMS',
    schema: whole(1),
    fallback: () => 200,
    shown: '`200`',
    doc: 'new items one feed poll queues (newest first); the rest wait for the next poll, and `gleaner status` says how many',
  }),
  otlpEndpoint: setting<string | null>({
    env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    schema: text.regex(/^https?:\/\//, 'must be an http(s) URL'),
    fallback: () => null,
    shown: '–',
    doc: 'OpenTelemetry traces of `gleaner worker` go there (OTLP/HTTP); unset, tracing is off and loads nothing',
  }),
  dbConnectTimeoutMs: setting({
    env: 'GLEANER_DB_CONNECT_TIMEOUT_MS',
    schema: whole(100),
    fallback: () => 5_000,
    shown: '`5000`',
    doc: 'PostgreSQL connect timeout (a silent network fails in seconds)',
  }),
  dbQueryTimeoutMs: setting({
    env: 'GLEANER_DB_QUERY_TIMEOUT_MS',
    schema: whole(100),
    fallback: () => 30_000,
    shown: '`30000`',
    doc: 'PostgreSQL statement timeout (the client stops waiting a little later)',
  }),
  dbIdleTimeoutMs: setting({
    env: 'GLEANER_DB_IDLE_TIMEOUT_MS',
    schema: whole(100),
    fallback: () => 10_000,
    shown: '`10000`',
    doc: 'idle pooled PostgreSQL connections close after this; also the idle-in-transaction limit',
  }),
  dbBusyTimeoutMs: setting({
    env: 'GLEANER_DB_BUSY_TIMEOUT_MS',
    schema: whole(0),
    fallback: () => 10_000,
    shown: '`10000`',
    doc: "SQLite: how long a writer waits for another process's lock",
  }),
  storeRetryMaxMs: setting({
    env: 'GLEANER_STORE_RETRY_MAX_MS',
    schema: whole(100),
    fallback: () => 30_000,
    shown: '`30000`',
    doc: 'longest wait between two tries of a job parked while the store is unreachable',
  }),
  storeOutageMaxMs: setting({
    env: 'GLEANER_STORE_OUTAGE_MAX_MS',
    schema: whole(0),
    fallback: () => 6 * 60 * 60 * 1000,
    shown: '`21600000` (6 h)',
    doc: 'a job waits out one store outage this long before it fails an attempt',
  }),
  reprocessWaitMs: setting({
    env: 'GLEANER_REPROCESS_WAIT_MS',
    schema: whole(100),
    fallback: () => 30 * 60 * 1000,
    shown: '`1800000` (30 min)',
    doc: '`gleaner reprocess` through the queue stops waiting for its jobs after this and exits 1, reporting what is done and pending (the jobs stay queued)',
  }),
} satisfies { [K in keyof Config]: Setting<Config[K]> };

/** One variable: its fallback when unset, else its parsed value, else a ConfigError naming it. */
function read<T>(s: Setting<T>, env: NodeJS.ProcessEnv): T {
  const raw = env[s.env];
  if (unset(raw)) return s.fallback();
  const parsed = s.schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const why = parsed.error.issues.map((i) => i.message).join('; ');
  throw new ConfigError(`${s.env}=${JSON.stringify(raw)} is not valid: ${why}`, { variable: s.env, value: raw });
}

/** The README's configuration table (markdown), generated from SETTINGS. */
export function configTableMarkdown(): string {
  const rows = Object.values(SETTINGS).map((s) => `| \`${s.env}\` | ${s.shown} | ${s.doc} |`);
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
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
  const values = Object.fromEntries(
    Object.entries(SETTINGS).map(([key, s]) => [key, read(s as Setting<unknown>, env)]),
  ) as unknown as Config;
  return { ...values, queuePrefix: clusterSafePrefix(values.queuePrefix, values.redisCluster) };
}
