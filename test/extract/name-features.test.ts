// The type features as a table: each mention says which features fired, a feature can be switched
// off by name, and the one particle list serves spaced and hyphened names.
import { describe, expect, it } from 'vitest';
import { explainNames, extractNames } from '../../src/extract/entities.js';
import { FEATURES, FEATURE_NAMES } from '../../src/extract/names/features.js';
import { tokenize } from '../../src/extract/names/tokens.js';

const evidenceOf = (text: string, name: string): string[] => explainNames(text).find((m) => m.text === name)?.evidence ?? [];

describe('feature table', () => {
  it('has unique names, a known type and a finite weight for every feature', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURES.length);
    for (const f of FEATURES) {
      if ('drop' in f) continue;
      expect(['person', 'org', 'place', 'country']).toContain(f.type);
      expect(Number.isFinite(f.weight)).toBe(true);
    }
  });

  it('says why a name got its type', () => {
    const text = 'The Ministry of Fisheries said on Tuesday that Governor Amaka Obi would visit the Kenji Valley Cooperative Bank.';
    expect(evidenceOf(text, 'Ministry of Fisheries')).toContain('org-of');
    expect(evidenceOf(text, 'Amaka Obi')).toContain('title-in-name');
    expect(evidenceOf(text, 'Kenji Valley Cooperative Bank')).toEqual(expect.arrayContaining(['org-head', 'head-word-not-person']));
    const bank = explainNames(text).find((m) => m.text === 'Kenji Valley Cooperative Bank')!;
    expect(bank.scores.org).toBeGreaterThan(bank.scores.person);
  });

  it('switches a feature off by name', () => {
    const text = 'Shares of Brantwell Holdings fell on Tuesday.';
    expect(extractNames(text).organizations.map((o) => o.name)).toEqual(['Brantwell Holdings']);
    const off = extractNames(text, { featuresOff: ['org-head', 'org-tag-last', 'stake-of-before'] });
    expect(off.organizations.map((o) => o.name)).toEqual([]);
    expect(evidenceOf(text, 'Brantwell Holdings')).toContain('org-head');
    expect(explainNames(text, { featuresOff: ['org-head'] }).find((m) => m.text === 'Brantwell Holdings')?.evidence).not.toContain(
      'org-head',
    );
  });
});

describe('name particles', () => {
  it('joins spaced particles into one name', () => {
    const r = extractNames('The talks were chaired by Marta van der Berg and Paolo di Stefano in Rome.');
    expect(r.people.map((p) => p.name).sort()).toEqual(['Marta van der Berg', 'Paolo di Stefano']);
  });

  it('keeps hyphened particles and place links inside a capitalised word', () => {
    const caps = (s: string) =>
      tokenize(s)
        .filter((t) => t.word)
        .map((t) => t.cap);
    expect(caps('Stratford-upon-Avon al-Bashir Salah ad-Din')).toEqual([true, true, true, true]);
    expect(caps('Mind-boggling')).toEqual([false]);
  });
});
