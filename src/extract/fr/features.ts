// The evidence that types a French candidate name, as one table of named features (the English
// layer's pattern, names/features.ts). Each feature tests the facts about one mention (its words,
// fr-compromise's tags, gazetteers, head words, the words before it) and adds its weight to one
// type's score; a final feature ends the evaluation (a country name is a country, whatever else it
// looks like); a drop says the mention is no name of any type (an event). Scores are summed per
// string in names.ts; the best type wins. `featuresOff` switches features off by name.
import { countryCodeIn, demonymCodeFr } from '../gazetteers/countries.js';
import { nameKey } from '../gazetteers/normalize.js';
import { lookupPlace } from '../gazetteers/places.js';
import { applyTable, type NameType, type Scores } from '../names/evidence.js';
import { bare, type FrToken } from './tokens.js';
import {
  ADJECTIVE_ENDING,
  EVENT_HEADS,
  LOWER_ORG_HEADS,
  LOWER_PLACE_HEADS,
  OF_WORDS,
  ORG_HEADS,
  ORG_NAMES_FR,
  ORG_NOUNS_BEFORE,
  ORG_TAILS,
  PERSON_JOINERS,
  PERSON_PARTICLES,
  PERSON_TITLES,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
  REGIONS_FR,
} from './words.js';

/** Known organisations and regions, keyed as names are matched (case and accents folded). */
export const ORG_KEYS: ReadonlySet<string> = new Set([...ORG_NAMES_FR].map(nameKey));
export const REGION_CODES: ReadonlyMap<string, string | null> = new Map(Object.entries(REGIONS_FR).map(([n, c]) => [nameKey(n), c]));

/** What the features look at, computed once per mention. */
export interface FrFacts {
  /** The mention's tokens (words and particles). */
  toks: FrToken[];
  first: FrToken;
  last: FrToken;
  surface: string;
  key: string;
  /** ISO code when the whole name is a country. */
  country: string | null;
  /** The word before the name, a full stop skipped ("M. Diop"), and the one before that. */
  before?: FrToken;
  beforeBefore?: FrToken;
  /** The last one, two and three words before the name as written phrases, lower case ("colonel", "chef rebelle", "chef d'état-major"). */
  phrasesBefore: string[];
  /** The noun a lower-case adjective and "de" may stand between ("rebelles du M23", "la compagnie indienne IndiGo"). */
  nounBefore?: FrToken;
  /** A capitalised word in parentheses right after the name: its acronym ("Organisation des Nations unies (ONU)"). */
  acronymAfter?: FrToken;
}

export interface TypeFeature {
  name: string;
  type: NameType;
  weight: number;
  /** When it fires, no other feature is looked at. */
  final?: true;
  test: (f: FrFacts) => boolean;
}

/** Evidence that the mention is no name of any type: it is dropped. */
export interface DropFeature {
  name: string;
  drop: true;
  test: (f: FrFacts) => boolean;
}

export type FrFeature = TypeFeature | DropFeature;

/** A lower-case adjective or nationality word ("italien", "indienne", "nigérienne"). */
export const isLowerAdjective = (t: FrToken | undefined): boolean =>
  !!t && !t.cap && (ADJECTIVE_ENDING.test(t.lower) || !!demonymCodeFr(t.lower));

const hasTag = (t: FrToken, tags: readonly string[]): boolean => tags.some((x) => t.tags?.has(x));
const FIRST_NAME_TAGS = ['FirstName', 'Person'];
const multiword = (f: FrFacts): boolean => f.toks.length > 1;
/** "ONU", "JNIM", "M23": a short all-capitals word, digits allowed at the end. */
const acronymShaped = (t: FrToken): boolean => (t.upper || /^\p{Lu}+\d+$/u.test(t.text)) && t.text.length <= 6;
const capitalisedWords = (f: FrFacts): number => f.toks.filter((t) => t.cap).length;
/** Capitalised words (no acronym) and people's particles only: "Assimi Goïta", "Ursula von der Leyen". */
const personShaped = (f: FrFacts): boolean =>
  capitalisedWords(f) >= 2 &&
  capitalisedWords(f) <= 4 &&
  f.toks.every((t) => (t.cap && !t.upper) || PERSON_PARTICLES.has(bare(t)) || PERSON_JOINERS.has(t.lower));
/** A title before the name, of one to three words ("le colonel X", "M. X", "chef rebelle X", "chef d’état-major X"). */
const titleBefore = (f: FrFacts): boolean => f.phrasesBefore.some((p) => PERSON_TITLES.has(p));

