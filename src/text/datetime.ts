// One date-time normaliser for every stage: feeds (src/feed), page metadata (src/clean/metadata) and
// the English month names of the date grammar (src/extract/dates). Dates as real sources write them
// are read into parts (`DateTimeParts`), which keep whether a time and a zone were written; the
// callers format them: feeds as UTC (`toUtcIso`), metadata in the writer's own offset (`toLocalIso`).
// A timestamp always keeps an explicit offset when one was written (numeric or a zone name); one
// without is zoneless, and `isZonelessTimestamp` says so (the writer's zone is unknown).
//
// Two families, tried in order, modelled on feedparser's date handlers and gofeed's layout list:
//   1. W3CDTF / ISO 8601: 2023-09-17T10:00:00+02:00, 2023-09-17T10:00Z, 2023-09-17 10:00:00,
//      2023-09-17, 2023-09, 2023, 20230917T100000Z, 2023/09/17 10:00
//   2. RFC 822 and its relatives, read token by token: optional (and possibly wrong) weekday,
//      day and month in either order, 2- or 4-digit year, time with or without seconds (or none),
//      AM/PM, numeric zones (+0530, +05:30, -5), named zones (EST, CEST, JST, GMT+2, Etc/GMT),
//      military letters, asctime ("Sun Sep 17 10:00:00 2023"), JavaScript's Date#toString and
//      month names in a few languages.
// Impossible dates (Feb 30) give null.

/** English month names, January first (the date grammar's lexicon). */
export const ENGLISH_MONTHS: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** English month abbreviations → month number. */
export const ENGLISH_MONTH_ABBR: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** An English month name or abbreviation ("Sept.", "november") → 1–12, or 0. */
export function englishMonthNumber(s: string): number {
  const k = s.replace('.', '').toLowerCase();
  const full = ENGLISH_MONTHS.findIndex((n) => n.toLowerCase() === k);
  return full >= 0 ? full + 1 : (ENGLISH_MONTH_ABBR[k] ?? 0);
}

/** Month names and abbreviations in the languages feeds and pages are written in → 1–12. */
const MONTHS: Record<string, number> = {};
function addMonths(names: string, offset = 0): void {
  names.split(' ').forEach((n, i) => {
    if (n !== '-') for (const alias of n.split('|')) MONTHS[alias] = i + 1 + offset;
  });
}
addMonths('jan feb mar apr may jun jul aug sep oct nov dec');
addMonths('january february march april may june july august september|sept october november december');
// German, French, Spanish, Italian, Dutch, Portuguese abbreviations and names seen in feeds
addMonths('januar|jän|jaen februar märz|mär|maerz april mai juni juli august - oktober|okt - dezember|dez');
addMonths(
  'janvier|janv février|fevrier|févr|fevr mars avril|avr - juin juillet|juil août|aout septembre octobre novembre décembre|decembre|déc',
);
addMonths('enero|ene febrero marzo abril mayo junio julio agosto|ago septiembre|setiembre|set octubre noviembre diciembre|dic');
addMonths('gennaio|gen febbraio - aprile maggio|mag giugno|giu luglio|lug - settembre|sett ottobre|ott - dicembre');
addMonths('- - maart|mrt - mei - - - - - - -');
addMonths('janeiro - março|marco - maio junho julho - setembro outubro|out novembro dezembro');

/** Zone abbreviations → offset in minutes east of UTC (exported for tests and callers that read zones). Ambiguous ones take their most common meaning in news feeds. */
export const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  bst: 60,
  ist: 330,
  wat: 60,
  cet: 60,
  met: 60,
  mez: 60,
  cest: 120,
  mest: 120,
  mesz: 120,
  eet: 120,
  eest: 180,
  west: 60,
  msk: 180,
  msd: 240,
  sast: 120,
  cat: 120,
  eat: 180,
  est: -300,
  edt: -240,
  et: -300,
  cst: -360,
  cdt: -300,
  ct: -360,
  mst: -420,
  mdt: -360,
  mt: -420,
  pst: -480,
  pdt: -420,
  pt: -480,
  akst: -540,
  akdt: -480,
  hst: -600,
  ast: -240,
  adt: -180,
  at: -240,
  nst: -210,
  ndt: -150,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  pht: 480,
  wib: 420,
  ict: 420,
  pkt: 300,
  npt: 345,
  awst: 480,
  acst: 570,
  acdt: 630,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  brt: -180,
  art: -180,
};
// RFC 822 military zones (with RFC 1123's caution about their signs, like feedparser: A = -1, N = +1)
'abcdefghiklm'.split('').forEach((c, i) => (ZONES[c] ??= -(i + 1) * 60));
'nopqrstuvwxy'.split('').forEach((c, i) => (ZONES[c] ??= (i + 1) * 60));

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?$|^(lun|mar|mer|jeu|ven|sam|dim|mo|di|mi|do|fr|sa|so)\.?,$/;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date and time as the source wrote it. */
export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  /** What the source stated: a year, a month, a day, or a time of day. */
  precision: 'year' | 'month' | 'day' | 'time';
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC as written, or null when the source gave no zone (or one we do not know). */
  offsetMinutes: number | null;
  /** The zone was written as a number: '+00:00' stays '+00:00' in `toLocalIso` (a 'GMT' or 'Z' gives 'Z'). */
  numericZone: boolean;
}

