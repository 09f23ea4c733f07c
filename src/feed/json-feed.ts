// JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/). A truncated JSON feed still gives
// its complete items: when JSON.parse fails, the objects of the "items" array are salvaged one by one.
import { FeedParseError } from '../errors.js';
import { parseFeedDate } from './dates.js';
import { cleanAuthor, collapse, htmlToText, resolveUrl, titleText } from './text.js';
import { type Feed, type FeedItem, fallbackId } from './types.js';

type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

/** True when the text is (the start of) a JSON Feed. */
export function looksLikeJsonFeed(text: string): boolean {
  const head = text.slice(0, 4096);
  return (
    /^\s*\{/.test(head) &&
    (/"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//i.test(head) ||
      (/"items"\s*:\s*\[/.test(text) && /"(title|home_page_url|feed_url)"\s*:/.test(head)))
  );
}

function authorOf(o: Json): string | null {
  const list = Array.isArray(o.authors) ? o.authors : o.author ? [o.author] : [];
  const names = list
    .map((a) => (typeof a === 'string' ? cleanAuthor(a) : a && typeof a === 'object' ? cleanAuthor(str((a as Json).name)) : null))
    .filter((s): s is string => !!s);
  return names.length ? [...new Set(names)].join(', ') : null;
}

function item(o: Json, base: string | null, feedAuthor: string | null): FeedItem | null {
  const title = str(o.title) ? titleText(str(o.title)!) || null : null;
  const url = resolveUrl(str(o.url) ?? str(o.external_url), base);
  const contentHtml = str(o.content_html);
  const contentText = str(o.content_text);
  const summary = str(o.summary)
    ? collapse(str(o.summary)!)
    : contentText
      ? collapse(contentText)
      : contentHtml
        ? htmlToText(contentHtml) || null
        : null;
  const publishedAt = parseFeedDate(str(o.date_published)) ?? parseFeedDate(str(o.date_modified));
  const id = str(o.id)?.trim() || url || fallbackId(title, publishedAt, summary);
  if (!title && !url && !summary && !str(o.id)) return null;
  return { title, url, id, publishedAt, summary, author: authorOf(o) ?? feedAuthor, content: contentHtml ?? contentText ?? null };
}

/** The complete top-level objects of the array that starts at `start` ('['), ignoring a cut-off tail. */
function salvageArray(text: string, start: number): Json[] {
  const out: Json[] = [];
  let depth = 0;
  let inString = false;
  let objStart = -1;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === 0 && ch === '{') objStart = i;
      depth++;
    } else if (ch === '}' || ch === ']') {
      if (depth === 0) break; // end of the items array
      depth--;
      if (depth === 0 && ch === '}' && objStart >= 0) {
        try {
          out.push(JSON.parse(text.slice(objStart, i + 1)) as Json);
        } catch {
          /* a broken item: skip it */
        }
        objStart = -1;
      }
    }
  }
  return out;
}

export function parseJsonFeed(text: string, feedUrl: string | null): Feed {
  let doc: Json;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    doc = parsed as Json;
  } catch {
    const m = /"items"\s*:\s*\[/.exec(text);
    if (!m) throw new FeedParseError('not a feed: invalid JSON');
    const head = text.slice(0, m.index);
    const grab = (key: string) => {
      const r = new RegExp(`"${key}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`).exec(head);
      try {
        return r ? (JSON.parse(r[1]!) as string) : undefined;
      } catch {
        return undefined;
      }
    };
    doc = { items: salvageArray(text, m.index + m[0].length - 1) };
    for (const key of ['version', 'title', 'home_page_url', 'feed_url']) {
      const value = grab(key);
      if (value !== undefined) doc[key] = value;
    }
  }
  const declared = /jsonfeed\.org\/version\//i.test(String(doc.version ?? ''));
  // without the version URL, only an object shaped like a feed (items plus a title or home page) counts
  if (!declared && !(Array.isArray(doc.items) && ('title' in doc || 'home_page_url' in doc || 'feed_url' in doc))) {
    throw new FeedParseError('not a feed: JSON that is not a JSON Feed');
  }
  const link = resolveUrl(str(doc.home_page_url), feedUrl);
  const base = feedUrl ?? str(doc.feed_url) ?? link;
  const feedAuthor = authorOf(doc);
  const items = (Array.isArray(doc.items) ? doc.items : [])
    .filter((o): o is Json => !!o && typeof o === 'object' && !Array.isArray(o))
    .map((o) => item(o, base, feedAuthor))
    .filter((i): i is FeedItem => i !== null);
  return { title: str(doc.title) ? titleText(str(doc.title)!) || null : null, link, format: 'json', items };
}
