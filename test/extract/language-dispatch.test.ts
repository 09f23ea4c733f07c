import { describe, expect, it } from 'vitest';
import { extractWithInfo } from '../../src/extract/index.js';

describe('extraction by the text’s language', () => {
  it('runs the French extractors on French text, whatever the page declared', () => {
    const r = extractWithInfo({
      text: 'Le président Bassirou Diomaye Faye a reçu samedi à Dakar le ministre des Affaires étrangères du Mali, qui a salué la coopération entre les deux pays voisins et la fin des tensions à la frontière.',
      publishedAt: '2024-07-08T09:00:00Z',
      language: 'en',
    });
    expect(r.extraction).toEqual({ language: 'fr', entities: 'fr', dates: 'fr' });
    expect(r.entities.people.map((p) => p.name)).toEqual(['Bassirou Diomaye Faye']);
    expect(r.entities.dates.map((d) => d.value)).toEqual(['2024-07-06']);
  });

  it('gives a German text no people or organizations, its countries by German names, and chrono’s German dates', () => {
    const r = extractWithInfo({
      text: 'Die Versorgung des Patienten in Deutschland wird besser, sagte der Minister am 3. Mai 2024 in Berlin. Kommen Sie morgen wieder, hieß es aus dem Ministerium. Auch Frankreich und Italien prüfen das Modell.',
      publishedAt: '2024-07-08T09:00:00Z',
    });
    expect(r.extraction).toEqual({ language: 'de', entities: 'countries', dates: 'de' });
    expect(r.entities.people).toEqual([]);
    expect(r.entities.organizations).toEqual([]);
    expect(r.entities.countries.map((c) => c.code).sort()).toEqual(['DE', 'FR', 'IT']);
    expect(r.entities.dates.map((d) => d.value)).toContain('2024-05-03');
  });

  it('keeps the English extractors for English text and for texts too short to tell', () => {
    const en = extractWithInfo({
      text: 'President Joe Biden met leaders of Mali and Niger in Washington on Saturday to discuss the security situation in the Sahel region.',
      publishedAt: '2023-09-17T10:00:00Z',
    });
    expect(en.extraction).toEqual({ language: 'en', entities: 'en', dates: 'en' });
    const short = extractWithInfo({ text: 'Joe Biden.', publishedAt: null });
    expect(short.extraction.entities).toBe('en');
  });
});

describe('dates through chrono-node locales', () => {
  it('leaves out times of day and three-letter matches, and gives no value to relative words without a publication date', () => {
    const pt =
      'O governo vai ter de rever o orçamento. Na sexta-feira de manhã, o ministro falou com os jornalistas em Lisboa sobre o plano para 2025 e as eleições de 10 de março.';
    const dated = extractWithInfo({ text: pt, publishedAt: '2024-02-14T10:00:00Z' });
    expect(dated.extraction.dates).toBe('pt');
    const texts = dated.entities.dates.map((d) => d.text);
    expect(texts).not.toContain('ter');
    expect(dated.entities.dates.find((d) => d.text.startsWith('10 de março'))?.value).toBe('2023-03-10');
    const undated = extractWithInfo({ text: pt, publishedAt: null });
    expect(undated.entities.dates.every((d) => d.value === null || /^\d{4}/.test(d.value))).toBe(true);
    expect(undated.entities.dates.find((d) => /sexta/.test(d.text))?.value ?? null).toBeNull();
  });
});
