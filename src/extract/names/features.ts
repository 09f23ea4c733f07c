// The evidence that types a candidate name, as one table of named features. Each feature tests
// the facts about one mention (its words, their compromise tags, gazetteers, head words, the words
// around it) and adds its weight to one type's score, or — a cap — holds that type's score at or
// below its weight (a veto), or — a drop — says the mention is no name of any type (an event, a
// model code). Features apply in table order, so a cap only bounds what came before it. The mention's scores are summed per string in resolve.ts; the best type wins.
// A bench switches features off by name (bench/ner-ablation.mjs); a mention lists the features
// that fired (`Mention.evidence`), which says why a name got its type.
import { countryCode } from '../gazetteers/countries.js';
import { lookupPlace, type PlaceInfo } from '../gazetteers/places.js';
import { nameKey } from '../gazetteers/normalize.js';
import {
  ALWAYS_CONNECT,
  CLUB_HEADS,
  CLUB_NOUNS_AFTER,
  COMPASS,
  EVENT_HEADS,
  MEMBER_NOUNS,
  NAME_PARTICLES,
  NEVER_NAMES,
  NOUN_SUFFIX,
  ORG_HEADS,
  ORG_NAMES,
  ORG_KIND_NOUNS,
  ORG_NOUNS_AFTER,
  ORG_NOUNS_BEFORE,
  ORG_OF_HEADS,
  ORG_PREFIXES,
  PERSON_NOUNS_BEFORE,
  PERSON_TITLES,
  PLACE_HEADS,
  PLACE_NOUNS_AFTER,
  PLACE_NOUNS_OF,
  PLACE_PREFIXES,
  PLACE_PREPOSITIONS,
  PRODUCT_NOUNS_AFTER,
  RESULT_MODIFIERS,
  RESULT_NOUNS,
  RESULT_VERBS,
  STAFF_NOUNS,
  STAKE_NOUNS,
  VENUE_WORDS,
  VESSEL_NOUNS,
  WORK_NOUNS_BEFORE,
  ORG_POSSESSIONS,
} from '../gazetteers/words.js';
import { applyTable, type NameType, type Scores } from './evidence.js';
import { hasInnerOrgHead, hasOrgOf, hasPlaceOf, hasTag, isConnector, isKnownPlace, isModifiedNoun, lowerKey } from './runs.js';
import { COMMON_TAGS, LEXICON_COMMON, lexiconTags } from './tags.js';
import type { Token } from './tokens.js';

export interface FeatureContext {
  tokens: Token[];
  /** Lowercase word forms that occur in lower case in the text (common words, not names). */
  lowerVocab: Set<string>;
  /** The text reads like a sports report. */
  sporty: boolean;
}

/** What the features look at, computed once per mention. */
export interface Facts {
  ctx: FeatureContext;
  toks: Token[];
  words: Token[];
  first: Token;
  last: Token;
  lastKey: string;
  text: string;
  acronym: boolean;
  before?: Token;
  /** The token after the name (none after a possessive: "Mali's"). */
  after?: Token;
  /** ISO code when the whole name is a country. */
  country: string | null;
  /** The gazetteer's entry when the whole name is a city, province or region. */
  place: PlaceInfo | null;
  /** A title was stripped from the front ("President Tinubu"). */
  titledInName: boolean;
  /** A lowercase role noun stands before the name ("junta leader Assimi Goita"). */
  roleBefore: boolean;
  /** titledInName or roleBefore. */
  titled: boolean;
  /** Ends in a place head word and is not a person's name ("Irving Park" — but not "Jane Park"). */
  placeHead: boolean;
  /** Several words ending in an organization or place head word, or "X of Y": not a person. */
  headed: boolean;
  /** Two to four plain capitalised words (no all-capitals word, no joining word but a particle). */
  plainShape: boolean;
  /** In a sports report, a word and a known city or country ("Werder Bremen"): a club. */
  cityLast: boolean;
  /** Closed by an event word ("World Cup", "Greater Taunton Open", "Gulf War"). */
  event: boolean;
  /** Holds a product or model code, letters and digits in one word ("A380", "IE6", "PS5"). */
  modelCode: boolean;
  /** A staff noun and "at"/"with" before it: an employer ("analysts at Morgan Stanley"). */
  staffBefore: boolean;
  /** A lowercase noun of an organization's kind right before the name ("the carmaker Velora"). */
  orgNounBefore: boolean;
  /** "shares of" / "a stake in" before it: a company. */
  stakeBefore: boolean;
  /** Possessive, and a company's possession after it ("Kestrel's shares", "Dunmore's chief executive"). */
  orgPossession: boolean;
  /** A model number right after it, outside sports reports ("Boeing 787"). */
  numberAfter: boolean;
  /** A model number right before it, outside sports reports ("787 Dreamliner", "15 Pro"). */
  numberBefore: boolean;
}

