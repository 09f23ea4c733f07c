// Dates in languages without a grammar of our own (de, es, pt, nl, ja, …): chrono-node's locale
// parsers, resolved into the past against the publication date (forwardDate off). The value keeps
// only what the text says: a day when the day is written, else a month, else a year.
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import type { DateMention } from '../../record/schema.js';

type ChronoParser = { parse: typeof Chrono.parse };

/** Languages chrono-node has a parser for (besides English, which has our own grammar). */
export const CHRONO_LANGUAGES: readonly string[] = ['de', 'es', 'pt', 'nl', 'it', 'ja', 'ru', 'sv', 'fi', 'uk', 'zh', 'vi', 'id', 'ar'];

const parsers = new Map<string, ChronoParser>();

/** A locale's own entry point (`chrono-node/de` is `chrono.de`): the package root would load all 15. */
function parserFor(lang: string): ChronoParser | null {
  if (!CHRONO_LANGUAGES.includes(lang)) return null;
  let parser = parsers.get(lang);
  if (!parser) {
    parser = createRequire(import.meta.url)(`chrono-node/${lang}`) as ChronoParser;
    parsers.set(lang, parser);
  }
  return parser;
}

/** How far ahead of the publication date a year-less date may land before it is read as last year's. */
const LEAN_AHEAD_MS = 7 * 86_400_000;

const pad = (n: number): string => String(n).padStart(2, '0');

export function hasChronoLocale(lang: string | null): boolean {
  return !!lang && CHRONO_LANGUAGES.includes(lang);
}

export function extractDatesChrono(text: string, publishedAt: string | null, lang: string): DateMention[] {
  const parser = parserFor(lang);
  if (!parser) return [];
  const ref = publishedAt && !Number.isNaN(Date.parse(publishedAt)) ? new Date(publishedAt) : new Date(Date.UTC(2000, 0, 1));
  let results: Chrono.ParsedResult[];
  try {
    results = parser.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false });
  } catch {
    return []; // a locale parser bug must not take the article down
  }
  const byKey = new Map<string, DateMention>();
  for (const r of results) {
    const c = r.start;
    let value: string | null;
    let y = c.get('year');
    const m = c.get('month'),
      d = c.get('day');
    if (y == null || m == null || d == null) continue;
    // times of day alone ("manhã", "в 20") and one- to three-letter matches ("ter", "so") are not dates
    if (!(c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month') || c.isCertain('year'))) continue;
    if ((r.text.match(/\p{L}/gu) ?? []).length < 4 && !/\d/.test(r.text)) continue;
    // news reports the past: a day or month with no year that lands more than a week after the
    // publication date is last year's ("10 de março" in a February article)
    if (y != null && m != null && d != null && !c.isCertain('year') && Date.UTC(y, m - 1, d) - ref.getTime() > LEAN_AHEAD_MS) y -= 1;
    // without a publication date only a written year places an expression ("heute" has no value)
    if (!publishedAt && !/\d{4}/.test(r.text)) value = null;
    else if (c.isCertain('day') || c.isCertain('weekday')) value = `${y}-${pad(m)}-${pad(d)}`;
    else if (c.isCertain('month')) value = `${y}-${pad(m)}`;
    else value = String(y);
    const surface = r.text.replace(/\s+/g, ' ');
    const key = `${surface}\u0000${value}`;
    const hit = byKey.get(key);
    const span: [number, number] = [r.index, r.index + r.text.length];
    if (hit) {
      hit.mentions++;
      hit.spans!.push(span);
    } else byKey.set(key, { text: surface, value, mentions: 1, spans: [span] });
  }
  return [...byKey.values()];
}
