// Resolve a date Spec against the publication date (the anchor) with news semantics: an
// under-specified weekday, month, season or quarter is the most recent one (the past), unless the
// sentence points to the future; a month and day without a year is the nearest such day.
import { HOLIDAYS, type HolidayName, type Spec, type SeasonCode } from './grammar.js';
import type { Direction } from './tense.js';
import {
  type Ymd,
  addDays,
  addMonths,
  dayOfWeek,
  daysInMonth,
  diffDays,
  isValidDay,
  quarterOf,
  fmtYear,
  fmtMonth,
  fmtDay,
  fmtWeek,
  fmtQuarter,
  fmtHalf,
  fmtDecade,
  fmtCentury,
} from './calendar.js';

/** What the resolver knows besides the expression itself. */
export interface ResolveContext {
  /** Publication date, or null (then only absolute dates resolve). */
  anchor: Ymd | null;
  /** Tense around the expression; computed only when a Spec needs it. */
  direction: () => Direction;
  /** The quarter under discussion (last explicit quarter in the article), updated as we go. */
  quarter: { y: number; q: number } | null;
  /** The last year named explicitly ("in 1998", "June 1998"), for "that year". */
  year?: number | null;
}

const SEASON_START: Record<SeasonCode, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** The season instance (its year as TimeML counts it, e.g. winter 1994 = Dec 1994–Feb 1995) holding a day. */
function seasonYearOf(s: SeasonCode, at: Ymd): { y: number; contains: boolean } {
  const mo = at.m;
  if (s === 'WI') return mo === 12 ? { y: at.y, contains: true } : mo <= 2 ? { y: at.y - 1, contains: true } : { y: at.y, contains: false };
  const start = SEASON_START[s];
  return { y: at.y, contains: mo >= start && mo < start + 3 };
}
const seasonStarted = (s: SeasonCode, y: number, at: Ymd): boolean => at.y * 12 + at.m >= y * 12 + SEASON_START[s];

function resolveSeason(s: SeasonCode, rel: number | undefined, dir: Direction, a: Ymd): number {
  const { y: cy, contains } = seasonYearOf(s, a);
  if (rel === 0) return cy;
  if (contains && rel == null) return cy;
  // the last instance that has started (not the current one when "last")
  let past = seasonStarted(s, cy, a) ? cy : cy - 1;
  if (rel === -1 && contains) past = cy - 1;
  const future = seasonStarted(s, cy, a) ? cy + 1 : cy;
  if (rel === 1 || (rel == null && dir === 'future')) return contains && rel === 1 ? cy + 1 : future;
  return past;
}

function resolveWeekday(wd: number, rel: number | undefined, dir: Direction, a: Ymd): Ymd {
  const today = dayOfWeek(a);
  const back = (today - wd + 7) % 7; // days back to the most recent such weekday (0 = today)
  const fwd = (wd - today + 7) % 7; // days forward (0 = today)
  if (rel === -1) return addDays(a, -(back || 7));
  if (rel === 1) return addDays(a, fwd || 7);
  if (rel === 0) return dir === 'past' ? addDays(a, -back) : addDays(a, fwd);
  if (dir === 'future') return addDays(a, fwd || 7);
  return addDays(a, -back);
}

/** Tunables of the past-leaning resolution. */
export const LEAN = {
  /** A bare month more than this many months back is read as the coming one ("in November" in October). */
  monthMaxBack: 9,
  /** A month+day without a year is the future one only if that is this much nearer than the past one. */
  dayFutureFactor: 2,
  /** A tense cue moves a month+day to its past/future occurrence only within this many days. */
  dayCueReach: 183,
  /** A future cue moves a bare month ahead only this many months. */
  monthCueReach: 6,
  /** Without a cue, a holiday is the coming one only this many days ahead. */
  holidayAhead: 31,
};

function resolveMonthYear(m: number, rel: number | undefined, dir: Direction, a: Ymd): number {
  if (rel === 0) return a.y;
  // "last February" said in March means a year ago; otherwise the latest one before this month
  if (rel === -1) return m < a.m - 1 ? a.y : a.y - 1;
  if (rel === 1) return m > a.m ? a.y : a.y + 1;
  // a future cue reaches half a year ahead ("will open in March" in September), not further
  if (dir === 'future' && (m - a.m + 12) % 12 <= LEAN.monthCueReach) return m >= a.m ? a.y : a.y + 1;
  if (dir === 'past') return m <= a.m ? a.y : a.y - 1;
  const back = (a.m - m + 12) % 12;
  if (back > LEAN.monthMaxBack) return m >= a.m ? a.y : a.y + 1;
  return m <= a.m ? a.y : a.y - 1;
}

