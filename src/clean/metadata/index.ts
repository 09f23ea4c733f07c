// Page metadata from the parsed document, in order of trust: JSON-LD, OpenGraph/meta, the DOM
// (<time>, bylines, <title>/<h1>), then the URL and text near the title. Must run before
// boilerplate removal: JSON-LD lives in <script>, bylines and dates in page chrome.
// Selector and key lists are named tables below, so a change is a reviewable diff.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { dateFromText, dateFromUrl, normalizeDate } from './dates.js';
import { selectAll } from './select.js';
import { guessLanguage } from '../../text/language.js';
import { collectJsonLd, pickArticleNode, type JsonLdArticle } from './jsonld.js';
import { cleanByline, creditedOrganisation, ROLE_WORDS, splitAuthors } from './byline.js';
import { cleanTitle, dropTitleKicker, isSlogan, matchesSiteName } from './title.js';
import { compareKey } from '../../text/fold.js';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  /** The people the byline names; empty when it credits the publication or an agency. */
  authors: string[];
  siteName: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  language: string | null;
  canonicalUrl: string | null;
  description: string | null;
  /**
   * When the page's metadata names no real title (only labels, or only the site): its headings, for
   * the body check to take the one the article's first lines agree with (clean/title-body.ts).
   */
  titleHeadings?: string[];
}

/** Meta keys (name / property / itemprop, lower case) per field, most trusted first. */
export const META_KEYS = {
  title: ['og:title', 'twitter:title', 'sailthru.title', 'parsely-title', 'dc.title', 'dcterms.title', 'title', 'headline'],
  published: [
    'article:published_time',
    'og:article:published_time',
    'article:published',
    'og:published_time',
    'published_time',
    'datepublished',
    'parsely-pub-date',
    'sailthru.date',
    'dc.date.issued',
    'dcterms.issued',
    'dc.date.created',
    'dcterms.created',
    'dc.date',
    'dcterms.date',
    'citation_publication_date',
    'citation_date',
    'article.published',
    'publishdate',
    'publish-date',
    'publish_date',
    'pubdate',
    'publication_date',
    'date',
    'cxenseparse:recs:publishtime',
    'originalpublicationdate',
    'article_date_original',
    'datecreated',
  ],
  modified: ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified', 'lastmod'],
  author: [
    'author',
    'article:author',
    'byl',
    'dc.creator',
    'dcterms.creator',
    'sailthru.author',
    'parsely-author',
    'citation_author',
    'article:author_name',
    'cxenseparse:author',
  ],
  siteName: ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'publisher', 'dc.publisher', 'cxenseparse:site'],
  language: ['content-language', 'og:locale', 'dc.language', 'dcterms.language', 'language', 'inlanguage'],
  description: ['og:description', 'description', 'twitter:description', 'dc.description'],
} as const;

/** DOM places that hold a byline, most specific first. */
export const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  'a[rel~="author"]',
  '[rel~="author"]',
  '.byline__name, .byline-name, .byline_name, .author-name, .author__name, .authorName, .article-author-name',
  '.byline, .by-line, .article-byline, .story-byline, .c-byline, .entry-author, .post-author, .article__byline',
  'address.author, .author, .article-author, .story-author, [class*="byline"], [data-testid*="byline"]',
  // Older templates name it in camel case ("articleByline", "NewsStoriesByLine"); CSS matching is case-sensitive.
  '[class*="Byline"], [class*="ByLine"], [class*="BYLINE"], [id*="byline" i]',
  // Any small element whose class names an author ("authorCredit", "gtv_author", "author-link"), as
  // Readability reads them; last, since author boxes and bios match too (cleanByline refuses sentences).
  'a[class*="author" i], span[class*="author" i], p[class*="author" i], div[class*="author" i], a[href*="/author/"]',
];

/** Elements that hold a byline only when it reads "By …" (older templates: <b class="Dateline">By Jane Doe -- </b>). */
export const BY_PREFIXED_BYLINE_SELECTORS = ['[class*="dateline" i], [id*="dateline" i]'];

/** Containers whose names are not the article's author: comments, teasers, side boxes, quotations. */
export const BYLINE_ELSEWHERE = [
  '.comment, .comments, #comments, [class*="related" i], [class*="recirc"], [class*="promo" i], [class*="teaser" i]',
  '[class*="more-stories"], [class*="recommend" i], [class*="popular" i], [class*="recent" i], [class*="sidebar" i], [id*="sidebar" i]',
  // Side columns of older templates.
  '#secondary, #tertiary, [class*="right-rail"], [class*="rightrail"], [id*="right-rail"], [id*="rightrail"]',
  'blockquote, q, figure, body > footer, #footer, .site-footer, [role="contentinfo"], nav',
].join(', ');

/** DOM places that hold the publication date, most specific first (attributes read: datetime, content, title). */
export const DATE_SELECTORS = [
  'time[pubdate]',
  '[itemprop~="datePublished"]',
  'abbr.published[title], .published[datetime], .published[title], [class*="date-published"][datetime]',
  'time[class*="publish"], [class*="publish"] time, [class*="posted"] time',
  'article header time[datetime], header time[datetime], .article-header time[datetime]',
  'article time[datetime], main time[datetime], [class*="byline"] time[datetime], [class*="date"] time[datetime], time[datetime]',
];

