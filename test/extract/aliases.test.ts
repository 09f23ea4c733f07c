// Alias merging within one article: surnames and titled surnames join the full name; acronyms
// join their organization (in parentheses, or spelling its initials); mentions are counted.
import { describe, expect, it } from 'vitest';
import { extractNames } from '../../src/extract/entities.js';

describe('people aliases', () => {
  it('merges a surname into the full name and counts every mention', () => {
    const text =
      'Colonel Assimi Goita took power in 2021. Goita has since named a civilian cabinet. Critics say Mr Goita has no plan to leave.';
    const { people } = extractNames(text);
    expect(people).toHaveLength(1);
    expect(people[0].name).toBe('Assimi Goita');
    expect(people[0].aliases).toEqual(['Goita']);
    expect(people[0].mentions).toBe(3);
    expect(people[0].spans!.map(([a, b]) => text.slice(a, b))).toEqual(['Assimi Goita', 'Goita', 'Goita']);
  });

  it('keeps two people with different surnames apart', () => {
    const text =
      'Foreign Minister Abdoulaye Diop met his counterpart Bakary Yaou Sangare in Bamako. Diop said the talks went well; Sangare did not comment.';
    const people = extractNames(text).people.map((p) => [p.name, p.aliases]);
    expect(people).toEqual(
      expect.arrayContaining([
        ['Abdoulaye Diop', ['Diop']],
        ['Bakary Yaou Sangare', ['Sangare']],
      ]),
    );
    expect(people).toHaveLength(2);
  });

  it('merges a fuller form with a middle initial into the same person', () => {
    const text = 'Voters backed John F. Morgan in the primary. John Morgan thanked them, and Morgan spoke again later.';
    const { people } = extractNames(text);
    expect(people).toHaveLength(1);
    expect(people[0].mentions).toBe(3);
    expect([people[0].name, ...people[0].aliases]).toEqual(expect.arrayContaining(['John F. Morgan', 'John Morgan', 'Morgan']));
  });
});

describe('organization aliases', () => {
  it('takes an acronym in parentheses as an alias', () => {
    const text = 'The three juntas founded the Alliance of Sahel States (AES) in September. The AES says it will pool its armies.';
    const org = extractNames(text).organizations.find((o) => o.name === 'Alliance of Sahel States');
    expect(org?.aliases).toEqual(['AES']);
    expect(org?.mentions).toBe(3);
  });

  it('takes an acronym that spells the initials as an alias', () => {
    const text = 'The Independent Electoral Commission published the results. An IEC official said turnout was low.';
    const org = extractNames(text).organizations.find((o) => o.name === 'Independent Electoral Commission');
    expect(org?.aliases).toEqual(['IEC']);
  });

  it('joins a long organization name over "of the" and takes its acronym', () => {
    const text = 'Gen. Abdourahamane Tiani heads the National Council for the Safeguard of the Homeland (CNSP), the junta said.';
    const org = extractNames(text).organizations.find((o) => o.aliases.includes('CNSP'));
    expect(org?.name).toBe('National Council for the Safeguard of the Homeland');
  });

  it('does not take a news agency credit for a country alias', () => {
    const r = extractNames("NIAMEY, Niger (AP) — Niger's junta ordered the ambassador to leave.");
    const niger = r.countries.find((c) => c.code === 'NE')!;
    expect(niger.aliases ?? []).toEqual([]);
    expect(niger.mentions).toBe(2);
    expect(r.places.map((p) => [p.name, p.countryCode])).toEqual([['Niamey', 'NE']]);
  });

  it('keeps an acronym in parentheses after a country with the country', () => {
    const text = 'Fighting flared in the Democratic Republic of the Congo (DRC) this week.';
    const r = extractNames(text);
    expect(r.countries.map((c) => c.code)).toEqual(['CD']);
    expect(r.organizations).toEqual([]);
  });
});
