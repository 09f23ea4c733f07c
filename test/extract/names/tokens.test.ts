import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/extract/names/tokens.js';

describe('tokenize', () => {
  it('gives equal, unshared tokens for a text seen before (word facts come from a cache)', () => {
    const text = "Assimi Goïta's AES allies met in Bamako.\nMALI'S JUNTA: Paris-based U.S. officials said so.";
    const first = tokenize(text);
    const second = tokenize(text);
    expect(second).toEqual(first);
    expect(second[0]).not.toBe(first[0]);
    second[0].sentStart = false;
    expect(first[0].sentStart).toBe(true);
  });

  it('reads each token’s facts from its own text, wherever it stands', () => {
    const [a, b] = tokenize("Goïta's Goïta's");
    const [c] = tokenize("goïta's");
    expect([a.cap, a.poss, a.lower, a.nameEnd - a.start]).toEqual([true, true, "goïta's", 5]);
    expect(b.sentStart).toBe(false);
    expect([c.cap, c.lower]).toEqual([false, "goïta's"]);
  });
});
