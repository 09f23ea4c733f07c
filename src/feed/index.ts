// Feed parsing: bytes or text in, one Feed out. RSS 0.9x/1.0 (RDF)/2.0, Atom 0.3/1.0, JSON Feed 1.x.
// Tolerant by design: ill-formed and truncated XML still yields the items that are there (./xml.ts);
// only input that is not a feed at all throws FeedParseError.
import { gunzipSync } from 'node:zlib';
import { FeedParseError } from '../errors.js';
import { charsetFromXmlDeclaration, decodeBytes, decodeWindows1252, isValidUtf8 } from '../text/decode.js';
import { looksLikeJsonFeed, parseJsonFeed } from './json-feed.js';
import { feedFormatOfRoot, parseXmlFeed } from './xml-feed.js';
import { type XmlElement, isElement, parseXml } from './xml.js';
import type { Feed } from './types.js';

export type { Feed, FeedItem } from './types.js';
export { parseFeedDate } from './dates.js';

export interface ParseFeedOptions {
  /** The feed's own URL: the base for relative links (after xml:base). */
  url?: string | null;
  /** HTTP Content-Type, for its charset. */
  contentType?: string | null;
}

/**
 * Bytes → text with decodeBytes (BOM, HTTP charset, XML declaration, sniffing), plus what feeds
 * need on top: UTF-16 without a BOM (declared in the XML declaration, which is then unreadable as
 * ASCII), and the two classic mislabellings — declared UTF-8 but written in windows-1252, declared
 * Latin-1 but written in UTF-8 — resolved by whether the bytes are valid UTF-8, as feedparser does.
 */
const MAX_GUNZIP_BYTES = 64 * 1024 * 1024;

function toText(input: string | Uint8Array, contentType: string | null): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  let b = input;
  // a gzip file (feed.xml.gz, or a server that compressed without saying so)
  if (b.length > 18 && b[0] === 0x1f && b[1] === 0x8b) {
    try {
      b = new Uint8Array(gunzipSync(b, { maxOutputLength: MAX_GUNZIP_BYTES }));
    } catch {
      throw new FeedParseError('not a feed: unreadable gzip data');
    }
  }
  if (b.length >= 4 && b[0] === 0x3c && b[1] === 0x00 && b[2] !== 0x00 && b[3] === 0x00) return new TextDecoder('utf-16le').decode(b);
  if (b.length >= 4 && b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] !== 0x00) return new TextDecoder('utf-16be').decode(b);
  const decoded = decodeBytes(b, contentType);
  let text = decoded.text;
  if (decoded.source === 'xml' || decoded.source === 'http') {
    const utf8 = isValidUtf8(b);
    if (decoded.charset === 'utf-8' && !utf8) {
      // declared (or served as) UTF-8 but it is not: the XML declaration's own charset, else windows-1252
      const declared = decoded.source === 'http' ? charsetFromXmlDeclaration(Buffer.from(b.subarray(0, 1024)).toString('latin1')) : null;
      text = declared && declared !== 'utf-8' && declared !== 'windows-1252' ? new TextDecoder(declared).decode(b) : decodeWindows1252(b);
    } else if (
      decoded.source === 'xml' &&
      utf8 &&
      /^(windows-1252|iso-8859-\d+|windows-125\d)$/.test(decoded.charset) &&
      /[\x80-\uffff]/.test(new TextDecoder('utf-8').decode(b))
    )
      text = new TextDecoder('utf-8').decode(b);
  }
  return text.replace(/^\uFEFF/, '');
}