/** Evidence for one type: adds `weight`, or — a cap — holds the type's score at or below it (a veto). */
export interface TypeFeature {
  name: string;
  type: NameType;
  weight: number;
  cap?: true;
  test: (f: Facts) => boolean;
}

/** Evidence that the mention is no name of any type (an event, a product code): it is dropped. */
export interface DropFeature {
  name: string;
  drop: true;
  test: (f: Facts) => boolean;
}

export type Feature = TypeFeature | DropFeature;

const FIRST_NAME = ['FirstName', 'MaleName', 'FemaleName'];

/** A word of letters and digits: a product or model code ("A380", "IE6", "PS5"). */
export const isModelCode = (t: Token): boolean => t.word && /\p{N}/u.test(t.text);

/** A bare number that may be a model number: not a year ("2019"), not a score or a measure. */
export const isModelNumber = (t: Token | undefined): boolean => !!t && /^\d{1,4}$/.test(t.text) && !/^(?:1[89]|20)\d\d$/.test(t.text);

/** A word that may be part of a personal name: not an ordinary word, not an organization or demonym. */
function nameLike(f: Facts, t: Token, k: number): boolean {
  const key = lowerKey(t);
  return (
    !f.ctx.lowerVocab.has(key) &&
    !NEVER_NAMES.has(key) &&
    !hasTag(t, COMMON_TAGS) &&
    !hasTag(t, ['Organization', 'Demonym']) &&
    (k > 0 || !hasTag(t, ['Place'])) &&
    // "Social Welfare", "Easy Rider": a first word the lexicon knows as an adjective, adverb or verb, not as a first name.
    (k > 0 || hasTag(t, FIRST_NAME) || !lexiconTags(key).some((x) => LEXICON_COMMON.has(x))) &&
    !NOUN_SUFFIX.test(key)
  );
}

/** "the Jo Lee case": the name stands before a lowercase noun, as a modifier. */
const modifierUse = (f: Facts): boolean => isModifiedNoun(f.after);

/** "Group D", "Pool B": a group word and one capital letter. */
const isGroupLetter = (f: Facts): boolean =>
  f.words.length === 2 && /^(?:group|pool)$/.test(lowerKey(f.first)) && /^\p{Lu}$/u.test(f.last.text);

/** Korean place suffixes after a hyphen ("Gyeonggi-do", "Jung-gu", "Jeju-si"). */
const PLACE_SYLLABLES = new Set(['do', 'gu', 'si', 'dong', 'ri', 'gun', 'eup', 'myeon']);