/** Parts from fields, or null for an impossible date or time (Feb 30, 25:00). */
function parts(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMinutes: number | null,
  precision: DateTimeParts['precision'],
  numericZone = false,
): DateTimeParts | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return {
    year: y,
    month: mo,
    day: d,
    precision,
    hour: h,
    minute: mi,
    second: s,
    offsetMinutes,
    numericZone: numericZone && offsetMinutes !== null,
  };
}

/** The instant as 'YYYY-MM-DDTHH:MM:SSZ'; a missing time is midnight, a missing zone is `assumeOffset` (UTC). */
export function toUtcIso(p: DateTimeParts, assumeOffset = 0): string | null {
  const t = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, Math.min(p.second, 59));
  const out = new Date(t - (p.offsetMinutes ?? assumeOffset) * 60_000);
  if (Number.isNaN(out.getTime())) return null;
  const year = out.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  return `${String(year).padStart(4, '0')}-${two(out.getUTCMonth() + 1)}-${two(out.getUTCDate())}T${two(out.getUTCHours())}:${two(out.getUTCMinutes())}:${two(out.getUTCSeconds())}Z`;
}

/** '+05:30', '-04:00', or 'Z' for UTC ('+00:00' when `numeric`). */
export function formatOffset(minutes: number, numeric = false): string {
  if (minutes === 0 && !numeric) return 'Z';
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}

/**
 * ISO-8601 at the precision written, in the writer's own offset (converting to UTC can move the
 * calendar day): '2023', '2023-09', '2023-09-17', '2023-09-17T19:00:00+09:00', or a zoneless
 * '2023-09-17T19:00:00' when no zone was written.
 */
export function toLocalIso(p: DateTimeParts): string {
  const date = `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}`;
  if (p.precision === 'year') return date.slice(0, 4);
  if (p.precision === 'month') return date.slice(0, 7);
  if (p.precision === 'day' || p.hour > 23) return date;
  const zone = p.offsetMinutes === null ? '' : formatOffset(p.offsetMinutes, p.numericZone);
  return `${date}T${two(p.hour)}:${two(p.minute)}:${two(Math.min(p.second, 59))}${zone}`;
}

/** A timestamp with a time of day but no offset: the writer's zone is unknown. */
export function isZonelessTimestamp(iso: string): boolean {
  return /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso);
}

function expandYear(token: string): number {
  const y = Number(token);
  if (token.length <= 2) return y + (y < 50 ? 2000 : 1900); // RFC 5322 §4.3: 00-49 → 20xx, 50-99 → 19xx
  if (token.length === 3) return y + 1900; // Perl/JS getYear() bugs: 123 = 2023
  return y;
}

/** '+0530', '+05:30', '-5', '+05', 'GMT+2', 'UTC-03:00', 'Etc/GMT' → minutes, or null. */
export function parseZone(token: string): number | null {
  let t = token.toLowerCase().replace(/^\(|\)$/g, '');
  if (t.startsWith('etc/')) t = t.slice(4);
  const named = /^(gmt|utc|ut|z)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (named) {
    const sign = named[2] === '-' ? -1 : 1;
    const h = Number(named[3]);
    const m = Number(named[4] ?? 0);
    if (h > 14 || m > 59) return null;
    return sign * (h * 60 + m);
  }
  const three = /^([+-])(\d)(\d{2})$/.exec(t); // '+530'
  if (three) return (three[1] === '-' ? -1 : 1) * (Number(three[2]) * 60 + Number(three[3]));
  if (t in ZONES) return ZONES[t]!;
  return null;
}

