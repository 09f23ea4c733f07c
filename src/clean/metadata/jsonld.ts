// JSON-LD (schema.org) metadata: the article node of a page, with its headline, dates, authors,
// publisher and language. Tolerant of what CMSs emit: arrays, @graph, @id references, comments
// and CDATA around the JSON, raw newlines in strings, trailing commas, HTML entities in values.
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { decodeHTML } from 'entities';

/** schema.org types that are an article, best first. */
export const ARTICLE_TYPES = [
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicQuestion',
  'Article',
  'BlogPosting',
  'LiveBlogPosting',
  'SocialMediaPosting',
  'TechArticle',
  'ScholarlyArticle',
  'Report',
  'SatiricalArticle',
  'AdvertiserContentArticle',
  'DiscussionForumPosting',
];
/** Page-level types used when no article node exists. */
const PAGE_TYPES = ['WebPage', 'ItemPage', 'VideoObject', 'Recipe', 'Event'];

/** Bounds on untrusted input. */
const MAX_SCRIPT_CHARS = 2_000_000;
const MAX_NODES = 500;

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  datePublished: string | null;
  dateCreated: string | null;
  dateModified: string | null;
  authors: string[];
  publisherName: string | null;
  websiteName: string | null;
  inLanguage: string | null;
  url: string | null;
  description: string | null;
}

type Node = Record<string, unknown>;

/** Parse JSON-LD text, repairing the common breakages. */
export function parseJsonLdText(raw: string): unknown {
  const text = raw
    .trim()
    .replace(/^<!\[CDATA\[|\]\]>$/g, '')
    .replace(/^\s*<!--|-->\s*$/g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .trim();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    /* repair below */
  }
  const repaired = text
    .replace(/[\u0000-\u001f]+/g, ' ') // raw newlines/tabs inside strings
    .replace(/,\s*([}\]])/g, '$1'); // trailing commas
  try {
    return JSON.parse(repaired);
  } catch {
    // Several objects back to back: {..}{..}
    try {
      return JSON.parse(`[${repaired.replace(/}\s*{/g, '},{')}]`);
    } catch {
      return null;
    }
  }
}

/**
 * Every object node of every JSON-LD script on the page (arrays and @graph flattened, nested objects
 * visited). `scripts`: the page's <script> elements when the caller has them at hand.
 */
