// Countries: ISO 3166-1 codes from names, short forms and demonyms; Niger and Nigeria kept apart.
import { describe, expect, it } from 'vitest';
import { extractNames } from '../../src/extract/entities.js';
import {
  countryCode,
  countryCodeIn,
  countryNameOf,
  demonymCode,
  isNationalityWord,
  mayStartCountryNameIn,
} from '../../src/extract/gazetteers/countries.js';

describe('country gazetteer', () => {
  it('maps names and short forms to ISO 3166-1 alpha-2', () => {
    expect(countryCode('Mali')).toBe('ML');
    expect(countryCode('Burkina Faso')).toBe('BF');
    expect(countryCode('Niger')).toBe('NE');
    expect(countryCode('Nigeria')).toBe('NG');
    expect(countryCode('U.S.')).toBe('US');
    expect(countryCode('United States')).toBe('US');
    expect(countryCode('UK')).toBe('GB');
    expect(countryCode('Britain')).toBe('GB');
    expect(countryCode('DRC')).toBe('CD');
    expect(countryCode('Ivory Coast')).toBe('CI');
    expect(countryCode("Côte d'Ivoire")).toBe('CI');
    expect(countryCode('Cote d’Ivoire')).toBe('CI');
    expect(countryCode('Syria')).toBe('SY');
    expect(countryCode('Sahel')).toBeNull();
  });

  it('maps demonyms, plurals included, and tells Nigerien from Nigerian', () => {
    expect(demonymCode('Malian')).toBe('ML');
    expect(demonymCode('Malians')).toBe('ML');
    expect(demonymCode('Nigerien')).toBe('NE');
    expect(demonymCode('Nigeriens')).toBe('NE');
    expect(demonymCode('Nigerian')).toBe('NG');
    expect(demonymCode('Burkinabe')).toBe('BF');
    expect(demonymCode('French')).toBe('FR');
    expect(demonymCode('Tuareg')).toBeNull();
    expect(isNationalityWord('Tuareg')).toBe(true);
  });

  it('looks names up in other languages, and tells which words can start one', () => {
    expect(countryCodeIn('Estados Unidos', 'pt')).toBe('US');
    expect(countryCodeIn('Allemagne', 'fr')).toBe('DE');
    expect(mayStartCountryNameIn('Estados', 'pt')).toBe(true);
    expect(mayStartCountryNameIn('Guiné-Bissau', 'pt')).toBe(true);
    expect(mayStartCountryNameIn('Presidente', 'pt')).toBe(false);
    expect(mayStartCountryNameIn('Estados', 'xx')).toBe(false);
  });

  it('gives a short English name for a code', () => {
    expect(countryNameOf('NE')).toBe('Niger');
    expect(countryNameOf('NG')).toBe('Nigeria');
    expect(countryNameOf('US')).toBe('United States');
  });
});

