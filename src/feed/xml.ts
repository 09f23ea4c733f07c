// A forgiving XML tree for feeds. htmlparser2 in xmlMode never throws: a close tag pops the stack
// to its matching open tag (or is ignored), unclosed elements are closed at the end of input, and
// stray '&' or '<' stay text. So a truncated or ill-formed feed still gives the items it has, the
// way feedparser's loose parser and gofeed's non-strict decoder recover.
//
// Names are normalised for matching: lower-case, with the prefix replaced by a canonical one chosen
// by namespace URI (atom:, dc:, dcterms:, content:, rdf:, media:, xhtml:), so `<a:title xmlns:a=
// "http://www.w3.org/2005/Atom">` and `<title>` inside `<feed xmlns="http://www.w3.org/2005/Atom">`
// are both `atom:title`. Elements in the RSS 0.9/1.0/2.0 namespaces, or in none, have no prefix.
// Each element knows its xml:base (resolved through its ancestors and the document URL).
import { Parser } from 'htmlparser2';

export interface XmlText {
  text: string;
  /** CDATA text is taken literally; other text still holds its entity references. */
  cdata: boolean;
}

export interface XmlElement {
  /** Canonical name, e.g. 'title', 'atom:link', 'dc:date'. */
  name: string;
  /** The name as written (for re-serialising embedded HTML). */
  rawName: string;
  attrs: Record<string, string>;
  children: Array<XmlElement | XmlText>;
  parent: XmlElement | null;
  /** Absolute xml:base in effect for this element, or null. */
  base: string | null;
}

const NAMESPACES: Record<string, string> = {
  'http://www.w3.org/2005/atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/elements/1.0/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  // RSS flavours: no prefix
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
  'http://channel.netscape.com/rdf/simple/0.9/': '',
  'http://backend.userland.com/rss2': '',
  'http://backend.userland.com/rss': '',
  'http://blogs.law.harvard.edu/tech/rss': '',
};

/** Prefixes as commonly written, used when a feed forgets to declare them. */
const UNDECLARED: Record<string, string> = {
  dc: 'dc',
  dcterms: 'dcterms',
  content: 'content',
  atom: 'atom',
  rdf: 'rdf',
  media: 'media',
  xhtml: 'xhtml',
  atom10: 'atom',
  a10: 'atom',
};

function resolveBase(value: string, outer: string | null): string | null {
  try {
    return new URL(value.trim(), outer ?? undefined).href;
  } catch {
    return outer;
  }
}

/** Deeper elements are flattened into their ancestor (the tree walks recurse; a hostile feed could nest 100 000 deep). */
const MAX_DEPTH = 200;
const MAX_SKIPPED = 2_000;

export interface ParsedXml {
  root: XmlElement | null;
  /** The document node: every top-level element (junk before the root included) is its child. */
  document: XmlElement;
  /** encoding="" of the XML declaration, if any. */
  declaredEncoding: string | null;
}

/** Parses XML text into a tolerant tree (never throws). `baseUrl` is the document's own URL. */
export function parseXml(text: string, baseUrl: string | null): ParsedXml {
  const doc: XmlElement = { name: '#document', rawName: '#document', attrs: {}, children: [], parent: null, base: baseUrl };
  // namespace scopes: prefix → canonical prefix ('' = none), innermost last
  const scopes: Array<Record<string, string>> = [{}];
  let current = doc;
  let inCdata = false;
  let declaredEncoding: string | null = null;
  let depth = 0;
  let stopped = false;
  let skipped = 0; // open elements past MAX_DEPTH: their text goes to the deepest kept element
  let atomDefault = false; // a <feed> root without a namespace: unprefixed names are Atom

  const lookupPrefix = (prefix: string): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const v = scopes[i]![prefix];
      if (v !== undefined) return v;
    }
    return undefined;
  };

  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        if (name.toLowerCase() === '?xml' && declaredEncoding === null) {
          const m = /encoding\s*=\s*["']([^"']+)["']/i.exec(data);
          if (m) declaredEncoding = m[1]!.trim();
        }
      },
      onopentag(rawName, attribs) {
        if (depth >= MAX_DEPTH) {
          // htmlparser2's open-element stack costs O(depth) per tag: past a hostile depth, stop reading
          if (++skipped > MAX_SKIPPED) {
            stopped = true;
            parser.pause();
          }
          return;
        }
        depth++;
        const scope: Record<string, string> = {};
        for (const [k, v] of Object.entries(attribs)) {
          const lk = k.toLowerCase();
          if (lk === 'xmlns' || lk.startsWith('xmlns:')) {
            const uri = v.trim().toLowerCase();
            const canonical = NAMESPACES[uri] ?? NAMESPACES[uri.replace(/\/$/, '')] ?? (lk === 'xmlns' ? '' : lk.slice(6));
            scope[lk === 'xmlns' ? '' : lk.slice(6)] = canonical;
          }
        }
        scopes.push(scope);
        const lower = rawName.toLowerCase();
        const colon = lower.indexOf(':');
        let name: string;
        if (colon >= 0) {
          const prefix = lower.slice(0, colon);
          const canonical = lookupPrefix(prefix) ?? UNDECLARED[prefix] ?? prefix;
          name = canonical ? `${canonical}:${lower.slice(colon + 1)}` : lower.slice(colon + 1);
        } else {
          const declared = lookupPrefix('');
          // <feed> with no namespace, or one we do not know (https://…, a typo): unprefixed names are Atom
          if (current === doc && lower === 'feed' && !declared) atomDefault = true;
          const canonical = declared || (atomDefault ? 'atom' : '');
          name = canonical ? `${canonical}:${lower}` : lower;
        }
        const attrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(attribs)) attrs[k.toLowerCase()] = v;
        const xmlBase = attrs['xml:base'];
        const base = xmlBase !== undefined ? resolveBase(decodeAttr(xmlBase), current.base) : current.base;
        const el: XmlElement = { name, rawName, attrs, children: [], parent: current, base };
        current.children.push(el);
        current = el;
      },
      onclosetag() {
        if (skipped > 0) {
          skipped--;
          return;
        }
        depth--;
        scopes.pop();
        if (current.parent) current = current.parent;
      },
      ontext(data) {
        const last = current.children[current.children.length - 1];
        if (last && !('name' in last) && last.cdata === inCdata) last.text += data;
        else current.children.push({ text: data, cdata: inCdata });
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true },
  );
  parser.write(text);
  if (!stopped) parser.end();
  const root = (doc.children.find((c) => 'name' in c) as XmlElement | undefined) ?? null;
  return { root, document: doc, declaredEncoding };
}

/** Attribute values keep their entity references (decodeEntities is off). */
export function decodeAttr(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const cp = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
  });
}

export function isElement(node: XmlElement | XmlText): node is XmlElement {
  return 'name' in node;
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (isElement(c) && (name === undefined || c.name === name)) out.push(c);
  return out;
}

export function firstChild(el: XmlElement, ...names: string[]): XmlElement | null {
  for (const name of names) {
    for (const c of el.children) if (isElement(c) && c.name === name) return c;
  }
  return null;
}

/**
 * Every descendant element with this name, in document order (used to find items anywhere).
 * Matches inside matches count too: an unclosed <item> swallows the next one as its child.
 */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}
