import { describe, expect, it } from 'vitest';
import { countWords, mayExceedWords } from '../../src/text/words.js';

const SAMPLES = [
  '',
  ' ',
  'one',
  ' one two  three ',
  'a\u00a0b\u2009c\u3000d\u202fe\ufefff\tg\nh',
  'Goïta’s «\u00a0transition\u00a0» — 2024.',
  'x '.repeat(1000),
];

describe('countWords', () => {
  it('counts what text.match(/\\S+/g) finds, Unicode spaces included', () => {
    for (const s of SAMPLES) expect(countWords(s), JSON.stringify(s.slice(0, 30))).toBe((s.match(/\S+/g) ?? []).length);
  });

  it('starts afresh on every call', () => {
    expect(countWords('a b c')).toBe(3);
    expect(countWords('a b c')).toBe(3);
  });
});

describe('mayExceedWords', () => {
  it('is false only when the text cannot hold more than max words', () => {
    expect(mayExceedWords('a b', 1)).toBe(true);
    expect(mayExceedWords('a b', 2)).toBe(false);
    expect(mayExceedWords('a b c', 2)).toBe(true);
    // every text it clears has at most max words
    const alphabet = ['a', 'b', ' ', '\n', '\u00a0'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
      const max = next() % 25;
      if (!mayExceedWords(text, max)) expect(countWords(text)).toBeLessThanOrEqual(max);
    }
  });
});
