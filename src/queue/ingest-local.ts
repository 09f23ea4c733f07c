// The same pipeline as the workers, in one process and without Redis (`gleaner ingest`): the same
// steps (steps.ts), with politeness kept in memory and retries done in a loop instead of by BullMQ.
import type { Config } from '../config.js';
import { FetchError, GleanerError } from '../errors.js';
import { fetchUrl, type FetchOptions, type FetchResult } from '../fetch/fetch.js';
import { RobotsCache } from '../fetch/robots.js';
import type { Logger } from '../log.js';
import type { GleanerRecord } from '../record/schema.js';
import type { Store, UpsertResult } from '../store/types.js';
import { ATTEMPTS } from './queues.js';
import { canonicalJobUrl } from './job-ids.js';
import { failureReason, fetchPage, isRetryable, keepRaw, politeFetch, takeNewest, type Politeness, type StepContext } from './steps.js';
import { processRaw } from './process-step.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Per-host politeness within one process: the next allowed start time per host. */
export function memoryPoliteness(): Politeness {
  const nextAt = new Map<string, number>();
  return {
    async acquire(host, gapMs) {
      for (;;) {
        const wait = (nextAt.get(host) ?? 0) - Date.now();
        if (wait <= 0) break;
        await sleep(wait);
      }
      nextAt.set(host, Date.now() + gapMs);
    },
    async release(host, gapMs) {
      nextAt.set(host, Math.max(nextAt.get(host) ?? 0, Date.now() + gapMs));
    },
    async pushBack(host, ms) {
      nextAt.set(host, Math.max(nextAt.get(host) ?? 0, Date.now() + ms));
    },
  };
}

export interface IngestEvent {
  target: string;
  url: string;
  /** 'record' = stored; 'skipped' = feed item seen before; 'failed' = see error. */
  kind: 'record' | 'skipped' | 'failed' | 'feed';
  record?: GleanerRecord;
  upsert?: UpsertResult;
  error?: string;
  items?: number;
  /** For 'feed': items left for a later run because of the per-poll cap. */
  left?: number;
}

export interface IngestLocalOptions {
  store: Store;
  config: Pick<Config, 'userAgent' | 'allowPrivateAddresses' | 'politenessMs' | 'backoffMs' | 'feedMaxNewItems'>;
  fetchOptions?: Partial<FetchOptions>;
  /** Tries per URL (default: the fetch queue's attempts). */
  attempts?: number;
  logger?: Logger;
  onEvent(event: IngestEvent): Promise<void> | void;
}

/** Fetches, cleans, extracts and stores each target; a feed URL brings in its new items. */
export async function ingestLocal(
  targets: string[],
  opts: IngestLocalOptions,
): Promise<{ stored: number; skipped: number; failed: number }> {
  const { parseFeed, looksLikeFeed } = await import('../feed/index.js');
  const fetchOptions: Partial<FetchOptions> = {
    userAgent: opts.config.userAgent,
    allowPrivateAddresses: opts.config.allowPrivateAddresses,
    ...opts.fetchOptions,
  };
  const ctx: StepContext = {
    store: opts.store,
    robots: new RobotsCache({
      userAgent: opts.config.userAgent,
      allowPrivateAddresses: opts.config.allowPrivateAddresses,
      fetch: fetchUrl,
    }),
    politeness: memoryPoliteness(),
    politenessMs: opts.config.politenessMs,
    feedMaxNewItems: opts.config.feedMaxNewItems,
    fetchOptions,
    logger: opts.logger,
  };
  const attempts = opts.attempts ?? ATTEMPTS.fetch;
  const totals = { stored: 0, skipped: 0, failed: 0 };

  async function withRetries<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (attempt >= attempts || !isRetryable(err)) throw err;
        const backoff = opts.config.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() * 0.5);
        const retryAfter = err instanceof FetchError ? (err.retryAfterMs ?? 0) : 0;
        await sleep(Math.max(backoff, retryAfter));
      }
    }
  }

  // The queue's two steps, in a row: fetchPage (robots, politeness, fetch, raw bytes into the
  // store), then processRaw (stored bytes → record → upsert).
  async function article(
    target: string,
    url: string,
    feed?: { feedUrl: string; itemId: string; publishedAt: string | null },
    prefetched?: FetchResult,
  ) {
    try {
      const page = prefetched ? await keepRaw(ctx, url, prefetched) : await withRetries(() => fetchPage(ctx, url));
      const { record, result: upsert } = await withRetries(() =>
        processRaw(opts.store, {
          ...page,
          feedUrl: feed?.feedUrl ?? null,
          feedItemId: feed?.itemId ?? null,
          publishedAt: feed?.publishedAt ?? null,
        }),
      );
      if (feed) await opts.store.markFeedItem(feed.feedUrl, feed.itemId, url);
      totals.stored++;
      await opts.onEvent({ target, url, kind: 'record', record, upsert });
    } catch (err) {
      totals.failed++;
      await opts.onEvent({ target, url, kind: 'failed', error: failureReason(err) });
    }
  }

  for (const target of targets) {
    let res;
    // the same URL the queue would use (and the same feed key as `feeds add`)
    const targetUrl = canonicalJobUrl(target);
    try {
      res = await withRetries(() => politeFetch(ctx, targetUrl));
    } catch (err) {
      totals.failed++;
      await opts.onEvent({ target, url: target, kind: 'failed', error: failureReason(err) });
      continue;
    }
    if (!looksLikeFeed(res.body, res.contentType)) {
      await article(target, targetUrl, undefined, res);
      continue;
    }
    let feed;
    try {
      feed = parseFeed(res.body, { url: res.url, contentType: res.contentType });
    } catch (err) {
      totals.failed++;
      await opts.onEvent({
        target,
        url: target,
        kind: 'failed',
        error: failureReason(err instanceof GleanerError ? err : new Error(String(err))),
      });
      continue;
    }
    const pending: Array<{ url: string; itemId: string; publishedAt: string | null }> = [];
    const left = await takeNewest(feed.items, ctx.feedMaxNewItems, async (item) => {
      if (!item.url) return false;
      const url = canonicalJobUrl(item.url);
      const itemId = String(item.id ?? url);
      if ((await opts.store.hasFeedItem(targetUrl, itemId)) || (await opts.store.hasUrl(url))) {
        totals.skipped++;
        await opts.onEvent({ target, url, kind: 'skipped' });
        return false;
      }
      pending.push({ url, itemId, publishedAt: item.publishedAt ?? null });
      return true;
    });
    await opts.onEvent({ target, url: target, kind: 'feed', items: feed.items.length, left });
    for (const p of pending) await article(target, p.url, { feedUrl: targetUrl, itemId: p.itemId, publishedAt: p.publishedAt });
  }
  return totals;
}
