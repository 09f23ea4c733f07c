import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nlp } from '../../../src/extract/names/compromise.js';

// A second, untouched copy of compromise's bundle: what its own tokenizer gives.
const require = createRequire(import.meta.url);
const bundle = require.resolve('compromise');
const cached = require.cache[bundle];
delete require.cache[bundle];
const pristine = require('compromise') as typeof nlp;
require.cache[bundle] = cached;

const STEPS = ['index', 'lexicon', 'preTagger', 'offset'];

/** Every field compromise keeps on a term after tokenizing and pre-tagging, tags sorted. */
function terms(lib: typeof nlp, text: string): unknown[] {
  const doc = lib.tokenize(text);
  doc.compute(STEPS);
  return (doc.docs as unknown as Array<Array<Record<string, unknown>>>).map((sentence) =>
    sentence.map((t) => ({ ...t, id: undefined, tags: [...(t.tags as Set<string>)].sort() })),
  );
}

const TEXTS = [
  'Gen. Assimi Goïta met the U.N. envoy in Bamako on Monday, officials said.',
  "Let's see: the AES's leaders — Traoré, Tiani and Goïta — can't agree (yet).",
  'Björk’s 4km run… re-enactment of the 1990-91 season; #Sahel @reporter 5-9pm!',
  '“Quoted,” she said. N.D.A. c.e.o. F. Scott Fitzgerald; 3,000 troops; 97 - year',
  'ALL CAPS HEADLINE: JUNTA EXTENDS TRANSITION',
  "Farmers' unions were lookin' at the co-op's re-election plans.",
  // contractions without an apostrophe, and numbers the contractions step splits
  'They cannot say; gonna wait, +5km away, scores 3-1 and 10kg',
  'Nothing here is contracted or numbered at all',
  '',
];

describe('compromise with memoised tokenizer steps', () => {
  it('gives the terms, normal forms and tags compromise itself gives', () => {
    const parse = (lib: typeof nlp) =>
      (lib.world() as { methods: { one: { tokenize: { fromString: unknown } } } }).methods.one.tokenize.fromString;
    expect(parse(nlp)).not.toBe(parse(pristine)); // the comparison is with an unpatched copy
    for (const text of TEXTS) expect(terms(nlp, text)).toEqual(terms(pristine, text));
  });

  it('gives the same again when every word comes from the caches', () => {
    const first = TEXTS.map((t) => terms(nlp, t));
    expect(TEXTS.map((t) => terms(nlp, t))).toEqual(first);
  });

  it('leaves cached terms unshared: tagging one document does not change the next', () => {
    const a = nlp.tokenize('Paris said so.');
    a.compute(STEPS);
    const b = nlp.tokenize('Paris said so.');
    expect([...(b.docs as unknown as Array<Array<{ tags: Set<string> }>>)[0][0].tags]).toEqual([]);
  });
});
