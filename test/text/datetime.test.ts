// The one date-time normaliser: feeds and metadata read the same grammar and agree on the instant;
// metadata keeps the writer's offset, a zoneless timestamp is recognisable.
import { describe, expect, it } from 'vitest';
import {
  englishMonthNumber,
  formatOffset,
  isZonelessTimestamp,
  parseDateTime,
  parseZone,
  toLocalIso,
  toUtcIso,
} from '../../src/text/datetime.js';
import { normalizeDate } from '../../src/clean/metadata/dates.js';
import { parseFeedDate } from '../../src/feed/dates.js';

describe('metadata dates keep an explicit offset', () => {
  it.each([
    ['Sun, 17 Sep 2023 19:00:00 JST', '2023-09-17T19:00:00+09:00'],
    ['Sun, 17 Sep 2023 10:00:00 +05:30', '2023-09-17T10:00:00+05:30'],
    ['September 17, 2023 10:00 +05:30', '2023-09-17T10:00:00+05:30'],
    ['2023-09-17T10:00:00+05:30', '2023-09-17T10:00:00+05:30'],
    ['17 Sep 2023 10:00 +0530', '2023-09-17T10:00:00+05:30'],
    ['Sun, 17 Sep 2023 10:00:00 GMT', '2023-09-17T10:00:00Z'],
    ['Wed Nov 20 2019 08:00:58 GMT+0530 (India Standard Time)', '2019-11-20T08:00:58+05:30'],
  ])('%s → %s', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it('keeps a date-only value at day precision', () => {
    expect(normalizeDate('2023-09-17')).toBe('2023-09-17');
    expect(normalizeDate('17 September 2023')).toBe('2023-09-17');
  });

  it('leaves a timestamp written without a zone zoneless, and says so', () => {
    const iso = normalizeDate('2023-09-17 10:00:00');
    expect(iso).toBe('2023-09-17T10:00:00');
    expect(isZonelessTimestamp(iso!)).toBe(true);
    expect(isZonelessTimestamp('2023-09-17T10:00:00+05:30')).toBe(false);
    expect(isZonelessTimestamp('2023-09-17T10:00:00Z')).toBe(false);
    expect(isZonelessTimestamp('2023-09-17')).toBe(false);
  });
});

describe('feeds and metadata agree on the instant', () => {
  it.each([
    'Sun, 17 Sep 2023 19:00:00 JST',
    'Sun, 17 Sep 2023 10:00:00 +05:30',
    '2023-09-17T10:00:00-04:00',
    'Sun, 17 Sep 2023 10:00:00 CEST',
  ])('%s', (raw) => {
    expect(Date.parse(normalizeDate(raw)!)).toBe(Date.parse(parseFeedDate(raw)!));
  });
});

describe('parts and formatting', () => {
  it('records precision and the written offset', () => {
    expect(parseDateTime('2023-09')).toMatchObject({ year: 2023, month: 9, precision: 'month', offsetMinutes: null });
    expect(parseDateTime('17 Sep 2023 19:00 JST')).toMatchObject({ precision: 'time', hour: 19, offsetMinutes: 540 });
    expect(parseDateTime('17 Sep 2023 19:00')).toMatchObject({ precision: 'time', offsetMinutes: null });
    expect(parseDateTime('2023-02-30')).toBeNull();
  });

  it('formats in UTC or in the writer offset', () => {
    const p = parseDateTime('Sun, 17 Sep 2023 19:00:00 JST')!;
    expect(toUtcIso(p)).toBe('2023-09-17T10:00:00Z');
    expect(toLocalIso(p)).toBe('2023-09-17T19:00:00+09:00');
    expect(formatOffset(-270)).toBe('-04:30');
    expect(formatOffset(0)).toBe('Z');
  });

  it('reads zones and English month names from one table', () => {
    expect(parseZone('JST')).toBe(540);
    expect(parseZone('+05:30')).toBe(330);
    expect(parseZone('nowhere')).toBeNull();
    expect(englishMonthNumber('Sept.')).toBe(9);
    expect(englishMonthNumber('November')).toBe(11);
    expect(englishMonthNumber('Mai')).toBe(0);
  });
});

describe('a numeric UTC offset stays as written', () => {
  it('+00:00 is kept, GMT and Z give Z', () => {
    expect(normalizeDate('2024-02-06T07:15:00+00:00')).toBe('2024-02-06T07:15:00+00:00');
    expect(normalizeDate('Tue, 06 Feb 2024 07:15:00 +0000')).toBe('2024-02-06T07:15:00+00:00');
    expect(normalizeDate('2024-02-06T07:15:00Z')).toBe('2024-02-06T07:15:00Z');
  });
});
