// Typing on general news: companies, airlines, media and clubs are not people; products, models
// and events are no names of our types; the maker before a model number is kept.
import { describe, expect, it } from 'vitest';
import { extractNames } from '../../src/extract/entities.js';

const names = (list: Array<{ name: string }>) => list.map((e) => e.name).sort();

describe('companies, airlines, media and agencies', () => {
  it('types names opened by a company or agency word as organizations', () => {
    const r = extractNames(
      'Flights by Air Canada and Aer Lingus were cancelled, Agence France-Presse reported. Banco Santander shares fell.',
    );
    expect(names(r.people)).toEqual([]);
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Aer Lingus', 'Agence France-Presse', 'Air Canada', 'Banco Santander']));
  });

  it('types names closed by a media or company head word as organizations', () => {
    const r = extractNames(
      'The match was shown on Delmont Sports, while Harlow Bros and the Dresdner Zeitung covered the trial. The Nairobi newsroom confirmed it.',
    );
    expect(names(r.people)).toEqual([]);
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Delmont Sports', 'Dresdner Zeitung', 'Harlow Bros']));
  });
});

describe('employers, venues and clubs named like people', () => {
  it('types the employer of analysts or economists as an organization', () => {
    const r = extractNames('Analysts at Morgan Stanley and an economist at Harris Wood expect a cut.');
    expect(names(r.organizations)).toEqual(['Harris Wood', 'Morgan Stanley']);
    expect(names(r.people)).toEqual([]);
  });

  it('does not take a venue after "at" for a person', () => {
    const r = extractNames('The final will be played at Old Halford on Sunday.');
    expect(names(r.people)).toEqual([]);
  });

  it('types a club before a club noun as an organization, outside sports reports too', () => {
    const r = extractNames('Chelsea manager Tomas Berg was fined on Friday. Chelsea said it would appeal.');
    expect(names(r.organizations)).toEqual(['Chelsea']);
    expect(names(r.people)).toEqual(['Tomas Berg']);
  });
});

describe('sports clubs', () => {
  it('types a place-named club in a sports report as an organization', () => {
    const text =
      'Carlisle Rovers beat Grimsby Town 2-1 in the league on Saturday. The coach praised the striker after the match, and the goals came late in the game.';
    const r = extractNames(text);
    expect(names(r.organizations)).toEqual(['Carlisle Rovers', 'Grimsby Town']);
    expect(names(r.people)).toEqual([]);
  });
});

describe('place-named teams in a results report', () => {
  it('types a county that drew with, or lost to, another as a team', () => {
    const text =
      'County cricket results on the final day of the season.\nKent 280 (M. Grey 71) beat Dorset by six wickets. Cornwall drew with Devon, and Wiltshire lost to Somerset. The match at the ground ended early; Dorset scored 150 runs.';
    const r = extractNames(text);
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Devon', 'Kent', 'Somerset']));
    expect(names(r.places)).not.toContain('Kent');
    expect(names(r.people)).toEqual(['M. Grey']);
  });
});

describe('products, models and events', () => {
  it('gives no person for a product or a model name, and keeps the maker', () => {
    const r = extractNames(
      'The Boeing 787 Dreamliner was grounded. Buyers queued for the Pixel 8 Pro, and the Tesla Model 3 got cheaper. An Airbus A350 diverted.',
    );
    expect(names(r.people)).toEqual([]);
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Airbus', 'Boeing', 'Tesla']));
    const all = [...r.people, ...r.organizations, ...r.places].map((e) => e.name);
    for (const bad of ['Dreamliner', 'Pro', 'Model', 'Tesla Model', 'A350', 'Airbus A350']) expect(all).not.toContain(bad);
  });

  it('gives no person or organization for an event', () => {
    const r = extractNames(
      'She won the Greater Taunton Open last year and will play the World Cup in June. The Harvest Festival drew crowds.',
    );
    expect(names(r.people)).toEqual([]);
    expect(names(r.organizations)).toEqual([]);
  });

  it('still reads a person followed by a year, or a ministry of war', () => {
    const r = extractNames('In 2019 Maria Lopez joined the Ministry of War as an adviser.');
    expect(names(r.people)).toEqual(['Maria Lopez']);
    expect(names(r.organizations)).toEqual(['Ministry of War']);
  });
});

describe('an article before a name', () => {
  it('does not take "the" and several capitalised words for a person', () => {
    const r = extractNames(
      'Tessa Brandt of the Young Reformers lost her seat. The band the Silver Lanterns played a last concert, and the Blue Heron docked at dawn.',
    );
    expect(names(r.people)).toEqual(['Tessa Brandt']);
  });

  it('keeps a person used as a modifier and a person the lexicon knows', () => {
    const r = extractNames('Lawyers reopened the Mara Koenig case on Monday. Children queued to meet the Santa Claus at the mall.');
    expect(names(r.people)).toEqual(['Mara Koenig', 'Santa Claus']);
  });

  it('keeps a titled person after "the"', () => {
    const r = extractNames('Mourners greeted the Rev. Osric Vane at the gate.');
    expect(names(r.people)).toEqual(['Osric Vane']);
  });
});

