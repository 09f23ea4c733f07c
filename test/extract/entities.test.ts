// Names in news text: titles stripped, truncated names repaired, "City, Country" split, head
// words, one type per string, headlines, sports teams, spans, and robustness.
import { describe, expect, it } from 'vitest';
import { extractNames } from '../../src/extract/entities.js';
import { extract } from '../../src/extract/index.js';
import { PLAIN_OPENERS, segments, taggedSpans, tagOffsets } from '../../src/extract/names/tags.js';
import { isCommonWord } from '../../src/extract/names/runs.js';
import { tokenize } from '../../src/extract/names/tokens.js';
import { Entities } from '../../src/record/schema.js';

const names = (list: Array<{ name: string }>) => list.map((e) => e.name);

describe('people', () => {
  it('strips titles, nationality words and offices', () => {
    const text =
      'Malian President Assimi Goita received Defence Minister Sadio Camara on Monday. Later, U.S. Secretary of State Antony Blinken called Gen. Abdourahamane Tiani.';
    const r = extractNames(text);
    expect(names(r.people).sort()).toEqual(['Abdourahamane Tiani', 'Antony Blinken', 'Assimi Goita', 'Sadio Camara']);
    expect(r.countries.map((c) => c.code)).toEqual(['US']);
  });

  it('repairs names cut short: "Kim Jong Un", "President Donald Trump’s"', () => {
    const text = "North Korea's Kim Jong Un wrote to President Donald Trump's office. Kim Jong Un later met Moon Jae-in.";
    const r = extractNames(text);
    expect(names(r.people)).toEqual(expect.arrayContaining(['Kim Jong Un', 'Donald Trump', 'Moon Jae-in']));
    expect(names(r.people)).not.toContain('Kim Jong');
    expect(names(r.people)).not.toContain('President Donald');
    const trump = r.people.find((p) => p.name === 'Donald Trump')!;
    expect(trump.spans!.map(([a, b]) => text.slice(a, b))).toEqual(['Donald Trump']);
  });

  it('drops a descriptor in front of a known first name', () => {
    const r = extractNames('Veteran striker Reliever Mark Acre and newcomer Frenchman Frank Leboeuf both started.');
    expect(names(r.people).sort()).toEqual(['Frank Leboeuf', 'Mark Acre']);
  });

  it('keeps names that start like a particle ("Mac", "Al-") whole', () => {
    const r = extractNames('French President Emmanuel Macron flew to Macedonia, where Al-Qaeda had been active.');
    expect(names(r.people)).toEqual(['Emmanuel Macron']);
    expect(r.countries.map((c) => c.code)).toEqual(['MK']);
  });

  it('takes a lowercase role before a name as person evidence', () => {
    const r = extractNames('The remark by professor Marc Lamont Hill drew replies from activist Sehar Memon.');
    expect(names(r.people).sort()).toEqual(['Marc Lamont Hill', 'Sehar Memon']);
    expect(r.places).toEqual([]);
  });

  it('extends over initials', () => {
    const r = extractNames('The memo was signed by George W. Bush and read by Mary J. Blige.');
    expect(names(r.people).sort()).toEqual(['George W. Bush', 'Mary J. Blige']);
  });

  it('splits an organization glued to a spokesperson', () => {
    const r = extractNames('"We are worried," the Refugee Council spokesman Enver Solomon said.');
    expect(names(r.organizations)).toContain('Refugee Council');
  });
});

