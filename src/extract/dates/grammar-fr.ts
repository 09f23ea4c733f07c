// The French date table: regular expressions for French news text, turned into the same Specs as
// the English grammar (grammar.ts), so the same past-leaning resolver places them. Month and weekday
// names are lower case in French; apostrophes may be typographic (’). Written for this project.
import { g, wordBefore, YEAR, type Rule, type SeasonCode, type Spec, type Unit } from './grammar.js';

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** Accent-less spellings seen on the web. */
const MONTH_VARIANTS: Record<string, number> = { fevrier: 2, aout: 8, decembre: 12 };
/** Abbreviations, matched only with their dot ("sept." — "sept" alone is seven). */
const MONTH_ABBR: Record<string, number> = { janv: 1, févr: 2, fevr: 2, sept: 9, oct: 10, nov: 11, déc: 12, dec: 12 };
const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const NUMBERS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  cent: 100,
};
/** Units of "l’an dernier", "la semaine prochaine", "ce trimestre". */
const UNITS_FR: Record<string, Unit> = {
  an: 'year',
  année: 'year',
  semaine: 'week',
  mois: 'month',
  trimestre: 'quarter',
  décennie: 'decade',
};
/** Days from the publication date ("aujourd’hui" is 0, in either apostrophe). */
const DAY_WORDS_FR: Record<string, number> = { 'avant-hier': -2, hier: -1, demain: 1, 'après-demain': 2 };
const SEASONS: Record<string, SeasonCode> = { printemps: 'SP', été: 'SU', automne: 'FA', hiver: 'WI' };

const ABBREVIATIONS = Object.keys(MONTH_ABBR);
/** A month name; an abbreviation may carry its dot ("sept."), a full name never swallows the sentence's. */
const MONTH = `(?:(?:${ABBREVIATIONS.join('|')})\\.|${[...MONTHS, ...Object.keys(MONTH_VARIANTS)].sort((a, b) => b.length - a.length).join('|')})`;
const WEEKDAY = WEEKDAYS.join('|');
const DAY = '(?:1er|[0-3]?\\d)';
const NUM = `(?:\\d{1,3}|${Object.keys(NUMBERS).join('|')}|quelques|plusieurs)`;
const APOS = "['’]";
/** Start and end of a word (\b does not know accented letters). */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

export function monthNumberFr(s: string): number {
  const k = s.toLowerCase().replace('.', '');
  const i = MONTHS.indexOf(k);
  return i >= 0 ? i + 1 : (MONTH_VARIANTS[k] ?? MONTH_ABBR[k] ?? 0);
}
const numberFr = (s: string): number | null => (/^\d+$/.test(s) ? +s : (NUMBERS[s.toLowerCase()] ?? null));
/** Words that shift a date from the publication date's: "l’an dernier" -1, "la semaine prochaine" +1, "cette année" 0. */
const SHIFT_WORDS_FR: Record<string, number> = {
  dernier: -1,
  dernière: -1,
  passé: -1,
  passée: -1,
  précédent: -1,
  précédente: -1,
  prochain: 1,
  prochaine: 1,
  suivant: 1,
  suivante: 1,
  ce: 0,
  cette: 0,
  cet: 0,
};
/** The shift words after a unit ("l’année dernière"), as a regex alternation. */
const SHIFT_AFTER = Object.keys(SHIFT_WORDS_FR)
  .filter((w) => SHIFT_WORDS_FR[w] !== 0)
  .join('|');
const relFr = (s: string | undefined): number | undefined => (s ? SHIFT_WORDS_FR[s.toLowerCase()] : undefined);

const R = (name: string, src: string, flags: string, build: Rule['build'], gate?: RegExp): Rule => ({
  name,
  re: new RegExp(src, `${flags}gu`),
  gate,
  build,
});

const MONTH_GATE = /janv|févr|fevr|mars|avril|mai|juin|juil|août|aout|sept|oct|nov|déc|dec/i;

