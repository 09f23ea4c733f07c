// The folding keys: each use compares strings under its own key, all defined in one module.
import { describe, expect, it } from 'vitest';
import { compareKey, fold, nameKey } from '../../src/text/fold.js';

describe('folding keys', () => {
  it('fold: search and entity index key', () => {
    expect(fold('Assimi Goïta')).toBe('assimi goita');
    expect(fold("Côte d'Ivoire")).toBe('cote divoire');
    expect(fold('U.S. forces')).toBe('u s forces');
  });

  it('nameKey: drops dots too, so abbreviations compare', () => {
    expect(nameKey('U.S.')).toBe('us');
    expect(nameKey('Côte d’Ivoire')).toBe('cote divoire');
    expect(nameKey('Guinea-Bissau')).toBe('guinea bissau');
  });

  it('compareKey: keeps accents, unifies compatibility forms', () => {
    expect(compareKey('Le Monde – Actualité')).toBe('le monde actualité');
    expect(compareKey('ＮＥＷＳ  Daily!')).toBe('news daily');
  });

  it('compareKey: the ASCII fast path gives what the Unicode path gives', () => {
    const unicodePath = (s: string) =>
      s
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    // Every printable ASCII character and control, in words and alone.
    const chars = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));
    for (const c of chars) expect(compareKey(`Ab${c}9 x${c}`)).toBe(unicodePath(`Ab${c}9 x${c}`));
    for (const s of ['The Daily Times | News', '  BBC News -- World  ', 'A.B.C. 24/7', '']) expect(compareKey(s)).toBe(unicodePath(s));
  });
});