/** The year of a yearly day (a month+day, a holiday) nearest the anchor, leaning to the past. */
function resolveDayYear(dateIn: (y: number) => Ymd | null, rel: number | undefined, dir: Direction, a: Ymd): number | null {
  const cands = [a.y - 1, a.y, a.y + 1].filter((y) => dateIn(y) != null);
  if (!cands.length) return null;
  const dist = (y: number) => diffDays(dateIn(y)!, a);
  const past = cands.filter((y) => dist(y) <= 0).pop();
  const future = cands.find((y) => dist(y) >= 0);
  if (rel === -1) return cands.filter((y) => dist(y) < 0).pop() ?? null;
  if (rel === 1) return cands.find((y) => dist(y) > 0) ?? null;
  if (dir === 'future' && future != null && dist(future) <= LEAN.dayCueReach) return future;
  if (dir === 'past' && past != null && -dist(past) <= LEAN.dayCueReach) return past;
  if (past == null) return future ?? null;
  if (future == null) return past;
  return dist(future) * LEAN.dayFutureFactor < -dist(past) ? future : past;
}

/** The n-th (1-based; -1 = last) given weekday of a month. */
function nthWeekday(y: number, m: number, wd: number, n: number): Ymd {
  if (n < 0) {
    const last = { y, m, d: daysInMonth(y, m) };
    return addDays(last, -((dayOfWeek(last) - wd + 7) % 7));
  }
  const first = { y, m, d: 1 };
  return addDays(first, ((wd - dayOfWeek(first) + 7) % 7) + 7 * (n - 1));
}

