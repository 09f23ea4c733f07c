// Publication dates from metadata strings, URLs and text near the title, normalised to ISO-8601.
// Precision is kept: a date-only value stays "2023-09-17"; a timestamp keeps its offset or Z.
// The date-time grammar and zone table are shared with the feeds (src/text/datetime.ts).
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { parseDateTime, toLocalIso } from '../../text/datetime.js';

/** Years outside this range are taken as parse noise (copyright years, ids that look like dates). */
const MIN_YEAR = 1990;

function maxYear(): number {
  return new Date().getUTCFullYear() + 1;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validYmd(y: number, m: number, d: number): boolean {
  if (!(y >= MIN_YEAR && y <= maxYear() && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * A date string from metadata (JSON-LD, meta tags, <time datetime>) → ISO-8601, or null.
 * Accepts ISO-8601 variants, RFC 2822, JavaScript's Date#toString, epoch seconds/milliseconds
 * (the shared grammar of text/datetime.ts) and human dates ("September 17, 2023", via chrono).
 * A timestamp keeps the offset it was written with ("+05:30", "JST" → "+09:00"); one written
 * without a zone stays zoneless (`isZonelessTimestamp`), never silently UTC.
 */
export function normalizeDate(raw: unknown): string | null {
  if (typeof raw === 'number') return fromEpoch(raw);
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 80) return null;
  if (/^\d{10}(\d{3})?$/.test(s)) return fromEpoch(Number(s));
  const parts = parseDateTime(s);
  // A metadata date must name its day ("2023-09" alone is not a publication date).
  if (parts && (parts.precision === 'day' || parts.precision === 'time') && validYmd(parts.year, parts.month, parts.day))
    return toLocalIso(parts);
  return dateFromText(s, { whole: true });
}

function fromEpoch(n: number): string | null {
  const ms = n > 1e11 ? n : n * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < MIN_YEAR || d.getUTCFullYear() > maxYear()) return null;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A date in a URL path: /2023/09/17/, /2023-09-17/, /20230917/ → "2023-09-17"; /2023/09/ → "2023-09".
 */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url, 'http://x.invalid/').pathname;
  } catch {
    return null;
  }
  const full =
    /(?:^|[/_-])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(path);
  if (full) {
    const y = Number(full[1]),
      m = Number(full[2]),
      d = Number(full[3]);
    if (validYmd(y, m, d)) return `${y}-${pad(m)}-${pad(d)}`;
  }
  const month = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\//.exec(path);
  if (month && Number(month[1]) >= MIN_YEAR && Number(month[1]) <= maxYear()) return `${month[1]}-${month[2]}`;
  return null;
}

/**
 * A full calendar date (day, month and year all stated) in a short piece of text, e.g. a dateline
 * "Published: Sunday, September 17, 2023 10:02 AM" → "2023-09-17". Relative phrases ("yesterday",
 * "2 hours ago") are not used: they say nothing reliable without the fetch time.
 * With `whole`, the date must cover most of the text (for metadata values).
 */
export function dateFromText(text: string, opts: { whole?: boolean } = {}): string | null {
  const s = text.replace(/\s+/g, ' ').trim();
  // A full date needs a year: skip chrono (the costly part) when none is written.
  if (!s || s.length > 300 || !/(^|\D)(19|20)\d{2}(\D|$)/.test(s)) return null;
  // "17.09.2023" is day.month.year wherever dots are used (chrono reads 05.09.2023 as May 9).
  const dotted = /(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.]\d)/.exec(s);
  if (dotted && (!opts.whole || dotted[0].trim().length >= s.replace(/^[\p{L}]+,?\s*/u, '').length * 0.6)) {
    const y = Number(dotted[3]),
      m = Number(dotted[2]),
      d = Number(dotted[1]);
    if (validYmd(y, m, d)) return `${y}-${pad(m)}-${pad(d)}`;
  }
  for (const lang of CHRONO_LOCALES) {
    const english = lang === 'en';
    // English needs a month name or a numeric day/month/year: skip the costly parse without one.
    if (!english || ENGLISH_DATE_HINT.test(s)) {
      const found = fullDate(chronoLocale(lang), s, opts.whole ?? false);
      if (found) return found;
    }
    // Month names in another language only: English first, the others when it finds nothing.
    // (German "17. September 2023" is ASCII: the "day-dot-word" shape lets it through too.)
    if (english && !/[^\x00-\x7f]|\b(de|del|le|der|den|di|am|em|il)\b|\d\.\s+[a-z]/i.test(s)) break;
  }
  return null;
}

const ENGLISH_DATE_HINT = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}/i;

type ChronoParser = Pick<Chrono.Chrono, 'parse'>;

/** chrono locales tried in order: English, then the languages of the pages we see most. */
const CHRONO_LOCALES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ru'] as const;
const chronoParsers = new Map<string, ChronoParser>();

/**
 * chrono's parsers of relative phrases ("3 days ago", "within a week", "today", "end of the month"),
 * by class name in every locale. None states a calendar date, which is all a publication date
 * uses, and the "ago"/"later" patterns cost ~0.13 s of regex compilation on their second use in a
 * process — a tenth of a CLI call. Dropping them also stops "today" or "2 days ago" from being read
 * as a date relative to chrono's reference day. (Were the names ever minified, nothing would match and
 * every parser would stay: today's behaviour.)
 */
const RELATIVE_PARSER = /TimeUnit|RelativeDate|CasualDate|EndOfCurrent/;

/**
 * One chrono locale, loaded on first use from its own entry point (`chrono-node/de`, the same module
 * as `chrono.de`; `chrono-node/en` holds the root's `casual`). The package root loads all 15 locales
 * (~0.25 s CPU per process); most pages need English only, or no chrono at all.
 */
function chronoLocale(lang: string): ChronoParser {
  let parser = chronoParsers.get(lang);
  if (!parser) {
    const locale = createRequire(import.meta.url)(`chrono-node/${lang}`) as { casual: Chrono.Chrono };
    const calendar = locale.casual.clone();
    calendar.parsers = calendar.parsers.filter((p) => !RELATIVE_PARSER.test(p.constructor.name));
    parser = calendar;
    chronoParsers.set(lang, parser);
  }
  return parser;
}

function fullDate(parser: ChronoParser, s: string, whole: boolean): string | null {
  let results: Chrono.ParsedResult[];
  try {
    results = parser.parse(s, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  } catch {
    return null;
  }
  for (const r of results) {
    const c = r.start;
    if (!(c.isCertain('day') && c.isCertain('month') && c.isCertain('year'))) continue;
    if (whole && r.text.length < s.replace(/^[\p{L}]+,?\s*/u, '').length * 0.6) continue;
    const y = c.get('year')!,
      m = c.get('month')!,
      d = c.get('day')!;
    if (!validYmd(y, m, d)) continue;
    return `${y}-${pad(m)}-${pad(d)}`;
  }
  return null;
}
