// HTML → Article. Metadata is read first (JSON-LD lives in <script>), then the body is extracted from
// the page with boilerplate pruned (content-extract.ts). A relaxed second pass and the JSON-LD
// articleBody are fallbacks; consent walls and paywall teasers are flagged, never returned as articles.
// cheerio/slim: the htmlparser2 build, without parse5 and undici (half the import time of the CLI).
import * as cheerio from 'cheerio/slim';
import { GleanerError, NotArticleError } from '../errors.js';
import type { Article, QualityFlags } from '../record/schema.js';
import { PAYWALL_TEXT, consentPhraseCount } from './phrases.js';
import type { CleanMeta } from './index.js';
import { reportBugToStderr, type BugReporter } from './bugs.js';
import { indexDom, ownString } from './body/dom.js';
import { guardMarkup } from './body/guard.js';
import { extractBody, type BodyResult } from './body/extract.js';
import { readJsonLdBody } from './body/jsonld.js';
import { densestBlock } from './body/fallback.js';
import type { CleanLimits } from './limits.js';
import { extractMetadata, pageScripts, type PageMetadata } from './metadata/index.js';
import { cleanByline, splitAuthors } from './metadata/byline.js';
import { dateFromText } from './metadata/dates.js';
import { titleFromBody } from './title-body.js';

/** Below this many characters a first-pass body is suspect and the relaxed pass is tried. */
const SHORT_BODY = 250;
/** The longest body that can still be a consent banner (judged by its phrases). */
const CONSENT_BANNER_MAX = 1200;
/** A body this short on a page with paywall markers is a teaser. */
const PAYWALL_TEASER_MAX = 1500;

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n|\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function bodyLength(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.length;
  return n;
}

const NO_METADATA: PageMetadata = {
  title: null,
  byline: null,
  authors: [],
  siteName: null,
  publishedAt: null,
  modifiedAt: null,
  language: null,
  canonicalUrl: null,
  description: null,
};

/**
 * Metadata is best-effort: a failure there (hostile markup) must not lose the article body. A
 * GleanerError is an expected refusal; any other exception is a bug in our code, reported to `onBug`
 * (never swallowed) before the body goes on without metadata.
 */
export function readMetadata($: cheerio.CheerioAPI, url: string | null, onBug: BugReporter = reportBugToStderr): PageMetadata {
  try {
    return extractMetadata($, url);
  } catch (err) {
    if (!(err instanceof GleanerError)) onBug(err, { stage: 'clean/metadata', url });
    return NO_METADATA;
  }
}

/** Share of control / replacement characters above which the input is binary, not a page. */
const BINARY_SHARE = 0.1;

/** True when the start of the input is mostly U+FFFD or C0 controls (an image, a zip, random bytes). */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return bad / n > BINARY_SHARE;
}

