import { describe, expect, it } from 'vitest';
import { MAX_MEMO_KEY_LENGTH, memoByString } from '../../src/text/memo.js';

describe('memoByString', () => {
  it('computes once per distinct string and returns the remembered value', () => {
    const seen: string[] = [];
    const upper = memoByString((s) => {
      seen.push(s);
      return s.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('')]).toEqual(['A', 'B', 'A', '']);
    expect(seen).toEqual(['a', 'b', '']);
  });

  it('empties the cache when full, and computes again what it forgot', () => {
    let calls = 0;
    const len = memoByString((s) => {
      calls++;
      return s.length;
    }, 2);
    len('a');
    len('bb');
    len('ccc'); // full: emptied before 'ccc' is kept
    expect(calls).toBe(3);
    len('a');
    expect(calls).toBe(4);
    len('ccc');
    expect(calls).toBe(4);
  });

  it('computes long arguments each time without keeping them', () => {
    let calls = 0;
    const len = memoByString((s) => {
      calls++;
      return s.length;
    });
    const long = 'x'.repeat(MAX_MEMO_KEY_LENGTH + 1);
    expect([len(long), len(long)]).toEqual([long.length, long.length]);
    expect(calls).toBe(2);
  });
});
