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
});