describe('places and organizations', () => {
  it('splits "City, Country" into a place with its country code and a country', () => {
    const text = 'The summit opened in Bamako, Mali, and moved to Niamey, Niger, a week later.';
    const r = extractNames(text);
    expect(r.places.map((p) => [p.name, p.countryCode])).toEqual(
      expect.arrayContaining([
        ['Bamako', 'ML'],
        ['Niamey', 'NE'],
      ]),
    );
    expect(r.countries.map((c) => c.code).sort()).toEqual(['ML', 'NE']);
    expect(names(r.places)).not.toContain('Bamako, Mali');
  });

  it('types organizations by head words and lowercase nouns after them', () => {
    const text =
      'The Central Bank of West African States raised rates, the Wagner Group withdrew, and the Islamic State group claimed the attack. Orange Telecom Inc. and the Patriotic Salvation Movement were named.';
    const orgs = names(extractNames(text).organizations);
    expect(orgs).toEqual(
      expect.arrayContaining([
        'Central Bank of West African States',
        'Wagner Group',
        'Islamic State',
        'Orange Telecom Inc',
        'Patriotic Salvation Movement',
      ]),
    );
  });

  it('types places by gazetteer, head words and nouns after them', () => {
    const text =
      'Attacks spread across the Sahel. The Liptako-Gourma region borders the Niger River, and refugees reached Timbuktu and Lake Chad.';
    const places = names(extractNames(text).places);
    expect(places).toEqual(expect.arrayContaining(['Sahel', 'Liptako-Gourma', 'Niger River', 'Timbuktu', 'Lake Chad']));
    expect(extractNames(text).countries).toEqual([]);
  });

  it('types an unknown name by the names listed with it', () => {
    const r = extractNames('Stands were run by Ubisoft, Microsoft and Sony at the fair.');
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Ubisoft', 'Microsoft', 'Sony']));
  });

  it('keeps one type per string within an article', () => {
    const text = 'Officials from Kidal Holdings met in Gao. Kidal Holdings later said the deal with Kidal Holdings partners was off.';
    const r = extractNames(text);
    const all = [...r.people, ...r.organizations, ...r.places].filter((e) => e.name === 'Kidal Holdings');
    expect(all).toHaveLength(1);
    expect(r.organizations.find((o) => o.name === 'Kidal Holdings')?.mentions).toBe(3);
  });

  it('does not take teams for places in a match report', () => {
    const text = [
      'Bolton beat Leeds 2-1 in the league on Saturday, while Hull drew 0-0 with Burnley.',
      'Leeds coach Daniel Farke said his side had lost two games in a row. The match was played in Manchester.',
    ].join('\n');
    const r = extractNames(text);
    expect(names(r.places)).not.toContain('Leeds');
    expect(names(r.places)).not.toContain('Bolton');
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Leeds', 'Bolton']));
  });

  it('takes "Town, State" as a place', () => {
    const r = extractNames('The boy, from Irving, Texas, was arrested at school.');
    expect(names(r.places)).toEqual(expect.arrayContaining(['Irving', 'Texas']));
    expect(r.people).toEqual([]);
  });

  it('takes "Club City" names in a match report for clubs, not people', () => {
    const text =
      'Werder Bremen beat Hansa Rostock 3-1 in the league on Saturday. Bremen coach Otto Rehhagel praised his side after the match.';
    const r = extractNames(text);
    expect(names(r.organizations)).toEqual(expect.arrayContaining(['Werder Bremen', 'Hansa Rostock']));
    expect(names(r.people)).toEqual(['Otto Rehhagel']);
  });

  it('keeps a sentence-initial name vouched for by the noun after it', () => {
    const r = extractNames('Islamic State fighters attacked the town. Three Sahel countries replied.');
    expect(names(r.organizations)).toEqual(['Islamic State']);
    expect(names(r.places)).toEqual(['Sahel']);
  });

  it('does not turn sentence-initial words into names', () => {
    const r = extractNames('Three soldiers died. Police said the attack came at dawn. After that, Mali closed its border.');
    expect([...names(r.people), ...names(r.organizations), ...names(r.places)]).toEqual([]);
    expect(r.countries.map((c) => c.code)).toEqual(['ML']);
  });
});

describe('headlines', () => {
  it('finds names in an ALL-CAPS title by what the text knows', () => {
    const r = extractNames('Assimi Goita spoke in Bamako. The Alliance of Sahel States met later.', {
      title: 'GOITA HAILS SAHEL ALLIANCE AS BAMAKO CELEBRATES',
    });
    const goita = r.people.find((p) => p.name === 'Assimi Goita')!;
    expect(goita.aliases).toEqual(['Goita']);
    expect(goita.mentions).toBe(2);
    // Spans point into the text only.
    expect(goita.spans).toEqual([[0, 12]]);
    expect(r.places.find((p) => p.name === 'Bamako')?.mentions).toBe(2);
  });

  it('does not invent names from a Title Case headline', () => {
    const r = extractNames('Mali and Niger have signed a pact.', { title: 'Mali, Niger Forge New Alliance for Collective Defence' });
    expect(r.people).toEqual([]);
    expect(r.organizations).toEqual([]);
    expect(r.countries.map((c) => c.code).sort()).toEqual(['ML', 'NE']);
  });
});