/** Entities declared in an internal DTD subset (<!DOCTYPE rss [<!ENTITY mdash "&#8212;">]>), expanded before parsing. */
function expandDtdEntities(text: string): string {
  const doctype = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i.exec(text.slice(0, 65536));
  if (!doctype) return text;
  const entities = new Map<string, string>();
  for (const m of doctype[1]!.matchAll(/<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
    if (!['amp', 'lt', 'gt', 'quot', 'apos'].includes(m[1]!)) entities.set(m[1]!, m[2] ?? m[3] ?? '');
  }
  const body = text.slice(doctype.index + doctype[0].length);
  const expanded = entities.size ? body.replace(/&([A-Za-z_][\w.-]*);/g, (all, name: string) => entities.get(name) ?? all) : body;
  return text.slice(0, doctype.index) + expanded;
}

/** Parses a feed. Throws FeedParseError when the input is not RSS, RDF, Atom or JSON Feed. */
export function parseFeed(input: string | Uint8Array, opts: ParseFeedOptions = {}): Feed {
  const text = toText(input, opts.contentType ?? null);
  const url = opts.url ?? null;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (trimmed.startsWith('[')) throw new FeedParseError('not a feed: a JSON array');
    return parseJsonFeed(trimmed, url);
  }
  if (!trimmed.includes('<')) throw new FeedParseError('not a feed: no markup');
  const xml = expandDtdEntities(text);
  let root = feedRoot(xml, url);
  const format = feedFormatOfRoot(root);
  if (!format)
    throw new FeedParseError(`not a feed: ${root ? `root element <${root.rawName}>` : 'no XML element found'}`, {
      root: root?.rawName ?? null,
    });
  // Without a feed URL, a relative xml:base can only be resolved against the feed's own link.
  if (!url && /xml:base\s*=/i.test(text)) {
    const first = parseXmlFeed(root, null);
    if (first.link && /^https?:/i.test(first.link)) root = feedRoot(xml, first.link);
  }
  return parseXmlFeed(root, url);
}

/** The feed element: the document's root, or, after junk (a PHP warning, a stray <br>), the feed found a few levels down. */
function feedRoot(xml: string, baseUrl: string | null): XmlElement | null {
  const parsed = parseXml(xml, baseUrl);
  if (feedFormatOfRoot(parsed.root)) return parsed.root;
  return nestedFeedRoot(parsed.document) ?? parsed.root;
}

/** The first rss / rdf:RDF / Atom feed element within a few levels of `el` (breadth first). */
function nestedFeedRoot(el: XmlElement): XmlElement | null {
  let level: XmlElement[] = [el];
  for (let depth = 0; depth < 4 && level.length; depth++) {
    const next: XmlElement[] = [];
    for (const node of level) {
      for (const c of node.children) {
        if (!isElement(c)) continue;
        if (c.name === 'rss' || c.name === 'rdf:rdf' || c.name === 'atom:feed') return c;
        next.push(c);
      }
    }
    level = next;
  }
  return null;
}

export type FeedFormat = Feed['format'];

const FEED_TYPES = /^(application\/(rss|atom|rdf|feed)\+(xml|json)|application\/(x-)?rss\+xml|application\/x-atom\+xml|text\/rss\+xml)$/i;

/**
 * The feed format of a document, from its Content-Type or its first bytes, without parsing it all;
 * null when it is not a feed (an HTML page, an image, plain JSON). For `gleaner ingest URL|FEED_URL`.
 */
export function sniffFeedFormat(input: string | Uint8Array, contentType?: string | null): FeedFormat | null {
  const head = typeof input === 'string' ? input.slice(0, 8192) : toText(input.subarray(0, 8192), contentType ?? null);
  const media = (contentType ?? '').split(';')[0]!.trim();
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{'))
    return looksLikeJsonFeed(typeof input === 'string' ? input : trimmed) ? 'json' : media.includes('feed+json') ? 'json' : null;
  // skip the prolog: XML declaration, processing instructions, comments, doctype
  const prolog = trimmed.replace(/^(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>[]*(\[[\s\S]*?\])?\s*>))*\s*/i, '');
  const m = /^<([a-z_][\w.:-]*)/i.exec(prolog);
  if (m) {
    const name = m[1]!.toLowerCase();
    const local = name.replace(/^.*:/, '');
    if (local === 'rss' || local === 'channel') return 'rss';
    if (local === 'rdf') return 'rdf';
    if (local === 'feed') return 'atom';
    // PHP warnings and notices printed before the feed: <br />, <b>Warning</b>…
    if (['br', 'b', 'font', 'p'].includes(name)) {
      const later = /<(rss|rdf:rdf|feed)[\s>]/i.exec(prolog);
      if (later) return later[1]!.toLowerCase() === 'rss' ? 'rss' : later[1]!.toLowerCase() === 'feed' ? 'atom' : 'rdf';
    }
    return null;
  }
  if (FEED_TYPES.test(media))
    return media.includes('json') ? 'json' : media.includes('atom') ? 'atom' : media.includes('rdf') ? 'rdf' : 'rss';
  return null;
}

/** True when the document is a feed (see sniffFeedFormat). */
export function looksLikeFeed(input: string | Uint8Array, contentType?: string | null): boolean {
  return sniffFeedFormat(input, contentType) !== null;
}
