// Text out of feed elements: entity decoding (XML and HTML named entities), CDATA, escaped or
// embedded HTML turned into plain text, authors, and links made absolute.
import { decodeHTMLStrict } from 'entities';
import { type XmlElement, type XmlText, decodeAttr, isElement } from './xml.js';

/** Entity references (named, decimal, hex). Named ones need their ';' to count. */
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** Legacy entities browsers accept without ';' ("&copy 2023"), only when no letter or digit follows. */
const LEGACY = /&(amp|lt|gt|quot|nbsp|copy|reg|eacute|egrave|agrave|aacute|uuml|ouml|auml|ccedil)(?![a-z0-9;])/gi;

/** Decodes XML and HTML entity references; an unknown name ("&notanentity;") stays as written. */
export function decodeEntities(s: string, legacy = true): string {
  if (!s.includes('&')) return s;
  return decodeHTMLStrict(legacy ? s.replace(LEGACY, '&$1;') : s);
}

function hasElementChild(el: XmlElement): boolean {
  return el.children.some(isElement);
}

function serialize(el: XmlElement): string {
  const attrs = Object.entries(el.attrs)
    .filter(([k]) => !k.startsWith('xmlns'))
    .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
    .join('');
  const tag = el.rawName.replace(/^[^:]*:/, '');
  return `<${tag}${attrs}>${markup(el.children)}</${tag}>`;
}

function markup(children: Array<XmlElement | XmlText>): string {
  return children.map((c) => (isElement(c) ? serialize(c) : c.cdata ? c.text : c.text)).join('');
}

/**
 * The element's content as HTML: escaped HTML is unescaped once, CDATA is taken literally, and
 * markup embedded unescaped (XHTML content, sloppy `<description>Hi<br>there</description>`) is
 * re-serialised.
 */
export function innerHtml(el: XmlElement): string {
  if (hasElementChild(el)) return markup(el.children);
  return el.children.map((c) => (isElement(c) ? '' : c.cdata ? c.text : decodeEntities(c.text))).join('');
}

/** The element's text content as the XML says it (entities decoded once, CDATA literal, descendants' text included). */
export function textContent(el: XmlElement, legacy = true): string {
  return el.children.map((c) => (isElement(c) ? textContent(c, legacy) : c.cdata ? c.text : decodeEntities(c.text, legacy))).join('');
}

/** A URL or identifier written as text: entities need their ';' ("?a=1&copy=2" keeps its "&copy"). */
export function urlText(el: XmlElement | null): string | null {
  if (!el) return null;
  const s = collapse(textContent(el, false));
  return s || null;
}

const BLOCK = /<\/?(p|div|br|li|ul|ol|h[1-6]|blockquote|tr|td|th|table|section|article|figure|figcaption|pre|hr)\b[^>]*>/gi;
const TAG = /<\/?[a-z][a-z0-9:-]*(\s[^<>]*)?\/?>/gi;

export function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** HTML → plain text, one line: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const s = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/<(script|style|noscript|iframe)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(BLOCK, ' ')
    .replace(TAG, '');
  return collapse(decodeEntities(s));
}

/**
 * A title as plain text. Titles carry escaped HTML (`&lt;b&gt;`), CDATA with entities, and
 * double-escaped entities (`&amp;eacute;`, `AT&amp;amp;T`): read as HTML, then decode what is
 * still an entity, a couple of times at most.
 */
export function titleText(value: string): string {
  let s = htmlToText(value);
  for (let i = 0; i < 2 && (ENTITY.test(s) || TAG.test(s)); i++) {
    TAG.lastIndex = 0;
    s = htmlToText(s);
  }
  TAG.lastIndex = 0;
  return s;
}

/** Text of an Atom text construct (type text | html | xhtml). */
export function atomText(el: XmlElement, asTitle: boolean): string {
  const type = (el.attrs['type'] ?? 'text').toLowerCase();
  if ((el.attrs['mode'] ?? '').toLowerCase() === 'base64') {
    // Atom 0.3 mode="base64": the payload is the content, of the given type
    const decoded = Buffer.from(textContent(el).replace(/\s+/g, ''), 'base64').toString('utf8');
    return /html/.test(type) ? (asTitle ? titleText(decoded) : htmlToText(decoded)) : collapse(decoded);
  }
  if (type === 'xhtml' || type === 'application/xhtml+xml') return htmlToText(innerHtml(el));
  if (type === 'html' || type === 'text/html' || type === 'escaped') return asTitle ? titleText(innerHtml(el)) : htmlToText(innerHtml(el));
  // text: literal, but sloppy feeds put HTML in text constructs: only strip what is clearly markup
  const raw = collapse(innerHtml(el));
  return /<\/?(b|i|em|strong|a|span|p|br|div|img|font|u|sup|sub|small|code)\b[^<>]*>/i.test(raw) ? htmlToText(raw) : raw;
}

/** 'jdoe@example.com (Jane Doe)' → 'Jane Doe'; 'Jane Doe <jdoe@example.com>' → 'Jane Doe'. */
export function cleanAuthor(value: string | null | undefined): string | null {
  if (!value) return null;
  let s = collapse(value);
  const paren = /^\S+@\S+\s*\(([^)]+)\)$/.exec(s);
  if (paren) s = paren[1]!;
  const angle = /^(.+?)\s*<\S+@\S+>$/.exec(s);
  if (angle) s = angle[1]!;
  s = s
    .replace(/^["']|["']$/g, '')
    .replace(/^by\s+/i, '')
    .trim();
  return s || null;
}

/** Absolute URL from a link and the base in effect; the value itself when it cannot be resolved. */
export function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  if (href === null || href === undefined) return null;
  const s = decodeAttr(href)
    .trim()
    .replace(/[\r\n\t]/g, '');
  if (!s) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return s; // already absolute: keep it as the feed wrote it
  try {
    return new URL(s, base ?? undefined).href;
  } catch {
    return s;
  }
}