/** Elements whose text may hold a date near the title. */
export const DATE_TEXT_SELECTORS = [
  '[class*="publish"], [class*="dateline"], [class*="post-date"], [class*="article-date"], [class*="entry-date"], [class*="story-date"], [class*="timestamp"]',
  '[class*="date"], [class*="byline"], [class*="meta"], time',
];

/** Text that marks a date as a modification, not the publication. */
const UPDATED_MARK =
  /\b(updated?|modified|edited|last\s+(update|modified)|aktualisiert|mis à jour|actualizad[oa]|atualizad[oa]|aggiornat[oa])\b/i;

const norm = compareKey;

/** A fresh copy of a string, so that it does not pin the page it was cut from (crawlee #3809). */
function detach<T extends string | null>(s: T): T {
  return (s === null ? null : Buffer.from(s, 'utf8').toString('utf8')) as T;
}

function squash(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
  return t || null;
}

/** Elements of the tags metadata reads by name, in document order: one walk instead of a selector query each. */
interface TagIndex {
  meta: Element[];
  script: Element[];
  title: Element[];
  /** <h1> and <h2> together, in document order. */
  headings: Element[];
  h1: Element[];
  p: Element[];
  link: Element[];
  html: Element[];
  body: Element[];
  /** Every element (tags, <script>, <style>), for selector queries (select.ts). */
  all: Element[];
}

const INDEXED_TAGS = new Set(['meta', 'script', 'title', 'h1', 'h2', 'p', 'link', 'html', 'body']);

/** The tag index of a parsed page, built on first use (the page's root node is the key). */
const tagIndexes = new WeakMap<object, TagIndex>();

function tagsOf($: CheerioAPI): TagIndex {
  const root = $.root()[0] as unknown as AnyNode;
  let index = tagIndexes.get(root);
  if (index) return index;
  index = { meta: [], script: [], title: [], headings: [], h1: [], p: [], link: [], html: [], body: [], all: [] };
  // Depth-first in document order, over the same nodes cheerio's selectors visit (tags, <script>, <style>).
  const stack: AnyNode[] = [];
  for (let i = (root.children?.length ?? 0) - 1; i >= 0; i--) stack.push(root.children![i]);
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') continue;
    const name = n.name ?? '';
    index.all.push(n as unknown as Element);
    if (INDEXED_TAGS.has(name)) {
      const el = n as unknown as Element;
      if (name === 'h1' || name === 'h2') index.headings.push(el);
      if (name !== 'h2') index[name as Exclude<keyof TagIndex, 'headings' | 'all'>].push(el);
    }
    const kids = n.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  tagIndexes.set(root, index);
  return index;
}

/** `$(selector)`, screened by the selector's subject over the tag index's element list (select.ts). */
function select($: CheerioAPI, selector: string) {
  return selectAll($, tagsOf($).all, selector);
}

/** The page's <script> elements in document order, from the tag index (built once per page). */
export function pageScripts($: CheerioAPI): readonly Element[] {
  return tagsOf($).script;
}

type ChainNode = { type: string; parent?: ChainNode | null };

/**
 * The element or its nearest ancestor that matches `selector`, as cheerio's closest(selector) —
 * which parses and compiles the selector again at every ancestor it tests. Here the element and its
 * ancestors are filtered in one go (one parse), nearest first.
 */
function closestMatch($: CheerioAPI, el: PageNode, selector: string) {
  const chain: ChainNode[] = [];
  let n = el as unknown as ChainNode | null | undefined;
  if (n && n.type !== 'root' && !isTagNode(n)) n = n.parent;
  for (; n && isTagNode(n); n = n.parent) chain.push(n);
  return $(chain as unknown as Element[])
    .filter(selector)
    .first();
}

/** What cheerio's traversals count as an element: tags, <script> and <style>. */
const isTagNode = (n: ChainNode) => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** Meta tag contents by lower-case key (name, property, itemprop, http-equiv), in document order. */
function readMetaTags($: CheerioAPI): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const el of tagsOf($).meta) {
    const attribs = el.attribs;
    const content = attribs.content ?? attribs.value;
    if (content === undefined) continue;
    // Some CMSs escape twice ("Rock &amp;amp; Roll"): one decode is the parser's, one is ours.
    const value = squash(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.test(content) ? decodeHTML(content) : content);
    if (!value) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const keyAttr = attribs[attr];
      if (!keyAttr) continue;
      for (const key of keyAttr.toLowerCase().split(/\s+/)) {
        if (!key) continue;
        const list = map.get(key) ?? [];
        list.push(value);
        map.set(key, list);
      }
    }
  }
  return map;
}

function firstMeta(meta: Map<string, string[]>, keys: readonly string[], accept: (v: string) => boolean = () => true): string | null {
  for (const k of keys) for (const v of meta.get(k) ?? []) if (accept(v)) return v;
  return null;
}

