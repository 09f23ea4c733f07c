// Typing on general news, classes of sentence: an organization noun opening a sentence, financial
// results after "X said", a product named without its maker. The sentences are written for the project.
import { describe, expect, it } from 'vitest';
import { extractNames } from '../../src/extract/entities.js';

const names = (list: Array<{ name: string }>) => list.map((e) => e.name).sort();

describe('an organization noun opening the sentence', () => {
  it('reads "Carmaker X" and "Broadcaster X" as apposition: the name is an organization', () => {
    const r = extractNames(
      'Carmaker Velora recalled 3,000 cars on Monday. Broadcaster Northwind said it would cut 200 jobs, and Velora said the fault was minor.',
    );
    expect(names(r.people)).toEqual([]);
    expect(names(r.organizations)).toEqual(['Northwind', 'Velora']);
  });

  it('keeps a person after a noun that also names a role ("Publisher Tom Reed")', () => {
    const r = extractNames('Publisher Tom Reed said the magazine would close in June.');
    expect(names(r.people)).toEqual(['Tom Reed']);
  });
});

describe('family names that are also function words', () => {
  it('keeps "To" and "Or" after a first name inside the name', () => {
    const r = extractNames('Councillor Kevin To won the seat, and lawmaker Grace Or was elected with 5,200 votes.');
    expect(names(r.people)).toEqual(['Grace Or', 'Kevin To']);
  });

  it('still splits at "To" opening a sentence', () => {
    const r = extractNames('The mayor thanked Maria Lopez. To Maria Lopez, the vote was a relief.');
    expect(names(r.people)).toEqual(['Maria Lopez']);
  });
});

describe('"X and Y" names', () => {
  it('keeps a dictionary noun and a headed name together ("Harbour and Ridge Gazette"), with a date after it', () => {
    const r = extractNames('The editorial ran in the Harbour and Ridge Gazette on Sunday.');
    expect(names(r.organizations)).toEqual(['Harbour and Ridge Gazette']);
  });

  it('keeps "The X and Y" inside a sentence together as an organization', () => {
    const r = extractNames('Writing in The Lantern and Ledger, Tom Reed called the plan a mistake.');
    expect(names(r.organizations)).toEqual(['Lantern and Ledger']);
    expect(names(r.people)).toEqual(['Tom Reed']);
  });

  it('still splits two made-up company names joined by "and"', () => {
    const r = extractNames('Talvexa and Brightmoor Holdings agreed to merge.');
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Brightmoor Holdings']));
    expect(names(r.organizations)).not.toContain('Talvexa and Brightmoor Holdings');
  });
});

describe('products named without their maker', () => {
  it('does not take a product before a product noun for a person, anywhere in the article', () => {
    const r = extractNames(
      'The Quillon Navigator browser was released on Tuesday. Users said Quillon Navigator crashed twice, and Quillon Navigator was patched.',
    );
    expect(names(r.people)).toEqual([]);
  });

  it('keeps a person whose title says so', () => {
    const r = extractNames('Designer Tom Reed said the camera would ship in May.');
    expect(names(r.people)).toEqual(['Tom Reed']);
  });
});

describe('a company reporting its results', () => {
  it('reads "X said earnings rose" and "X reported its net profit" as an organization', () => {
    const r = extractNames('Tarvex said earnings rose 12 percent in the third quarter. Separately, Holbrin reported its net profit fell.');
    expect(names(r.organizations)).toEqual(['Holbrin', 'Tarvex']);
    expect(names(r.people)).toEqual([]);
  });

  it('leaves a full personal name a person', () => {
    const r = extractNames('Analyst Maria Lopez said earnings would improve. Lopez said sales were strong.');
    expect(names(r.people)).toEqual(['Maria Lopez']);
  });
});

describe('two organizations glued together', () => {
  it('gives both names when a second headed name follows the first', () => {
    const r = extractNames('The loan from Harbour Bank Westfield Insurance was repaid in full.');
    expect(names(r.organizations)).toEqual(['Harbour Bank', 'Westfield Insurance']);
  });

  it('keeps a name whose head word is followed by a dictionary noun', () => {
    const r = extractNames('Shares of Harbour Bank Systems Group rose on Monday.');
    expect(names(r.organizations)).toEqual(['Harbour Bank Systems Group']);
  });
});

describe('journals named "X Journal of Y"', () => {
  it('keeps the place or field after "Journal of" inside the journal name', () => {
    const r = extractNames('The study was published in the Dental Journal of Kenya on Monday.');
    expect(names(r.organizations)).toEqual(['Dental Journal of Kenya']);
  });
});
