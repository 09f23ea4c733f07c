// robots.txt, cached per origin with a TTL. Rules follow Google's reading of RFC 9309:
//   2xx           → parse the rules (robots-parser: Allow/Disallow, wildcards, Crawl-delay)
//   4xx but 429   → no usable robots.txt: everything is allowed
//   429, 5xx, network error, timeout → the site is struggling: disallow everything for a while
//                   (errorTtlMs), or keep using the last good rules when we have them
// Every decision carries a reason, so a skipped URL can say why.
import robotsParserModule from 'robots-parser';
import { FetchError, GleanerError, RobotsDisallowedError, TooLargeError, errorMessage } from '../errors.js';
import { type FetchOptions, type FetchResult, fetchUrl } from './fetch.js';

export type RobotsFetcher = (url: string, opts?: Partial<FetchOptions>) => Promise<FetchResult>;

export interface RobotsDecision {
  allowed: boolean;
  /** Crawl-delay for our user agent (or '*'), in milliseconds. */
  crawlDelayMs: number | null;
  /** Why the URL is disallowed, or why the rules are what they are (e.g. robots.txt 404). */
  reason: string | null;
  /**
   * robots.txt could not be fetched because the host could not be reached at all (DNS, refused,
   * reset, unreachable): the real cause, which the page fetch would hit too.
   */
  failure?: FetchError | null;
}

/** Fetch error codes that mean "the host is not reachable", not "the site refuses robots.txt". */
const UNREACHABLE_CODES = new Set(['E_DNS', 'E_CONNECTION_REFUSED', 'E_CONNECTION_RESET', 'E_UNREACHABLE']);

export interface RobotsCacheOptions {
  /** How long good rules (and a 4xx "allow all") are kept. Default 1 hour. */
  ttlMs?: number;
  /** How long a 5xx / network failure keeps the host disallowed. Default 10 minutes. */
  errorTtlMs?: number;
  userAgent: string;
  fetch?: RobotsFetcher;
  allowPrivateAddresses?: boolean;
  /** Limits of the robots.txt fetch itself. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Origins kept in the cache (least recently fetched are dropped first). Default 10 000. */
  maxEntries?: number;
  /** Clock (tests pass their own). */
  now?: () => number;
}

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS (module.exports = fn) and its typings do not type the default export
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

interface Entry {
  expires: number;
  /** null = no rules: everything allowed (allowAll) or everything refused (!allowAll). */
  robot: Robot | null;
  allowAll: boolean;
  reason: string | null;
  failure?: FetchError | null;
}

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();
  private readonly ttlMs: number;
  private readonly errorTtlMs: number;
  private readonly userAgent: string;
  private readonly fetcher: RobotsFetcher;
  private readonly allowPrivate: boolean;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(opts: RobotsCacheOptions) {
    this.ttlMs = opts.ttlMs ?? 60 * 60_000;
    this.errorTtlMs = opts.errorTtlMs ?? 10 * 60_000;
    this.userAgent = opts.userAgent;
    this.fetcher = opts.fetch ?? fetchUrl;
    this.allowPrivate = opts.allowPrivateAddresses ?? false;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.maxBytes = opts.maxBytes ?? 512 * 1024; // Google reads the first 500 KiB
    this.maxEntries = opts.maxEntries ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  async check(url: string): Promise<RobotsDecision> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { allowed: false, crawlDelayMs: null, reason: `not a URL: ${url}` };
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return { allowed: false, crawlDelayMs: null, reason: `unsupported scheme ${target.protocol}` };
    const entry = await this.entryFor(target.origin);
    if (!entry.robot) return { allowed: entry.allowAll, crawlDelayMs: null, reason: entry.reason, failure: entry.failure ?? null };
    const allowed = entry.robot.isAllowed(target.href, this.userAgent) ?? true;
    const delay = entry.robot.getCrawlDelay(this.userAgent);
    const crawlDelayMs = delay !== undefined && Number.isFinite(delay) && delay >= 0 ? Math.round(delay * 1000) : null;
    if (allowed) return { allowed, crawlDelayMs, reason: null };
    const line = entry.robot.getMatchingLineNumber(target.href, this.userAgent);
    return { allowed, crawlDelayMs, reason: `robots.txt disallows ${target.pathname}${line > 0 ? ` (line ${line})` : ''}` };
  }

  /** Like check(), but throws RobotsDisallowedError (never retried) when the URL is disallowed. */
  async assertAllowed(url: string): Promise<RobotsDecision> {
    const decision = await this.check(url);
    if (!decision.allowed) throw new RobotsDisallowedError(url, { reason: decision.reason });
    return decision;
  }

  /** Forget one origin (or everything). */
  clear(origin?: string): void {
    if (origin) this.entries.delete(new URL(origin).origin);
    else this.entries.clear();
  }

  private async entryFor(origin: string): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached && cached.expires > this.now()) return cached;
    const pending = this.inflight.get(origin);
    if (pending) return pending;
    const p = this.load(origin, cached ?? null).finally(() => this.inflight.delete(origin));
    this.inflight.set(origin, p);
    return p;
  }

  private async load(origin: string, stale: Entry | null): Promise<Entry> {
    const robotsUrl = `${origin}/robots.txt`;
    let entry: Entry;
    try {
      const res = await this.fetcher(robotsUrl, {
        userAgent: this.userAgent,
        allowPrivateAddresses: this.allowPrivate,
        timeoutMs: this.timeoutMs,
        maxBytes: this.maxBytes,
        acceptContentTypes: [],
        maxRedirects: 5,
      });
      const text = new TextDecoder('utf-8').decode(res.body);
      entry = { expires: this.now() + this.ttlMs, robot: robotsParser(robotsUrl, text), allowAll: true, reason: null };
    } catch (err) {
      entry = this.entryForFailure(err, robotsUrl, stale);
    }
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    return entry;
  }

  private entryForFailure(err: unknown, robotsUrl: string, stale: Entry | null): Entry {
    const now = this.now();
    if (err instanceof FetchError && err.status !== null && err.status >= 400 && err.status < 500 && err.status !== 429) {
      return { expires: now + this.ttlMs, robot: null, allowAll: true, reason: `robots.txt HTTP ${err.status}: all allowed` };
    }
    if (err instanceof TooLargeError) {
      return { expires: now + this.ttlMs, robot: null, allowAll: true, reason: 'robots.txt larger than the limit: all allowed' };
    }
    if (err instanceof GleanerError && err.code === 'E_BLOCKED_ADDRESS') throw err;
    const unreachable = err instanceof FetchError && UNREACHABLE_CODES.has(err.code) ? err : null;
    const why =
      err instanceof FetchError && err.status
        ? `HTTP ${err.status}`
        : unreachable
          ? unreachable.message
          : err instanceof GleanerError
            ? err.code
            : errorMessage(err);
    if (stale?.robot) return { ...stale, expires: now + this.errorTtlMs, reason: `robots.txt ${why}: using the last good copy` };
    const retryAfter = err instanceof FetchError && err.retryAfterMs ? err.retryAfterMs : 0;
    return {
      expires: now + Math.max(this.errorTtlMs, retryAfter),
      robot: null,
      allowAll: false,
      failure: unreachable,
      // keep the word "unavailable": src/queue/steps.ts retries these instead of failing the job
      reason: `robots.txt unavailable (${why}) at ${robotsUrl}: host disallowed for now`,
    };
  }
}
