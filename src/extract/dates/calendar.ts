// Calendar arithmetic and value formatting for date resolution. Plain {y, m, d} triples in the
// proleptic Gregorian calendar, computed through UTC so that no local time zone leaks in.

export interface Ymd {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function toUtc(v: Ymd): Date {
  const t = new Date(Date.UTC(2000, v.m - 1, v.d));
  t.setUTCFullYear(v.y); // Date.UTC maps years 0–99 to 1900–1999
  return t;
}

function fromUtc(t: Date): Ymd {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(v: Ymd, n: number): Ymd {
  const t = toUtc(v);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUtc(t);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(v: Ymd): number {
  return toUtc(v).getUTCDay();
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Signed difference a − b in days. */
export function diffDays(a: Ymd, b: Ymd): number {
  return Math.round((toUtc(a).getTime() - toUtc(b).getTime()) / 86_400_000);
}

/** Month shifted by n months: returns [year, month]. */
export function addMonths(y: number, m: number, n: number): [number, number] {
  const k = y * 12 + (m - 1) + n;
  return [Math.floor(k / 12), (((k % 12) + 12) % 12) + 1];
}

export function quarterOf(m: number): number {
  return Math.ceil(m / 3);
}

/** ISO-8601 week [year, week] of a day. */
export function isoWeek(v: Ymd): [number, number] {
  const t = toUtc(v);
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow); // the Thursday of this ISO week decides the year
  const wy = t.getUTCFullYear();
  const jan1 = toUtc({ y: wy, m: 1, d: 1 });
  return [wy, Math.floor((t.getTime() - jan1.getTime()) / 86_400_000 / 7) + 1];
}

// --- value formatting (ISO-8601 at the known precision; TimeML forms for weeks, quarters, ...) ---

export const fmtYear = (y: number): string => (y < 0 ? '-' : '') + pad(Math.abs(y), 4);
export const fmtMonth = (y: number, m: number): string => `${fmtYear(y)}-${pad(m)}`;
export const fmtDay = (v: Ymd): string => `${fmtMonth(v.y, v.m)}-${pad(v.d)}`;
export const fmtWeek = (v: Ymd): string => {
  const [wy, w] = isoWeek(v);
  return `${fmtYear(wy)}-W${pad(w)}`;
};
export const fmtQuarter = (y: number, q: number): string => `${fmtYear(y)}-Q${q}`;
export const fmtHalf = (y: number, h: number): string => `${fmtYear(y)}-H${h}`;
/** Decade as the ISO reduced-precision form: 1990s → "199". */
export const fmtDecade = (startYear: number): string => fmtYear(startYear).slice(0, 3);
/** Century as the ISO reduced-precision form: the 20th century (1900s) → "19". */
export const fmtCentury = (ordinal: number): string => pad(ordinal - 1, 2);

/**
 * The calendar day of a publication timestamp, as written: "2023-09-17T23:30:00-05:00" is the
 * 17th (news is dated in the publisher's local time). Other parseable strings fall back to UTC.
 */
export function parseAnchor(publishedAt: string | null | undefined): Ymd | null {
  if (!publishedAt) return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (m) {
    const v = { y: +m[1], m: +m[2], d: +m[3] };
    return isValidDay(v.y, v.m, v.d) ? v : null;
  }
  const t = Date.parse(publishedAt);
  return Number.isNaN(t) ? null : fromUtc(new Date(t));
}