function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  const h = squash(href);
  if (!h || /^(javascript|data|mailto):/i.test(h)) return null;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    if (!/^https?:$/.test(u.protocol)) return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** "en-US", "en_GB", "pt-br" → "en", "pt"; null for anything that is not a language tag. */
export function normalizeLanguage(raw: string | null | undefined): string | null {
  const t = squash(raw)?.split(/[,;\s]/)[0];
  if (!t) return null;
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i.exec(t);
  if (!m) return null;
  const primary = m[1].toLowerCase();
  return primary === 'und' || primary === 'mul' || primary === 'zxx' ? null : primary;
}

/** The site's name from its host: "www.example-news.co.uk" → "example-news.co.uk". */
export function siteNameFromHost(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^(www\d?|m|amp|mobile)\./, '');
    return host || null;
  } catch {
    return null;
  }
}

/** An element (or selection) of the parsed page, as cheerio's $() takes it. */
type PageNode = Parameters<CheerioAPI>[0];

type AnyNode = { type: string; data?: string; name?: string; children?: AnyNode[] };

/** Tags whose text runs on with its neighbours'. */
const INLINE_TAGS = new Set([
  'a',
  'b',
  'i',
  'em',
  'strong',
  'small',
  'sup',
  'sub',
  'mark',
  'abbr',
  'u',
  's',
  'q',
  'cite',
  'font',
  'bdi',
  'bdo',
  'wbr',
]);

/**
 * The element's text, read only up to `max` characters (script/style skipped). Containers that
 * hold half the page are common matches for [class*="date"] and friends; reading their whole
 * text for each candidate made metadata cost seconds on some pages.
 */
function boundedText(el: unknown, max: number): string {
  let out = '';
  // An empty selection (no <body> in a binary or fragment input) gives no node: no text.
  const stack: AnyNode[] = el ? [el as AnyNode] : [];
  while (stack.length && out.length <= max) {
    const n = stack.pop()!;
    if (!n) continue;
    if (n.type === 'text') out += n.data ?? '';
    else if (n.type === 'space') out += ' ';
    else if (n.children && n.name !== 'script' && n.name !== 'style' && n.name !== 'noscript') {
      // Adjacent elements are separate words ("<span>Chidi Eze</span><span>BBC News</span>"),
      // except for inline formatting inside a word or phrase.
      const spaced = !INLINE_TAGS.has(n.name ?? '');
      if (spaced) stack.push({ type: 'space' });
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      if (spaced) out += ' ';
    }
  }
  return out.length > max ? out.slice(0, max) : out;
}

/** Squashed text of an element, capped at `max` characters (default 400). */
function textOf(_$: CheerioAPI, el: unknown, max = 400): string {
  const $el = el as { 0?: unknown; type?: string };
  const node = $el && typeof $el === 'object' && 'type' in $el && $el.type ? $el : ($el as { 0?: unknown })[0];
  return squash(boundedText(node, max)) ?? '';
}