describe('one type per name across the article', () => {
  it('keeps a name an organization everywhere once its possessive names a chief executive', () => {
    const r = extractNames(
      "Farrow Grell reported a loss on Tuesday. Farrow Grell will close two plants, and Farrow Grell's chief executive resigned.",
    );
    expect(names(r.organizations)).toEqual(['Farrow Grell']);
    expect(names(r.people)).toEqual([]);
  });

  it('keeps a name an organization everywhere once a noun says which kind', () => {
    const r = extractNames('Members of the Tarn Vale group met in Leeds. Tarn Vale asked Tarn Vale members to stay calm.');
    expect(names(r.organizations)).toEqual(['Tarn Vale']);
    expect(names(r.people)).toEqual([]);
  });

  it('lets a title win over a kind noun elsewhere', () => {
    const r = extractNames('Senator Ada Whitlow spoke on Monday. The Ada Whitlow campaign said Ada Whitlow party members would vote.');
    expect(names(r.people)).toEqual(['Ada Whitlow']);
  });
});

describe('an organization noun in apposition', () => {
  it('types the name after "carmaker", "broadcaster" or "group" as an organization', () => {
    const r = extractNames(
      'The carmaker Velora Hanse recalled 9,000 vehicles. The debate ran on broadcaster Kestrel Vane, and the protest group Fresh Tide won two seats.',
    );
    expect(names(r.organizations)).toEqual(['Fresh Tide', 'Kestrel Vane', 'Velora Hanse']);
    expect(names(r.people)).toEqual([]);
  });

  it('keeps a known first name after a party noun a person (its leader, unsaid)', () => {
    const r = extractNames('Ministers met the chairman of the nationalist party Vladimir Somov on Monday.');
    expect(names(r.people)).toEqual(['Vladimir Somov']);
  });
});

describe('the organization a person belongs to', () => {
  it('types an untyped name after "<person> of" or before "\'s <person>" as an organization', () => {
    const r = extractNames(
      "Voters elected Marian Holt of Fresh Tide, and Tomas Reyes of the PLU. Ines Okafor lost to Harbour Voice's Dan Mills.",
    );
    expect(names(r.organizations)).toEqual(['Fresh Tide', 'Harbour Voice', 'PLU']);
    expect(names(r.people)).toEqual(['Dan Mills', 'Ines Okafor', 'Marian Holt', 'Tomas Reyes']);
  });

  it('leaves a name before a lowercase noun, or a name typed by its own evidence', () => {
    const r = extractNames('Marian Holt of the Coastal Works constituency won. Tomas Reyes of Manchester spoke.');
    expect(names(r.organizations)).toEqual([]);
    expect(names(r.places)).toEqual(['Manchester']);
  });
});

describe('a product met once with a version number', () => {
  it('is no person anywhere in the article', () => {
    const r = extractNames(
      'Support for Cobalt Navigator 6 ends in May. Cobalt Navigator is still used by many offices, and Cobalt Navigator remains slow.',
    );
    expect(names(r.people)).toEqual([]);
  });
});

describe('a first name listed among places', () => {
  it('is a place', () => {
    const r = extractNames('The survey ran in schools in Queensland, Beatrice and Tasmania last year.');
    expect(names(r.people)).toEqual([]);
    expect(names(r.places)).toEqual(['Beatrice', 'Queensland', 'Tasmania']);
  });

  it('stays a person among people', () => {
    const r = extractNames('The prize went to Beatrice, Tomas Reyes and Ines Okafor.');
    expect(names(r.people)).toEqual(['Beatrice', 'Ines Okafor', 'Tomas Reyes']);
  });
});

describe('foreign first words of schools and clubs', () => {
  it("types them as organizations, and a saint's name as no person", () => {
    const r = extractNames('Pupils of the Instituto Brena visited Hapoel Dorot on Monday, then walked to Santo Amaro.');
    expect(names(r.organizations)).toEqual(['Hapoel Dorot', 'Instituto Brena']);
    expect(names(r.people)).toEqual([]);
  });
});

describe('a product after its maker', () => {
  it('keeps the maker and drops the product', () => {
    const r = extractNames('Owners of the Sony Lumora and users of Google Quillbox were told to update on Monday.');
    expect(names(r.organizations)).toEqual(['Google', 'Sony']);
    expect(names(r.people)).toEqual([]);
  });

  it('keeps a company whose name ends in a head word or a place whole', () => {
    const r = extractNames('Shares of Sony Pictures rose, and Google Canada hired staff.');
    expect(names(r.organizations)).toEqual(['Google Canada', 'Sony Pictures']);
  });
});

describe("a tournament's group", () => {
  it('is an organization, not a person', () => {
    const r = extractNames('Norway top Group D after the draw, two points ahead of the winners of Pool B.');
    expect(names(r.organizations)).toEqual(['Group D', 'Pool B']);
    expect(names(r.people)).toEqual([]);
  });
});

describe('a place noun and "of" before a name', () => {
  it('types the name as a place', () => {
    const r = extractNames('Floods reached the town of Velmora on Tuesday, and families moved to the outskirts of Darnick before dawn.');
    expect(names(r.places)).toEqual(['Darnick', 'Velmora']);
    expect(names(r.people)).toEqual([]);
  });
});

