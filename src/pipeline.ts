// One document through the pure core: clean → extract → record. The CLI, the workers and the tests
// all call this; it does no I/O.
import { clean, type CleanMeta, type CleanOptions } from './clean/index.js';
import { extractWithInfo, type ExtractOptions } from './extract/index.js';
import { GleanerRecord, type Provenance } from './record/schema.js';
import { PIPELINE_VERSION } from './version.js';
import { contentHash, sha256Hex } from './text/hash.js';
import { countWords } from './text/words.js';

export interface ProcessOptions {
  clean?: CleanOptions;
  extract?: ExtractOptions;
  provenance?: Partial<Omit<Provenance, 'pipelineVersion' | 'contentHash'>>;
  /** Filled in with the seconds each stage took (for metrics), when given. */
  timings?: StageTimings;
}

export interface StageTimings {
  clean?: number;
  extract?: number;
  store?: number;
}

/** Seconds since `start` (a performance.now() value). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

export function processDocument(input: string | Uint8Array, meta: CleanMeta = {}, opts: ProcessOptions = {}): GleanerRecord {
  let t = performance.now();
  const article = clean(input, meta, opts.clean);
  if (opts.timings) opts.timings.clean = secondsSince(t);
  t = performance.now();
  const { entities, truncated, extraction } = extractWithInfo(article, opts.extract);
  if (opts.timings) opts.timings.extract = secondsSince(t);
  article.language = extraction.language;
  if (truncated) article.flags = { ...article.flags, truncated: true };
  article.wordCount ??= countWords(article.text);
  const record: GleanerRecord = {
    ...article,
    entities,
    extraction,
    provenance: {
      ...opts.provenance,
      rawHash: opts.provenance?.rawHash ?? (typeof input === 'string' ? null : sha256Hex(input)),
      contentHash: contentHash(article.text),
      pipelineVersion: PIPELINE_VERSION,
    },
  };
  return GleanerRecord.parse(record);
}
