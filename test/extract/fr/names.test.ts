import { describe, expect, it } from 'vitest';
import { extractFrenchNames } from '../../../src/extract/fr/names.js';

const names = (list: Array<{ name: string }>) => list.map((e) => e.name).sort();

describe('extractFrenchNames', () => {
  const text =
    'Le général Mamadou Kané, chef d’état-major, a reçu mardi à Dakar la délégation de la Communauté économique des États de l’Afrique de l’Ouest (Cédéao). ' +
    'Selon Kané, la Cédéao prépare un sommet. La ministre Aïssata Ba a rappelé que les soldats sénégalais resteront au Sénégal. ' +
    'Des combattants liés à l’État islamique ont attaqué un poste près de Kidal, au nord du Mali, où la mission de l’Organisation des Nations unies (ONU) a quitté le pays.';
  const e = extractFrenchNames(text);

  it('finds people after titles and merges surnames into the full name', () => {
    expect(names(e.people)).toEqual(['Aïssata Ba', 'Mamadou Kané']);
    expect(e.people.find((p) => p.name === 'Mamadou Kané')!.aliases).toContain('Kané');
  });

  it('keeps lower-case words and particles inside organisation names and takes the acronym in parentheses as an alias', () => {
    const cedeao = e.organizations.find((o) => o.name === 'Communauté économique des États de l’Afrique de l’Ouest');
    expect(cedeao?.aliases).toEqual(['Cédéao']);
    expect(cedeao?.mentions).toBe(3);
    expect(e.organizations.find((o) => o.name === 'Organisation des Nations unies')?.aliases).toEqual(['ONU']);
    expect(names(e.organizations)).toContain('État islamique');
  });

  it('gives countries their ISO codes from French names and places from the gazetteers and "à"', () => {
    expect(e.countries.map((c) => c.code).sort()).toEqual(['ML', 'SN']);
    expect(names(e.places)).toEqual(['Dakar', 'Kidal']);
  });

  it('tells Niger from Nigeria, by name and by demonym, with accents folded for matching', () => {
    const r = extractFrenchNames('Les autorités nigériennes et le Nigéria ont signé un accord à Niamey. Le Niger et le Nigeria coopèrent.');
    const niger = r.countries.find((c) => c.code === 'NE')!;
    const nigeria = r.countries.find((c) => c.code === 'NG')!;
    expect(niger.mentions).toBe(2); // "Niger" and "nigériennes"
    expect(nigeria.mentions).toBe(2); // "Nigéria" and "Nigeria"
    expect(r.countries).toHaveLength(2);
  });

  it('matches a surname written without its accent to the accented full name', () => {
    const r = extractFrenchNames('Le colonel Assimi Goïta a parlé. Plus tard, Goita a quitté la salle.');
    expect(r.people).toHaveLength(1);
    expect(r.people[0]).toMatchObject({ name: 'Assimi Goïta', aliases: ['Goita'], mentions: 2 });
  });

  it('does not take sentence-initial words, weekdays or lone capitalised words as names', () => {
    const r = extractFrenchNames('Dimanche, les habitants sont sortis. Pourtant, Personne ne savait. Ensuite la pluie est tombée.');
    expect(r.people).toEqual([]);
    expect(r.organizations).toEqual([]);
  });

  it('reads typographic and straight apostrophes alike and keeps spans on the text', () => {
    const straight = extractFrenchNames("Le président de la Côte d'Ivoire est à Abidjan.");
    const curly = extractFrenchNames('Le président de la Côte d’Ivoire est à Abidjan.');
    expect(straight.countries.map((c) => c.code)).toEqual(['CI']);
    expect(curly.countries.map((c) => c.code)).toEqual(['CI']);
    const t = 'Le président de la Côte d’Ivoire est à Abidjan.';
    const [s, end] = curly.countries[0].spans![0];
    expect(t.slice(s, end)).toBe('Côte d’Ivoire');
  });

  it('keeps name particles: Le, Ould, El, Ben, von der, and a first name fr-compromise took for a verb', () => {
    const r = extractFrenchNames(
      'Marine Le Pen a rencontré jeudi Jean-Yves Le Drian à Paris. Le président mauritanien, Mohamed Ould Cheikh El Ghazouani, était présent avec Moussa Ben Ali et Ursula von der Leyen. Le Pen a ensuite quitté la salle.',
    );
    expect(names(r.people)).toEqual([
      'Jean-Yves Le Drian',
      'Marine Le Pen',
      'Mohamed Ould Cheikh El Ghazouani',
      'Moussa Ben Ali',
      'Ursula von der Leyen',
    ]);
    expect(r.people.find((p) => p.name === 'Marine Le Pen')!.mentions).toBe(2);
    expect(r.organizations).toEqual([]);
  });
});

describe('extractFrenchNames with countriesFromDemonyms', () => {
  it('makes a country from a nationality word alone, named by its French name', () => {
    const r = extractFrenchNames('Les soldats nigériens et les experts maliens sont arrivés hier soir.', { countriesFromDemonyms: true });
    expect(r.countries.map((c) => [c.code, c.name, c.mentions]).sort()).toEqual([
      ['ML', 'Mali', 1],
      ['NE', 'Niger', 1],
    ]);
  });
});
