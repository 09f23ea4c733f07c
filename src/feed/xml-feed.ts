// RSS 0.9x / 2.0, RSS 1.0 (RDF) and Atom 0.3 / 1.0 trees (from ./xml.ts) → Feed.
// Each field is read from a list of candidate elements in order of trust, so a feed that mixes
// vocabularies (RSS with dc:date, atom:link or content:encoded; Atom with dc:creator) still fills it.
import { FeedParseError } from '../errors.js';
import { parseFeedDate } from './dates.js';
import { atomText, cleanAuthor, collapse, htmlToText, innerHtml, resolveUrl, textContent, titleText, urlText } from './text.js';
import type { Feed, FeedItem } from './types.js';
import { fallbackId } from './types.js';
import { type XmlElement, childElements, decodeAttr, descendants, firstChild } from './xml.js';

type Format = Feed['format'];

export function feedFormatOfRoot(root: XmlElement | null): Format | null {
  if (!root) return null;
  const name = root.name;
  if (name === 'rss' || name === 'channel' || name === 'rss:rss') return 'rss';
  if (name === 'rdf:rdf' || name === 'rdf') return 'rdf';
  if (name === 'atom:feed' || name === 'feed') return 'atom';
  return null;
}

const RSS_DATES = [
  'pubdate',
  'dc:date',
  'dcterms:issued',
  'dcterms:created',
  'dcterms:date',
  'atom:published',
  'atom:issued',
  'atom:updated',
  'dcterms:modified',
  'date',
  'published',
  'lastbuilddate',
];
const ATOM_DATES = [
  'atom:published',
  'atom:issued',
  'atom:created',
  'atom:updated',
  'atom:modified',
  'dc:date',
  'dcterms:issued',
  'dcterms:created',
  'pubdate',
  'dcterms:modified',
];

function firstDate(el: XmlElement, names: string[]): string | null {
  for (const name of names) {
    for (const c of childElements(el, name)) {
      const d = parseFeedDate(textContent(c));
      if (d) return d;
    }
  }
  return null;
}

function text(el: XmlElement | null): string | null {
  if (!el) return null;
  const s = collapse(textContent(el));
  return s || null;
}

/** The alternate link among Atom <link> elements (rel missing or "alternate"), HTML preferred. */
function atomLink(el: XmlElement, fallbackBase: string | null): string | null {
  const links = childElements(el, 'atom:link').filter((l) => (l.attrs['href'] ?? '').trim() !== '');
  const alternates = links.filter((l) => {
    const rel = (l.attrs['rel'] ?? 'alternate').trim().toLowerCase();
    return rel === 'alternate' || rel === 'http://www.iana.org/assignments/relation/alternate';
  });
  const pick = alternates.find((l) => /html/i.test(l.attrs['type'] ?? 'text/html')) ?? alternates[0];
  if (!pick) return null;
  return resolveUrl(pick.attrs['href'], pick.base ?? fallbackBase);
}

function authorsOf(el: XmlElement): string | null {
  const names: string[] = [];
  for (const a of childElements(el, 'atom:author')) {
    const name = text(firstChild(a, 'atom:name', 'name')) ?? cleanAuthor(text(a));
    const clean = cleanAuthor(name);
    if (clean) names.push(clean);
  }
  if (names.length) return [...new Set(names)].join(', ');
  // one vocabulary, in order of trust: several dc:creator are co-authors, but dc:creator and an
  // RSS <author> e-mail are the same person written twice
  for (const name of ['dc:creator', 'author', 'dc:author', 'itunes:author', 'dcterms:creator']) {
    const found = childElements(el, name)
      .map((c) => {
        const nested = firstChild(c, 'name', 'atom:name');
        return cleanAuthor(nested ? text(nested) : text(c));
      })
      .filter((s): s is string => !!s);
    if (found.length) return [...new Set(found)].join(', ');
  }
  return null;
}

function rssTitle(el: XmlElement | null): string | null {
  if (!el) return null;
  const s = el.name.startsWith('atom:') ? atomText(el, true) : titleText(innerHtml(el));
  return s || null;
}

function summaryText(el: XmlElement | null): string | null {
  if (!el) return null;
  const s = el.name.startsWith('atom:') ? atomText(el, false) : htmlToText(innerHtml(el));
  return s || null;
}

function contentHtml(el: XmlElement | null): string | null {
  if (!el) return null;
  const type = (el.attrs['type'] ?? '').toLowerCase();
  const html =
    el.name.startsWith('atom:') && (type === '' || type === 'text')
      ? innerHtml(el).replace(/&/g, '&amp;').replace(/</g, '&lt;')
      : innerHtml(el);
  const s = html.trim();
  return s || null;
}

