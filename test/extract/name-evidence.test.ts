// Typing from evidence around a name (issue 8 §1): role nouns and offices in front of a person,
// company cues ("shares of", "X's chief executive", industry head words), one type per article for
// an organization's short form, results lines of sports pages, and capitalised ordinary words
// that are not people. All sentences are invented for these tests.
import { describe, expect, it } from 'vitest';
import { extractNames } from '../../src/extract/entities.js';

const names = (list: Array<{ name: string }>) => list.map((e) => e.name).sort();

describe('role nouns and offices in front of a name', () => {
  it('cuts a capitalised role noun from the person after it', () => {
    const r = extractNames('The squad was named on Monday.\nTrainer Anneke Vos kept faith with her players. Analyst Deniz Arkan agreed.');
    expect(names(r.people)).toEqual(['Anneke Vos', 'Deniz Arkan']);
  });

  it('cuts "<title> of the <head word>" from the person after it', () => {
    const r = extractNames('"The President of the Republic Ilona Marsk signed the decree," a statement said.');
    expect(names(r.people)).toEqual(['Ilona Marsk']);
    expect(names(r.organizations)).toEqual([]);
  });

  it('keeps "<title> of <place>" as the place', () => {
    const r = extractNames('The Archbishop of Cape Town spoke on Sunday.');
    expect(names(r.places)).toEqual(['Cape Town']);
    expect(names(r.people)).toEqual([]);
  });

  // The portfolio is an ordinary word: one the article also writes in lower case ("the farm lobby").
  it('reads portfolios and hyphened offices as part of the title', () => {
    const r = extractNames(
      'Minister for Foreign Affairs Tomas Veld met Health Ministry Director-General Sara Lindqvist. EU Farm Commissioner Jan Holtby said no to the farm lobby.',
    );
    expect(names(r.people)).toEqual(['Jan Holtby', 'Sara Lindqvist', 'Tomas Veld']);
    expect(names(r.organizations)).not.toContain('EU Farm');
  });
});

describe('capitalised ordinary words are not people', () => {
  it('does not type a title made of an adjective and a noun as a person', () => {
    const r = extractNames('He starred in Easy Rider and later moved to the coast. She ran the Social Welfare office for years.');
    expect(names(r.people)).toEqual([]);
  });

  it('does not take a sentence-initial adverb before a comma for a listed name', () => {
    const r = extractNames('The survey was published on Monday. Usually, Corvella Browser is the second choice of readers.');
    expect(names(r.people)).not.toContain('Usually');
    expect(names(r.organizations)).not.toContain('Usually');
  });

  it('still types a sentence-initial name inside a list of three', () => {
    const r = extractNames('Ventrix, Microsoft and Sony showed new consoles. Microsoft said prices would fall.');
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Microsoft', 'Sony', 'Ventrix']));
  });
});

describe('company evidence and one type per article', () => {
  it('types a person-looking company from "shares of" and its possessions, and its short form with it', () => {
    const r = extractNames(
      "Shares of Kestrel Dunmore fell 4 percent on Tuesday. Kestrel Dunmore's chief executive resigned. Dunmore said it would cut jobs.",
    );
    expect(names(r.people)).toEqual([]);
    expect(r.organizations.map((o) => [o.name, o.aliases])).toEqual([['Kestrel Dunmore', ['Dunmore']]]);
  });

  it('types a name closed by an industry word as an organization', () => {
    const r = extractNames('Corvane Chemical cut 300 jobs, and Halden Pictures sold its studio to Brightwater Shipping.');
    expect(names(r.people)).toEqual([]);
    expect(names(r.organizations)).toEqual(['Brightwater Shipping', 'Corvane Chemical', 'Halden Pictures']);
  });

  it('does not give a person evidence for an organization short form', () => {
    const r = extractNames('Kestrel Dunmore Holdings said profits rose. Mr Dunmore, who founded it, declined to comment.');
    expect(names(r.organizations)).toEqual(['Kestrel Dunmore Holdings']);
    expect(names(r.people)).toEqual(['Dunmore']);
  });
});

describe('results pages of sports reports', () => {
  const page = [
    'Results of league matches played on Saturday:',
    'Division one',
    'Marta Fenwick 2 Glenrock 0',
    'Stoneham Vale 1 Ashby Harriers 1',
    'Standings (played, won, drawn, lost, goals for, against, points):',
    'Marta Fenwick 3 2 1 0 6 1 7',
    'Stoneham Vale 3 1 1 1 4 4 4',
    'The league said the next round would be played on Sunday, when the goals of the season will be shown.',
  ].join('\n');

  it('types the names on a result line and a table row as teams', () => {
    const r = extractNames(page);
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Ashby Harriers', 'Glenrock', 'Marta Fenwick', 'Stoneham Vale']));
    expect(names(r.people)).toEqual([]);
  });

  it('leaves a player with several numbers on a golf leaderboard a person', () => {
    const r = extractNames(
      'Leading scores after the second round of the golf championship on Friday:\n132 Pieter Lund 66 66\n134 Arne Solvik 67 67\nThe cut fell at two over par, and the leader scored his best round of the season. The match play final is on Sunday.',
    );
    expect(names(r.people)).toEqual(['Arne Solvik', 'Pieter Lund']);
  });
});

describe('teams in cricket scores and words that are no names', () => {
  it('types a county before a cricket score (runs-wickets) as a team, not the player with initials', () => {
    const r = extractNames(
      'County championship scores on the second day of the match:\nAt Halden: Westmoor 312 and 140-4 (P. Cray 4-28), Norbury 288-7 (T. Lane 80 not out). The cricket season ends in September with the final match of the league.',
    );
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Norbury', 'Westmoor']));
    expect(names(r.organizations)).not.toContain('P. Cray');
  });

  it('does not type "Halftime" before a score as a team', () => {
    const r = extractNames('Ashby beat Glenrock 2-1 in the league match on Saturday.\nHalftime 1-0.\nThe coach praised his goal scorers.');
    expect(names(r.organizations)).not.toContain('Halftime');
  });

  it('drops the adjectives of faiths, alone or together', () => {
    const r = extractNames("Bosnia's ruling Moslem party met Roman Catholic bishops. Islamic groups joined Roman Novak's campaign.");
    const all = [...names(r.people), ...names(r.organizations), ...names(r.places)];
    for (const word of ['Moslem', 'Roman Catholic', 'Islamic']) expect(all).not.toContain(word);
    expect(names(r.people)).toContain('Roman Novak');
  });
});

describe('spans of organization names', () => {
  it('keeps one more word joined by "and" after "<head word> for X"', () => {
    const r = extractNames(
      'Election monitors sent by the Agency for Safety and Cooperation arrived in the town on Monday, a week before the vote.',
    );
    expect(names(r.organizations)).toEqual(['Agency for Safety and Cooperation']);
  });

  it("keeps the nationality word of a state body, so two countries' ministries stay two entities", () => {
    const r = extractNames('The Danish Foreign Ministry and the Greek Foreign Ministry said the statue would be returned.');
    expect(names(r.organizations).sort()).toEqual(['Danish Foreign Ministry', 'Greek Foreign Ministry']);
  });

  it('does not type letters after a person as a person ("QC")', () => {
    const r = extractNames('The prosecutor, Mark Tellani, QC, told the court the girl had suffered for months.');
    expect(names(r.people)).toEqual(['Mark Tellani']);
  });
});
