// clean(input, meta) → Article. Pure: no I/O. Decides HTML vs plain text and hands over to the
// matching cleaner. Bytes are decoded here (charset from BOM / HTTP header / <meta>), once, after a
// check that they are text at all (binary input is an E_BINARY error, never a record).
import type { Article } from '../record/schema.js';
import { BinaryContentError } from '../errors.js';
import { decodeInput } from '../text/decode.js';
import { isZonelessTimestamp } from '../text/datetime.js';
import { sniffBinary, sniffBinaryText } from '../text/binary.js';
import { cleanHtml } from './html.js';
import type { BugReporter } from './bugs.js';
import { cleanText } from './text.js';
import { DEFAULT_CLEAN_LIMITS, type CleanLimits } from './limits.js';

export interface CleanMeta {
  /** Where the page came from (used for canonical URL resolution and as the record's url). */
  url?: string | null;
  /** Overrides any date found in the page. */
  publishedAt?: string | null;
  /** The HTTP Content-Type, when fetched (carries the charset). */
  contentType?: string | null;
  /** Treat the input as plain text even if it looks like HTML. */
  isText?: boolean;
  /** A file name hint: .html/.htm selects HTML. */
  fileName?: string | null;
}

export interface CleanOptions {
  limits?: Partial<CleanLimits>;
  /** Where a bug in a best-effort part (metadata) is reported; the article is kept. Default: stderr. */
  onBug?: BugReporter;
}

/** True when the start of the document looks like HTML markup. */
export function sniffHtml(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return (
    /^(<!doctype html|<html|<head|<body|<!--|<meta|<title|<div|<article|<p[\s>])/.test(head) ||
    (/<(html|body|article|div|p)[\s>]/.test(head) && /<\/(p|div|body|html)>/.test(text.slice(0, 65536).toLowerCase()))
  );
}

/**
 * Throws BinaryContentError (E_BINARY) when the input is not text at all, whatever its name or
 * Content-Type says (rules and thresholds in src/text/binary.ts). Only the first `maxBytes` count.
 */
export function assertText(
  input: string | Uint8Array,
  meta: Pick<CleanMeta, 'url' | 'contentType'> = {},
  maxBytes = DEFAULT_CLEAN_LIMITS.maxInputBytes,
): void {
  const verdict =
    typeof input === 'string' ? sniffBinaryText(input.slice(0, maxBytes)) : sniffBinary(input.subarray(0, maxBytes), meta.contentType);
  if (verdict.binary) throw new BinaryContentError(meta.url ?? 'the input', verdict.reason ?? 'binary', { url: meta.url ?? null });
}

export function clean(input: string | Uint8Array, meta: CleanMeta = {}, opts: CleanOptions = {}): Article {
  const limits: CleanLimits = { ...DEFAULT_CLEAN_LIMITS, ...opts.limits };
  assertText(input, meta, limits.maxInputBytes);
  const decoded = decodeInput(input, { contentType: meta.contentType ?? null, maxBytes: limits.maxInputBytes });
  const byName = meta.fileName ? /\.x?html?$/i.test(meta.fileName) : false;
  const isHtml = !meta.isText && (byName || sniffHtml(decoded.text));
  const article = isHtml ? cleanHtml(decoded.text, meta, limits, opts.onBug) : cleanText(decoded.text, meta, limits);
  if (decoded.truncated) article.flags = { ...article.flags, truncated: true };
  if (meta.publishedAt) article.publishedAt = meta.publishedAt;
  // A time of day without a zone is never to be read as UTC: say that the zone is unknown.
  if (article.publishedAt && isZonelessTimestamp(article.publishedAt)) article.flags = { ...article.flags, publishedZoneUnknown: true };
  return article;
}
