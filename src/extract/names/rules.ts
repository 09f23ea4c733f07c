// The span-repair heuristics of mentions.ts as named tables: each rule tests one candidate run of
// tokens (a piece of a name) and says one thing about it. A table is read as "any of" or "all of"
// its rules, so a rule can be read, named in a test and changed on its own, like the type features
// in features.ts (which type a name; these decide where it starts and ends).
import { countryCode } from '../gazetteers/countries.js';
import { lookupPlace } from '../gazetteers/places.js';
import {
  CLUB_HEADS,
  EVENT_HEADS,
  NAME_PARTICLES,
  NEVER_NAMES,
  ORG_HEADS,
  ORG_NAMES,
  ORG_NOUNS_AFTER,
  ORG_NOUNS_IN_FRONT,
  ORG_OF_HEADS,
  ORG_PREFIXES,
  PERSON_NOUNS_BEFORE,
  PLACE_HEADS,
  PLACE_NOUNS_AFTER,
  PLACE_OF_HEADS,
  SPLIT_EXCEPT,
  SPLIT_WORDS,
  SPORT_MARKERS,
  SURNAME_FUNCTION_WORDS,
  TEAM_NOUNS_AFTER,
  TITLES,
} from '../gazetteers/words.js';
import {
  endsWithOrgHead,
  hasInnerOrgHead,
  hasOrgOf,
  hasPlaceOf,
  hasTag,
  isCommonWord,
  isConnector,
  isKnownPlace,
  lowerKey,
} from './runs.js';
import { lexiconTags } from './tags.js';
import type { Token } from './tokens.js';

/** A lowercase particle inside a name ("de", "van"). */
const isConnectorWord = (t: Token): boolean => !t.cap && NAME_PARTICLES.has(t.lower);

/** One named test. */
export interface Rule<T> {
  name: string;
  test: (x: T) => boolean;
}

export const anyRule = <T>(rules: readonly Rule<T>[], x: T): boolean => rules.some((r) => r.test(x));
export const allRules = <T>(rules: readonly Rule<T>[], x: T): boolean => rules.every((r) => r.test(x));

/** A candidate run. */
export interface RunView {
  /** The run's tokens. */
  p: Token[];
  /** Lowercase word forms that occur in lower case in the text. */
  lowerVocab: Set<string>;
}

/** A candidate run and the text around it. */
export interface PieceView extends RunView {
  /** All tokens of the text. */
  tokens: Token[];
}