const ISO =
  /^(\d{4})(?:(?:-|\/|\.)?(\d{2})(?:(?:-|\/|\.)?(\d{2})(?:(?:t|\s+|_)(\d{1,2})(?::?(\d{2}))?(?::?(\d{2})(?:[.,]\d+)?)?\s*(z|utc|gmt|ut|[+-]\d{1,2}(?::?\d{2})?)?)?)?)?$/i;

function parseIso(s: string): DateTimeParts | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, zone] = m;
  if (h !== undefined && mi === undefined && !/t/i.test(s)) return null; // '2023-09-17 10' is too vague
  const offset = zone ? parseZone(zone) : null;
  if (zone && offset === null) return null;
  const precision = h !== undefined ? 'time' : d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year';
  return parts(
    Number(y),
    Number(mo ?? 1),
    Number(d ?? 1),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(sec ?? 0),
    offset,
    precision,
    /^[+-]/.test(zone ?? ''),
  );
}

function parseLoose(s: string): DateTimeParts | null {
  // "Sun,17 Sep" → "Sun, 17 Sep"; "17-Sep-2023" → "17 Sep 2023"; "(EST)" comments kept as tokens
  let text = s.toLowerCase().replace(/,(?=\S)/g, ', ');
  text = text.replace(/(\d)-([a-zà-ÿ]{3,})-(\d)/g, '$1 $2 $3');
  // "(UTC)" may stand for the zone; "(Central European Summer Time)" is a comment
  text = text.replace(/\(([^)]*)\)/g, (_m, inner: string) => (parseZone(inner.trim()) !== null ? ` (${inner.trim()}) ` : ' '));
  text = text.replace(/(\d)(am|pm)\b/g, '$1 $2');
  text = text.replace(/\b(at|um|à|a las|alle|om)\b/g, ' ');
  const tokens = text.split(/[\s,]+/).filter(Boolean);
  let month: number | null = null;
  const numbers: string[] = [];
  let time: number[] | null = null;
  let ampm: 'am' | 'pm' | null = null;
  let offset: number | null = null;
  /** `offset` holds 0 for a word taken as an unknown zone name (it then stays unknown). */
  let offsetGuessed = false;
  let numericZone = false;
  let comment: number | null = null;
  let ianaName: string | null = null;
  let ymd: number[] | null = null;
  let yearTokNum = 0;
  let dayNum = 0;
  for (const raw of tokens) {
    const tok = raw.replace(/\.$/, '');
    const ymdTok = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(tok); // 'Fri, 2006/09/15 08:19:53 EDT'
    if (ymdTok && !ymd) {
      ymd = ymdTok.slice(1).map(Number);
      continue;
    }
    if (/^\d{1,2}:\d{2}(:\d{2})?([.,]\d+)?$/.test(tok) || /^\d{1,2}\.\d{2}\.\d{2}$/.test(tok)) {
      if (time) return null;
      time = tok.split(/[:.]/).slice(0, 3).map(Number);
      continue;
    }
    const timeZone = /^(\d{1,2}:\d{2}(?::\d{2})?)([+-]\d{2}:?\d{2}|[a-z]{1,5})$/.exec(tok);
    if (timeZone && !time && parseZone(timeZone[2]!) !== null) {
      time = timeZone[1]!.split(':').map(Number);
      offset = parseZone(timeZone[2]!);
      numericZone = /^[+-]/.test(timeZone[2]!);
      continue;
    }
    if (/^\d+$/.test(tok) || /^\d{1,2}(st|nd|rd|th)$/.test(tok)) {
      numbers.push(tok.replace(/\D+$/, ''));
      continue;
    }
    if (tok === 'am' || tok === 'a.m' || tok === 'pm' || tok === 'p.m') {
      ampm = tok.startsWith('a') ? 'am' : 'pm';
      continue;
    }
    if (month === null && MONTHS[tok] !== undefined) {
      month = MONTHS[tok]!;
      continue;
    }
    if (month === null && tok.length > 3 && MONTHS[tok.slice(0, 3)] !== undefined && /^[a-z]+$/.test(tok)) {
      month = MONTHS[tok.slice(0, 3)]!;
      continue;
    }
    if (WEEKDAY.test(raw) || WEEKDAY.test(tok + ',') || /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(tok)) continue;
    if (tok === 'de' || tok === 'of' || tok === 'the' || tok === 'del' || tok === '-' || tok === '|' || tok === '@' || tok === '–')
      continue;
    const z = parseZone(tok);
    if (z !== null && (tok.startsWith('(') || raw.startsWith('('))) {
      comment ??= z;
      continue;
    }
    if (z !== null) {
      if (offset === null) {
        offset = z; // '+0000 GMT': the first zone wins
        numericZone = /^[+-]/.test(tok);
      }
      continue;
    }
    if (/^[a-z]+\/[a-z_]+(\/[a-z_]+)?$/.test(tok) && ianaZone(raw) !== null) {
      ianaName = raw;
      continue;
    }
    if (/^\(.*\)$/.test(raw)) continue; // "(Coordinated Universal Time)"
    if (/^[+-]\d+$/.test(tok)) return null;
    if (/^[a-z]+$/.test(tok) && offset === null) {
      offset = 0; // an unknown zone name: no later zone wins, as in feedparser (which reads it as UTC)
      offsetGuessed = true;
      continue;
    }
    return null;
  }
  if (ymd) {
    if (month !== null || numbers.length) return null;
    [yearTokNum, month, dayNum] = ymd as [number, number, number];
  }
  if (month === null || (!ymd && (numbers.length < 2 || numbers.length > 3))) return null;
  let day: number;
  let yearTok: string;
  const four = numbers.findIndex((n) => n.length === 4);
  if (ymd) {
    day = dayNum;
    yearTok = String(yearTokNum);
  } else if (four >= 0) {
    yearTok = numbers[four]!;
    const rest = numbers.filter((_, i) => i !== four);
    if (rest.length !== 1) return null;
    day = Number(rest[0]);
  } else {
    if (numbers.length !== 2) return null;
    day = Number(numbers[0]);
    yearTok = numbers[1]!;
  }
  const year = expandYear(yearTok);
  const [hour = 0, mi = 0, sec = 0] = time ?? [];
  let h = hour;
  if (ampm === 'pm' && h < 12) h += 12;
  if (ampm === 'am' && h === 12) h = 0;
  const precision = time ? 'time' : 'day';
  if (offset === null && comment === null && ianaName) {
    const guess = parts(year, month, day, h, mi, sec, 0, precision);
    const utc = guess && toUtcIso(guess);
    const zoneOffset = utc ? ianaOffset(ianaZone(ianaName)!, Date.parse(utc)) : null;
    if (zoneOffset !== null) return parts(year, month, day, h, mi, sec, zoneOffset, precision);
  }
  return parts(year, month, day, h, mi, sec, offsetGuessed ? null : (offset ?? comment), precision, offset !== null && numericZone);
}

