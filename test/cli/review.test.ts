// Output helpers of the review CLI (src/cli/review.ts).
import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from '../../src/cli/review.js';

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('Niamey, Niger')).toBe('"Niamey, Niger"');
    expect(csvField('the "junta"')).toBe('"the ""junta"""');
    expect(csvRow(['a\nb', 3, null])).toBe('"a\nb",3,\r\n');
  });

  it('defuses page text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(csvField('+1 (555) 0100')).toBe("'+1 (555) 0100");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
    expect(csvField('Plain title')).toBe('Plain title');
  });
});