/** "Tsang Ho-yin": two words, a family name of 2-5 letters, then two syllables joined by a hyphen. */
function isSyllableName(f: Facts): boolean {
  if (f.toks.length !== 2 || f.country || f.place) return false;
  const [family, given] = f.toks;
  const m = /^(\p{Lu}\p{Ll}{0,4})-(\p{L}\p{Ll}{0,4})$/u.exec(given.text);
  return (
    /^\p{Lu}\p{Ll}{1,4}$/u.test(family.text) &&
    !!m &&
    !PLACE_SYLLABLES.has(m[2].toLowerCase()) &&
    !PLACE_PREFIXES.has(m[1].toLowerCase()) &&
    // The first syllable is no English word the lexicon knows; the second may be one ("Ji-won", "Hee-sun").
    !NAME_PARTICLES.has(m[1].toLowerCase()) &&
    !lexiconTags(m[1].toLowerCase()).some((t) => LEXICON_COMMON.has(t) || t === 'Place')
  );
}

/** "Harbour Convention Centre": a venue word before "Centre"/"Center". */
const isVenueCentre = (f: Facts): boolean =>
  f.words.length > 2 && /^cent(?:re|er)$/.test(f.lastKey) && VENUE_WORDS.has(lowerKey(f.words[f.words.length - 2]));

/** Role nouns the lexicon knows that also stand before companies ("customer X", "the operator X"). */
const BUSINESS_ROLES = new Set(
  'customer partner employer operator maker dealer broker underwriter trader merchant user enemy foe contender winner developer producer creator sponsor'.split(
    ' ',
  ),
);

/** "designer X", "curator X": a singular noun compromise's lexicon files as a person's role. */
function isLexiconRole(word: string): boolean {
  if (BUSINESS_ROLES.has(word) || ORG_NOUNS_BEFORE.has(word)) return false;
  const tags = lexiconTags(word);
  return tags.includes('Actor') && !tags.includes('Plural');
}

/** The name follows a ship noun, or "aircraft carrier". */
function isVesselName(f: Facts): boolean {
  const b = f.before;
  if (!b || !b.word || b.cap) return false;
  return VESSEL_NOUNS.has(b.lower) || (b.lower === 'carrier' && f.ctx.tokens[f.first.i - 2]?.lower === 'aircraft');
}

/** "passengers on X", "customers of X": a member noun and a preposition before the name (after "the", too). */
function membersBefore(f: Facts): boolean {
  // "members of the Varossi community", "... the Varossi royal family": the name is a modifier.
  const a = f.after;
  if (a && a.word && !a.cap && !hasTag(a, ['Verb', 'Preposition', 'Conjunction', 'Adverb', 'Determiner', 'Pronoun'])) return false;
  const { tokens } = f.ctx;
  let k = f.first.i - 1;
  if (tokens[k]?.lower === 'the') k--;
  return /^(?:of|from|on|at|with)$/.test(tokens[k]?.lower ?? '') && MEMBER_NOUNS.has(tokens[k - 1]?.lower ?? '');
}

/** "X said earnings rose", "X reported its net profit": a company's results after a reporting verb. */
function resultsAfter(f: Facts): boolean {
  const { tokens } = f.ctx;
  if (!f.after || !RESULT_VERBS.has(f.after.lower) || f.after.cap) return false;
  let k = f.after.i + 1;
  while (k - f.after.i <= 2 && RESULT_MODIFIERS.has(tokens[k]?.lower ?? '')) k++;
  const noun = tokens[k];
  return !!noun && noun.word && !noun.cap && RESULT_NOUNS.has(noun.lower);
}

const lowerWordAfter = (f: Facts): Token | undefined => (f.after && f.after.word && !f.after.cap ? f.after : undefined);
const placeTagged = (f: Facts): number => f.words.filter((t) => hasTag(t, ['City', 'Region'])).length;