function h1Texts($: CheerioAPI): string[] {
  const out: string[] = [];
  for (const el of tagsOf($).h1) {
    const t = textOf($, el);
    if (t && t.length <= 300) out.push(t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fields

/** Elements that mark the article's headline, best first; a lone <h1> is the fallback. */
export const HEADLINE_SELECTORS = [
  '[itemprop~="headline"]',
  'article h1',
  'main h1, [role="main"] h1',
  'h1[class*="title"], h1[class*="headline"], h1[class*="heading"], [class*="headline"] h1, [class*="article-title"] h1, [class*="entry-title"]',
  // Blog templates (Blogger, old WordPress themes) put the post title in an <h2>/<h3>.
  'h2.post-title, h3.post-title, h2.entry-title, h3.entry-title, h2.title, .post h2, .post h3',
];

const words = (s: string) =>
  norm(s)
    .split(' ')
    .filter((w) => w.length > 1 || /\d/.test(w));

/** Share of `a`'s words that also occur in `b`. */
function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = new Set(words(b));
  return wa.length ? wa.filter((w) => wb.has(w)).length / wa.length : 0;
}

/** Page chrome whose headings are not the article's. */
const HEADLINE_ELSEWHERE = 'nav, footer, aside, [class*="related"], [class*="sidebar"], [class*="promo"]';

/** The visible headline: a marked headline element, or the page's only <h1>; null when none is credible. */
function visibleHeadline($: CheerioAPI, siteNames: string[]): string | null {
  const credible = (t: string) => t.length >= 8 && t.length <= 300 && words(t).length >= 2 && !siteNames.some((n) => norm(n) === norm(t));
  for (const sel of HEADLINE_SELECTORS) {
    // The first match outside page chrome (matches after it are not looked at).
    let el: unknown = null;
    select($, sel).each((_, e) => {
      if (closestMatch($, e, HEADLINE_ELSEWHERE).length) return undefined;
      el = e;
      return false;
    });
    if (!el) continue;
    const t = textOf($, el);
    if (credible(t)) return t;
  }
  const h1s = tagsOf($).h1.filter((e) => !!textOf($, e));
  if (h1s.length === 1) {
    const t = textOf($, h1s[0]);
    if (credible(t)) return t;
  }
  return null;
}

/** Headings offered to the body check when the page's metadata gives no real title. */
export const TITLE_HEADINGS = {
  /** Headings looked at, in document order. */
  maxHeadings: 40,
  minWords: 3,
} as const;

/** The page's <h1>–<h3> texts outside page chrome, of three words or more, in document order. */
function candidateHeadings($: CheerioAPI, usable: (t: string) => boolean): string[] {
  const out: string[] = [];
  let seen = 0;
  for (const el of select($, 'h1, h2, h3')) {
    if (++seen > TITLE_HEADINGS.maxHeadings) break;
    const t = textOf($, el, 300);
    if (!t || words(t).length < TITLE_HEADINGS.minWords || !usable(t) || out.includes(t)) continue;
    if (!closestMatch($, el, HEADLINE_ELSEWHERE).length) out.push(t);
  }
  return out;
}

/**
 * Title candidates and their weights: what each source is worth in the vote. Meta titles are what
 * the publisher calls the article; the visible headline counts too, but a section heading or a
 * rewritten <h1> must not outvote two meta titles that agree.
 */
export const TITLE_SOURCE_WEIGHTS = {
  jsonLd: 3,
  ogTitle: 2,
  docTitle: 2,
  twitterTitle: 1.5,
  otherMeta: 1.5,
  headline: 1.5,
} as const;

/** A one- or two-word candidate's vote is worth this share of its source's weight. */
const SHORT_TITLE_FACTOR = 0.25;

/** Headings of side boxes and page chrome: never the article's title. */
export const GENERIC_HEADINGS =
  /^(related( (articles|stories|news|content|posts|links))?|more (news|stories|headlines)|most (popular|read|viewed|shared)|top stories|latest( news| headlines)?|trending( now)?|recommended( for you)?|you (may|might) also like|advertisement|sponsored|newsletter|sign up|subscribe|comments?|share( this)?|search|menu|navigation|breaking news|home( ?page)?|news|headlines|photos?|videos?|weather|sports?|business|opinion|world|local|entertainment|lifestyle|photo (gallery|galleries)|video (gallery|galleries)|galleries|gallery|page not found|404|error)$/i;

interface TitleCandidate {
  text: string;
  weight: number;
  /** From a heading on the page, not from the page's metadata. */
  heading?: boolean;
}

/** How much two titles agree: 1 equal, 0.8 one contains the other, else shared words. */
function titleAgreement(a: string, b: string): number {
  const [na, nb] = [norm(a), norm(b)];
  if (!na || !nb) return 0;
  if (na === nb) return 1;
  const [short, long] = na.length < nb.length ? [na, nb] : [nb, na];
  if (long.includes(short) && short.length >= 0.5 * long.length) return 0.8;
  const o = Math.min(overlap(a, b), overlap(b, a));
  return o >= 0.6 ? 0.6 * o : 0;
}

function findTitle(
  $: CheerioAPI,
  meta: Map<string, string[]>,
  ld: JsonLdArticle | null,
  siteNames: string[],
): { title: string | null; suffix: string | null; headings?: string[] } {
  const shown = visibleHeadline($, siteNames);
  // The headlines shown on the page decide which part of a "Site | Headline" title is the headline.
  const h1s = shown ? [...h1Texts($), shown] : h1Texts($);
  const titles = tagsOf($).title;
  const headTitle = titles.find((el) => el.parent?.type === 'tag' && (el.parent as Element).name === 'head');
  const docTitle = (headTitle ? squash($(headTitle).text()) : null) ?? (titles.length ? squash($(titles[0]).text()) : null);
  // Each distinct candidate is cleaned once (the <title> is often the og:title too).
  const cleaned = new Map<string, ReturnType<typeof cleanTitle>>();
  const cleanOnce = (text: string) => {
    let c = cleaned.get(text);
    if (!c) cleaned.set(text, (c = cleanTitle(text, { siteNames, h1s })));
    return c;
  };
  const suffix = docTitle ? cleanOnce(docTitle).suffix : null;
  const raw: Array<[string | null | undefined, number]> = [[ld?.headline, TITLE_SOURCE_WEIGHTS.jsonLd]];
  for (const k of META_KEYS.title) {
    const w =
      k === 'og:title'
        ? TITLE_SOURCE_WEIGHTS.ogTitle
        : k === 'twitter:title'
          ? TITLE_SOURCE_WEIGHTS.twitterTitle
          : TITLE_SOURCE_WEIGHTS.otherMeta;
    for (const v of meta.get(k) ?? []) raw.push([v, w]);
  }
  raw.push([docTitle, TITLE_SOURCE_WEIGHTS.docTitle]);
  // A candidate that is only the site's name ("og:title" = "Example News" on some CMSs) or a side
  // box's heading says nothing about the article.
  // A site's slogan about itself ("The Valley's Leading News Source") neither. (A tab that lists the
  // site's sections stays a candidate: it is what the browser tab, and Readability, show.)
  const usable = (t: string) => !!t && !siteNames.some((n) => norm(n) === norm(t)) && !GENERIC_HEADINGS.test(t.trim()) && !isSlogan(t);
  // One or two words ("Post", "Asia-Pacific") is a label more often than a headline: a weak vote.
  const strength = (t: string) =>
    words(t).length <= 2 && !/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(t) ? SHORT_TITLE_FACTOR : 1;
  const headings = tagsOf($)
    .headings.slice(0, 20)
    .map((e) => norm(textOf($, e, 300)));
  const cands: TitleCandidate[] = [];
  for (const [text, weight] of raw) {
    let t = text ? cleanOnce(text).title : null;
    if (t && text === docTitle) t = dropTitleKicker(t, headings);
    if (t && usable(t)) cands.push({ text: t, weight: weight * strength(t) });
  }
  if (shown && usable(shown) && !matchesSiteName(shown, siteNames))
    cands.push({ text: shown, weight: TITLE_SOURCE_WEIGHTS.headline * strength(shown), heading: true });
  // Only a label heading ("Mid-West", a side box's "NEXT MATCH - 9th April") or nothing but the
  // site's name with an <h1> somewhere: the page's headings go to the body check
  // (clean/title-body.ts), which takes the one the article's first lines agree with. A heading far
  // from the article's text is not the title: the <title> as the browser tab shows it, or none.
  const headingOnly = cands.every((c) => c.heading && strength(c.text) < 1);
  if (headingOnly && (cands.length || h1s.some(usable))) {
    const headings = candidateHeadings($, (t) => usable(t) && !matchesSiteName(t, siteNames));
    return { title: docTitle ?? firstMeta(meta, ['og:title']), suffix, headings };
  }
  // Nothing but the site's name anywhere (an index-like page, a portal's story template): the <title>
  // as the page shows it in the browser tab, not no title at all.
  if (!cands.length) return { title: docTitle ?? firstMeta(meta, ['og:title']), suffix };
  return vote(cands, h1s, docTitle, suffix);
}

/** The candidate the others agree with most (the most trusted source on a tie). */
function vote(
  cands: TitleCandidate[],
  h1s: string[],
  docTitle: string | null,
  suffix: string | null,
): { title: string | null; suffix: string | null } {
  // Each candidate's support: its own weight plus the agreeing weight of the others. The first
  // (most trusted source) wins a tie.
  let best = cands[0];
  let bestScore = -1;
  for (const c of cands) {
    let score = c.weight;
    for (const o of cands) if (o !== c) score += o.weight * titleAgreement(c.text, o.text);
    if (score > bestScore + 1e-9) {
      best = c;
      bestScore = score;
    }
  }
  let title = best.text;
  // A headline cut at 110 characters (JSON-LD's limit): prefer the longer candidate it starts.
  const longer = cands.find((o) => o.text.length > title.length && norm(o.text).startsWith(norm(title)));
  if (longer && title.length >= 100) title = longer.text;
  // Shown as the <h1> shows it (curly quotes, ellipses) when they are equal up to punctuation.
  const h = h1s.find((x) => norm(x) === norm(title));
  if (h) title = h;
  return { title, suffix: suffix ?? titleRemainder(docTitle, title) };
}

/** "My Garden Blog: Tomatoes in July" with title "Tomatoes in July" → "My Garden Blog" (a site-name hint). */
function titleRemainder(docTitle: string | null, title: string | null): string | null {
  if (!docTitle || !title || docTitle.length <= title.length) return null;
  const at = docTitle.indexOf(title);
  if (at < 0) return null;
  const rest = (docTitle.slice(0, at) + ' ' + docTitle.slice(at + title.length)).replace(/^[\s|:–—·»«/-]+|[\s|:–—·»«/-]+$/g, '').trim();
  const n = rest.split(/\s+/).length;
  return rest && n <= 6 && !/[|:]/.test(rest) ? rest : null;
}

function findPublished(
  $: CheerioAPI,
  meta: Map<string, string[]>,
  ld: JsonLdArticle | null,
  pageUrl: string | null,
  canonicalUrl: string | null,
): string | null {
  const fromLd = normalizeDate(ld?.datePublished) ?? normalizeDate(ld?.dateCreated);
  if (fromLd) return fromLd;
  for (const k of META_KEYS.published) {
    for (const v of meta.get(k) ?? []) {
      const d = normalizeDate(v);
      if (d) return d;
    }
  }
  // parse.ly's JSON blob.
  const parsely = meta.get('parsely-page')?.[0];
  if (parsely) {
    try {
      const d = normalizeDate((JSON.parse(parsely) as { pub_date?: string }).pub_date);
      if (d) return d;
    } catch {
      /* not JSON */
    }
  }
  // Marked-up dates (pubdate, itemprop, publish classes, the article header), then the URL, then
  // any <time> in the page (sidebars and related lists hold <time>s too, so they come after the URL).
  const fromDom = dateFromDom($, DATE_SELECTORS.slice(0, -1));
  if (fromDom) return fromDom;
  const fromUrl = dateFromUrl(canonicalUrl) ?? dateFromUrl(pageUrl);
  if (fromUrl && fromUrl.length >= 10) return fromUrl;
  // A month-only URL date (/2023/07/) is the last resort after any full date on the page.
  return dateFromDom($, DATE_SELECTORS.slice(-1)) ?? dateNearTitle($) ?? fromUrl;
}

function isUpdatedContext($: CheerioAPI, el: Parameters<CheerioAPI>[0]): boolean {
  const $el = $(el);
  const own = `${$el.attr('class') ?? ''} ${$el.attr('itemprop') ?? ''} ${$el.attr('data-testid') ?? ''}`;
  if (/modif|updat/i.test(own)) return true;
  const parent = $el.parent();
  const parentText = textOf($, parent, 200);
  const before = parentText.slice(0, Math.max(0, parentText.indexOf(textOf($, el, 20))));
  return UPDATED_MARK.test(before.slice(-40)) || /modif|updat/i.test(parent.attr('class') ?? '');
}

function dateFromDom($: CheerioAPI, selectors: readonly string[]): string | null {
  for (const sel of selectors) {
    const found: string[] = [];
    select($, sel)
      .slice(0, 40)
      .each((_, el) => {
        if (found.length >= 4) return false;
        if (isUpdatedContext($, el)) return;
        const $el = $(el);
        const d =
          normalizeDate($el.attr('datetime')) ??
          normalizeDate($el.attr('content')) ??
          normalizeDate($el.attr('title')) ??
          dateFromText(textOf($, el).slice(0, 120));
        if (d) found.push(d);
        return undefined;
      });
    if (found.length) return found[0];
  }
  return null;
}

/** A full date in the small elements around the title (dateline, byline, meta row). */
function dateInElements($: CheerioAPI, sel: string): string | null {
  let result: string | null = null;
  select($, sel)
    .slice(0, 40)
    .each((_, el) => {
      const t = textOf($, el, 200);
      if (!t || t.length > 160 || UPDATED_MARK.test(t.slice(0, 20))) return;
      const d = dateFromText(t);
      if (d) {
        result = d;
        return false;
      }
      return undefined;
    });
  return result;
}

/** Text near the title: dateline elements, then the header area after the <h1>, then generic date/meta elements. */
function dateNearTitle($: CheerioAPI): string | null {
  const specific = dateInElements($, DATE_TEXT_SELECTORS[0]);
  if (specific) return specific;
  // Short lines in the header area ("Written by … on November 14, 2019").
  for (const el of headerArea($)) {
    const t = textOf($, el, 200);
    if (!t || t.length > 160 || UPDATED_MARK.test(t)) continue;
    const d = dateFromText(t);
    if (d) return d;
  }
  for (const sel of DATE_TEXT_SELECTORS.slice(1)) {
    const d = dateInElements($, sel);
    if (d) return d;
  }
  // The lines right after the <h1>.
  const h1 = $(tagsOf($).h1.slice(0, 1));
  if (h1.length) {
    const near = textOf($, h1.parent(), 600);
    const idx = near.indexOf(textOf($, h1, 300));
    let after = near.slice(Math.max(0, idx), idx + 400).slice(0, 300);
    // Stop at an "Updated …" label: what follows it is a modification date.
    const updated = UPDATED_MARK.exec(after);
    if (updated) after = after.slice(0, updated.index);
    const d = dateFromText(after);
    if (d) return d;
  }
  return null;
}

/** Vocabularies that write a creator as a catalogue does, family name first ("Lindqvist, Maja"). */
const INVERTED_NAME_KEYS = new Set(['dc.creator', 'dcterms.creator', 'citation_author']);

/** "Lindqvist, Maja" → "Maja Lindqvist"; anything else (several people, a role after the comma) as it is. */
export function uninvertName(v: string): string {
  const m = /^(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?),\s*(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,2})$/u.exec(v.trim());
  return m && !ROLE_WORDS.test(m[2]) ? `${m[2]} ${m[1]}` : v;
}

interface Byline {
  byline: string | null;
  authors: string[];
}

/** The byline and its people; a credit to the publication itself or an agency only when no person is named. */
function findByline($: CheerioAPI, meta: Map<string, string[]>, ld: JsonLdArticle | null, siteNames: string[]): Byline {
  let credit: string | null = null;
  const noteCredit = (raw: string) => {
    credit ??= creditedOrganisation(raw, siteNames);
  };
  const person = findPersonByline($, meta, ld, siteNames, noteCredit);
  if (person) return { byline: person, authors: splitAuthors(person) };
  return { byline: credit, authors: [] };
}

function findPersonByline(
  $: CheerioAPI,
  meta: Map<string, string[]>,
  ld: JsonLdArticle | null,
  siteNames: string[],
  noteCredit: (raw: string) => void,
): string | null {
  const opts = { siteNames };
  if (ld?.authors.length) {
    const b = cleanByline(joinNames(ld.authors), opts);
    if (b) return b;
    ld.authors.forEach(noteCredit);
  }
  for (const k of META_KEYS.author) {
    for (const v of meta.get(k) ?? []) {
      if (/^(https?:)?\/\//i.test(v) || /^@\w+$/.test(v)) continue;
      const b = cleanByline(INVERTED_NAME_KEYS.has(k) ? uninvertName(v) : v, opts);
      if (b) return b;
      noteCredit(v);
    }
  }
  const hasArticle = select($, 'article, main, [role="main"], [itemprop~="articleBody"]').length > 0;
  // A page-wide class ("<body class="sidebar-left">") or a wrapper around the story says nothing
  // about the byline: only a box that holds neither the headline nor the main content is elsewhere.
  // Memoised per element: the byline selectors overlap, so one element is judged several times.
  const judged = new Map<unknown, boolean>();
  const elsewhere = (el: PageNode) => {
    let out = judged.get(el);
    if (out === undefined) {
      const box = closestMatch($, el, BYLINE_ELSEWHERE);
      out = box.length > 0 && !box.is('html, body') && !box.find('h1, main, [role="main"], [itemprop~="articleBody"]').length;
      judged.set(el, out);
    }
    return out;
  };
  for (const sel of BYLINE_SELECTORS) {
    const names: string[] = [];
    const inArticle: boolean[] = [];
    // Several people of one byline sit side by side; the same class again further down the page is
    // another story's byline (a list of posts, a column of teasers): only the first one's neighbours count.
    let near: unknown[] | null = null;
    select($, sel)
      .slice(0, 40)
      .each((_, el) => {
        if (names.length >= 4) return false;
        const $el = $(el);
        // Skip other people's names: comments, related-story teasers, side boxes, quotations.
        if (elsewhere(el)) return;
        // <meta itemprop="name" content="…"> inside an author block carries its text in an attribute.
        const t = textOf($, el) || (squash($el.attr('content')) ?? '');
        if (!t || t.length > 160) return;
        const b = cleanByline(t, opts);
        if (!b) noteCredit(t);
        if (b && !names.some((n) => norm(n) === norm(b) || norm(n).includes(norm(b)))) {
          const up = [$el.parent().get(0), $el.parent().parent().get(0)];
          if (near && !up.some((n) => n && near!.includes(n))) return undefined;
          near ??= up;
          names.push(b);
          inArticle.push(hasArticle && $el.closest('article, main, [role="main"]').length > 0);
        }
        return undefined;
      });
    // A byline inside the article beats one elsewhere on the page (a teaser's, a widget's).
    const picked = inArticle.some(Boolean) ? names.filter((_, i) => inArticle[i]) : names;
    if (picked.length) return picked.length === 1 ? picked[0] : cleanByline(joinNames(picked), opts);
  }
  for (const sel of BY_PREFIXED_BYLINE_SELECTORS) {
    let found: string | null = null;
    select($, sel)
      .slice(0, 10)
      .each((_, el) => {
        const t = textOf($, el, 160);
        if (elsewhere(el) || t.length > 120 || !BYLINE_TEXT.test(t)) return undefined;
        found = cleanByline(t, opts);
        return found ? false : undefined;
      });
    if (found) return found;
  }
  return bylineNearTitle($, opts, elsewhere);
}

/** "By …" / "Written by …" lines right after the <h1>, for pages without byline markup. */
const BYLINE_TEXT = /^(by|written by|words by|story by|posted by|reporting by|von|par|por|di|door|av)\b[\s:]+\p{Lu}/iu;

/** Elements of the header area: the <h1>'s following siblings, then its parent's and grandparent's. */
function headerArea($: CheerioAPI): unknown[] {
  const h1 = $(tagsOf($).h1.slice(0, 1));
  if (!h1.length) return [];
  const candidates: unknown[] = [];
  let anchor = h1;
  for (let level = 0; level < 3 && anchor.length && candidates.length < 20; level++) {
    anchor
      .nextAll()
      .slice(0, 8)
      .each((_, el) => {
        candidates.push(el);
        $(el)
          .find('p, span, div, address')
          .slice(0, 6)
          .each((__, inner) => {
            candidates.push(inner);
          });
      });
    anchor = anchor.parent();
  }
  return candidates;
}

function bylineNearTitle($: CheerioAPI, opts: { siteNames: string[] }, elsewhere: (el: PageNode) => boolean): string | null {
  for (const el of headerArea($)) {
    const t = textOf($, el, 160);
    if (!t || t.length > 120 || !BYLINE_TEXT.test(t) || elsewhere(el as PageNode)) continue;
    const b = cleanByline(t, opts);
    if (b) return b;
  }
  return null;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  const uniq = names.filter((n, i) => names.findIndex((m) => norm(m) === norm(n)) === i);
  if (uniq.length <= 1) return uniq[0] ?? '';
  return `${uniq.slice(0, -1).join(', ')} and ${uniq[uniq.length - 1]}`;
}

/** Declared languages that clear text evidence may overrule (the set the earlier stopword guess knew; eld knows more). */
const GUESSABLE = new Set(['en', 'fr', 'de', 'es', 'pt', 'it', 'nl']);

function findLanguage($: CheerioAPI, meta: Map<string, string[]>, ld: JsonLdArticle | null): string | null {
  const html = $(tagsOf($).html.slice(0, 1));
  let declared = normalizeLanguage(html.attr('lang')) ?? normalizeLanguage(html.attr('xml:lang'));
  if (!declared) {
    for (const k of META_KEYS.language) {
      for (const v of meta.get(k) ?? []) {
        declared = normalizeLanguage(v);
        if (declared) break;
      }
      if (declared) break;
    }
  }
  declared ??= normalizeLanguage(ld?.inLanguage);
  let sample = tagsOf($)
    .p.slice(0, 60)
    .map((el) => textOf($, el, 2000))
    .join(' ')
    .slice(0, 20000);
  // Pages that write paragraphs with <br> or <div>: the body's text (scripts and styles skipped).
  if (sample.length < 500) sample = textOf($, $(tagsOf($).body.slice(0, 1)), 20000);
  const guess = guessLanguage(sample);
  // Templates often keep lang="en" on pages written in another language: trust clear text evidence.
  if (declared && guess && guess !== declared && GUESSABLE.has(declared) && (sample.match(/\p{L}+/gu) ?? []).length >= 150) return guess;
  return declared ?? guess;
}

/** A canonical link to the site's home page on an article page is a CMS bug, not the article's URL. */
function isHomePageOf(candidate: string, pageUrl: string | null): boolean {
  if (!pageUrl) return false;
  try {
    const c = new URL(candidate);
    const p = new URL(pageUrl);
    return (c.pathname === '/' || c.pathname === '') && !c.search && p.pathname.length > 1;
  } catch {
    return false;
  }
}

function findCanonical($: CheerioAPI, meta: Map<string, string[]>, ld: JsonLdArticle | null, pageUrl: string | null): string | null {
  const link = tagsOf($).link.find((el) => el.attribs.rel !== undefined && /(^|\s)canonical(\s|$)/i.test(el.attribs.rel))?.attribs.href;
  const candidates = [link, firstMeta(meta, ['og:url']), firstMeta(meta, ['twitter:url']), ld?.url];
  for (const c of candidates) {
    const url = resolveUrl(c, pageUrl);
    if (url && !isHomePageOf(url, pageUrl)) return url;
  }
  return null;
}

/** A site name as pages write it: "Example | News from the North" → "Example"; handles and URLs refused. */
export function cleanSiteName(raw: string | null | undefined): string | null {
  const s = squash(raw);
  if (!s || s.startsWith('@') || /^(https?:)?\/\//i.test(s) || s.length > 100) {
    return s && /^(https?:)?\/\//i.test(s) ? siteNameFromHost(s.startsWith('//') ? `https:${s}` : s) : null;
  }
  const first = s.split(/\s+[|•·]\s+|\s+[-–—]\s+(?=.*\s)/)[0].trim();
  return first || null;
}

export function extractMetadata($: CheerioAPI, pageUrl: string | null): PageMetadata {
  const meta = readMetaTags($);
  const ld = pickArticleNode(collectJsonLd($, tagsOf($).script), pageUrl);
  const canonicalUrl = findCanonical($, meta, ld, pageUrl);

  const explicitSite =
    cleanSiteName(firstMeta(meta, ['og:site_name'])) ??
    cleanSiteName(ld?.publisherName) ??
    cleanSiteName(firstMeta(meta, META_KEYS.siteName.slice(1), (v) => !!cleanSiteName(v))) ??
    cleanSiteName(ld?.websiteName) ??
    null;
  const host = siteNameFromHost(canonicalUrl ?? pageUrl);
  const siteNames = [explicitSite, host, host?.replace(/\.[a-z.]{2,6}$/, '') ?? null].filter((s): s is string => !!s);
  const { title, suffix, headings: titleHeadings } = findTitle($, meta, ld, siteNames);
  // The part cut off the <title> names the site only when it is short: a breadcrumb or a tagline
  // ("Rugby News, Results and Fixtures from …", "Example.com / Home UK / UK") is not a name.
  const fromSuffix = cleanSiteName(suffix);
  const suffixIsName = !!fromSuffix && fromSuffix.split(/\s+/).length <= 5 && !/[,/]/.test(fromSuffix);
  const siteName = explicitSite ?? (suffixIsName ? fromSuffix : null) ?? host;

  const modifiedRaw = ld?.dateModified ?? firstMeta(meta, META_KEYS.modified);
  const description = squash(ld?.description ?? null) ?? firstMeta(meta, META_KEYS.description);

  const { byline, authors } = findByline($, meta, ld, suffix ? [...siteNames, suffix] : siteNames);
  return {
    title: detach(title),
    byline: detach(byline),
    authors: authors.map(detach),
    siteName: detach(siteName),
    publishedAt: detach(findPublished($, meta, ld, pageUrl, canonicalUrl)),
    modifiedAt: detach(normalizeDate(modifiedRaw)),
    language: detach(findLanguage($, meta, ld)),
    canonicalUrl: detach(canonicalUrl),
    description: detach(description),
    ...(titleHeadings?.length ? { titleHeadings: titleHeadings.map(detach) } : {}),
  };
}