/** The canonical IANA zone name for 'europe/london', or null when Intl does not know it. */
function ianaZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Offset (minutes east of UTC) of an IANA zone at an instant. */
function ianaOffset(zone: string, at: number): number | null {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(at))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!part || part === 'GMT') return 0;
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(part);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : null;
  } catch {
    return null;
  }
}

/** A date or timestamp as feeds and pages write it → its parts, or null when it cannot be read. */
export function parseDateTime(value: string | null | undefined): DateTimeParts | null {
  if (!value) return null;
  const s = value
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s) return null;
  if (/^\d{4}/.test(s)) {
    // pad single-digit months and days: 2023-9-7 → 2023-09-07
    const padded = s.replace(
      /^(\d{4})([-/.])(\d{1,2})(?:\2(\d{1,2}))?(?=\D|$)/,
      (_m, y: string, sep: string, mo: string, d?: string) => `${y}${sep}${mo.padStart(2, '0')}${d ? sep + d.padStart(2, '0') : ''}`,
    );
    const iso = parseIso(padded.replace(/\s+(?=[+-]\d{2}:?\d{2}$)/, '').replace(/\s+z$/i, 'Z'));
    if (iso) return iso;
  }
  // numeric day/month/year: 17.09.2023 (day first), 09/17/2023 (US: month first unless it cannot be)
  const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b(.*)$/.exec(s);
  if (numeric) {
    const [, a, sep, b, y, rest] = numeric;
    if (sep === '-' && y!.length === 2 && a!.length === 2) {
      // '03-12-31': two-digit ISO year first
      return parseLoose(`${Number(y)} ${MONTH_NAMES[Number(b) - 1] ?? 'x'} ${a}${rest}`);
    }
    let day = Number(a);
    let month = Number(b);
    if (sep === '/' && month <= 12 && day <= 12) [day, month] = [month, day];
    else if (sep === '/' && Number(b) > 12) [day, month] = [Number(b), Number(a)];
    if (month < 1 || month > 12) return null;
    return parseLoose(`${day} ${MONTH_NAMES[month - 1]} ${y}${rest}`);
  }
  if (/^\d{9,13}$/.test(s)) return null; // bare epoch numbers are too ambiguous to guess
  return parseLoose(s);
}