export function cleanHtml(html: string, meta: CleanMeta, limits: CleanLimits, onBug: BugReporter = reportBugToStderr): Article {
  if (looksBinary(html)) throw new NotArticleError('input is binary, not HTML', { url: meta.url ?? null });
  const flags: QualityFlags = {};
  const guarded = guardMarkup(html, limits.maxElements, limits.maxDomDepth);
  if (guarded.cutElements || guarded.flattened) flags.truncated = true;
  const capped = guarded.html;
  // htmlparser2 (not parse5): about 5x faster, and lenient enough for article markup.
  const $ = cheerio.load(capped, { xml: { xmlMode: false, decodeEntities: true } });
  const md = readMetadata($, meta.url ?? null, onBug);
  // The <script>s come from metadata's tag index (no second walk); only when the markup has JSON-LD at all.
  const ld = capped.includes('application/ld+json')
    ? readJsonLdBody(pageScripts($), limits.maxJsonLdChars)
    : { articleBody: null, accessibleForFree: null };
  const root = $.root()[0];
  const dom = indexDom(root, limits.maxDomDepth);
  if (dom.flattened) flags.truncated = true;

  const opts = { maxDepth: limits.maxDomDepth, title: md.title, byline: md.byline };
  let result: BodyResult = extractBody(root, dom, { ...opts, weakRules: true });
  let paragraphs = result.paragraphs;
  if (bodyLength(paragraphs) < SHORT_BODY) {
    const relaxed = extractBody(root, dom, { ...opts, weakRules: false });
    if (bodyLength(relaxed.paragraphs) > bodyLength(paragraphs)) {
      paragraphs = relaxed.paragraphs;
      result = { ...relaxed, consentFound: result.consentFound || relaxed.consentFound };
    }
  }
  // JSON-LD articleBody: the last resort, or the full text behind a teaser.
  const ldParas = ld.articleBody ? splitParagraphs(ld.articleBody) : [];
  const ldLen = bodyLength(ldParas);
  if (ldLen >= SHORT_BODY && bodyLength(paragraphs) < Math.min(ldLen / 2, 1000)) paragraphs = ldParas;

  // Nothing (or a line) from the scored path and JSON-LD: the densest block of running text, found
  // with no class rules, when it holds clearly more.
  let emptyReason: QualityFlags['emptyReason'];
  if (bodyLength(paragraphs) < SHORT_BODY) {
    const fb = densestBlock(root, dom, opts);
    if (bodyLength(fb.paragraphs) > 2 * bodyLength(paragraphs)) {
      paragraphs = fb.paragraphs;
      result = { ...result, leadByline: fb.leadByline, leadDate: fb.leadDate };
    }
    if (fb.reason) emptyReason = fb.reason;
  }

  let len = bodyLength(paragraphs);
  const joinedShort = len <= CONSENT_BANNER_MAX ? paragraphs.join(' ') : '';
  // A short body made of consent-banner phrases is the banner (a CMP we did not recognise by class).
  if (len > 0 && len <= CONSENT_BANNER_MAX && consentPhraseCount(joinedShort) >= (result.consentFound ? 2 : 3)) {
    paragraphs = [];
    len = 0;
    flags.consentWall = true;
    emptyReason = 'consent-wall';
  } else if (len < SHORT_BODY && result.consentFound) {
    flags.consentWall = true;
    if (len === 0) emptyReason = 'consent-wall';
  }
  if (
    len > 0 &&
    len <= PAYWALL_TEASER_MAX &&
    (result.paywallFound ||
      ld.accessibleForFree === false ||
      result.pageBlocks.some((b) => b.text.length < 400 && PAYWALL_TEXT.test(b.text)))
  ) {
    flags.paywall = true;
  }

  // Caps on the output.
  if (paragraphs.length > limits.maxParagraphs) {
    paragraphs = paragraphs.slice(0, limits.maxParagraphs);
    flags.truncated = true;
  }
  let text = paragraphs.join('\n\n');
  if (text.length > limits.maxTextChars) {
    const cut = text.lastIndexOf('\n\n', limits.maxTextChars);
    text = text.slice(0, cut > 0 ? cut : limits.maxTextChars);
    flags.truncated = true;
  }
  if (!text) {
    flags.empty = true;
    flags.emptyReason = emptyReason ?? 'no-text';
  }

  // A "By …" line at the top of the story names the writer when the page's markup did not.
  const byline = md.byline ?? (result.leadByline ? cleanByline(result.leadByline, { siteNames: md.siteName ? [md.siteName] : [] }) : null);
  // Likewise a date line above the story, when the page carries no dated metadata.
  const publishedAt = md.publishedAt ?? (result.leadDate ? dateFromText(result.leadDate) : null);
  const own = (s: string | null | undefined): string | null => (s ? ownString(s) : null);
  // No real title in the metadata: the heading the article's first lines agree with, if any.
  const title = titleFromBody(md.titleHeadings, paragraphs) ?? md.title;
  const article: Article = {
    url: meta.url ?? null,
    canonicalUrl: own(md.canonicalUrl),
    title: own(title),
    byline: own(byline),
    authors: (md.byline ? md.authors : splitAuthors(byline)).map(ownString),
    siteName: own(md.siteName),
    publishedAt: meta.publishedAt ?? own(publishedAt),
    modifiedAt: own(md.modifiedAt),
    language: own(md.language),
    description: own(md.description),
    text: ownString(text),
  };
  if (Object.keys(flags).length) article.flags = flags;
  return article;
}
