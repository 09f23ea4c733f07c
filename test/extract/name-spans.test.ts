// Name spans on general news: a possessive inside an organization's name, a country glued to the
// person after it, and a role noun between an employer and its employee.
import { describe, expect, it } from 'vitest';
import { extractNames } from '../../src/extract/entities.js';

const names = (list: Array<{ name: string }>) => list.map((e) => e.name).sort();

describe('names cut apart', () => {
  it('keeps an ordinary word’s possessive inside a name closed by a head word', () => {
    const r = extractNames(
      "Units of the People's Liberation Army moved north, a doctor at the Children's Hospital said. The Women's Tennis Association said nothing.",
    );
    expect(names(r.organizations)).toEqual(["Children's Hospital", "People's Liberation Army", "Women's Tennis Association"]);
    expect(names(r.people)).toEqual([]);
  });

  it('still ends a name at a country’s or a person’s possessive', () => {
    const r = extractNames("Kenya's Energy Ministry denied the report. Later, Amina Odhiambo's Civic Party said it would appeal.");
    expect(r.countries.map((c) => c.code)).toEqual(['KE']);
    expect(names(r.organizations)).toEqual(['Civic Party', 'Energy Ministry']);
    expect(names(r.people)).toEqual(['Amina Odhiambo']);
  });
});

describe('role or country glued to a name', () => {
  it('splits a country from the person after it', () => {
    const r = extractNames("Japan's envoy to Canada Haruto Sato said the visit was postponed.");
    expect(names(r.people)).toEqual(['Haruto Sato']);
    expect(r.countries.map((c) => c.code).sort()).toEqual(['CA', 'JP']);
  });

  it('keeps a first name that is also a country, and a company a head word closes', () => {
    const r = extractNames('Jordan Pickford saved twice, and Kenya Airways resumed flights.');
    expect(names(r.people)).toEqual(['Jordan Pickford']);
    expect(names(r.organizations)).toEqual(['Kenya Airways']);
  });

  it('types the employer before a role noun and the person after it', () => {
    const r = extractNames(
      'Stellantis chief executive Carlos Tavares met unions on Tuesday. Brindle chairman Ruth Okafor declined to comment.',
    );
    expect(names(r.people)).toEqual(['Carlos Tavares', 'Ruth Okafor']);
    expect(names(r.organizations)).toEqual(['Brindle', 'Stellantis']);
  });

  it('splits a person glued after an "X of Y" organization', () => {
    const r = extractNames('A statement from the House of Delegates Maria Lopez read on Friday was short. The Bank of England kept rates.');
    expect(names(r.people)).toEqual(['Maria Lopez']);
    expect(names(r.organizations)).toEqual(['Bank of England', 'House of Delegates']);
  });
});

describe('a person glued to the organization before', () => {
  it('splits "X of Y" from a person whose surname stands alone elsewhere', () => {
    const r = extractNames(
      'A spokeswoman for the University of Northvale Tarsa Quillan said the lab would reopen. Quillan said staff were safe.',
    );
    expect(names(r.organizations)).toEqual(['University of Northvale']);
    expect(names(r.people)).toEqual(['Tarsa Quillan']);
  });

  it('keeps a place at the end of the organization', () => {
    const r = extractNames('She studied at the University of Oregon Portland. Students in Portland cheered.');
    expect(r.people).toEqual([]);
  });
});

describe('a role or country glued to a name', () => {
  it('strips a two-word nationality from the front of a name, and alone', () => {
    const r = extractNames(
      'In the second round South African Thandi Mokoena beat the seed in straight sets, and New Zealanders cheered the result in the stands.',
    );
    expect(names(r.people)).toEqual(['Thandi Mokoena']);
    expect(names(r.organizations)).toEqual([]);
  });

  it('keeps a nationality before an organization the lexicon knows', () => {
    const r = extractNames('Aid arrived from the South Korean Red Cross after the floods that hit the coast last week.');
    expect(names(r.organizations)).toEqual(['South Korean Red Cross']);
  });

  it("splits the end of an office's name from the person after it", () => {
    const r = extractNames(
      'The talks were led by the assistant secretary for Coastal Fisheries Affairs Robert Lindqvist, who arrived in the city on Monday evening.',
    );
    expect(names(r.people)).toEqual(['Robert Lindqvist']);
  });

  it('splits a person from a long "X of Y" organization before it', () => {
    const r = extractNames(
      'A statement from the Joint Institute of Coastal Marine Studies Tarsa Quillan was read out, and Quillan later took questions.',
    );
    expect(names(r.people)).toEqual(['Tarsa Quillan']);
  });
});

describe('a plural possessive inside a name', () => {
  it('keeps "Workers\'" inside a name a head word closes', () => {
    const r = extractNames(
      "Fighters of the Northern Farmers' Union clashed with soldiers near the border, and the Miners' Federation called a strike.",
    );
    expect(names(r.organizations)).toEqual(["Miners' Federation", "Northern Farmers' Union"]);
  });

  it('leaves a plain plural possessive alone', () => {
    const r = extractNames("The Smiths' house in Leeds was sold last week for a record price.");
    expect(names(r.organizations)).toEqual([]);
  });
});
