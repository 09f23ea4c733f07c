// The CPU step: stored raw bytes → processDocument (clean + extract) → store.upsert. It lives apart
// from steps.ts so that the feed/fetch side (main thread) never loads cheerio and compromise; the
// process worker runs it in a sandboxed worker thread.
import { NotArticleError, StoreError } from '../errors.js';
import { looksLikeFeed } from '../feed/index.js';
import { processDocument, secondsSince, type StageTimings } from '../pipeline.js';
import { sha256Hex } from '../text/hash.js';
import type { GleanerRecord } from '../record/schema.js';
import type { Store, UpsertResult } from '../store/types.js';
import { whyEmpty } from '../clean/empty.js';
import { applyLexicon, type Lexicon } from '../extract/lexicon.js';
import { lexiconFor } from './lexicon-cache.js';

export interface ProcessInput {
  url: string;
  finalUrl: string;
  rawHash: string;
  contentType: string | null;
  fetchedAt: string;
  feedUrl?: string | null;
  feedItemId?: string | null;
  /** The feed item's date: used when the page itself names none. */
  publishedAt?: string | null;
  /** `gleaner reprocess`: the stored record made again (same text: replaced in place, no new revision). */
  reprocess?: { recordId: string };
}

/** Turns stored raw bytes into a record and upserts it. CPU-bound: the queue runs it in a worker thread. */
export async function processRaw(
  store: Store,
  input: ProcessInput,
): Promise<{ record: GleanerRecord; result: UpsertResult; timings: StageTimings }> {
  const raw = await store.getRaw(input.rawHash);
  if (!raw) throw new StoreError(`raw page ${input.rawHash} is missing from the store`, { url: input.url, rawHash: input.rawHash });
  const timings: StageTimings = {};
  const extracted = recordFromBytes(raw.body, { ...input, contentType: raw.contentType ?? input.contentType }, null, timings);
  // Reviewers' corrections: the job's record has them applied. The store is given the extraction
  // as it came out (it applies the same lexicon on upsert and keeps the uncorrected entities, so
  // that undoing a correction can restore what extraction found).
  const record = { ...extracted, entities: applyLexicon(extracted.entities, await lexiconFor(store)).entities };
  const t = performance.now();
  const result = input.reprocess ? await store.refresh(input.reprocess.recordId, extracted) : await store.upsert(extracted);
  timings.store = secondsSince(t);
  return { record, result, timings };
}

/** The pure part of processRaw: clean + extract, with the article checks. */
export function recordFromBytes(
  body: Uint8Array,
  input: Omit<ProcessInput, 'rawHash'> & { rawHash?: string },
  lexicon?: Lexicon | null,
  timings?: StageTimings,
): GleanerRecord {
  if (looksLikeFeed(body, input.contentType)) {
    throw new NotArticleError(`${input.url} is a feed, not an article (add it with 'gleaner feeds add')`, { url: input.url });
  }
  const record = processDocument(
    body,
    { url: input.finalUrl || input.url, contentType: input.contentType },
    {
      provenance: {
        feedUrl: input.feedUrl ?? null,
        feedItemId: input.feedItemId ?? null,
        fetchedAt: input.fetchedAt,
        rawHash: input.rawHash ?? sha256Hex(body),
      },
      extract: { lexicon },
      timings,
    },
  );
  if (record.flags?.empty || record.text.trim() === '') {
    throw new NotArticleError(`no article text found at ${input.url}${whyEmpty(record.flags)}`, { url: input.url });
  }
  if (!record.publishedAt && input.publishedAt) record.publishedAt = input.publishedAt;
  return record;
}
