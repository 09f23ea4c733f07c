import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, fmtWeek, isoWeek, isValidDay, parseAnchor } from '../../src/extract/dates/calendar.js';
import { holidayDate } from '../../src/extract/dates/resolve.js';
import { directionAround } from '../../src/extract/dates/tense.js';

describe('calendar', () => {
  it('computes ISO weeks across year boundaries', () => {
    expect(isoWeek({ y: 2023, m: 9, d: 17 })).toEqual([2023, 37]); // a Sunday ends its ISO week
    expect(isoWeek({ y: 2023, m: 9, d: 18 })).toEqual([2023, 38]);
    expect(isoWeek({ y: 2021, m: 1, d: 3 })).toEqual([2020, 53]);
    expect(isoWeek({ y: 2024, m: 12, d: 30 })).toEqual([2025, 1]);
    expect(fmtWeek({ y: 2023, m: 1, d: 2 })).toBe('2023-W01');
  });

  it('adds days over month and leap-year ends', () => {
    expect(addDays({ y: 2024, m: 2, d: 28 }, 1)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(addDays({ y: 2023, m: 2, d: 28 }, 1)).toEqual({ y: 2023, m: 3, d: 1 });
    expect(addDays({ y: 2024, m: 1, d: 1 }, -1)).toEqual({ y: 2023, m: 12, d: 31 });
    expect(dayOfWeek({ y: 2023, m: 9, d: 17 })).toBe(0);
    expect(isValidDay(2023, 2, 29)).toBe(false);
    expect(isValidDay(2000, 2, 29)).toBe(true);
  });

  it('reads the publication day as written, whatever its offset', () => {
    expect(parseAnchor('2023-09-17T23:30:00-05:00')).toEqual({ y: 2023, m: 9, d: 17 });
    expect(parseAnchor('1990-08-15T13:37')).toEqual({ y: 1990, m: 8, d: 15 });
    expect(parseAnchor('Sun, 17 Sep 2023 10:00:00 GMT')).toEqual({ y: 2023, m: 9, d: 17 });
    expect(parseAnchor('yesterday-ish')).toBeNull();
    expect(parseAnchor(null)).toBeNull();
  });
});

describe('holidays', () => {
  it('computes movable feasts', () => {
    expect(holidayDate('Easter', 2024)).toEqual({ y: 2024, m: 3, d: 31 });
    expect(holidayDate('Easter', 2000)).toEqual({ y: 2000, m: 4, d: 23 });
    expect(holidayDate('Good Friday', 2023)).toEqual({ y: 2023, m: 4, d: 7 });
    expect(holidayDate('Thanksgiving', 2023)).toEqual({ y: 2023, m: 11, d: 23 });
    expect(holidayDate('Election Day', 2022)).toEqual({ y: 2022, m: 11, d: 8 });
    expect(holidayDate('Memorial Day', 2023)).toEqual({ y: 2023, m: 5, d: 29 });
    expect(holidayDate('Labor Day', 2023)).toEqual({ y: 2023, m: 9, d: 4 });
  });
});

describe('tense cues', () => {
  const around = (sentence: string, expr: string) => {
    const at = sentence.indexOf(expr);
    return directionAround(sentence, at, at + expr.length);
  };

  it('finds future and past cues near the expression', () => {
    expect(around('The council will vote on Tuesday.', 'Tuesday')).toBe('future');
    expect(around('The coupon is payable March 15 to bondholders.', 'March 15')).toBe('future');
    expect(around('Talks are expected to resume in March.', 'March')).toBe('future');
    expect(around('The minister said on Tuesday that talks failed.', 'Tuesday')).toBe('past');
    expect(around('The bank raised rates in March.', 'March')).toBe('none');
  });

  it('does not take a noun for a cue, nor look past the sentence', () => {
    expect(around('The leaders signed the peace plan Friday.', 'Friday')).toBe('past'); // "signed", not "plan"
    expect(around('Details of the plan emerged Friday.', 'Friday')).toBe('none');
    expect(around('Rain will return. Flooding hit the town on Monday.', 'Monday')).toBe('none');
  });
});