describe('countries in text', () => {
  const codes = (text: string, title?: string) =>
    extractNames(text, { title })
      .countries.map((c) => c.code)
      .sort();

  it('keeps Niger and Nigeria apart, with their demonyms', () => {
    const text =
      "Niger's military rulers closed the border with Nigeria on Tuesday. Nigerien traders said the Nigerian side of the crossing near Maradi was quiet, while Niger's capital Niamey stayed calm.";
    const r = extractNames(text);
    const niger = r.countries.find((c) => c.code === 'NE');
    const nigeria = r.countries.find((c) => c.code === 'NG');
    expect(niger?.name).toBe('Niger');
    expect(nigeria?.name).toBe('Nigeria');
    // Two names plus one demonym for Niger; one name plus one demonym for Nigeria.
    expect(niger?.mentions).toBe(3);
    expect(nigeria?.mentions).toBe(2);
    expect(r.places.map((p) => p.name)).not.toContain('Nigeria');
    expect(r.places.map((p) => p.name)).not.toContain('Niger');
  });

  it('recognises short forms: U.S., UK, DRC, Ivory Coast', () => {
    const text =
      'The U.S. and the UK pledged aid to the DRC, officials said. Exports from Ivory Coast and Côte d’Ivoire’s neighbour Ghana rose.';
    expect(codes(text)).toEqual(['CD', 'CI', 'GB', 'GH', 'US']);
    const ci = extractNames(text).countries.find((c) => c.code === 'CI');
    // The record's name is the canonical one; the other text form is an alias.
    expect(ci?.name).toBe("Côte d'Ivoire");
    expect(ci?.aliases).toEqual(['Ivory Coast']);
  });

  it('does not make a country from a demonym alone, nor from a name inside an organization', () => {
    const text = 'The Norwegian Refugee Council said French aid workers had left Mali.';
    expect(codes(text)).toEqual(['ML']);
    const orgs = extractNames(text).organizations.map((o) => o.name);
    expect(orgs).toContain('Norwegian Refugee Council');
  });

  it('can make countries from nationality words alone when asked', () => {
    const text = 'Nigerien and Malian soldiers patrolled near the border.';
    expect(extractNames(text).countries).toEqual([]);
    const r = extractNames(text, { countriesFromDemonyms: true });
    expect(r.countries.map((c) => [c.code, c.name, c.mentions])).toEqual(
      expect.arrayContaining([
        ['NE', 'Niger', 1],
        ['ML', 'Mali', 1],
      ]),
    );
    expect(r.countries).toHaveLength(2);
  });

  it('finds countries in an ALL-CAPS headline', () => {
    expect(codes('Officials met in Ouagadougou on Friday.', 'BURKINA FASO AND MALI SIGN DEFENCE PACT')).toEqual(['BF', 'ML']);
  });

  it('records the span of every mention', () => {
    const text = 'Mali and Burkina Faso signed. Mali’s minister spoke.';
    const mali = extractNames(text).countries.find((c) => c.code === 'ML')!;
    expect(mali.mentions).toBe(2);
    expect(mali.spans!.map(([a, b]) => text.slice(a, b))).toEqual(['Mali', 'Mali']);
  });

  it('gives places a two-letter country code or none (Kosovo is XK in the city data, not -99)', () => {
    const r = extractNames('Talks opened in Pristina on Monday. Delegates from Hargeisa and Lagos attended.');
    for (const p of r.places) if (p.countryCode !== undefined) expect(p.countryCode).toMatch(/^[A-Z]{2}$/);
    expect(r.places.find((p) => p.name === 'Pristina')?.countryCode).toBe('XK');
  });
});

describe('country records: canonical names and codes', () => {
  it('names a country canonically whatever form the text uses, the text forms as aliases', () => {
    const r = extractNames('The U.S. said on Monday that talks with Britain would resume. US officials agreed.');
    const us = r.countries.find((c) => c.code === 'US')!;
    expect(us.name).toBe('United States');
    expect(us.aliases).toEqual(expect.arrayContaining(['U.S.']));
    const gb = r.countries.find((c) => c.code === 'GB')!;
    expect(gb.name).toBe('United Kingdom');
    expect(gb.aliases).toEqual(['Britain']);
    const plain = extractNames('Officials in the United States said nothing.').countries[0];
    expect(plain).toMatchObject({ name: 'United States', code: 'US' });
    expect(plain.aliases).toBeUndefined();
  });

  it('gives a list of places no "City, Country" code: England stays GB next to Italy', () => {
    const r = extractNames('Supporters from England, Italy and Portugal filled the hotels. Wales, Belgium and Austria sent fewer.');
    const places = Object.fromEntries(r.places.map((p) => [p.name, p.countryCode]));
    expect(places.England).toBe('GB');
    expect(places.Wales).toBe('GB');
    expect(r.countries.map((c) => c.code).sort()).toEqual(['AT', 'BE', 'IT', 'PT']);
  });

  it('still reads "City, Country"', () => {
    const r = extractNames('The summit took place in Kisumu, Kenya, on Friday.');
    expect(r.places.find((p) => p.name === 'Kisumu')?.countryCode).toBe('KE');
  });
});
