import { describe, expect, it } from 'vitest';
import { extractDates } from '../../../src/extract/dates.js';

const values = (text: string, at: string) => Object.fromEntries(extractDates(text, at, { language: 'fr' }).map((d) => [d.text, d.value]));

describe('French dates', () => {
  const at = '2024-07-08T09:00:00Z'; // a Monday

  it('resolves weekdays, months and relative years into the past', () => {
    expect(values('Ils ont signé samedi, puis la Cédéao a répondu dimanche.', at)).toEqual({
      samedi: '2024-07-06',
      dimanche: '2024-07-07',
    });
    expect(values('Les trois pays ont annoncé leur retrait en janvier.', at)).toEqual({ janvier: '2024-01' });
    expect(values('Le putsch a eu lieu l’an dernier.', at)).toEqual({ 'l’an dernier': '2023' });
    expect(values('Il a pris le pouvoir il y a deux ans.', at)).toEqual({ 'il y a deux ans': '2022' });
    expect(values('Une crise née début 2023.', at)).toEqual({ 'début 2023': '2023' });
  });

  it('reads full dates, "1er", "l’année dernière", "la semaine prochaine" and "hier"', () => {
    expect(values('L’alliance est née le 16 septembre 2023 à Bamako.', at)).toEqual({ '16 septembre 2023': '2023-09-16' });
    expect(values('La fête du 1er mai.', at)).toEqual({ '1er mai': '2024-05-01' });
    expect(values("L'année dernière, la production a baissé.", at)).toEqual({ "L'année dernière": '2023' });
    expect(values('Le sommet aura lieu la semaine prochaine.', at)).toEqual({ 'la semaine prochaine': '2024-W29' });
    expect(values('Le ministre a démissionné hier.', at)).toEqual({ hier: '2024-07-07' });
  });

  it('points a weekday to the future on a clear future cue', () => {
    expect(values('Les chefs d’État se réuniront vendredi à Niamey.', at)).toEqual({ vendredi: '2024-07-12' });
  });

  it('does not take the verb "été" or the planet Mars for dates', () => {
    expect(values('Le traité a été signé. La sonde vers Mars est partie.', at)).toEqual({});
  });
});

describe('French numbers that look like month abbreviations', () => {
  it('reads "sept ans" as seven years, "sept. 2023" as September', () => {
    expect(values('Il a passé sept ans en prison.', '2024-07-08T09:00:00Z')).toEqual({});
    expect(values('Un accord signé en sept. 2023.', '2024-07-08T09:00:00Z')).toEqual({ 'sept. 2023': '2023-09' });
  });
});
