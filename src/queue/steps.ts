// The ingestion steps, shared by the queue workers and the in-process `gleaner ingest`:
//   fetchPage   robots → politeness → fetch → raw bytes into the store (returns the hash)
//   processRaw  raw bytes → processDocument (clean + extract) → store.upsert   (process-step.ts,
//               kept apart so that the I/O workers never load the NLP code)
//   pollFeed    conditional GET → parse → new items (not seen by id or URL), newest first, at
//               most feedMaxNewItems per poll → onItem
// The queue adapters (workers/*.ts) and ingest-local.ts only decide how waiting and retrying
// happen; the steps are the same.
import { BinaryContentError, FetchError, GleanerError, RobotsDisallowedError, errorMessage } from '../errors.js';
import { sniffBinary } from '../text/binary.js';
import { fetchUrl, type FetchOptions, type FetchResult } from '../fetch/fetch.js';
import type { RobotsCache } from '../fetch/robots.js';
import { assertHostAllowed } from '../fetch/address-guard.js';
import type { Logger } from '../log.js';
import type { FeedState, Store } from '../store/types.js';
import { canonicalJobUrl } from './job-ids.js';
import { sha256Hex } from '../text/hash.js';

/** A slot this job booked earlier at the host gate (kept in the job's data while it is parked). */
export interface SlotHold {
  host: string;
  /** Epoch ms of the booked slot. */
  at: number;
}

/** How a step waits for a host: the queue parks the job, the in-process ingest sleeps. */
export interface Politeness {
  /**
   * Resolves when a request to `host` may start; `gapMs` is the minimum gap after it. `hold` is a
   * slot booked by an earlier call for the same job (queue only).
   */
  acquire(host: string, gapMs: number, hold?: SlotHold | null): Promise<void>;
  /**
   * The request `acquire` let through has ended (answered or failed): the next one to `host` waits
   * the gap from now. Optional: without it the gap runs from the request's start.
   */
  release?(host: string, gapMs: number): Promise<void>;
  /** The host asked us to stay away for `ms` (429/503 Retry-After). */
  pushBack(host: string, ms: number): Promise<void>;
}

export interface StepContext {
  store: Store;
  robots: RobotsCache;
  politeness: Politeness;
  /** Minimum gap between two requests to one host; robots Crawl-delay raises it, never lowers. */
  politenessMs: number;
  fetchOptions: Partial<FetchOptions>;
  logger?: Logger;
  /**
   * New items one feed poll hands on, newest first (config.feedMaxNewItems): a feed with 100,000
   * items must not book 100,000 fetches at once (Redis memory, a day of one host's politeness).
   */
  feedMaxNewItems: number;
}

export function hostOf(url: string): string {
  return new URL(url).host.toLowerCase();
}

/** Robots check, politeness and one GET. Errors are typed (GleanerError) with `retryable` set. */
export async function politeFetch(
  ctx: StepContext,
  url: string,
  extra: Partial<FetchOptions> = {},
  hold?: SlotHold | null,
): Promise<FetchResult> {
  // A literal private address is refused before anything else, robots.txt included.
  assertHostAllowed(new URL(url), ctx.fetchOptions.allowPrivateAddresses ?? false);
  const decision = await ctx.robots.check(url);
  if (!decision.allowed) {
    // The host could not be reached at all: say so ("DNS lookup failed for …"), not "robots".
    if (decision.failure) {
      const f = decision.failure;
      throw new FetchError(f.code, f.message.replace(/: [^ ]*\/robots\.txt$/, `: ${url}`), {
        url,
        retryable: f.retryable,
        cause: f,
        context: { robotsUrl: f.context.url },
      });
    }
    // robots.txt itself failing (5xx, timeout) disallows the host for a while: that is worth a retry.
    if (decision.reason && /unavailable/i.test(decision.reason)) {
      throw new GleanerError('E_ROBOTS_UNAVAILABLE', decision.reason, { retryable: true, context: { url } });
    }
    throw new RobotsDisallowedError(url, { reason: decision.reason });
  }
  const host = hostOf(url);
  const gapMs = Math.max(ctx.politenessMs, decision.crawlDelayMs ?? 0);
  await ctx.politeness.acquire(host, gapMs, hold);
  try {
    return await fetchUrl(url, { ...ctx.fetchOptions, ...extra });
  } catch (err) {
    // Retry-After holds the whole host back, for every worker; without one the job's own
    // exponential backoff is enough.
    if (err instanceof FetchError && (err.status === 429 || err.status === 503) && err.retryAfterMs !== null) {
      await ctx.politeness.pushBack(host, err.retryAfterMs);
    }
    throw err;
  } finally {
    // A lost end mark (Redis gone) only leaves the gap counted from the start; never fail the fetch for it.
    await ctx.politeness
      .release?.(host, gapMs)
      .catch((err) => ctx.logger?.warn({ host, err: errorMessage(err) }, 'could not record the end of a request for politeness'));
  }
}

export interface FetchedPage {
  url: string;
  finalUrl: string;
  rawHash: string;
  contentType: string | null;
  fetchedAt: string;
  bytes: number;
  /** HTTP status of the final response. */
  status: number;
}

/** Fetches the page (tracking parameters and fragment dropped) and keeps its raw bytes in the store. */
export async function fetchPage(ctx: StepContext, url: string, hold?: SlotHold | null): Promise<FetchedPage> {
  return keepRaw(ctx, url, await politeFetch(ctx, canonicalJobUrl(url), {}, hold));
}