/** Compromise word classes that never start a name's first word vouched for by the noun after it. */
const FUNCTION_TAGS = ['Value', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord', 'Verb'];

/**
 * "Islamic State fighters attacked": a lowercase organization or place noun right after the run
 * vouches for its first word, even a common one opening the sentence.
 */
function vouchedByNounAfter({ p, tokens }: PieceView): boolean {
  const first = p[0];
  const next = tokens[p[p.length - 1].i + 1];
  return (
    p.length > 1 &&
    !NEVER_NAMES.has(first.lower) &&
    !hasTag(first, FUNCTION_TAGS) &&
    !!next &&
    next.word &&
    !next.cap &&
    (ORG_NOUNS_AFTER.has(next.lower) || PLACE_NOUNS_AFTER.has(next.lower))
  );
}

/**
 * A capitalised common word opening a sentence ("Three Sahel countries", "After Goita ...") is cut
 * from the run unless one of these says it belongs to the name.
 */
export const KEEP_SENTENCE_INITIAL: readonly Rule<PieceView>[] = [
  { name: 'not-sentence-initial', test: ({ p }) => !p[0].sentStart },
  { name: 'initial', test: ({ p }) => p[1]?.text === '.' && /^\p{Lu}$/u.test(p[0].text) },
  { name: 'vouched-by-noun-after', test: vouchedByNounAfter },
  { name: 'org-prefix', test: ({ p }) => p.length > 1 && ORG_PREFIXES.has(lowerKey(p[0])) },
  { name: 'not-common-word', test: ({ p, lowerVocab }) => !isCommonWord(p[0], lowerVocab) },
  { name: 'org-of', test: ({ p }) => hasOrgOf(p) },
  { name: 'place-of', test: ({ p }) => hasPlaceOf(p) },
  { name: 'known-place', test: ({ p }) => isKnownPlace(p) },
  { name: 'title', test: ({ p }) => TITLES.has(lowerKey(p[0])) },
  { name: 'org-head-last', test: ({ p }) => p.length > 1 && endsWithOrgHead(p) && !NEVER_NAMES.has(p[0].lower) },
];

/**
 * "Broadcaster Northwind said", "Carmaker Velora recalled": a capitalised organization noun opens
 * the sentence in apposition to the name after it; the noun leaves the run (and vouches for an
 * organization, features.ts) when all of these hold. "Publisher Tom Reed" (a first name) is a person's role.
 */
export const ORG_NOUN_IN_FRONT: readonly Rule<PieceView>[] = [
  { name: 'sentence-initial', test: ({ p }) => p[0].sentStart && p[0].cap && !p[0].upper && !p[0].poss },
  { name: 'org-noun', test: ({ p }) => ORG_NOUNS_IN_FRONT.has(lowerKey(p[0])) },
  { name: 'name-after', test: ({ p }) => p.length >= 2 && p[1].word && p[1].cap && !NEVER_NAMES.has(p[1].lower) },
  { name: 'no-first-name-after', test: ({ p }) => !hasTag(p[1], ['FirstName', 'MaleName', 'FemaleName', 'Honorific']) },
  { name: 'no-head-word', test: ({ p }) => !endsWithOrgHead(p) && !hasOrgOf(p) && !hasPlaceOf(p) },
  { name: 'not-a-place', test: ({ p }) => !isKnownPlace(p) },
];

/** A capitalised function word inside a run, with the word before it and the word after it. */
export interface WordView {
  prev: Token | undefined;
  t: Token;
  next: Token | undefined;
}

/**
 * "Councillor Kevin To said", "Grace Or was elected": a capitalised function word that is also a
 * family name closes the name after a first name or a surname the lexicon knows, instead of splitting the run, when all of these hold.
 */
export const SURNAME_FUNCTION_WORD: readonly Rule<WordView>[] = [
  { name: 'surname-word', test: ({ t }) => SURNAME_FUNCTION_WORDS.has(t.lower) && t.cap && !t.upper && !t.poss },
  { name: 'inside-sentence', test: ({ t }) => !t.sentStart && !t.caseless },
  {
    name: 'name-before',
    test: ({ prev }) => !!prev && prev.word && prev.cap && hasTag(prev, ['FirstName', 'MaleName', 'FemaleName', 'LastName']),
  },
  // "... Kevin To Ka-ho" may go on; "Kevin To Dunmore" (a title-case line) may not: no plain capitalised word after.
  { name: 'name-ends', test: ({ t, next }) => !next || !next.word || !next.cap || next.hyphenName || next.line !== t.line },
];

/** A run split after an inner organization head word: `left` ends with it, `right` is the rest. */
export interface GlueView {
  left: Token[];
  right: Token[];
  lowerVocab: Set<string>;
}

/**
 * "Harbour Bank Westfield Insurance", "Dunmore University Kestrel Hospital": two organizations
 * glued together (a list without commas, a caption) are two names when all of these hold. "Harbour
 * Bank Financial Group", "... Bank System Inc" (an ordinary word after the head) and "Dunmore University Press" stay whole.
 */
export const GLUED_ORGS: readonly Rule<GlueView>[] = [
  { name: 'plain-left', test: ({ left }) => left.length >= 2 && left.every((t) => t.word && t.cap && !t.poss) },
  // "... Shipping Intelligence Service", "... Electric Power Company": a head word that is also a gerund or adjective goes on.
  {
    name: 'noun-head-left',
    test: ({ left }) => !lexiconTags(lowerKey(left[left.length - 1])).some((x) => x === 'Gerund' || x === 'Adjective'),
  },
  { name: 'headed-right', test: ({ right }) => right.length >= 2 && right.length <= 3 && endsWithOrgHead(right) },
  { name: 'plain-right', test: ({ right }) => right.every((t) => t.word && t.cap && !t.upper) },
  {
    name: 'name-opens-right',
    test: ({ right, lowerVocab }) =>
      !ORG_HEADS.has(lowerKey(right[0])) &&
      !ORG_PREFIXES.has(lowerKey(right[0])) &&
      !PLACE_HEADS.has(lowerKey(right[0])) &&
      !isCommonWord(right[0], lowerVocab) &&
      !hasTag(right[0], ['Adjective']) &&
      // "... Bank System Inc", "... Shipping Intelligence Service": a dictionary noun goes on the name.
      !lexiconTags(lowerKey(right[0])).some((x) => x === 'Singular' || x === 'Noun' || x === 'Uncountable' || x === 'Plural'),
  },
];

/**
 * "Securities and Exchange Commission", "Food and Drug Administration": "and" stays inside a name
 * when all of these hold of its two sides (`p` is the left side, one word; `right` the right
 * side) — but "Keycorp and Banc One Corp" is two names.
 */
export const AND_INSIDE_ORG: readonly Rule<{ left: Token[]; right: Token[]; lowerVocab: Set<string> }>[] = [
  // "Harbour and Ridge Gazette on Sunday": the date after the name is split off later.
  { name: 'org-head-right', test: ({ right }) => endsWithOrgHead(nameBody(right)) },
  { name: 'one-word-left', test: ({ left }) => left.length === 1 },
  // ... a dictionary noun ("Harbour and Ridge Gazette"), not a made-up name ("Keycorp").
  {
    name: 'common-or-plural-left',
    test: ({ left, lowerVocab }) =>
      isCommonWord(left[0], lowerVocab) || /s$/.test(left[0].lower) || lexiconTags(lowerKey(left[0])).includes('Singular'),
  },
  { name: 'left-not-country', test: ({ left }) => !countryCode(left[0].text) },
  { name: 'left-not-place', test: ({ left }) => !lookupPlace(left[0].text) },
  { name: 'left-not-name', test: ({ left }) => !hasTag(left[0], ['FirstName', 'Place', 'Country', 'Organization']) },
];

/** The run without a date or discourse word that closes it ("Ridge Gazette on Sunday" → "Ridge Gazette"). */
function nameBody(p: Token[]): Token[] {
  const k = p.findIndex((t, j) => j > 0 && t.cap && SPLIT_WORDS.has(lowerKey(t)) && !SPLIT_EXCEPT.has(t.lower));
  if (k < 0) return p;
  let e = k;
  while (e > 1 && isConnector(p[e - 1])) e--;
  return p.slice(0, e);
}

/**
 * "writing in The Lantern and Ledger", "a story in The Rook and Raven": a capitalised "The" inside a
 * sentence opens a title, so "and" stays inside it (`left` starts with "The") when all of these hold.
 */
export const AND_INSIDE_TITLE: readonly Rule<{ left: Token[]; right: Token[]; lowerVocab: Set<string> }>[] = [
  { name: 'capital-the', test: ({ left }) => left.length === 2 && left[0].text === 'The' && !left[0].sentStart },
  { name: 'short-right', test: ({ right }) => right.length >= 1 && right.length <= 2 && right.every((t) => t.word && t.cap && !t.upper) },
  {
    name: 'no-name-or-place',
    test: ({ left, right }) =>
      [left[1], ...right].every((t) => !isKnownPlace([t]) && !hasTag(t, ['FirstName', 'MaleName', 'FemaleName', 'Place', 'Country'])),
  },
];

/**
 * "Organisation for Security and Co-operation", "Ministry for Trade and Industry": after an
 * organization's "<head word> for/of X", one more ordinary word joined by "and" belongs to it, when
 * all of these hold.
 */
export const AND_CLOSES_ORG: readonly Rule<{ left: Token[]; right: Token[]; lowerVocab: Set<string> }>[] = [
  { name: 'org-head-for-left', test: ({ left }) => hasInnerOrgHead(left) || hasOrgOf(left) },
  { name: 'one-word-right', test: ({ right }) => right.length === 1 && right[0].word && right[0].cap && !right[0].upper },
  {
    name: 'right-not-name',
    test: ({ right }) => !hasTag(right[0], ['FirstName', 'LastName', 'Person', 'Place', 'Country', 'Organization']),
  },
  { name: 'right-not-place', test: ({ right }) => !isKnownPlace(right) },
];

/**
 * "Reliever Tom Hale", "Winger Jo Bright": a descriptor before a known first name leaves the
 * name when all of these hold.
 */
export const DESCRIPTOR_BEFORE_FIRST_NAME: readonly Rule<RunView>[] = [
  { name: 'three-words', test: ({ p }) => p.length >= 3 },
  { name: 'first-name-second', test: ({ p }) => p[1].cap && hasTag(p[1], ['FirstName']) },
  { name: 'first-not-name', test: ({ p }) => !hasTag(p[0], ['FirstName', 'LastName', 'Person', 'Honorific']) },
  { name: 'first-plain', test: ({ p }) => !p[0].upper && !p[0].hyphenName },
  { name: 'first-common-or-agent', test: ({ p, lowerVocab }) => isCommonWord(p[0], lowerVocab) || /(?:er|ist)$/.test(p[0].lower) },
];

/**
 * "Google Quillbox", "Sony Lumora", "NASA T-shirt": a maker the lexicon or our list knows as an
 * organization, then a product's name — the maker stays, the product goes — when all of these hold.
 * "Sony Pictures", "Google Canada", "Ford Motor Company" stay whole.
 */
export const PRODUCT_AFTER_MAKER: readonly Rule<RunView>[] = [
  { name: 'two-words-or-more', test: ({ p }) => p.length >= 2 && p.every((t) => t.word) },
  {
    name: 'maker-first',
    test: ({ p }) =>
      !p[0].poss &&
      (ORG_NAMES.has(lowerKey(p[0])) || hasTag(p[0], ['Organization'])) &&
      !hasTag(p[0], ['Person', 'FirstName', 'LastName', 'Place', 'Country']),
  },
  { name: 'no-person-after', test: ({ p }) => !p.slice(1).some((t) => hasTag(t, ['Person', 'FirstName', 'LastName', 'Honorific'])) },
  {
    name: 'no-head-word',
    test: ({ p }) =>
      !p.some((t) => ORG_HEADS.has(lowerKey(t)) || PLACE_HEADS.has(lowerKey(t)) || CLUB_HEADS.has(lowerKey(t))) &&
      !hasOrgOf(p) &&
      !hasPlaceOf(p) &&
      !EVENT_HEADS.has(lowerKey(p[p.length - 1])),
  },
  {
    name: 'no-place-after',
    test: ({ p }) => !isKnownPlace(p.slice(1)) && !p.slice(1).some((t) => hasTag(t, ['Place', 'Country', 'City', 'Region'])),
  },
  { name: 'no-organization-after', test: ({ p }) => !p.slice(1).some((t) => hasTag(t, ['Organization']) || ORG_NAMES.has(lowerKey(t))) },
];

/** A mention met in a sports report, and whether a title was cut from its front. */
export interface TeamView {
  m: { country?: string; place?: { kind: string }; scores: { person: number; place: number } };
  titled: boolean;
  p: Token[];
  tokens: Token[];
  lowerVocab: Set<string>;
}

/** A place-like name used as a team in a sports report ("Bolton beat Leeds 2-1") when all of these hold. */
export const TEAM_IN_GAME: readonly Rule<TeamView>[] = [
  { name: 'not-country', test: ({ m }) => !m.country },
  { name: 'not-region', test: ({ m }) => m.place?.kind !== 'region' },
  { name: 'not-titled', test: ({ titled }) => !titled },
  { name: 'weak-person', test: ({ m }) => m.scores.person < Math.max(1, m.scores.place) },
  // "A. Cole 4-28": a player's initial, as scorecards write people.
  { name: 'no-initial', test: ({ p }) => !/^\p{Lu}$/u.test(p[0].text) },
  // "Halftime 1-0": an ordinary word.
  { name: 'not-ordinary-word', test: ({ p, lowerVocab }) => p.length > 1 || !isCommonWord(p[0], lowerVocab) },
  { name: 'game-cue', test: ({ p, tokens }) => inGameContext(p, tokens) },
];

/** A role noun: compromise's lexicon files it as an actor ("analyst", "director", "chef"), or our list of role nouns has it. */
export function isRoleNoun(t: Token): boolean {
  const key = lowerKey(t);
  return PERSON_NOUNS_BEFORE.has(key) || lexiconTags(key).includes('Actor');
}

/** "Trainer Anna Berg", "Analyst Tom Reed": the first word is a role noun before a name of two or more words, when all of these hold. */
export const ROLE_NOUN_IN_FRONT: readonly Rule<RunView>[] = [
  { name: 'two-words-after', test: ({ p }) => p.length >= 3 && p.slice(1).every((t) => t.word && (t.cap || isConnectorWord(t))) },
  {
    name: 'role-noun',
    test: ({ p }) => p[0].cap && !p[0].upper && !p[0].poss && isRoleNoun(p[0]) && !lexiconTags(lowerKey(p[0])).includes('Plural'),
  },
  { name: 'uncommon-words-after', test: ({ p, lowerVocab }) => p.slice(1).every((t) => !t.cap || !isCommonWord(t, lowerVocab)) },
  { name: 'not-a-name', test: ({ p }) => !hasTag(p[0], ['FirstName', 'LastName', 'MaleName', 'FemaleName']) },
  {
    name: 'no-head-word',
    test: ({ p }) => !endsWithOrgHead(p) && !hasOrgOf(p) && !hasPlaceOf(p) && !EVENT_HEADS.has(lowerKey(p[p.length - 1])),
  },
];

/**
 * "President of the Republic Ana Costa", "Speaker of the House Jo Lee": after "<title> of (the)",
 * a lone organization or place head word belongs to the office and a name follows it (`p` starts at
 * the head word), when all of these hold.
 */
export const OFFICE_HEAD_BEFORE_NAME: readonly Rule<RunView>[] = [
  {
    name: 'head-word',
    test: ({ p }) =>
      p.length >= 2 && (ORG_HEADS.has(lowerKey(p[0])) || ORG_OF_HEADS.has(lowerKey(p[0])) || PLACE_OF_HEADS.has(lowerKey(p[0]))),
  },
  { name: 'name-after', test: ({ p }) => p.slice(1).every((t) => t.word && (t.cap || isConnectorWord(t))) && p[1].cap },
  { name: 'not-a-place', test: ({ p }) => !isKnownPlace(p) && !isKnownPlace(p.slice(1)) },
];

/** The words next to a candidate: one and two before, one after (none after a possessive). */
export interface Neighbours {
  before: string;
  before2: string;
  after: string;
  /** The token after, as written (a score: "Leeds 2 Bolton 1"). */
  afterText: string;
}

/** Verbs before "with"/"to"/"against" that put a team after them ("lost to Leeds"). */
const RESULT_VERBS = /^(?:lost|lose|loses|fell|went|won)$/;

/** Next to "beat"/"v", a score, or "coach"/"fans": a team in a sports report. Any one is enough. */
export const GAME_CUES: readonly Rule<Neighbours>[] = [
  { name: 'marker-after', test: (n) => SPORT_MARKERS.has(n.after) },
  { name: 'marker-before', test: (n) => SPORT_MARKERS.has(n.before) },
  // "drew with Leeds", "lost to Leeds": the marker one word further back.
  {
    name: 'marker-via-preposition',
    test: (n) => /^(?:with|to|against)$/.test(n.before) && (SPORT_MARKERS.has(n.before2) || RESULT_VERBS.test(n.before2)),
  },
  // "Leeds 2", "Kent 429-7" (a cricket score: runs and wickets).
  { name: 'score-after', test: (n) => /^\d+(?:-\d{1,2})?$/.test(n.afterText) },
  { name: 'team-noun-after', test: (n) => TEAM_NOUNS_AFTER.has(n.after) },
];

/** Next to "beat"/"v", a score, or "coach"/"fans": a team in a sports report (one of GAME_CUES). */
function inGameContext(p: Token[], tokens: Token[]): boolean {
  const last = p[p.length - 1];
  const after = last.poss ? undefined : tokens[last.i + 1];
  return anyRule(GAME_CUES, {
    before: tokens[p[0].i - 1]?.lower ?? '',
    before2: tokens[p[0].i - 2]?.lower ?? '',
    after: after?.lower ?? '',
    afterText: after?.text ?? '',
  });
}

/** A name, and the tokens of the text. */
export interface LineView {
  p: Token[];
  tokens: Token[];
}

/** The tokens of the line the run stands on. */
function lineOf({ p, tokens }: LineView): Token[] {
  let a = p[0].i;
  while (a > 0 && tokens[a - 1].line === p[0].line) a--;
  let b = p[p.length - 1].i;
  while (b + 1 < tokens.length && tokens[b + 1].line === p[0].line) b++;
  return tokens.slice(a, b + 1);
}

const isInt = (t: Token | undefined): boolean => !!t && /^\d{1,3}$/.test(t.text);

/** Index after a "(Country)" or "(Z)" group at `k`, or `k` when there is none. */
function skipParens(line: Token[], k: number): number {
  if (line[k]?.text !== '(') return k;
  const close = line.findIndex((t, j) => j > k && t.text === ')');
  return close > 0 && close - k <= 4 ? close + 1 : k;
}

/** Cells of a line read as [name-run, integers...] pairs: where each name starts and how many integers follow it. */
function rowsOf(line: Token[]): Array<{ from: number; ints: number[] }> | null {
  const rows: Array<{ from: number; ints: number[] }> = [];
  let k = 0;
  while (k < line.length) {
    if (!line[k].word) return null;
    const from = k;
    while (k < line.length && (line[k].word || line[k].text === '.' || line[k].text === '&')) k++;
    k = skipParens(line, k);
    const ints: number[] = [];
    while (isInt(line[k])) ints.push(Number(line[k++].text));
    if (!ints.length) return null;
    rows.push({ from, ints });
    k = skipParens(line, k);
  }
  return rows;
}

/**
 * Lines of a results page where a name is a team whatever it looks like: a match result ("Leeds 2
 * Bolton 1", "Hull (England) 3 Leeds (England) 1") and a league table's row, whose first numbers
 * are played = won + drawn + lost ("Bolton 3 2 0 1 5 2 6"). Any one is enough.
 */
export const TEAM_LINES: readonly Rule<LineView>[] = [
  {
    name: 'result-line',
    test: (v) => {
      const line = lineOf(v);
      const rows = rowsOf(line);
      return !!rows && rows.length === 2 && rows.every((r) => r.ints.length === 1) && rows.some((r) => line[r.from] === v.p[0]);
    },
  },
  {
    name: 'table-row',
    test: (v) => {
      const line = lineOf(v);
      const rows = rowsOf(line);
      const n = rows?.[0].ints ?? [];
      return !!rows && rows.length === 1 && line[0] === v.p[0] && n.length >= 5 && n[0] === n[1] + n[2] + n[3];
    },
  },
];