function rssItem(item: XmlElement, base: string | null): FeedItem | null {
  const titleEl = firstChild(item, 'title', 'dc:title', 'atom:title');
  const title = rssTitle(titleEl);
  const linkEl = childElements(item, 'link').find((l) => text(l) || l.attrs['href']);
  const guidEl = firstChild(item, 'guid', 'atom:id', 'dc:identifier');
  const guid = urlText(guidEl);
  const about = item.attrs['rdf:about'] ? decodeAttr(item.attrs['rdf:about']).trim() : null;
  let url: string | null = null;
  if (linkEl) url = resolveUrl(urlText(linkEl) ?? linkEl.attrs['href'], linkEl.base ?? base);
  url ??= atomLink(item, base);
  if (
    !url &&
    guid &&
    guidEl &&
    guidEl.name === 'guid' &&
    (guidEl.attrs['ispermalink'] ?? 'true').toLowerCase() !== 'false' &&
    /^(https?:)?\/\//i.test(guid)
  )
    url = resolveUrl(guid, guidEl.base ?? base);
  if (!url && about && /^https?:\/\//i.test(about)) url = about;
  const publishedAt = firstDate(item, RSS_DATES);
  const contentEl = firstChild(item, 'content:encoded', 'atom:content', 'xhtml:body', 'body', 'content');
  const content = contentHtml(contentEl);
  const summary =
    summaryText(firstChild(item, 'description', 'atom:summary', 'dc:description', 'summary', 'itunes:summary')) ??
    (content ? htmlToText(content) || null : null);
  const author = authorsOf(item);
  if (!title && !url && !guid && !summary && !content) return null;
  const id = guid ?? url ?? about ?? fallbackId(title, publishedAt, summary);
  return { title, url, id, publishedAt, summary, author, content };
}

function atomEntry(entry: XmlElement, base: string | null, feedAuthor: string | null): FeedItem | null {
  const titleEl = firstChild(entry, 'atom:title', 'title', 'dc:title');
  const title = titleEl ? (titleEl.name === 'atom:title' ? atomText(titleEl, true) : titleText(innerHtml(titleEl))) || null : null;
  let url = atomLink(entry, entry.base ?? base);
  if (!url) {
    const plain = firstChild(entry, 'link');
    if (plain) url = resolveUrl(urlText(plain) ?? plain.attrs['href'], plain.base ?? base);
  }
  const id = urlText(firstChild(entry, 'atom:id', 'guid', 'id'));
  const publishedAt = firstDate(entry, ATOM_DATES);
  const contentEl = firstChild(entry, 'atom:content', 'content:encoded');
  const content = contentHtml(contentEl);
  const summary = summaryText(firstChild(entry, 'atom:summary', 'summary', 'description')) ?? (contentEl ? summaryText(contentEl) : null);
  const source = firstChild(entry, 'atom:source');
  const author = authorsOf(entry) ?? (source ? authorsOf(source) : null) ?? feedAuthor;
  if (!title && !url && !id && !summary && !content) return null;
  return { title, url, id: id ?? url ?? fallbackId(title, publishedAt, summary), publishedAt, summary, author, content };
}

export function parseXmlFeed(root: XmlElement | null, feedUrl: string | null): Feed {
  const format = feedFormatOfRoot(root);
  if (!root || !format)
    throw new FeedParseError(`not a feed: ${root ? `root element <${root.rawName}>` : 'no XML element found'}`, {
      root: root?.rawName ?? null,
    });
  if (format === 'atom') {
    const link = atomLink(root, root.base ?? feedUrl);
    const base = feedUrl ?? link;
    const titleEl = firstChild(root, 'atom:title');
    const feedAuthor = authorsOf(root);
    const items = descendants(root, 'atom:entry')
      .map((e) => atomEntry(e, e.base ?? base, feedAuthor))
      .filter((i): i is FeedItem => i !== null);
    return { title: titleEl ? atomText(titleEl, true) || null : null, link, format, items };
  }
  const channel = root.name === 'channel' ? root : (firstChild(root, 'channel') ?? root);
  const linkEl = childElements(channel, 'link').find((l) => text(l) || l.attrs['href']);
  const link = linkEl
    ? resolveUrl(urlText(linkEl) ?? linkEl.attrs['href'], linkEl.base ?? feedUrl)
    : atomLink(channel, channel.base ?? feedUrl);
  const base = feedUrl ?? (link && /^https?:/i.test(link) ? link : null);
  const items = descendants(root, 'item')
    .map((i) => rssItem(i, i.base ?? base))
    .filter((i): i is FeedItem => i !== null);
  return { title: rssTitle(firstChild(channel, 'title', 'dc:title')), link, format, items };
}
