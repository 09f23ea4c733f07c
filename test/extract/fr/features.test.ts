import { describe, expect, it } from 'vitest';
import { applyFrFeatures, FR_FEATURE_NAMES, frFactsOf } from '../../../src/extract/fr/features.js';
import { emptyScores } from '../../../src/extract/names/evidence.js';
import { extractFrenchNames } from '../../../src/extract/fr/names.js';
import { tokenizeFr } from '../../../src/extract/fr/tokens.js';

/** The features that fire for `name` in `text`, with the scores they give. */
function evidenceFor(text: string, name: string) {
  const tokens = tokenizeFr(text);
  const start = text.indexOf(name);
  const from = tokens.findIndex((t) => t.start === start);
  const to = tokens.findIndex((t) => t.end === start + name.length) + 1;
  const scores = emptyScores();
  const { fired, drop } = applyFrFeatures(frFactsOf(text, tokens, from, to), scores);
  return { fired, drop, scores };
}

describe('French name-type features', () => {
  it('names every feature once', () => {
    expect(new Set(FR_FEATURE_NAMES).size).toBe(FR_FEATURE_NAMES.length);
  });

  it('reads the words before a name: a title, a place preposition, "de" after one, an organisation noun', () => {
    expect(evidenceFor('Il a reçu le colonel Diop hier.', 'Diop').fired).toContain('title-before');
    expect(evidenceFor('Il a reçu le chef rebelle Diop hier.', 'Diop').fired).toContain('title-before');
    expect(evidenceFor('Il a reçu le chef d’état-major Diop hier.', 'Diop').fired).toContain('title-before');
    expect(evidenceFor('Il est arrivé à Kayes hier.', 'Kayes').fired).toContain('place-preposition-before');
    expect(evidenceFor('Des tirs au sud de Kayes hier.', 'Kayes').fired).toContain('place-preposition-de-before');
    expect(evidenceFor('Les rebelles du Front Sud ont signé.', 'Front Sud').fired).toContain('org-noun-before');
  });

  it('stops at a country name: no other evidence counts', () => {
    const r = evidenceFor('Le colonel Mali a parlé.', 'Mali');
    expect(r.fired).toEqual(['country-name']);
    expect(r.scores).toEqual({ person: 0, org: 0, place: 0, country: 10 });
  });

  it('drops events and takes an acronym defined in parentheses as organisation evidence', () => {
    expect(evidenceFor('Le Tour de Bretagne part demain.', 'Tour de Bretagne').drop).toBe(true);
    expect(evidenceFor('La Société des Mines du Nord (SMN) recrute.', 'Société des Mines du Nord').fired).toContain('acronym-defined');
  });

  it('lets a caller switch a feature off by name (the ablation switch)', () => {
    const text = 'Hier, le colonel Diop a rencontré à Kayes les dirigeants de la société Sahel Mines.';
    expect(extractFrenchNames(text).people.map((p) => p.name)).toEqual(['Diop']);
    expect(extractFrenchNames(text, { featuresOff: ['title-before'] }).people).toEqual([]);
    expect(extractFrenchNames(text).organizations.map((o) => o.name)).toEqual(['Sahel Mines']);
    expect(extractFrenchNames(text, { featuresOff: ['org-noun-before'] }).organizations).toEqual([]);
  });
});