export function collectJsonLd($: CheerioAPI, scripts: readonly Element[] = $('script').toArray()): Node[] {
  const nodes: Node[] = [];
  for (const el of scripts) {
    const type = ($(el).attr('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    const raw = $(el).text();
    if (!raw || raw.length > MAX_SCRIPT_CHARS) continue;
    const data = parseJsonLdText(raw);
    // Breadth-first, bounded: never recursion on untrusted nesting.
    const queue: unknown[] = [data];
    while (queue.length && nodes.length < MAX_NODES) {
      const item = queue.shift();
      if (Array.isArray(item)) {
        queue.push(...item.slice(0, 100));
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const o = item as Node;
      nodes.push(o);
      for (const [k, v] of Object.entries(o)) {
        if (k === 'articleBody' || k === 'text') continue;
        if (v && typeof v === 'object') queue.push(v);
      }
    }
  }
  return nodes;
}

function types(node: Node): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(https?:\/\/)?schema\.org\//, ''));
}

function str(v: unknown): string | null {
  if (typeof v === 'string') {
    const s = decodeHTML(v)
      .replace(/<[^>]{1,200}>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return s || null;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Node;
    return str(o['@value'] ?? o.name ?? o['@id']);
  }
  return null;
}

function urlOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return urlOf(v[0]);
  if (v && typeof v === 'object') {
    const o = v as Node;
    return urlOf(o['@id'] ?? o.url);
  }
  return null;
}

/** Author names from a string, an object, an array or an @id reference (names only, no URLs). */
function authorNames(v: unknown, byId: Map<string, Node>, depth = 0): { people: string[]; orgs: string[] } {
  const out = { people: [] as string[], orgs: [] as string[] };
  if (depth > 3 || v == null) return out;
  const items = Array.isArray(v) ? v.slice(0, 20) : [v];
  for (const item of items) {
    if (typeof item === 'string') {
      const s = str(item);
      if (s && !/^(https?:)?\/\//i.test(s)) out.people.push(s);
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    let o = item as Node;
    if (!o.name && typeof o['@id'] === 'string' && byId.has(o['@id'])) o = byId.get(o['@id'])!;
    const name = str(o.name) ?? (o.givenName || o.familyName ? [str(o.givenName), str(o.familyName)].filter(Boolean).join(' ') : null);
    if (!name || /^(https?:)?\/\//i.test(name)) continue;
    if (types(o).some((t) => /Organization|NewsMediaOrganization|Corporation/.test(t))) out.orgs.push(name);
    else out.people.push(name);
  }
  return out;
}

function sameUrl(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const strip = (u: string) =>
    u
      .replace(/^https?:\/\/(www\.)?/, '')
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '');
  return strip(a) === strip(b);
}

/** The page's article node and its metadata, or null when the page has no usable JSON-LD. */
export function pickArticleNode(nodes: Node[], pageUrl: string | null): JsonLdArticle | null {
  if (nodes.length === 0) return null;
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n['@id'] === 'string' && (n.name || n.headline)) byId.set(n['@id'], n);

  const rank = (n: Node) => {
    const ts = types(n);
    const a = Math.min(...ts.map((t) => ARTICLE_TYPES.indexOf(t)).filter((i) => i >= 0), Infinity);
    if (a !== Infinity) return a;
    const p = Math.min(...ts.map((t) => PAGE_TYPES.indexOf(t)).filter((i) => i >= 0), Infinity);
    return p === Infinity ? Infinity : 100 + p;
  };
  const candidates = nodes.filter((n) => rank(n) !== Infinity && (n.headline || n.name || n.datePublished));
  // The node about this page wins over article teasers listed on it (ItemList, "related" blocks).
  candidates.sort((x, y) => {
    const ux = sameUrl(urlOf(x.url) ?? urlOf(x.mainEntityOfPage), pageUrl) ? 0 : 1;
    const uy = sameUrl(urlOf(y.url) ?? urlOf(y.mainEntityOfPage), pageUrl) ? 0 : 1;
    const rx = rank(x) >= 100 ? 1 : 0;
    const ry = rank(y) >= 100 ? 1 : 0;
    return rx - ry || ux - uy || rank(x) - rank(y);
  });
  const node = candidates[0];
  const website = nodes.find((n) => types(n).includes('WebSite'));
  const publisherNode = (() => {
    const p = node?.publisher ?? (node?.isPartOf as Node | undefined)?.publisher;
    if (p && typeof p === 'object' && !Array.isArray(p) && !(p as Node).name && typeof (p as Node)['@id'] === 'string')
      return byId.get((p as Node)['@id'] as string) ?? p;
    return p;
  })();
  if (!node) {
    return website ? { ...empty(), websiteName: str(website.name) } : null;
  }
  const authors = authorNames(node.author ?? node.creator, byId);
  const isArticle = rank(node) < 100;
  return {
    type: types(node)[0] ?? '',
    headline: str(node.headline) ?? (isArticle ? str(node.name) : null),
    datePublished: str(node.datePublished) ?? (isArticle ? null : str(node.uploadDate)),
    dateCreated: isArticle ? str(node.dateCreated) : null,
    dateModified: str(node.dateModified),
    authors: authors.people.length ? authors.people : authors.orgs,
    publisherName: str(publisherNode),
    websiteName: website ? str(website.name) : null,
    inLanguage: str(node.inLanguage) ?? (website ? str(website.inLanguage) : null),
    url: urlOf(node.url) ?? urlOf(node.mainEntityOfPage),
    description: str(node.description),
  };
}

function empty(): JsonLdArticle {
  return {
    type: '',
    headline: null,
    datePublished: null,
    dateCreated: null,
    dateModified: null,
    authors: [],
    publisherName: null,
    websiteName: null,
    inLanguage: null,
    url: null,
    description: null,
  };
}