export const FEATURES: readonly Feature[] = [
  // Gazetteers: the whole name.
  { name: 'country-name', type: 'country', weight: 5, test: (f) => !!f.country },
  { name: 'gazetteer-region', type: 'place', weight: 5, test: (f) => f.place?.kind === 'region' },
  { name: 'gazetteer-province', type: 'place', weight: 2, test: (f) => f.place?.kind === 'province' },
  { name: 'gazetteer-big-city', type: 'place', weight: 2.5, test: (f) => f.place?.kind === 'city' && f.place.pop >= 100_000 },
  { name: 'gazetteer-city', type: 'place', weight: 1.5, test: (f) => f.place?.kind === 'city' && f.place.pop < 100_000 },

  // Titles and role nouns.
  { name: 'title-in-name', type: 'person', weight: 4, test: (f) => f.titledInName },
  { name: 'role-noun-before', type: 'person', weight: 2.5, test: (f) => f.roleBefore },
  {
    name: 'title-before',
    type: 'person',
    weight: 2,
    // Not a title's possessive: "the Governor's Reserve", "the President's Cup".
    test: (f) => !!f.before && f.before.word && f.before.cap && !f.before.poss && PERSON_TITLES.has(lowerKey(f.before)),
  },

  // compromise's lexicon tags.
  { name: 'first-name', type: 'person', weight: 2.5, test: (f) => f.words.length > 1 && hasTag(f.first, FIRST_NAME) },
  { name: 'first-name-alone', type: 'person', weight: 0.8, test: (f) => f.words.length <= 1 && hasTag(f.first, FIRST_NAME) },
  { name: 'last-name', type: 'person', weight: 1.5, test: (f) => f.words.length > 1 && hasTag(f.last, ['LastName']) },
  { name: 'last-name-alone', type: 'person', weight: 1, test: (f) => f.words.length <= 1 && hasTag(f.last, ['LastName']) },
  // "Tsang Ho-yin", "Park Ji-won": a short family name and a hyphened given name of two syllables,
  // as Cantonese and Korean names are romanised (not "Gyeonggi-do", "Saint-Denis": places).
  { name: 'syllable-given-name', type: 'person', weight: 2, test: (f) => isSyllableName(f) },
  { name: 'person-tag', type: 'person', weight: 1, test: (f) => f.toks.some((t) => hasTag(t, ['Person']) && !hasTag(t, ['Honorific'])) },
  { name: 'place-tags-all', type: 'place', weight: 2, test: (f) => placeTagged(f) > 0 && placeTagged(f) === f.words.length },
  { name: 'place-tags-some', type: 'place', weight: 0.4, test: (f) => placeTagged(f) > 0 && placeTagged(f) !== f.words.length },
  {
    name: 'country-tag-alone',
    type: 'place',
    weight: 1,
    test: (f) => !f.country && f.words.length === 1 && f.toks.some((t) => hasTag(t, ['Country'])),
  },
  {
    name: 'country-tag-inside',
    type: 'place',
    weight: 0.3,
    test: (f) => !f.country && f.words.length !== 1 && f.toks.some((t) => hasTag(t, ['Country'])),
  },
  {
    name: 'place-tag',
    type: 'place',
    weight: 0.7,
    test: (f) => f.toks.some((t) => hasTag(t, ['Place'])) && !f.toks.some((t) => hasTag(t, ['Country', 'City', 'Region'])),
  },
  { name: 'org-tag-last', type: 'org', weight: 2.5, test: (f) => hasTag(f.last, ['Organization', 'SportsTeam']) },
  {
    name: 'org-tag-inside',
    type: 'org',
    weight: 1.5,
    test: (f) => !hasTag(f.last, ['Organization', 'SportsTeam']) && f.toks.some((t) => hasTag(t, ['Organization', 'SportsTeam'])),
  },

  // Head words and shapes.
  { name: 'org-head', type: 'org', weight: 3.5, test: (f) => ORG_HEADS.has(f.lastKey) && (f.words.length > 1 || f.last.upper) },
  // "East Jerusalem", "Northern Mali": a compass word and a known place.
  {
    name: 'compass-place',
    type: 'place',
    weight: 4,
    test: (f) => !f.country && !f.place && f.words.length >= 2 && COMPASS.has(lowerKey(f.first)) && isKnownPlace(f.toks.slice(1)),
  },
  { name: 'org-of', type: 'org', weight: 3, test: (f) => hasOrgOf(f.toks) },
  { name: 'inner-org-head', type: 'org', weight: 3, test: (f) => !hasOrgOf(f.toks) && hasInnerOrgHead(f.toks) },
  { name: 'place-of', type: 'place', weight: 3, test: (f) => hasPlaceOf(f.toks) },
  { name: 'ampersand', type: 'org', weight: 2, test: (f) => f.toks.some((t) => t.text === '&') },
  { name: 'place-head', type: 'place', weight: 3, test: (f) => f.placeHead },
  // "the Harbour Convention Centre", "Dunmore Arts Center": a venue, where the head word alone says institution.
  {
    name: 'venue-centre',
    type: 'place',
    weight: 5,
    test: (f) => isVenueCentre(f),
  },
  {
    name: 'place-prefix',
    type: 'place',
    weight: 1.5,
    test: (f) => f.words.length > 1 && PLACE_PREFIXES.has(lowerKey(f.first)) && !hasTag(f.first, ['FirstName']),
  },
  // Roman numerals are not acronyms of anything.
  { name: 'acronym', type: 'org', weight: 1.5, test: (f) => f.acronym && !f.country && !/^[IVXLCDM]+$/.test(f.text) },

  // Words around.
  { name: 'org-noun-after', type: 'org', weight: 2, test: (f) => ORG_NOUNS_AFTER.has(lowerWordAfter(f)?.lower ?? '') },
  // "the Sea Lark group", "Dunmore bank": the noun says which kind of organization (decisive, see below).
  { name: 'org-kind-after', type: 'org', weight: 0.5, test: (f) => ORG_KIND_NOUNS.has(lowerWordAfter(f)?.lower ?? '') },
  { name: 'place-noun-after', type: 'place', weight: 2, test: (f) => PLACE_NOUNS_AFTER.has(lowerWordAfter(f)?.lower ?? '') },
  {
    name: 'place-preposition-before',
    type: 'place',
    weight: 0.6,
    test: (f) => !!f.before && f.before.word && !f.before.cap && PLACE_PREPOSITIONS.has(f.before.lower),
  },
  // "passengers on Norse Atlantic", "fighters from the Northern Front": an organization's members or customers.
  { name: 'members-before', type: 'org', weight: 2.5, test: (f) => membersBefore(f) },
  { name: 'members-not-person', type: 'person', weight: 0, cap: true, test: (f) => membersBefore(f) && !hasTag(f.first, FIRST_NAME) },
  // "the town of Yelva", "the outskirts of Tarn": a place noun and "of" before the name.
  {
    name: 'place-noun-of-before',
    type: 'place',
    weight: 2.5,
    test: (f) => f.before?.lower === 'of' && PLACE_NOUNS_OF.has(f.ctx.tokens[f.first.i - 2]?.lower ?? ''),
  },
  // "writing in The Lantern and Ledger", "a report by The Rook and Raven": a capitalised "The" inside a
  // sentence opens a title, and "X and Y" titled so is a newspaper or a company (a lone "The X" may be a venue or a work).
  {
    name: 'capital-the-and',
    type: 'org',
    weight: 1.5,
    test: (f) =>
      f.before?.text === 'The' &&
      !f.before.sentStart &&
      !f.country &&
      !f.place &&
      !f.titled &&
      f.toks.some((t) => !t.cap && t.lower === 'and'),
  },
  { name: 'known-org-name', type: 'org', weight: 3, test: (f) => f.words.length === 1 && ORG_NAMES.has(nameKey(f.text)) },
  { name: 'the-before-one-word', type: 'person', weight: -1, test: (f) => f.before?.lower === 'the' && f.words.length === 1 && !f.acronym },
  {
    name: 'based-born-after',
    type: 'place',
    weight: 2.5,
    test: (f) => f.after?.text === '-' && !!f.ctx.tokens[f.last.i + 2]?.word && /^(?:based|born)$/.test(f.ctx.tokens[f.last.i + 2].lower),
  },

  // "Group D", "Pool B": a tournament's group is an organization of teams, never a person.
  { name: 'group-letter', type: 'org', weight: 3, test: (f) => isGroupLetter(f) },
  { name: 'group-letter-not-person', type: 'person', weight: 0, cap: true, test: (f) => isGroupLetter(f) },

  // First words of companies, agencies and clubs.
  { name: 'org-prefix', type: 'org', weight: 3, test: (f) => f.words.length > 1 && ORG_PREFIXES.has(lowerKey(f.first)) },
  // "Norwich City", "Stirling Albion" in a sports report: a club, unless the whole name is a known place ("Mexico City").
  {
    name: 'club-head',
    type: 'org',
    weight: 4,
    test: (f) => f.ctx.sporty && f.words.length > 1 && CLUB_HEADS.has(f.lastKey) && !f.titled && !f.place && !f.country,
  },

  // "Chelsea manager", "Ajax fans": a club, in any text.
  { name: 'club-noun-after', type: 'org', weight: 3, test: (f) => CLUB_NOUNS_AFTER.has(lowerWordAfter(f)?.lower ?? '') },
  // "at Old Trafford", "at the Kelso Arms": a venue or employer, rarely a person.
  { name: 'at-before', type: 'person', weight: -1.5, test: (f) => f.before?.lower === 'at' && !f.before.cap },
  { name: 'at-before-place', type: 'place', weight: 1, test: (f) => f.before?.lower === 'at' && !f.before.cap },
  // "analysts at Morgan Stanley", "an economist with Nomura": the employer.
  { name: 'staff-at-before', type: 'org', weight: 3, test: (f) => f.staffBefore },
  // "the carmaker Velora", "the protest group Fresh Wave": a noun of an organization's kind in apposition.
  { name: 'org-noun-before', type: 'org', weight: 3, test: (f) => f.orgNounBefore },
  // "shares of Kestrel Dunmore", "a stake in Dunmore Holdings": a company.
  { name: 'stake-of-before', type: 'org', weight: 3, test: (f) => f.stakeBefore },
  // "Tarvex said earnings rose": a company's results (an analyst may say so too: not decisive).
  { name: 'results-after', type: 'org', weight: 2, test: (f) => !f.titled && resultsAfter(f) },
  // "Kestrel's shares", "Dunmore's chief executive": what a company has.
  { name: 'possession-after', type: 'org', weight: 2, test: (f) => f.orgPossession },

  // ... whatever the lexicon says of "Centre".
  { name: 'venue-not-org', type: 'org', weight: 2, cap: true, test: (f) => isVenueCentre(f) },
  // A region the gazetteer knows ("West Bank") is not taken for a bank.
  { name: 'region-not-org', type: 'org', weight: 0, cap: true, test: (f) => f.place?.kind === 'region' },
  // A name ending in an organization or place head word is not a person ("Irving School District").
  { name: 'head-word-not-person', type: 'person', weight: 0, cap: true, test: (f) => f.headed },

  // Shape, for names without a head word.
  { name: 'city-last-club', type: 'org', weight: 1.5, test: (f) => !f.headed && f.cityLast },
  // Two to four plain capitalised words that are not common words look like a person.
  {
    name: 'person-shape',
    type: 'person',
    weight: 1.2,
    test: (f) =>
      !f.headed &&
      f.plainShape &&
      !f.country &&
      !f.place &&
      !f.cityLast &&
      f.words.filter((t) => t.cap || t.hyphenName).every((t, k) => nameLike(f, t, k)) &&
      !hasTag(f.last, ['Plural', 'Uncountable']),
  },
  {
    name: 'comma-who-after',
    type: 'person',
    weight: 1,
    test: (f) => !f.headed && f.after?.text === ',' && f.ctx.tokens[f.last.i + 2]?.lower === 'who',
  },

  // Products and models: the maker before a model number is no person ("Boeing 787"); events,
  // model codes and a model's name after its number are no name of any type.
  { name: 'model-number-not-person', type: 'person', weight: 0, cap: true, test: (f) => f.numberAfter },
  // "the Silver Lanterns", "the Young Reformers": an article before several capitalised words
  // names a band, a party, a ship, a building — not a person (titles go: "the Rev. Jo Lee" is titled).
  // "the Jo Lee case", "the Kim Park era": a name used as a modifier keeps its own evidence.
  {
    name: 'the-before-not-person',
    type: 'person',
    weight: 0,
    cap: true,
    test: (f) =>
      f.before?.lower === 'the' &&
      f.words.length > 1 &&
      !f.titled &&
      !f.acronym &&
      !modifierUse(f) &&
      // "the Santa Claus at the mall": a name compromise's lexicon knows as a person.
      !lexiconTags(nameKey(f.text)).includes('Person'),
  },
  { name: 'employer-not-person', type: 'person', weight: 0, cap: true, test: (f) => f.staffBefore || f.stakeBefore },
  // ... but "the party Vladimir Somov" (its leader, unsaid): a known first name keeps its person evidence.
  { name: 'org-noun-not-person', type: 'person', weight: 0, cap: true, test: (f) => f.orgNounBefore && !hasTag(f.first, FIRST_NAME) },
  // "the Quillon Navigator browser", "a Brightlens camera": a product's name.
  {
    name: 'product-noun-after',
    type: 'person',
    weight: 0,
    cap: true,
    test: (f) => !f.titled && PRODUCT_NOUNS_AFTER.has(lowerWordAfter(f)?.lower ?? ''),
  },
  { name: 'club-not-person', type: 'person', weight: 0, cap: true, test: (f) => CLUB_NOUNS_AFTER.has(lowerWordAfter(f)?.lower ?? '') },
  { name: 'event', drop: true, test: (f) => f.event },
  { name: 'model-code', drop: true, test: (f) => f.modelCode },
  // "the cruise ship Aurora Bay", "the aircraft carrier Tom Reyes": a ship's name.
  { name: 'vessel-name', drop: true, test: (f) => !f.titled && isVesselName(f) },
  // "the film Tobias Crane", "her novel Mara Lindell": the title of a work.
  {
    name: 'work-title',
    drop: true,
    test: (f) => !f.titled && !!f.before && f.before.word && !f.before.cap && WORK_NOUNS_BEFORE.has(f.before.lower),
  },
  { name: 'after-model-number', drop: true, test: (f) => f.numberBefore && f.words.length === 1 },
];