export const RULES_FR: Rule[] = [
  // "samedi 6 juillet 2024", "le 16 septembre 2023", "1er mai"
  R(
    'dayMonthFr',
    `${B}(?:(?:${WEEKDAY})\\s+)?(?<day>${DAY})\\s+(?<mon>${MONTH})(?:\\s+(?<year>${YEAR}))?${E}`,
    'i',
    (m) => {
      const mo = monthNumberFr(g(m, 'mon')!);
      const d = parseInt(g(m, 'day')!, 10);
      if (!mo || d < 1 || d > 31) return null;
      return { k: 'day', y: g(m, 'year') ? +g(m, 'year')! : undefined, m: mo, d };
    },
    MONTH_GATE,
  ),
  // "juillet 2024", "en juillet", "début janvier", "fin mars dernier"
  R(
    'monthFr',
    `${B}(?<![\\p{L}\\p{N}]-)(?<mon>${MONTH})(?:\\s+(?<year>${YEAR})|\\s+(?<rel>dernier|prochain))?${E}`,
    'i',
    (m, text) => {
      const mo = monthNumberFr(g(m, 'mon')!);
      if (!mo) return null;
      // "mai" and "mars" are also words ("la planète Mars"); a bare month needs a date-like neighbour
      const before = wordBefore(text, m.index).toLowerCase();
      if (
        !g(m, 'year') &&
        !g(m, 'rel') &&
        /^(mai|mars)$/i.test(g(m, 'mon')!) &&
        !/^(en|de|d['’]|depuis|début|fin|mi|courant|jusqu['’]en|avant|après|dès|le|au|mois)$/.test(before)
      )
        return null;
      return { k: 'month', y: g(m, 'year') ? +g(m, 'year')! : undefined, m: mo, rel: relFr(g(m, 'rel')) };
    },
    MONTH_GATE,
  ),
  // "samedi", "samedi dernier", "lundi prochain", "dimanche soir"
  R(
    'weekdayFr',
    `${B}(?<wd>${WEEKDAY})(?:\\s+(?<rel>dernier|prochain|passé))?(?:\\s+(?:matin|midi|après-midi|soir))?${E}`,
    'i',
    (m) => ({
      k: 'weekday',
      wd: WEEKDAYS.indexOf(g(m, 'wd')!.toLowerCase()),
      rel: relFr(g(m, 'rel')),
    }),
    /(?:lun|mar|mercre|jeu|vendre|same)di|dimanche/i,
  ),
  // "la fin de l’année", "début de l’année prochaine", "au milieu de l’année dernière"
  R(
    'partOfYearFr',
    `${B}(?:(?:à\\s+)?la\\s+)?(?:début|fin|milieu|courant)\\s+(?:de\\s+)?l${APOS}année(?:\\s+(?<rel>dernière|prochaine|passée))?${E}`,
    'i',
    (m) => ({
      k: 'relUnit',
      unit: 'year',
      n: relFr(g(m, 'rel')) ?? 0,
    }),
    /l['’]année/i,
  ),
  // "en 2012", "début 2023", "fin 2021", bare years
  R(
    'yearFr',
    `${B}(?:(?:début|fin|mi-?|courant)\\s*)?(?<y>${YEAR})${E}(?![,.]\\d)`,
    'i',
    (m) => ({ k: 'year', y: +g(m, 'y')! }),
    /(?:1[5-9]|20)\d\d/,
  ),
  // "aujourd’hui", "hier", "avant-hier", "demain"
  R(
    'relDayFr',
    `${B}(?<w>aujourd${APOS}hui|avant-hier|après-demain|hier|demain)${E}`,
    'i',
    (m) => {
      const w = g(m, 'w')!.toLowerCase();
      return { k: 'relDay', n: w.startsWith('aujourd') ? 0 : DAY_WORDS_FR[w] };
    },
    /hier|demain|aujourd/i,
  ),
  // "l’an dernier", "l’année dernière", "cette année", "l’an prochain", "la semaine dernière", "le mois prochain"
  R(
    'relUnitFr',
    `${B}(?:l${APOS}|la\\s+|le\\s+|cette\\s+|ce\\s+|cet\\s+)(?<unit>${Object.keys(UNITS_FR).join('|')})(?:\\s+(?<rel>${SHIFT_AFTER}))?${E}`,
    'i',
    (m) => {
      const det = m[0].toLowerCase();
      const rel = relFr(g(m, 'rel')) ?? (/^(cette|ce|cet)\s/.test(det) ? 0 : undefined);
      if (rel === undefined) return null; // "l’année" alone is not a date
      return { k: 'relUnit', unit: UNITS_FR[g(m, 'unit')!.toLowerCase()], n: rel };
    },
    /\b(?:an|année|semaine|mois|trimestre|décennie)/i,
  ),
  // "il y a deux ans", "il y a trois mois", "deux ans plus tôt"
  R(
    'agoFr',
    `${B}(?:il\\s+y\\s+a\\s+(?<n>${NUM})\\s+(?<unit>ans|an|années|année|mois|semaines|semaine|jours|jour)|(?<n2>${NUM})\\s+(?<unit2>ans|an|années|mois)\\s+(?:plus\\s+tôt|auparavant))${E}`,
    'i',
    (m): Spec | null => {
      const nWord = (g(m, 'n') ?? g(m, 'n2'))!.toLowerCase();
      const unit = (g(m, 'unit') ?? g(m, 'unit2'))!.toLowerCase();
      const n = numberFr(nWord);
      if (n == null) return { k: 'vague' };
      if (unit.startsWith('an')) return { k: 'yearsAgo', n };
      if (unit === 'mois') return { k: 'relUnit', unit: 'month', n: -n };
      if (unit.startsWith('semaine')) return { k: 'relUnit', unit: 'week', n: -n };
      return { k: 'relDay', n: -n };
    },
    /il\s+y\s+a|plus\s+tôt|auparavant/i,
  ),
  // "au printemps", "l’été dernier", "cet hiver"
  R(
    'seasonFr',
    `${B}(?<s>printemps|été|automne|hiver)(?:\\s+(?<y>${YEAR})|\\s+(?<rel>dernier|prochain))?${E}`,
    'i',
    (m, text) => {
      const before = text.slice(Math.max(0, m.index! - 8), m.index!).toLowerCase();
      // "au printemps", "cet hiver", "l’été"; not "les vacances d’hiver" (a kind of holiday, not a date)
      if (!g(m, 'y') && !g(m, 'rel') && !/(au|cet|l['’]|en)\s*$/.test(before)) return null;
      // "été" is also the past participle of "être" ("a été"): a season needs its article
      if (g(m, 's')!.toLowerCase() === 'été' && !/(l['’]|cet\s)$/.test(before)) return null;
      return { k: 'season', s: SEASONS[g(m, 's')!.toLowerCase()], y: g(m, 'y') ? +g(m, 'y')! : undefined, rel: relFr(g(m, 'rel')) };
    },
    /printemps|été|automne|hiver/i,
  ),
  // "les années 1990", "les années 90"
  R(
    'decadeFr',
    `${B}années\\s+(?<d>(?:19|20)?\\d0)${E}`,
    'i',
    (m) => {
      const d = g(m, 'd')!;
      return { k: 'decade', start: d.length === 4 ? +d : 1900 + +d };
    },
    /années/i,
  ),
  // "actuellement", "récemment", "à l’avenir": date references with no calendar value
  R(
    'vagueFr',
    `${B}(?:actuellement|récemment|à\\s+l${APOS}avenir|ces\\s+dernières\\s+années|autrefois)${E}`,
    'i',
    () => ({ k: 'vague' }),
    /actuellement|récemment|avenir|dernières|autrefois/i,
  ),
];