/** Western Easter Sunday (anonymous Gregorian computus). */
function easter(y: number): Ymd {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

export function holidayDate(h: HolidayName, y: number): Ymd {
  const rule = HOLIDAYS[h];
  if (Array.isArray(rule)) return { y, m: rule[0], d: rule[1] };
  switch (rule) {
    case 'thanksgiving':
      return nthWeekday(y, 11, 4, 4);
    case 'easter':
      return easter(y);
    case 'easterMonday':
      return addDays(easter(y), 1);
    case 'goodFriday':
      return addDays(easter(y), -2);
    case 'blackFriday':
      return addDays(nthWeekday(y, 11, 4, 4), 1);
    case 'cyberMonday':
      return addDays(nthWeekday(y, 11, 4, 4), 4);
    case 'electionDay':
      return addDays(nthWeekday(y, 11, 1, 1), 1); // the Tuesday after the first Monday
    case 'laborDay':
      return nthWeekday(y, 9, 1, 1);
    case 'memorialDay':
      return nthWeekday(y, 5, 1, -1);
  }
  return { y, m: 1, d: 1 };
}

/** The latest year whose quarter q has begun by the anchor. */
function quarterYear(q: number, a: Ymd): number {
  return quarterOf(a.m) >= q ? a.y : a.y - 1;
}

function shiftQuarter(y: number, q: number, n: number): [number, number] {
  const k = y * 4 + (q - 1) + n;
  return [Math.floor(k / 4), (k % 4) + 1];
}

/** The value of a Spec, or null when it cannot be placed on the calendar. */
export function resolveSpec(spec: Spec, ctx: ResolveContext): string | null {
  const named = spec.k === 'year' || spec.k === 'day' || spec.k === 'month' ? spec.y : undefined;
  if (named != null) ctx.year = named;
  const a = ctx.anchor;
  switch (spec.k) {
    case 'vague':
      return null;
    case 'year':
      return fmtYear(spec.y);
    case 'decade':
      return fmtDecade(spec.start);
    case 'century':
      return fmtCentury(spec.n);
    case 'day': {
      if (spec.y != null) return isValidDay(spec.y, spec.m, spec.d) ? fmtDay({ y: spec.y, m: spec.m, d: spec.d }) : null;
      if (!a) return null;
      const dateIn = (y: number): Ymd | null => (isValidDay(y, spec.m, spec.d) ? { y, m: spec.m, d: spec.d } : null);
      const y = resolveDayYear(dateIn, spec.rel, spec.rel == null || spec.rel === 0 ? ctx.direction() : 'none', a);
      return y == null ? null : fmtDay({ y, m: spec.m, d: spec.d });
    }
    case 'month': {
      if (spec.y != null) return fmtMonth(spec.y, spec.m);
      if (!a) return null;
      if (spec.yrel != null) return fmtMonth(a.y + spec.yrel, spec.m);
      return fmtMonth(resolveMonthYear(spec.m, spec.rel, ctx.direction(), a), spec.m);
    }
    case 'half': {
      const y = spec.y ?? (a ? a.y + (spec.yrel ?? 0) : null);
      return y == null ? null : fmtHalf(y, spec.h);
    }
    case 'quarter': {
      let y = spec.y;
      if (spec.yearsBack != null) {
        // "the year-earlier second quarter": a year before the one under discussion
        if (!a && !ctx.quarter) return null;
        const cur = ctx.quarter?.q === spec.q ? ctx.quarter.y : quarterYear(spec.q, a!);
        return fmtQuarter(cur - spec.yearsBack, spec.q);
      }
      if (y == null) {
        if (!a) return null;
        y = spec.yrel != null ? a.y + spec.yrel : quarterYear(spec.q, a);
      }
      // results are reported for completed quarters: one still running or ahead ("expects growth
      // in the fourth quarter") is not the quarter under discussion
      if (!a || y * 4 + spec.q < a.y * 4 + quarterOf(a.m)) ctx.quarter = { y, q: spec.q };
      return fmtQuarter(y, spec.q);
    }
    case 'ctxQuarter': {
      let base = ctx.quarter;
      if (spec.current && a) base = { y: a.y, q: quarterOf(a.m) };
      if (spec.latest && a) base = null; // "the latest quarter": the last one completed
      if (!base && a) {
        const [y, q] = shiftQuarter(a.y, quarterOf(a.m), -1); // the last completed quarter
        base = { y, q };
      }
      if (spec.y != null) return base ? fmtQuarter(spec.y, base.q) : fmtYear(spec.y);
      if (!base) return null;
      const [y, q] = shiftQuarter(base.y + spec.yearShift, base.q, spec.seqShift);
      return fmtQuarter(y, q);
    }
    case 'season': {
      if (spec.y != null) return `${fmtYear(spec.y)}-${spec.s}`;
      if (!a) return null;
      return `${fmtYear(resolveSeason(spec.s, spec.rel, ctx.direction(), a))}-${spec.s}`;
    }
    case 'weekday': {
      if (!a) return null;
      return fmtDay(resolveWeekday(spec.wd, spec.rel, spec.rel == null || spec.rel === 0 ? ctx.direction() : 'none', a));
    }
    case 'weekend': {
      if (!a) return null;
      const dow = dayOfWeek(a);
      const inWeekend = dow === 0 || dow === 6;
      const n = inWeekend ? 0 : ctx.direction() === 'future' ? 0 : -1;
      return `${fmtWeek(addDays(a, 7 * n))}-WE`;
    }
    case 'holiday': {
      const dateIn = (y: number): Ymd => holidayDate(spec.h, y);
      if (spec.y != null) return fmtDay(dateIn(spec.y));
      if (!a) return null;
      const dir = spec.rel == null || spec.rel === 0 ? ctx.direction() : 'none';
      let y = resolveDayYear(dateIn, spec.rel, dir, a);
      // without a cue, a holiday weeks away is the last one ("Black Friday sales" in September)
      if (y != null && spec.rel == null && dir === 'none' && diffDays(dateIn(y), a) > LEAN.holidayAhead) y -= 1;
      return y == null ? null : fmtDay(dateIn(y));
    }
    case 'thatYear':
      return ctx.year != null ? fmtYear(ctx.year) : null;
    case 'relMonth':
      return a ? fmtMonth(a.y + spec.yrel, spec.n) : null;
    case 'relDay':
      return a ? fmtDay(addDays(a, spec.n)) : null;
    case 'yearsAgo': {
      if (!a) return null;
      if (ctx.quarter) return fmtQuarter(ctx.quarter.y - spec.n, ctx.quarter.q);
      return fmtYear(a.y - spec.n);
    }
    case 'relUnit': {
      if (!a) return null;
      switch (spec.unit) {
        case 'day':
          return fmtDay(addDays(a, spec.n));
        case 'week':
          return fmtWeek(addDays(a, 7 * spec.n));
        case 'weekend': {
          // "the weekend" of this ISO week, or of the previous/next one
          return `${fmtWeek(addDays(a, 7 * spec.n))}-WE`;
        }
        case 'month': {
          const [y, m] = addMonths(a.y, a.m, spec.n);
          return fmtMonth(y, m);
        }
        case 'quarter': {
          const [y, q] = shiftQuarter(a.y, quarterOf(a.m), spec.n);
          return fmtQuarter(y, q);
        }
        case 'year':
          return fmtYear(a.y + spec.n);
        case 'decade':
          return fmtDecade(Math.floor(a.y / 10) * 10 + 10 * spec.n);
      }
      return null;
    }
  }
}
