// The date grammar: regular expressions that find date expressions in English news text and turn
// each match into a small semantic description (a Spec). Resolving a Spec against the publication
// date is resolve.ts's job. Month and weekday names are matched case-sensitively ("May" vs "may");
// everything else case-insensitively.

// The month tables are the shared date-time ones (src/text/datetime.ts), English only here.
import { ENGLISH_MONTHS, englishMonthNumber } from '../../text/datetime.js';

export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade';
export type SeasonCode = 'SP' | 'SU' | 'FA' | 'WI';

export type Spec =
  /** A calendar day; a missing year is inferred (nearest, or by tense). */
  | { k: 'day'; y?: number; m: number; d: number; rel?: number }
  /** A month; `rel` -1/0/+1 from last/this/next; a missing year is inferred (past-leaning). */
  | { k: 'month'; y?: number; m: number; rel?: number; yrel?: number }
  | { k: 'year'; y: number }
  | { k: 'half'; y?: number; h: number; yrel?: number }
  | { k: 'decade'; start: number }
  | { k: 'century'; n: number }
  /** An explicit quarter ("the third quarter [of 1989]"); a missing year is inferred. */
  | { k: 'quarter'; y?: number; q: number; yrel?: number; yearsBack?: number }
  /** "the quarter", "the year-ago period": the quarter under discussion, shifted. */
  | { k: 'ctxQuarter'; yearShift: number; seqShift: number; current?: boolean; latest?: boolean; y?: number }
  | { k: 'season'; y?: number; s: SeasonCode; rel?: number }
  /** A weekday; rel: -1 last, 0 this, +1 next, undefined = by tense (past-leaning). */
  | { k: 'weekday'; wd: number; rel?: number }
  /** n days from the publication date (today 0, yesterday -1). */
  | { k: 'relDay'; n: number }
  /** this/last/next week|month|year|…: n units from the publication date's unit. */
  | { k: 'relUnit'; unit: Unit; n: number }
  /** December of this/last/next year ("year-end"): month `n` of the year `yrel` years away. */
  | { k: 'relMonth'; n: number; yrel: number }
  /** "a year ago", "year-earlier": n years back, at quarter precision when a quarter is under discussion. */
  | { k: 'yearsAgo'; n: number }
  /** "the weekend": the one just past, or the coming one when the sentence is in the future. */
  | { k: 'weekend' }
  /** "that year": the last year named before it. */
  | { k: 'thatYear' }
  | { k: 'holiday'; h: HolidayName; y?: number; rel?: number }
  /** A date reference that cannot be placed on the calendar ("now", "recently", "several years ago"). */
  | { k: 'vague' };

export interface Rule {
  name: string;
  re: RegExp;
  /** A cheap test the text must pass before `re` runs (most rules need a keyword to match at all). */
  gate?: RegExp;
  build(m: RegExpExecArray, text: string): Spec | null;
}

// --- lexicon -------------------------------------------------------------------------------------

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Number words ("two years ago", "nineteen ninety-six"): one table for counts and spoken years. */
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};
/** The number words whose value passes `test`, longest first, as a regex alternation. */
const numberWords = (test: (n: number) => boolean): string =>
  Object.keys(NUMBER_WORDS)
    .filter((w) => test(NUMBER_WORDS[w]))
    .sort((x, y) => y.length - x.length)
    .join('|');
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  'twenty-first': 21,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  final: 4,
  last: 4,
  latter: 2,
};

/** "Last" and "last": a word with its first letter in either case (for rules that are case-sensitive). */
const anyCase = (w: string): string => `[${w[0].toUpperCase()}${w[0].toLowerCase()}]${w.slice(1)}`;
const alt = (ws: string[], f: (w: string) => string = (w) => w): string => ws.map(f).join('|');

const FULL = ENGLISH_MONTHS.join('|');
const ABBR = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
/** A month name or abbreviation ("Sept.", "Nov"); abbreviations only where a number follows. */
const MONTH = `(?:${FULL}|(?:${ABBR})\\.?)`;
/** A month name alone: full names, or an abbreviation with its period. */
const MONTH_ALONE = `(?:${FULL}|(?:${ABBR})\\.)`;
const WEEKDAY = WEEKDAYS.join('|');
/** A year news writes in digits: 1500–2099. */
export const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)';
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?';
/** A count: digits, a number word, "a"/"an" (one), or a vague quantity. */
const NUM = `(?:\\d{1,3}|${numberWords(() => true)}|an|a few|a couple of|a couple|a|few|several|many|some)`;
const DAYPART = '(?:morning|afternoon|evening|night)';