/** The second half of fetchPage, for a response already in hand: binary bytes are refused, the rest go to the store under their sha256. */
export async function keepRaw(ctx: StepContext, url: string, res: FetchResult): Promise<FetchedPage> {
  // Whatever the Content-Type says (or when there is none): binary bytes never reach the store.
  const verdict = sniffBinary(res.body, res.contentType);
  if (verdict.binary) throw new BinaryContentError(res.url, verdict.reason ?? 'binary', { url, contentType: res.contentType });
  const rawHash = sha256Hex(res.body);
  await ctx.store.putRaw(rawHash, res.body, res.contentType);
  return {
    url,
    finalUrl: res.url,
    rawHash,
    contentType: res.contentType,
    fetchedAt: res.fetchedAt,
    bytes: res.body.byteLength,
    status: res.status,
  };
}

export interface NewFeedItem {
  url: string;
  itemId: string;
  title: string | null;
  publishedAt: string | null;
}

export interface FeedPollResult {
  feedId: string;
  status: number;
  notModified: boolean;
  items: number;
  added: number;
  skipped: number;
  /** Items not looked at because the poll reached its cap: the next poll goes on with them. */
  left: number;
}

/**
 * One poll of a feed. A 304 costs one request and nothing else. New items (not seen by item id,
 * nor by URL in the store) go to `onItem`, and are marked seen once it succeeded.
 */
export async function pollFeed(
  ctx: StepContext,
  feed: FeedState,
  onItem: (item: NewFeedItem) => Promise<void>,
  hold?: SlotHold | null,
): Promise<FeedPollResult> {
  const { parseFeed } = await import('../feed/index.js');
  const polledAt = new Date().toISOString();
  let res: FetchResult;
  try {
    res = await politeFetch(ctx, feed.url, { etag: feed.etag, lastModified: feed.lastModified }, hold);
  } catch (err) {
    if (err instanceof GleanerError)
      await ctx.store.saveFeed({ ...feed, lastPolledAt: polledAt, lastStatus: err instanceof FetchError ? err.status : null });
    throw err;
  }
  if (res.notModified) {
    await ctx.store.saveFeed({ ...feed, lastPolledAt: polledAt, lastStatus: 304 });
    return { feedId: feed.id, status: 304, notModified: true, items: 0, added: 0, skipped: 0, left: 0 };
  }
  const parsed = parseFeed(res.body, { url: res.url, contentType: res.contentType });
  let added = 0;
  let skipped = 0;
  // Items past the cap are not marked seen: the next poll finds them again (newest first, after these).
  const left = await takeNewest(parsed.items, ctx.feedMaxNewItems, async (item) => {
    const url = itemUrl(item, res.url);
    if (!url) {
      skipped++;
      return false;
    }
    const itemId = String(item.id ?? url);
    if ((await ctx.store.hasFeedItem(feed.url, itemId)) || (await ctx.store.hasUrl(url))) {
      skipped++;
      return false;
    }
    await onItem({ url, itemId, title: item.title ?? null, publishedAt: item.publishedAt ?? null });
    await ctx.store.markFeedItem(feed.url, itemId, url);
    added++;
    return true;
  });
  await ctx.store.saveFeed({
    ...feed,
    // With items left over, no validators: the next poll must get the whole feed, not a 304.
    etag: left ? null : res.etag,
    lastModified: left ? null : res.lastModified,
    lastPolledAt: polledAt,
    lastStatus: res.status,
    title: feed.title ?? parsed.title ?? null,
  });
  return { feedId: feed.id, status: res.status, notModified: false, items: parsed.items.length, added, skipped, left };
}

/**
 * Items newest first: dated items by date (latest first), then undated ones in feed order (feeds
 * list newest first by convention). A stable order, so a capped poll goes on where it stopped.
 */
function newestFirst<T extends { publishedAt?: string | null }>(items: T[]): T[] {
  const keyed = items.map((it, i) => ({ it, i, t: it.publishedAt ? Date.parse(it.publishedAt) : Number.NaN }));
  const dated = keyed.filter((x) => !Number.isNaN(x.t)).sort((a, b) => b.t - a.t || a.i - b.i);
  const undated = keyed.filter((x) => Number.isNaN(x.t));
  return [...dated, ...undated].map((x) => x.it);
}

/**
 * The per-poll cap on new feed items (GLEANER_FEED_MAX_ITEMS): hands the items to `take` newest
 * first until `cap` of them were taken (`take` says whether it took one: new, not seen before),
 * and returns how many were left without a look.
 */
export async function takeNewest<T extends { publishedAt?: string | null }>(
  items: T[],
  cap: number,
  take: (item: T) => Promise<boolean>,
): Promise<number> {
  const ordered = newestFirst(items);
  let taken = 0;
  for (const [i, item] of ordered.entries()) {
    if (taken >= cap) return ordered.length - i;
    if (await take(item)) taken++;
  }
  return 0;
}

function itemUrl(item: { url?: string | null }, base: string): string | null {
  const raw = item.url ?? null;
  if (!raw) return null;
  try {
    const u = new URL(raw, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? canonicalJobUrl(u.toString()) : null;
  } catch {
    return null;
  }
}

/** True when another attempt may succeed (timeouts, 5xx, 429, network, store hiccups). */
export function isRetryable(err: unknown): boolean {
  if (err instanceof GleanerError) return err.retryable;
  return true; // unknown failures get the benefit of the doubt; attempts are bounded
}

/** A one-line reason for logs and `gleaner status`: "E_ROBOTS: robots.txt disallows …". */
export function failureReason(err: unknown): string {
  if (err instanceof GleanerError) {
    const why = typeof err.context.reason === 'string' && !err.message.includes(err.context.reason) ? ` (${err.context.reason})` : '';
    return `${err.code}: ${err.message}${why}`;
  }
  return err instanceof Error ? err.message : String(err);
}