export const FR_FEATURES: readonly FrFeature[] = [
  // Gazetteers: the whole name.
  { name: 'country-name', type: 'country', weight: 10, final: true, test: (f) => !!f.country },
  { name: 'org-gazetteer', type: 'org', weight: 6, test: (f) => ORG_KEYS.has(f.key) },
  { name: 'place-gazetteer', type: 'place', weight: 3, test: (f) => REGION_CODES.has(f.key) || !!lookupPlace(f.surface) },
  // "Tour de France", "Coupe d’Afrique": events are none of the types.
  { name: 'event', drop: true, test: (f) => multiword(f) && EVENT_HEADS.has(f.first.lower) && !ORG_KEYS.has(f.key) },

  // Head words: "Banque mondiale", "ministère de la Culture", "Deutsche Bank", "Lac Tchad", "stade du 28-Septembre".
  {
    name: 'org-head',
    type: 'org',
    weight: 4,
    test: (f) => multiword(f) && (ORG_HEADS.has(f.first.lower) || LOWER_ORG_HEADS.has(f.first.lower)),
  },
  { name: 'org-tail', type: 'org', weight: 4, test: (f) => multiword(f) && ORG_TAILS.has(f.last.lower) },
  {
    name: 'place-head',
    type: 'place',
    weight: 3,
    test: (f) => multiword(f) && (PLACE_HEADS.has(f.first.lower) || LOWER_PLACE_HEADS.has(f.first.lower)),
  },

  // Shapes.
  { name: 'bare-acronym', type: 'org', weight: 1.5, test: (f) => !multiword(f) && acronymShaped(f.first) },
  { name: 'person-shape', type: 'person', weight: 1.5, test: personShaped },
  // "Open VLD": an acronym among capitalised words.
  {
    name: 'acronym-inside',
    type: 'org',
    weight: 1.5,
    test: (f) => !personShaped(f) && capitalisedWords(f) >= 2 && f.toks.some((t) => t.upper),
  },

  // Words before.
  { name: 'title-before', type: 'person', weight: 4, test: titleBefore },
  // "à Niamey", "vers Gao"; "au sud de Marrakech", "près de Gao".
  { name: 'place-preposition-before', type: 'place', weight: 2, test: (f) => !!f.before && PLACE_PREPOSITIONS.has(bare(f.before)) },
  {
    name: 'place-preposition-de-before',
    type: 'place',
    weight: 2,
    test: (f) => !!f.before && OF_WORDS.has(bare(f.before)) && !!f.beforeBefore && PLACE_PREPOSITIONS.has(f.beforeBefore.lower),
  },
  // "le groupe Wagner", "rebelles du M23", "la compagnie indienne IndiGo".
  { name: 'org-noun-before', type: 'org', weight: 3, test: (f) => !!f.nounBefore && ORG_NOUNS_BEFORE.has(f.nounBefore.lower) },

  // fr-compromise's tags on the first word.
  { name: 'first-name-tag', type: 'person', weight: 3, test: (f) => hasTag(f.first, FIRST_NAME_TAGS) },
  { name: 'place-tag', type: 'place', weight: 1.5, test: (f) => hasTag(f.first, ['Place', 'City']) },

  // Words after: an acronym defined in parentheses, after a name that is no titled or first-named person.
  {
    name: 'acronym-defined',
    type: 'org',
    weight: 3,
    test: (f) => multiword(f) && !!f.acronymAfter && !titleBefore(f) && !hasTag(f.first, FIRST_NAME_TAGS),
  },
];

export const FR_FEATURE_NAMES: readonly string[] = FR_FEATURES.map((f) => f.name);

/** A feature's weight: thresholds in names.ts are read against them. */
export function frWeight(name: string): number {
  const f = FR_FEATURES.find((x) => x.name === name);
  if (!f || 'drop' in f) throw new Error(`no French type feature named ${name}`);
  return f.weight;
}

/** Lower-case words joined as written: a space between words, none after an elision ("d'" + "état-major"). */
const phraseOf = (toks: FrToken[]): string => toks.reduce((p, t, i) => (i === 0 || p.endsWith("'") ? p + t.lower : `${p} ${t.lower}`), '');

/** The phrases of the last one, two and three tokens up to tokens[b]. */
function phrasesEndingAt(tokens: FrToken[], b: number): string[] {
  const out: string[] = [];
  for (let n = 1; n <= 3 && b - n + 1 >= 0; n++) out.push(phraseOf(tokens.slice(b - n + 1, b + 1)));
  return out;
}

/** The facts about the mention of tokens [from, to). */
export function frFactsOf(text: string, tokens: FrToken[], from: number, to: number): FrFacts {
  const toks = tokens.slice(from, to);
  const surface = text.slice(toks[0].start, toks[toks.length - 1].end);
  const key = nameKey(surface);
  let b = from - 1;
  if (tokens[b]?.text === '.') b--;
  let o = b;
  if (isLowerAdjective(tokens[o])) o--;
  if (tokens[o] && OF_WORDS.has(bare(tokens[o]))) o--;
  const acronym = tokens[to + 1];
  const acronymAfter = tokens[to]?.text === '(' && acronym?.cap && tokens[to + 2]?.text === ')' ? acronym : undefined;
  return {
    toks,
    first: toks[0],
    last: toks[toks.length - 1],
    surface,
    key,
    country: countryCodeIn(key, 'fr'),
    before: tokens[b],
    beforeBefore: tokens[b - 1],
    phrasesBefore: phrasesEndingAt(tokens, b),
    nounBefore: tokens[o],
    acronymAfter,
  };
}

/**
 * Applies the features in order to `scores`, skipping those named in `off`, until a final one
 * fires. Returns the names of the features that fired and whether one of them drops the mention.
 */
export const applyFrFeatures = (facts: FrFacts, scores: Scores, off?: ReadonlySet<string>): { fired: string[]; drop: boolean } =>
  applyTable(FR_FEATURES, facts, scores, off);