const weekdayNumber = (s: string): number => WEEKDAYS.indexOf(s);
const numberOf = (s: string): number | null => {
  const k = s.toLowerCase();
  if (/^\d+$/.test(k)) return +k;
  if (k === 'a' || k === 'an') return 1;
  return NUMBER_WORDS[k] ?? null;
};
/** Words that shift a unit from the publication date's: "last week" -1, "next month" +1, "this year" 0. */
const SHIFT_WORDS: Record<string, number> = {
  last: -1,
  'this past': -1,
  'the past': -1,
  'the previous': -1,
  'the preceding': -1,
  past: -1,
  previous: -1,
  next: 1,
  'this coming': 1,
  'the coming': 1,
  'the next': 1,
  'the following': 1,
  coming: 1,
  this: 0,
  'the current': 0,
  current: 0,
};
const relOf = (s: string | undefined): number | undefined => (s ? SHIFT_WORDS[s.toLowerCase().replace(/\s+/g, ' ')] : undefined);
/** Days from the publication date. */
const DAY_WORDS: Record<string, number> = {
  today: 0,
  tonight: 0,
  yesterday: -1,
  tomorrow: 1,
  'the day before yesterday': -2,
  'the day after tomorrow': 2,
};
/** "the thirties" … "the nineties": the 1930s … 1990s. */
const DECADE_WORDS = ['thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
const SEASONS: Record<string, SeasonCode> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

/** A named group of a match. */
export const g = (m: RegExpExecArray, k: string): string | undefined => m.groups?.[k];
/** The word just before `at` (within 30 characters), as written. */
export const wordBefore = (text: string, at: number): string => /(\S+)\s*$/.exec(text.slice(Math.max(0, at - 30), at))?.[1] ?? '';
const wordAfter = (text: string, at: number): string => /^\s*(\S+)/.exec(text.slice(at, at + 30))?.[1] ?? '';

/** The month and day of a match's `mon` and `day` groups; null when the day is no day of a month. */
function monthDayOf(m: RegExpExecArray): { m: number; d: number } | null {
  const mo = englishMonthNumber(g(m, 'mon')!);
  const d = parseInt(g(m, 'day')!, 10);
  return mo && d >= 1 && d <= 31 ? { m: mo, d } : null;
}

// Quarters, halves and periods of play: sports copy uses the same words as earnings reports.
const SPORTS =
  /\b(?:touchdowns?|field goals?|quarterback|overtime|half-?time|rebounds?|three-pointers?|free throws?|innings?|scored|scoring|goals?|penalty|penalties|playoffs?|NBA|NFL|NHL|WNBA|Super Bowl|kick-?off|buzzer|power play|hat-trick|striker|midfielder|goalkeeper|referee)\b/i;
function isSportsContext(text: string, start: number, end: number): boolean {
  return SPORTS.test(text.slice(Math.max(0, start - 150), Math.min(text.length, end + 150)));
}

// Month names that are also common words or given names need a date-like neighbour.
const AMBIGUOUS_MONTHS = new Set(['May', 'March', 'June', 'August', 'April']);
const MONTH_PREPOSITIONS =
  /^(?:in|since|until|till|by|from|through|during|before|after|of|on|last|next|this|early|late|mid|between|and|to|or|each|every|throughout|a|the|its|their|his|her)$/i;

const UNITS = numberWords((n) => n < 10);
const TEENS = numberWords((n) => n > 10 && n < 20);
const TENS = numberWords((n) => n >= 20 && n < 100);
/** "ninety-six" → 96, "seven" → 7. */
function spokenNumber(s: string): number {
  return s.split(/[\s-]+/).reduce((n, w) => n + (NUMBER_WORDS[w] ?? 0), 0);
}

/** Holidays with a computable date; the resolver picks the year. */
export const HOLIDAYS = {
  Christmas: [12, 25],
  'Christmas Eve': [12, 24],
  "New Year's": [1, 1],
  "New Year's Eve": [12, 31],
  Thanksgiving: 'thanksgiving',
  Easter: 'easter',
  'Easter Monday': 'easterMonday',
  'Good Friday': 'goodFriday',
  Halloween: [10, 31],
  "Valentine's Day": [2, 14],
  'Election Day': 'electionDay',
  'Labor Day': 'laborDay',
  'Labour Day': [5, 1],
  'Memorial Day': 'memorialDay',
  'Black Friday': 'blackFriday',
  'Cyber Monday': 'cyberMonday',
} as const;
export type HolidayName = keyof typeof HOLIDAYS;

// --- rules ---------------------------------------------------------------------------------------

const MONTH_GATE = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
const GATES: Record<string, RegExp> = {
  monthDay: MONTH_GATE,
  dayMonth: MONTH_GATE,
  monthYear: MONTH_GATE,
  month: MONTH_GATE,
  isoDay: /\d-[01]\d-[0-3]\d/,
  slashDay: /\d\/\d/,
  quarter: /quarter/i,
  qShort: /Q[1-4]/,
  ctxQuarter: /quarter|period/i,
  half: /half/i,
  decade: /\d0['’]?s|ties\b/i,
  century: /century/i,
  year: /(?:1[5-9]|20)\d\d/,
  season: /spring|summer|fall|autumn|winter/i,
  weekday: /day/,
  relDay: /today|yesterday|tomorrow|tonight|night|this\s+(?:morning|afternoon|evening)/i,
  shortHalfFy: /H[12]|FY/,
  relUnit: /week|month|year|decade|quarter/i,
  weekend: /weekend/i,
  endOfThe: /end|beginning|start|middle|rest|remainder/i,
  theYear: /year/i,
  thatYear: /year/i,
  ago: /ago|earlier|before|from now|hence/i,
  yearAgoAdj: /year-/i,
  holiday:
    /Christmas|New Year|Thanksgiving|Easter|Good Friday|Black Friday|Cyber Monday|Halloween|Valentine|Election Day|Labou?r Day|Memorial Day/,
  spokenYear: /teen|twelve|eleven|twenty|two thousand/i,
};

const R = (name: string, src: string, flags: string, build: Rule['build']): Rule => ({
  name,
  re: new RegExp(src, flags + 'g'),
  gate: GATES[name],
  build,
});

const PRE_MOD =
  'early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of|the last half of';

export const RULES: Rule[] = [
  // "Saturday, Sept. 16, 2023", "Sept. 16", "July 4th 1990"
  R(
    'monthDay',
    `(?<![\\w.])(?:(?<rel>${alt(['last', 'this', 'next', 'this past'], anyCase)})\\s+)?(?:(?:${WEEKDAY}),?\\s+)?(?<mon>${MONTH})\\s+(?<day>${DAY})(?![\\w%]|[.,:]\\d)(?:,?\\s+(?<year>${YEAR})(?![\\w%]|[.,]\\d))?`,
    '',
    (m) => {
      const md = monthDayOf(m);
      if (!md) return null;
      const y = g(m, 'year') ? +g(m, 'year')! : undefined;
      return { k: 'day', y, m: md.m, d: md.d, rel: relOf(g(m, 'rel')) };
    },
  ),
  // "16 September 2023", "the 16th of September"
  R(
    'dayMonth',
    `(?<![\\w$.,])(?:(?:${WEEKDAY}),?\\s+)?(?:the\\s+)?(?<day>${DAY})(?:\\s+of)?\\s+(?<mon>${MONTH})(?![\\w])(?:,?\\s+(?<year>${YEAR})(?![\\w%]|[.,]\\d))?`,
    '',
    (m) => {
      const md = monthDayOf(m);
      if (!md) return null;
      if (/^(?:Jan|Mar|Jun)$/.test(g(m, 'mon')!) && !g(m, 'year')) return null; // "5 Jan" could be a name
      return { k: 'day', y: g(m, 'year') ? +g(m, 'year')! : undefined, m: md.m, d: md.d };
    },
  ),
  // ISO 2023-09-16 and US 9/16/2023
  R('isoDay', `(?<![\\w-])(?<y>${YEAR})-(?<mo>0[1-9]|1[0-2])-(?<d>[0-3]\\d)(?!(?!T\\d)[\\w-])`, '', (m) => ({
    k: 'day',
    y: +g(m, 'y')!,
    m: +g(m, 'mo')!,
    d: +g(m, 'd')!,
  })),
  R('slashDay', `(?<![\\w/.])(?<a>[01]?\\d)/(?<b>[0-3]?\\d)/(?<y>${YEAR}|\\d\\d)(?![\\w/])`, '', (m) => {
    let a = +g(m, 'a')!,
      b = +g(m, 'b')!;
    const yy = g(m, 'y')!;
    const y = yy.length === 2 ? (+yy < 50 ? 2000 + +yy : 1900 + +yy) : +yy;
    if (a > 12 && b <= 12) [a, b] = [b, a]; // 16/9/2023 is day-first
    if (a < 1 || a > 12 || b < 1 || b > 31) return null;
    return { k: 'day', y, m: a, d: b };
  }),
  // "July 2023", "mid-July of 1990", "early December 1999"
  R(
    'monthYear',
    `(?<![\\w-])(?:(?:${alt(PRE_MOD.split('|'), anyCase)})[\\s-]+)?(?<mon>${MONTH})(?:\\s+of)?,?\\s+(?<year>${YEAR})(?![\\w%]|[.,]\\d)`,
    '',
    (m) => ({ k: 'month', y: +g(m, 'year')!, m: englishMonthNumber(g(m, 'mon')!) }),
  ),
  // "July", "last July", "early December", "April next year"
  R(
    'month',
    `(?<![\\w-])(?:(?<mod>${alt(['last', 'this', 'next', 'this past', 'this coming', 'early', 'mid', 'late', 'the end of', 'the beginning of', 'the start of', 'the middle of', 'earlier', 'later'], anyCase)})[\\s-]+)?(?<mon>${MONTH_ALONE})(?![\\w-])(?:\\s+(?<yrel>last|this|next)\\s+year)?`,
    '',
    (m, text) => {
      const name = g(m, 'mon')!;
      const mod = g(m, 'mod')?.toLowerCase();
      if (AMBIGUOUS_MONTHS.has(name) && !mod && !g(m, 'yrel')) {
        const before = wordBefore(text, m.index),
          after = wordAfter(text, m.index + m[0].length);
        if (!MONTH_PREPOSITIONS.test(before)) return null; // "May I ...", "Theresa May", "March on ..."
        if (/^[A-Z][a-z]/.test(after) && name !== 'March') return null; // "June Carter"
      }
      return { k: 'month', m: englishMonthNumber(name), rel: relOf(mod), yrel: relOf(g(m, 'yrel')) };
    },
  ),
  // "the third quarter of 1989", "third-quarter", "1989's fourth quarter", "the fiscal first quarter"
  R(
    'quarter',
    `(?<![\\w-])(?:(?<pre>the|this|last|next|this year's|last year's|next year's|(?<py>${YEAR})(?:'s)?)\\s+)?(?:(?<py2>${YEAR})\\s+)?(?:(?<ya>year-ago|year-earlier|year-before|prior-year|comparable|same)\\s+)?(?:(?:fiscal|calendar)[\\s-]+)?(?<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\\s-]+(?:fiscal[\\s-]+)?quarter(?![\\w-])(?:\\s+of\\s+(?:fiscal\\s+)?(?:(?<y2>${YEAR})|(?<yrel>this|last|next)\\s+year))?(?:\\s+(?<yrel2>last|this|next)\\s+year)?`,
    'i',
    (m, text) => {
      const q = ORDINALS[g(m, 'q')!.toLowerCase()];
      const ys = g(m, 'py') ?? g(m, 'py2') ?? g(m, 'y2');
      if (!ys && isSportsContext(text, m.index, m.index + m[0].length)) return null; // "a fourth-quarter touchdown"
      const pre = g(m, 'pre')?.toLowerCase() ?? '';
      const yrel =
        relOf(g(m, 'yrel') ?? g(m, 'yrel2')) ??
        (pre.startsWith('this year') ? 0 : pre.startsWith('last year') ? -1 : pre.startsWith('next year') ? 1 : undefined);
      if (/year/i.test(g(m, 'ya') ?? '') && !ys && yrel == null) return { k: 'quarter', q, yearsBack: 1 };
      return { k: 'quarter', q, y: ys ? +ys : undefined, yrel };
    },
  ),
  R('qShort', `(?<![\\w-])(?:Q(?<q>[1-4])(?:\\s+(?<y>${YEAR})|\\s*'(?<yy>\\d\\d))?|(?<y2>${YEAR})\\s*Q(?<q2>[1-4]))(?![\\w-])`, '', (m) => {
    const q = +(g(m, 'q') ?? g(m, 'q2'))!;
    const yy = g(m, 'yy');
    const y = g(m, 'y') ?? g(m, 'y2') ?? (yy ? String(+yy < 50 ? 2000 + +yy : 1900 + +yy) : undefined);
    return { k: 'quarter', q, y: y ? +y : undefined };
  }),
  // "H1 2023", "FY2023", "FY 2022/23"
  R('shortHalfFy', `(?<![\\w-])(?:H(?<h>[12])\\s+(?<hy>${YEAR})|FY\\s?(?:(?<fy>${YEAR})|['’]?(?<fyy>\\d\\d)))(?![\\w-])`, '', (m) => {
    if (g(m, 'h')) return { k: 'half', h: +g(m, 'h')!, y: +g(m, 'hy')! };
    const yy = g(m, 'fyy');
    return { k: 'year', y: g(m, 'fy') ? +g(m, 'fy')! : +yy! < 50 ? 2000 + +yy! : 1900 + +yy! };
  }),
  // "the quarter", "the latest period", "the year-ago quarter", "the same period last year"
  R(
    'ctxQuarter',
    `(?<![\\w-])(?:the|this|that|its|their)\\s+(?<adj>(?:(?:latest|current|most recent|recent|just-ended|just-completed|fiscal|same|comparable|corresponding|year-ago|year-earlier|year-before|prior-year|previous|prior|past|${YEAR})\\s+)*)(?<unit>quarter|period)(?![\\w-])(?:\\s+(?<tail>a year (?:ago|earlier|before)|last year|the year before|of last year|(?:in|of) (?<ty>${YEAR})))?`,
    'i',
    (m, text) => {
      const adj = (g(m, 'adj') ?? '').toLowerCase();
      const unit = g(m, 'unit')!.toLowerCase();
      if (isSportsContext(text, m.index, m.index + m[0].length)) return null; // a period of play
      if (unit === 'period' && !adj.trim() && !g(m, 'tail')) return null;
      const latest = /latest|most recent|just-ended|just-completed/.test(adj);
      const yearAgo = /year-ago|year-earlier|year-before|prior-year/.test(adj) || /year|last/.test(g(m, 'tail') ?? '');
      const seq = !yearAgo && /\b(?:previous|prior)\b/.test(adj) ? -1 : 0;
      const ys = /(\d{4})/.exec(adj)?.[1] ?? g(m, 'ty');
      return { k: 'ctxQuarter', yearShift: yearAgo ? -1 : 0, seqShift: seq, current: /current/.test(adj), latest, y: ys ? +ys : undefined };
    },
  ),
  // "the first half of 1990", "first-half"
  R(
    'half',
    `(?<![\\w-])(?:the\\s+)?(?<h>first|second|last|latter|1st|2nd)(?:(?<hy>-)|\\s+)half(?![\\w-])(?:\\s+of\\s+(?:(?:the\\s+)?(?<y>${YEAR})|(?<yrel>this|last|next)\\s+year|(?<ty>the|this)\\s+year))?`,
    'i',
    (m, text) => {
      const h = ORDINALS[g(m, 'h')!.toLowerCase()];
      if (!g(m, 'y') && !g(m, 'yrel') && !g(m, 'ty') && !g(m, 'hy')) return null; // "the second half" of a match
      if (!g(m, 'y') && isSportsContext(text, m.index, m.index + m[0].length)) return null; // "a second-half goal"
      return { k: 'half', h: h === 1 ? 1 : 2, y: g(m, 'y') ? +g(m, 'y')! : undefined, yrel: relOf(g(m, 'yrel')) };
    },
  ),
  // "the 1990s", "the mid-1980s", "the '80s"
  R(
    'decade',
    `(?<![\\w'’])(?:the\\s+)?(?:(?:early|mid|late)[\\s-]+)?(?:(?<c>1[0-9]|20)(?<d>\\d)0'?s|['’](?<d2>\\d)0s)(?![\\w])|(?<![\\w-])the\\s+(?:(?:early|mid|late)[\\s-]+)?(?<w>${DECADE_WORDS.join('|')})(?![\\w-])`,
    'i',
    (m) => {
      const w = g(m, 'w');
      if (w) return { k: 'decade', start: 1900 + (DECADE_WORDS.indexOf(w.toLowerCase()) + 3) * 10 };
      const d2 = g(m, 'd2');
      if (d2 != null) return { k: 'decade', start: (+d2 <= 2 ? 2000 : 1900) + +d2 * 10 };
      return { k: 'decade', start: +g(m, 'c')! * 100 + +g(m, 'd')! * 10 };
    },
  ),
  // "the 20th century", "the twenty-first century"
  R(
    'century',
    `(?<![\\w-])(?:the\\s+)?(?<n>\\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINALS)
      .filter((k) => !/\d|final|last|latter/.test(k))
      .join('|')})[\\s-]+century(?![\\w-])`,
    'i',
    (m) => {
      const s = g(m, 'n')!.toLowerCase();
      const n = /^\d/.test(s) ? parseInt(s, 10) : ORDINALS[s];
      return n ? { k: 'century', n } : null;
    },
  ),
  // "2012", "in mid-1996", "fiscal 1990", "the end of 1989", "the first half of 1990"
  R(
    'year',
    `(?<![\\w$£€#.,/:'’])(?<!(?<!\\d{4})[-–])(?:(?<mod>${PRE_MOD}|fiscal|calendar|the year|the fiscal year|the calendar year)[\\s-]+|mid-)?(?<y>${YEAR})(?![\\w%$£€]|[.,:/]\\d|-\\d\\d-|\\s*(?:percent|per cent|people|troops|members|votes|shares|miles|km|kilometers|feet|meters|tons|barrels|units|points|calories|dollars|euros|pounds)\\b)`,
    'i',
    (m, text) => {
      const y = +g(m, 'y')!;
      const mod = g(m, 'mod')?.toLowerCase() ?? '';
      // "employs 2024 workers" is a count; "the 2020 elections", "in 2019 protests" are years
      const before = wordBefore(text, m.index);
      if (
        !mod &&
        /^(?!(?:is|was|has|does|says|as|its|this|his|thus|plus|versus)\b)[a-z]+s\b(?!['’])/.test(wordAfter(text, m.index + m[0].length)) &&
        !/^(?:the|in|of|since|by|from|until|during|its|his|her|their|our|and|or|to|for|a|an|at|on|before|after|between|through|until|last|this|next)$/i.test(
          before,
        ) &&
        !/['’]s$/.test(before)
      )
        return null;
      if (/first half/.test(mod)) return { k: 'half', y, h: 1 };
      if (/(second|last) half/.test(mod)) return { k: 'half', y, h: 2 };
      return { k: 'year', y };
    },
  ),
  // "last fall", "this summer", "the winter of 1994", "spring 1990"
  R(
    'season',
    `(?<![\\w-])(?:(?<rel>last|this|next|this past|early|late|mid|the|the early|the late|the past)[\\s-]+)?(?<s>spring|summer|fall|autumn|winter)(?![\\w-])(?:\\s+(?:of\\s+)?(?<y>${YEAR})(?![\\w%]))?`,
    'i',
    (m, text) => {
      const rel = g(m, 'rel')?.toLowerCase();
      const y = g(m, 'y') ? +g(m, 'y')! : undefined;
      if (!rel && y == null) return null;
      if (
        rel &&
        /^the( early| late)?$/.test(rel) &&
        y == null &&
        /^(?:of|in|from|to|and|out|back|guy)\b/i.test(wordAfter(text, m.index + m[0].length))
      )
        return null; // "the fall of Rome", "the fall in prices"
      return { k: 'season', s: SEASONS[g(m, 's')!.toLowerCase()], y, rel: relOf(rel) ?? (rel === 'the past' ? -1 : undefined) };
    },
  ),
  // "Saturday", "last Friday", "Wednesday night", "earlier Sunday"
  R(
    'weekday',
    `(?<![\\w-])(?:(?<rel>${alt(['last', 'this', 'next', 'this past', 'this coming', 'early', 'late', 'earlier', 'later'], anyCase)})\\s+)?(?<wd>${WEEKDAY})(?![\\w-])(?:\\s+${DAYPART}(?![\\w-]))?`,
    '',
    (m, text) => {
      const rel = g(m, 'rel')?.toLowerCase();
      const end = m.index + m[0].length;
      // "The Sunday Times", "Bloody Sunday", "Black Friday" (a holiday rule takes the last)
      if (!rel && /^the$/i.test(wordBefore(text, m.index)) && /^[A-Z][a-z]/.test(wordAfter(text, end))) return null;
      if (!rel && /^(?:Bloody|Black|Good|Cyber|Super|Ash|Palm|Easter|Holy|Blue)$/.test(wordBefore(text, m.index))) return null;
      // "earlier Sunday", "late Friday" are parts of that day, not a shift
      return { k: 'weekday', wd: weekdayNumber(g(m, 'wd')!), rel: relOf(rel) };
    },
  ),
  // "today", "yesterday afternoon", "the day after tomorrow", "this morning"
  R(
    'relDay',
    `(?<![\\w-])(?:(?:early|late|earlier|later)\\s+)?(?<w>today|yesterday|tomorrow|tonight|the day before yesterday|the day after tomorrow)(?![\\w-])(?:\\s+${DAYPART}(?![\\w-]))?|(?<![\\w-])(?:this\\s+(?:morning|afternoon|evening)|(?<w2>last\\s+night))(?![\\w-])`,
    'i',
    (m, text) => {
      // "USA Today", "VOA Today": a capitalised word mid-sentence before a capitalised "Today" makes a name
      if (/^Today$/.test(g(m, 'w') ?? '') && m[0].startsWith('Today') && /^[A-Z][\w.-]*[A-Za-z]$/.test(wordBefore(text, m.index)))
        return null;
      const w = (g(m, 'w') ?? (g(m, 'w2') ? 'yesterday' : 'today')).toLowerCase();
      return { k: 'relDay', n: DAY_WORDS[w] ?? 0 };
    },
  ),
  // "last week", "this year", "earlier this month", "early next year", "the past year", "the end of the month"
  R(
    'relUnit',
    `(?<![\\w-])(?:(?<pos>earlier|later|early|late|mid|the end of|the beginning of|the start of|the middle of|the rest of|the remainder of|the first half of|the second half of)[\\s-]+)?(?<rel>this|last|next|this past|this coming|the past|the previous|the coming|the current|the next|the following|the preceding)\\s+(?:fiscal\\s+)?(?<unit>week|weekend|month|year|decade|quarter)(?![\\w-])`,
    'i',
    (m) => {
      const relWord = g(m, 'rel')!.toLowerCase().replace(/\s+/g, ' ');
      // "the following year", "the previous month": relative to a time in the story, not to today
      if (/^the (?:following|next|preceding|previous)$/.test(relWord)) return { k: 'vague' };
      const rel = relOf(relWord);
      if (rel == null) return null;
      if (/^[A-Z][a-z]/.test(g(m, 'unit')!)) return null; // "This Week" (a TV programme)
      const unit = g(m, 'unit')!.toLowerCase() as Unit;
      const pos = g(m, 'pos')?.toLowerCase() ?? '';
      if (unit === 'year' && /first half/.test(pos)) return { k: 'half', h: 1, yrel: rel };
      if (unit === 'year' && /second half/.test(pos)) return { k: 'half', h: 2, yrel: rel };
      return { k: 'relUnit', unit, n: rel };
    },
  ),
  R('weekend', `(?<![\\w-])the\\s+weekend(?![\\w-])`, 'i', () => ({ k: 'weekend' })),
  R(
    'endOfThe',
    `(?<![\\w-])(?:(?<pos>the end|the beginning|the start|the middle|the rest|the remainder)\\s+of\\s+the\\s+(?<unit>week|month|year)|year(?:['’]s)?[-\\s]end|the\\s+end\\s+of\\s+(?<rel>this|last|next)\\s+year)(?![\\w-])`,
    'i',
    (m) => {
      const unit = (g(m, 'unit')?.toLowerCase() ?? 'year') as Unit;
      const pos = g(m, 'pos')?.toLowerCase() ?? 'the end';
      const n = relOf(g(m, 'rel')) ?? 0;
      // the end of a year is its December
      if (unit === 'year' && pos === 'the end') return { k: 'relMonth', n: 12, yrel: n };
      return { k: 'relUnit', unit, n };
    },
  ),
  // "the year" (the current one in news copy), not "the year before", "of the year"
  R(
    'theYear',
    `(?<![\\w-])the\\s+(?:current\\s+|full\\s+)?(?:fiscal\\s+)?year(?![\\w-])(?!\\s+(?:of\\s+(?:the|a|an|his|her|its|their|our|my)|before|after|when|in|that|to|earlier|ago|later|ended|ending|since|which|he|she|they|it|we)\\b)`,
    'i',
    (m, text) => {
      const before = wordBefore(text, m.index);
      if (/^(?:per|a|each|every)$/i.test(before)) return null;
      // "the rest of the year" is this year; "player of the year" is no date
      if (
        /^of$/i.test(before) &&
        !/^(?:months|weeks|days|end|rest|half|part|start|beginning|remainder|quarter|balance|course|middle)$/i.test(
          wordBefore(text, m.index - before.length - 1),
        )
      )
        return null;
      return { k: 'relUnit', unit: 'year', n: 0 };
    },
  ),
  // "that year", "later that year": the year the story was just talking about
  R('thatYear', `(?<![\\w-])(?:(?:earlier|later|early|late)\\s+)?(?:that|the\\s+same)\\s+year(?![\\w-])`, 'i', () => ({ k: 'thatYear' })),
  // "two years ago", "a year earlier", "six weeks ago", "several years ago" (vague)
  R(
    'ago',
    `(?<![\\w-])(?:(?:about|almost|nearly|some|roughly|around|more than|less than|over|just|only|barely)\\s+)?(?<n>${NUM})\\s+(?<unit>day|week|fortnight|month|year|decade)s?\\s+(?:or\\s+so\\s+)?(?<dir>ago|earlier|before|from now|hence)(?![\\w-])`,
    'i',
    (m) => {
      const n = numberOf(g(m, 'n')!);
      if (n == null) return { k: 'vague' };
      const dir = g(m, 'dir')!.toLowerCase();
      if (dir === 'before' && !/^(?:a|an|one)$/i.test(g(m, 'n')!)) return { k: 'vague' }; // "10 days before the vote": some event, not today
      const sign = dir === 'from now' || dir === 'hence' ? 1 : -1;
      const unit = g(m, 'unit')!.toLowerCase();
      if (unit === 'day') return { k: 'relDay', n: sign * n };
      if (unit === 'week') return { k: 'relDay', n: sign * 7 * n };
      if (unit === 'fortnight') return { k: 'relDay', n: sign * 14 * n };
      if (unit === 'month') return { k: 'relUnit', unit: 'month', n: sign * n };
      if (unit === 'decade') return { k: 'relUnit', unit: 'year', n: sign * 10 * n };
      return sign < 0 ? { k: 'yearsAgo', n } : { k: 'relUnit', unit: 'year', n };
    },
  ),
  R('yearAgoAdj', `(?<![\\w-])(?:year-ago|year-earlier|year-before|prior-year)(?![\\w-])`, 'i', () => ({ k: 'yearsAgo', n: 1 })),
  // "Thanksgiving Day", "last Christmas", "Easter Sunday"
  R(
    'holiday',
    `(?<![\\w-])(?:(?<rel>${alt(['last', 'this', 'next', 'this past'], anyCase)})\\s+)?(?<h>Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year['’]s(?:\\s+(?:Day|Eve))?|Thanksgiving(?:\\s+Day)?|Easter(?:\\s+Sunday|\\s+Monday)?|Good\\s+Friday|Black\\s+Friday|Cyber\\s+Monday|Halloween|Valentine['’]s\\s+Day|Election\\s+Day|Labou?r\\s+Day|Memorial\\s+Day)(?![\\w-])(?:,?\\s+(?<y>${YEAR})(?![\\w%]))?`,
    '',
    (m, text) => {
      const name = g(m, 'h')!.replace(/\s+/g, ' ').replace('’', "'");
      const next = wordAfter(text, m.index + m[0].length);
      if (!g(m, 'y') && /^[A-Z][a-z]/.test(next) && !englishMonthNumber(next) && !WEEKDAYS.includes(next)) return null; // "the Good Friday Agreement"
      const special = ['Christmas Eve', "New Year's Eve", 'Easter Monday'] as const;
      const h = special.find((k) => name.startsWith(k)) ?? (Object.keys(HOLIDAYS) as HolidayName[]).find((k) => name.startsWith(k));
      if (!h) return null;
      return { k: 'holiday', h, y: g(m, 'y') ? +g(m, 'y')! : undefined, rel: relOf(g(m, 'rel')) };
    },
  ),
  // spoken years in broadcast transcripts: "nineteen ninety-six", "the year two thousand"
  R(
    'spokenYear',
    `(?<![\\w-])(?:(?<c>${TEENS}|twenty)[\\s-]+(?<r>(?:${TENS})(?:[\\s-]+(?:${UNITS}))?|${TEENS}|ten|oh[\\s-]+(?:${UNITS}))|(?<pre>the\\s+year|in|since|until|by)\\s+two\\s+thousand(?:(?:\\s+and)?[\\s-]+(?<r2>(?:${TENS})(?:[\\s-]+(?:${UNITS}))?|${TEENS}|ten|${UNITS}))?)(?![\\w-])`,
    'i',
    (m) => {
      if (g(m, 'c')) {
        const c = NUMBER_WORDS[g(m, 'c')!.toLowerCase()];
        const r = g(m, 'r')!.toLowerCase();
        return { k: 'year', y: c * 100 + spokenNumber(r.replace(/^oh[\s-]+/, '')) };
      }
      const r2 = g(m, 'r2');
      return { k: 'year', y: 2000 + (r2 ? spokenNumber(r2.toLowerCase()) : 0) };
    },
  ),
  // present / past / future references without a calendar value
  R(
    'vague',
    `(?<![\\w-])(?:(?:the\\s+)?(?:near|foreseeable|distant)\\s+future|(?:the\\s+)?coming\\s+(?:days|weeks|months|years|quarters)|the\\s+(?:near|short|long)\\s+term|the\\s+(?:past|last)\\s+(?:few|several|couple\\s+of)\\s+(?:days|weeks|months|quarters|years)|now|currently|nowadays|these days|at present|presently|recently|(?:in\\s+)?recent\\s+(?:years|months|weeks|days|times)|the future|the past(?![\\w-])(?!\\s+(?:\\d|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|twelve|week|weekend|month|year|decade|day|century|quarter|half|hour|summer|winter|spring|fall|autumn)\\b)|current(?![\\w-])(?!\\s+(?:account|accounts|affairs|events|flows?|assets|liabilities)\\b))(?![\\w-])`,
    'i',
    () => ({ k: 'vague' }),
  ),
];