describe('currency letters', () => {
  it('name no country', () => {
    const r = extractNames('The ticket cost US$ 45 at the door, and the fund raised HK$5 million for the school.');
    expect(r.countries).toEqual([]);
    expect(r.organizations).toEqual([]);
  });
});

describe('the title of a work', () => {
  it('names no person after "novel", "film" or "album"', () => {
    const r = extractNames(
      'She signed copies of her novel Mara Lindell at the fair, and the film Tobias Crane opens in May. Writer Ilse Varga was there.',
    );
    expect(names(r.people)).toEqual(['Ilse Varga']);
  });
});

describe('romanised Cantonese and Korean names', () => {
  it('types a family name and a hyphened two-syllable given name as a person', () => {
    const r = extractNames(
      'In the east, Park Ji-won held her seat for the party, and Tsang Ho-yin won the race in the north after a recount.',
    );
    expect(names(r.people)).toEqual(['Park Ji-won', 'Tsang Ho-yin']);
  });

  it('leaves hyphened places alone', () => {
    const r = extractNames('Officials in Gyeonggi-do and the crowd at the Stade Saint-Denis waited for news on Friday evening.');
    expect(names(r.people)).toEqual([]);
  });
});

describe('a venue named "Centre"', () => {
  it('is a place after a venue word, an organization otherwise', () => {
    const r = extractNames(
      'Fans queued outside the Harbour Convention Centre on Sunday, and players trained at the Northvale Tennis Centre, while the Dunmore Research Center published its report.',
    );
    expect(names(r.places)).toEqual(['Harbour Convention Centre', 'Northvale Tennis Centre']);
    expect(names(r.organizations)).toEqual(['Dunmore Research Center']);
  });
});

describe("a title's possessive", () => {
  it('says nothing of a person after it', () => {
    const r = extractNames("At the Chancellor's Banquet the guests cheered, and the Governor's Reserve was opened to walkers on Friday.");
    expect(names(r.people)).toEqual([]);
  });
});

describe('"Team" before a name', () => {
  it('names a team, not the country or a person', () => {
    const r = extractNames(
      'The robots were shipped late. Team Kenya rebuilt theirs overnight, and judges praised Team Halvard for its design.',
    );
    expect(names(r.organizations)).toEqual(['Team Halvard', 'Team Kenya']);
    expect(r.countries).toEqual([]);
    expect(r.people).toEqual([]);
  });
});

describe('a role noun the lexicon knows', () => {
  it('types the one-word name after it as a person', () => {
    const r = extractNames(
      'The show features portraits by the fashion designer Vantrell, a former resident of the town, and by photographers from abroad.',
    );
    expect(names(r.people)).toEqual(['Vantrell']);
  });

  it('not when the name is a modifier', () => {
    const r = extractNames('The veteran Federalist leader resigned on Monday after a long illness, his party said.');
    expect(names(r.people)).toEqual([]);
  });
});

describe("a ship's name", () => {
  it('names no person after "ship", "tanker" or "aircraft carrier"', () => {
    const r = extractNames(
      'Crew of the tanker Marta Solberg were rescued on Monday, and the aircraft carrier Tomas Reyes sailed south. Captain Ilse Varga said all were safe.',
    );
    expect(names(r.people)).toEqual(['Ilse Varga']);
  });
});

describe('radio stations and "Inter" clubs', () => {
  it('are organizations', () => {
    const r = extractNames('The interview was repeated by Radio Caledonia on Sunday, and Inter Varna signed a new striker.');
    expect(names(r.organizations)).toEqual(['Inter Varna', 'Radio Caledonia']);
    expect(r.people).toEqual([]);
  });
});

describe("an organization's members or customers before it", () => {
  it('types the name after "passengers on" or "fighters from" as an organization', () => {
    const r = extractNames(
      'Passengers on Norse Meridian were stranded overnight, and fighters from the Tahrir Brigade entered the town before dawn.',
    );
    expect(names(r.organizations)).toEqual(['Norse Meridian', 'Tahrir Brigade']);
    expect(r.people).toEqual([]);
  });

  it('leaves a name used as a modifier', () => {
    const r = extractNames('Members of the Varossi royal family attended the service in the old cathedral on Sunday.');
    expect(r.organizations).toEqual([]);
  });
});

describe('a racing team before "driver" or "rider"', () => {
  it('is an organization', () => {
    const r = extractNames('Velora driver Tomas Reyes won the race ahead of the Kestrel rider Ines Okafor on Sunday afternoon.');
    expect(names(r.organizations)).toEqual(['Kestrel', 'Velora']);
    expect(names(r.people)).toEqual(['Ines Okafor', 'Tomas Reyes']);
  });
});

describe('a possessive before a one-word name', () => {
  it('is no affiliation ("Assassin\'s Creed" is a title)', () => {
    const r = extractNames("Franchises such as Warden's Creed, Tomb Lantern and Red Harbour were on sale this week.");
    expect(r.organizations).toEqual([]);
  });
});
