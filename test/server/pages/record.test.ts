// The record page's date display and the description shown under the title.
import { describe, expect, it } from 'vitest';
import { formatPublished, repeatsLead } from '../../../src/server/pages/record.js';

describe('formatPublished', () => {
  it('keeps the offset the page wrote and never shows a zoneless time as UTC', () => {
    expect(formatPublished('2023-09-17T19:00:00+09:00')).toBe('2023-09-17 19:00 +09:00');
    expect(formatPublished('2023-09-17T19:00:00+05:30')).toBe('2023-09-17 19:00 +05:30');
    expect(formatPublished('2023-09-17T10:00:00Z')).toBe('2023-09-17 10:00 UTC');
    expect(formatPublished('2023-09-17T19:00:00')).toBe('2023-09-17 19:00 (time zone unknown)');
    expect(formatPublished('2023-09-17')).toBe('2023-09-17');
    expect(formatPublished(null)).toBe('');
  });
});

describe('repeatsLead', () => {
  const text =
    'WELLSBURY, March 3 - Three regional airports closed on Monday as an ash cloud drifted south.\n\nThe authority said the closures would last until Tuesday.';
  it('hides a description that repeats the first paragraph (whole or cut with an ellipsis)', () => {
    expect(repeatsLead('WELLSBURY, March 3 - Three regional airports closed on Monday as an ash cloud drifted south.', text)).toBe(true);
    expect(repeatsLead('WELLSBURY, March 3 - Three regional airports closed on Monday…', text)).toBe(true);
  });
  it('shows a description that says something else', () => {
    expect(repeatsLead('Ash from Mount Carrow grounds more than 200 flights.', text)).toBe(false);
  });
});