export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);

/** The features that add to a person's score. */
export const PERSON_FEATURES: ReadonlySet<string> = new Set(
  FEATURES.filter((f) => 'type' in f && f.type === 'person' && !f.cap && f.weight > 0).map((f) => f.name),
);

/**
 * Features that settle for the whole article that a name is no person, when no title or role noun
 * says otherwise (DECISIVE_PERSON; resolve.ts): a name met once as "analysts at X", "shares of X",
 * "X's chief executive" or "the X group" is an organization in every other sentence too, and one
 * met once before a version or model number ("X 6") or a product noun ("the X browser") is a
 * product everywhere.
 */
export const DECISIVE_NOT_PERSON: ReadonlySet<string> = new Set([
  'staff-at-before',
  'org-noun-not-person',
  'stake-of-before',
  'possession-after',
  'club-noun-after',
  'org-kind-after',
  'model-number-not-person',
  'product-noun-after',
]);
export const DECISIVE_PERSON: ReadonlySet<string> = new Set(['title-in-name', 'role-noun-before', 'title-before']);

/** The facts about one candidate: `toks` its tokens, `titledInName` whether a title was stripped from its front. */
export function factsOf(toks: Token[], titledInName: boolean, text: string, acronym: boolean, ctx: FeatureContext): Facts {
  const { tokens } = ctx;
  const first = toks[0];
  const last = toks[toks.length - 1];
  const words = toks.filter((t) => t.word);
  const before = tokens[first.i - 1];
  const after = last.poss ? undefined : tokens[last.i + 1];
  const country = countryCode(text);
  const place = lookupPlace(text);
  const lastKey = lowerKey(last);
  // A role noun only the lexicon knows counts when the name is no modifier ("a veteran Federalist leader").
  const nounAfter = !!after && after.word && !after.cap && hasTag(after, ['Noun']);
  const roleBefore =
    !!before &&
    before.word &&
    !before.cap &&
    !country &&
    (PERSON_NOUNS_BEFORE.has(before.lower) || (!nounAfter && isLexiconRole(before.lower)));
  const titled = titledInName || roleBefore;
  // "Marc Lamont Hill", "Jane Park": a first name makes the head word a surname.
  const placeHead = words.length > 1 && PLACE_HEADS.has(lastKey) && !titled && !(hasTag(first, ['FirstName']) && !hasTag(first, ['Place']));
  const headed = words.length > 1 && !titled && (ORG_HEADS.has(lastKey) || placeHead || hasOrgOf(toks) || hasPlaceOf(toks));
  const capWords = words.filter((t) => t.cap || t.hyphenName);
  const plainShape =
    capWords.length >= 2 &&
    capWords.length <= 4 &&
    toks.every((t) => !t.word || !t.upper) &&
    !toks.some((t) => isConnector(t) && !ALWAYS_CONNECT.has(t.lower));
  const cityLast =
    ctx.sporty && capWords.length >= 2 && !hasTag(first, ['FirstName']) && !!(lookupPlace(last.text) || countryCode(last.text));
  const event =
    words.length > 1 && EVENT_HEADS.has(lastKey) && !titled && !ORG_OF_HEADS.has(lowerKey(first)) && !hasOrgOf(toks) && !hasPlaceOf(toks);
  const modelCode = words.some(isModelCode);
  const adjacent = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && a.line === b.line && b.start - a.end === 1;
  const numberAfter = !ctx.sporty && !titled && isModelNumber(after) && adjacent(last, after);
  const numberBefore = !ctx.sporty && !titled && isModelNumber(before) && adjacent(before, first);
  // ... capitalised when it opens the sentence ("Carmaker Velora", cut from the run in mentions.ts).
  const orgNounBefore =
    !titled && !!before && before.word && (!before.cap || (before.sentStart && !before.upper)) && ORG_NOUNS_BEFORE.has(before.lower);
  const staffBefore = !!before && /^(?:at|with)$/.test(before.lower) && STAFF_NOUNS.has(tokens[first.i - 2]?.lower ?? '');
  const stakeBefore = !!before && /^(?:of|in)$/.test(before.lower) && STAKE_NOUNS.has(tokens[first.i - 2]?.lower ?? '');
  const possessed = last.poss ? tokens[last.i + 1] : undefined;
  const possessedNext = possessed ? tokens[possessed.i + 1] : undefined;
  // "chief executive" is two words; "chief" alone is not enough ("Mali's chief negotiator").
  const orgPossession =
    !!possessed &&
    possessed.word &&
    !possessed.cap &&
    (ORG_POSSESSIONS.has(possessed.lower) || (possessed.lower === 'chief' && possessedNext?.lower === 'executive'));
  return {
    ctx,
    toks,
    words,
    first,
    last,
    lastKey,
    text,
    acronym,
    before,
    after,
    country,
    place,
    titledInName,
    roleBefore,
    titled,
    placeHead,
    headed,
    plainShape,
    cityLast,
    event,
    modelCode,
    staffBefore,
    orgNounBefore,
    stakeBefore,
    orgPossession,
    numberAfter,
    numberBefore,
  };
}

/**
 * Applies the features in order to `scores`, skipping those named in `off`. Returns the names of
 * the features that fired, and whether one of them drops the mention.
 */
export const applyFeatures = (facts: Facts, scores: Scores, off?: ReadonlySet<string>): { fired: string[]; drop: boolean } =>
  applyTable(FEATURES, facts, scores, off);