describe('robustness', () => {
  it('returns empty lists for empty or lowercase text', () => {
    expect(extractNames('')).toEqual({ people: [], countries: [], organizations: [], places: [] });
    expect(extractNames('nothing here but lower case words.').people).toEqual([]);
  });

  it('survives odd input and still produces records that fit the schema', () => {
    const odd = [
      '((( )))',
      '’s’s’s',
      'A. B. C. D.',
      '—— • •',
      'Mr.',
      'U.S.-led',
      'O’Neill-O’Brien',
      '1996-08-30 12:00',
      '&amp; &',
      'ÇÖĞ Ün',
    ].join('\n');
    const r = extract({ text: `${odd}\n\nFrance and Mali talked.`, publishedAt: null });
    expect(Entities.safeParse(r).success).toBe(true);
    expect(r.countries.map((c) => c.code).sort()).toEqual(['FR', 'ML', 'US']);
  });

  it('analyses at most maxChars characters', () => {
    const text = `${'Mali and Niger met. '.repeat(10)}Later Ghana joined.`;
    const r = extractNames(text, { maxChars: 100 });
    expect(r.countries.map((c) => c.code).sort()).toEqual(['ML', 'NE']);
    expect(r.countries.every((c) => c.spans!.every(([, b]) => b <= 100))).toBe(true);
  });

  it('hands compromise lines and pieces of long lines, with offsets into the whole text', () => {
    const long = 'Mali signed the pact. '.repeat(200);
    const text = `First line here.\n\n${long}\nLast line in Niger.`;
    const segs = segments(text);
    expect(segs.every(([a, b]) => b - a <= 2000 && a < b)).toBe(true);
    expect(
      segs
        .map(([a, b]) => text.slice(a, b))
        .join('')
        .replace(/\n/g, ''),
    ).toBe(text.replace(/\n/g, ''));
    const tags = tagOffsets(text);
    const niger = text.lastIndexOf('Niger');
    expect(tags.get(niger)?.has('Country')).toBe(true);
    expect(tags.get(text.indexOf('Mali', 3000))?.has('Country')).toBe(true);
  });

  it('leaves out of compromise only sentences that name nothing, and keeps every other character', () => {
    const text =
      'The talks resumed on time. U.S. envoys met Assimi Goita in Bamako. They agreed to meet again. He said it went well! Mali and Niger signed.\nIt rained.';
    const spans = taggedSpans(text).map(([a, b]) => text.slice(a, b));
    expect(spans).toEqual([' U.S. envoys met Assimi Goita in Bamako.', ' Mali and Niger signed.']);
    const tags = tagOffsets(text);
    expect(tags.get(text.indexOf('U.S.'))).toBeDefined();
    expect(tags.get(text.indexOf('Niger'))?.has('Country')).toBe(true);
    expect(tags.get(text.indexOf('talks'))).toBeUndefined();
  });

  it('a plain opener is an ordinary word without compromise’s tags, as with them (caseless-line rule)', () => {
    // Tags are not computed for a plain sentence, whose opener is its only capital: the one rule
    // that reads a capitalised word's tags outside names must judge the opener the same without them.
    for (const w of PLAIN_OPENERS) {
      const word = w[0].toUpperCase() + w.slice(1);
      const [t] = tokenize(`${word} x`);
      expect(isCommonWord(t, new Set()), word).toBe(true);
    }
  });

  it('handles a very long run of capitalised words quickly', () => {
    const text = `${'Alpha And Beta And Gamma Council '.repeat(4000)}met in Mali.`;
    const r = extractNames(text);
    expect(r.countries.map((c) => c.code)).toEqual(['ML']);
  });

  it('handles a long text', () => {
    const para = 'Assimi Goita met Abdoulaye Diop in Bamako, Mali, and the Alliance of Sahel States (AES) agreed to meet again. ';
    const r = extractNames(para.repeat(300));
    expect(r.people.find((p) => p.name === 'Assimi Goita')?.mentions).toBe(300);
    expect(r.organizations.find((o) => o.name === 'Alliance of Sahel States')?.mentions).toBe(600);
  });
});
