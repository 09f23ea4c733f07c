// Candidate names: runs of capitalised words (with initials and the small words names contain),
// repaired — split at "and" and dates, stripped of "The", sentence-initial common words,
// nationality words and titles — and scored for each type from compromise's tags, gazetteers,
// head words and the words around them.
import { countryCode, demonymCode, isNationalityWord } from '../gazetteers/countries.js';
import { lookupPlace, type PlaceInfo } from '../gazetteers/places.js';
import { nameKey } from '../gazetteers/normalize.js';
import {
  ALWAYS_CONNECT,
  DETERMINERS,
  FAITH_WORDS,
  NEVER_NAMES,
  ORG_HEADS,
  ORG_NAMES,
  MODEL_WORDS,
  ORG_OF_HEADS,
  PERSON_TITLES,
  PLACE_HEADS,
  PLACE_OF_HEADS,
  SPLIT_EXCEPT,
  SPLIT_WORDS,
  TITLES,
} from '../gazetteers/words.js';
import { emptyScores, type Scores } from './evidence.js';
import { applyFeatures, factsOf, isModelCode, isModelNumber, type FeatureContext } from './features.js';
import {
  isCommonWord,
  endsWithOrgHead,
  endsWithPlaceHead,
  hasInnerOrgHead,
  hasOrgOf,
  hasPlaceOf,
  hasTag,
  isModifiedNoun,
  isCapWord,
  isConnector,
  isInitialOrAbbr,
  isKnownPlace,
  lowerKey,
} from './runs.js';
import {
  AND_CLOSES_ORG,
  AND_INSIDE_ORG,
  AND_INSIDE_TITLE,
  DESCRIPTOR_BEFORE_FIRST_NAME,
  GLUED_ORGS,
  KEEP_SENTENCE_INITIAL,
  ORG_NOUN_IN_FRONT,
  OFFICE_HEAD_BEFORE_NAME,
  PRODUCT_AFTER_MAKER,
  ROLE_NOUN_IN_FRONT,
  SURNAME_FUNCTION_WORD,
  TEAM_IN_GAME,
  TEAM_LINES,
  allRules,
  anyRule,
} from './rules.js';
import { lexiconTags } from './tags.js';
import type { Token } from './tokens.js';

/** Lexicon classes of a common noun whose possessive may open a name ("People's", "Children's"). */
const COMMON_NOUN_TAGS = new Set(['Plural', 'Actor', 'Singular', 'Noun']);

export { isCommonWord } from './runs.js';

export interface Mention {
  start: number;
  end: number;
  text: string;
  key: string;
  toks: Token[];
  scores: Scores;
  /** A lone sentence-initial word without evidence: kept only if the article names it elsewhere. */
  weak: boolean;
  /** Found in an ALL-CAPS/Title Case line by matching a known name. */
  caseless: boolean;
  /** Whole-name country match. */
  country?: string;
  place?: PlaceInfo;
  /** One all-capitals token ("AES", "U.N."). */
  acronym: boolean;
  /** An acronym in parentheses right after this mention: "Alliance of Sahel States (AES)". */
  parenAcronym?: Mention;
  /** A country named right after a comma: "Bamako, Mali". */
  commaCountry?: string;
  /** Used as a sports team here ("Bolton beat Leeds 2-1", "Leeds coach"). */
  team: boolean;
  /** Names listed with this one ("Ubisoft, Microsoft and Sony"): they tell an unknown name's type. */
  listed?: Mention[];
  /** The name this one is the affiliation of: "Jo Lee of Fresh Tide", "Fresh Tide's Jo Lee" (set on "Fresh Tide"). */
  affiliationOf?: Mention;
  /** The type features that fired for this mention (features.ts), in order: why it got its scores. */
  evidence: string[];
}

export interface DemonymMention {
  start: number;
  end: number;
  code: string;
}

export interface MentionContext extends FeatureContext {
  /** Type features switched off (by name; for the ablation bench). */
  featuresOff?: ReadonlySet<string>;
}

const MAX_RUN = 16;

/** Does "of"/"for"/"on" after `left` belong to the name ("Bank of England", "Alliance of Sahel States")? */
function connectorAllowed(conns: Token[], left: Token): boolean {
  const first = conns[0].lower;
  const l = lowerKey(left);
  if (first === 'the') return false;
  if (conns.length > 2) return false;
  if (conns.length === 2 && !(conns[1].lower === 'the' || ALWAYS_CONNECT.has(conns[1].lower))) return false;
  if (ALWAYS_CONNECT.has(first)) return true;
  if (first === 'of') return ORG_OF_HEADS.has(l) || PLACE_OF_HEADS.has(l) || TITLES.has(l);
  if (first === 'for' || first === 'on') return ORG_HEADS.has(l) || ORG_OF_HEADS.has(l);
  if (first === 'and' || first === 'y' || first === 'e') return conns.length === 1;
  return false;
}

/**
 * "National Council for the Safeguard of the Homeland": once a run holds an organization head
 * word, "of (the)" may continue it — unless a country or known place follows ("... Council of Mali").
 */
function longOrgOf(tokens: Token[], from: number, end: number, conns: Token[], after: Token): boolean {
  if (conns[0].lower !== 'of' || conns.length > 2 || (conns[1] && conns[1].lower !== 'the')) return false;
  if (countryCode(after.text) || lookupPlace(after.text)) return false;
  // Only the part after the last "and": "Democratic Party and Tanya Chan of ..." is two names.
  let start = from;
  for (let j = end; j > from; j--) {
    if (tokens[j].lower === 'and' || tokens[j].text === '&') {
      start = j + 1;
      break;
    }
  }
  return hasInnerOrgHead(tokens.slice(start, end + 1));
}

/** Maximal runs of capitalised words on one line, over initials and connectors. */
function chunks(tokens: Token[], lowerVocab: Set<string>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapWord(tokens[i])) {
      i++;
      continue;
    }
    let end = i;
    for (;;) {
      const last = tokens[end];
      // Names are short; a longer run of capitals is a headline or a list, cut into runs of 16.
      if ((last.poss && !possessiveInName(tokens, end, lowerVocab)) || end - i >= MAX_RUN) break;
      const nx = tokens[end + 1];
      if (!nx || nx.line !== last.line) break;
      if (isCapWord(nx) || (nx.hyphenName && !nx.caseless && nx.start - last.end <= 1)) {
        end++;
        continue;
      }
      const nx2 = tokens[end + 2];
      // "Northern Farmers' Union": a plural possessive inside a name a head word closes.
      if (
        /^['’]$/.test(nx.text) &&
        nx.start === last.end &&
        isCapWord(nx2) &&
        nx2.line === last.line &&
        possessiveInName(tokens, end, lowerVocab, 2)
      ) {
        end += 2;
        continue;
      }
      if (nx.text === '.' && nx.start === last.end && isInitialOrAbbr(last) && isCapWord(nx2) && nx2.line === last.line) {
        end += 2;
        continue;
      }
      if (isConnector(nx)) {
        let k = end + 1;
        while (k < tokens.length && isConnector(tokens[k]) && k - end <= 3) k++;
        const after = tokens[k];
        const conns = tokens.slice(end + 1, k);
        if (isCapWord(after) && after.line === last.line && (connectorAllowed(conns, last) || longOrgOf(tokens, i, end, conns, after))) {
          end = k;
          continue;
        }
      }
      break;
    }
    out.push([i, end]);
    i = end + 1;
  }
  return out;
}

/**
 * "People's Liberation Army", "Women's Tennis Association", "Children's Hospital": an ordinary
 * word's possessive inside a name that ends in an organization or place head word.
 */
function possessiveInName(tokens: Token[], at: number, lowerVocab: Set<string>, skip = 1): boolean {
  const t = tokens[at];
  const key = lowerKey(t);
  // A plural possessive ("Miners'") is a noun's: a name's is written "Reyes's".
  const common = (skip === 2 && /s$/.test(key)) || lowerVocab.has(key) || lexiconTags(key).some((x) => COMMON_NOUN_TAGS.has(x));
  if (!common || NEVER_NAMES.has(key) || isKnownPlace([t])) return false;
  for (let k = at + skip; k <= at + skip + 3; k++) {
    const nx = tokens[k];
    if (!isCapWord(nx) || nx.line !== t.line) return false;
    const head = lowerKey(nx);
    if (ORG_HEADS.has(head) || PLACE_HEADS.has(head) || ORG_OF_HEADS.has(head)) return true;
    if (nx.poss) return false;
  }
  return false;
}

interface Piece {
  toks: Token[];
  titled: boolean;
}

/** Keep "X and Y" together only for names that contain "and" ("Trinidad and Tobago", "Ministry of Trade and Industry"). */
function splitAtAnd(p: Token[], lowerVocab: Set<string>): Token[][] {
  const idx = p.findIndex((t) => !t.cap && (t.lower === 'and' || t.lower === 'y' || t.lower === 'e'));
  if (idx < 0) return [p];
  const text = p.map((t) => t.text).join(' ');
  if (countryCode(text) || lookupPlace(text) || hasOrgOf(p) || hasPlaceOf(p)) return [p];
  const left = p.slice(0, idx);
  const right = p.slice(idx + 1);
  const sides = { left, right, lowerVocab };
  if (allRules(AND_INSIDE_ORG, sides) || allRules(AND_CLOSES_ORG, sides) || allRules(AND_INSIDE_TITLE, sides)) return [p];
  return [left, ...splitAtAnd(right, lowerVocab)];
}

function stripLeading(p: Token[]): Token[] {
  let k = 0;
  // "The"/"A" go, but not the initial in "A. Dale".
  while (
    k < p.length &&
    (isConnector(p[k]) || (DETERMINERS.has(p[k].lower) && p.length - k > 1 && p[k + 1]?.text !== '.') || p[k].text === '.')
  )
    k++;
  let e = p.length;
  while (e > k && (isConnector(p[e - 1]) || p[e - 1].text === '.')) e--;
  return p.slice(k, e);
}

/** Splits a raw chunk into repaired pieces. Demonyms met on the way are reported. */
function repair(raw: Token[], ctx: MentionContext, demonyms: DemonymMention[], loneWords: ReadonlySet<string>): Piece[] {
  const out: Piece[] = [];
  for (let piece of splitAtAnd(raw, ctx.lowerVocab)) {
    piece = stripLeading(piece);
    if (!piece.length) continue;
    // "Carmaker Velora": the organization noun goes (features.ts reads it as the noun before the name).
    if (allRules(ORG_NOUN_IN_FRONT, { p: piece, tokens: ctx.tokens, lowerVocab: ctx.lowerVocab })) piece = piece.slice(1);
    // A common word opening the sentence ("Three Sahel countries", "After Goita ...").
    else if (!anyRule(KEEP_SENTENCE_INITIAL, { p: piece, tokens: ctx.tokens, lowerVocab: ctx.lowerVocab })) {
      piece = stripLeading(piece.slice(1));
      if (!piece.length) continue;
    }
    // Split at dates and discourse words inside ("Goita Monday"); a model code stands alone ("Airbus A380").
    let cur: Token[] = [];
    const parts: Token[][] = [];
    for (const [k, t] of piece.entries()) {
      if (
        t.cap &&
        t.text.length > 1 &&
        SPLIT_WORDS.has(lowerKey(t)) &&
        !(SPLIT_EXCEPT.has(t.lower) && cur.length > 0) &&
        !isConnector(t) &&
        // "Kevin To": a family name, not the word "to".
        !(cur.length > 0 && allRules(SURNAME_FUNCTION_WORD, { prev: piece[k - 1], t, next: ctx.tokens[piece[k].i + 1] }))
      ) {
        if (cur.length) parts.push(cur);
        cur = [];
      } else if (isModelCode(t)) {
        if (cur.length) parts.push(cur);
        parts.push([t]);
        cur = [];
      } else cur.push(t);
    }
    if (cur.length) parts.push(cur);
    for (const part of parts)
      for (const q of titlesAndNationality(dropModelWord(stripLeading(part), ctx.tokens), demonyms, ctx.lowerVocab, loneWords))
        // Not in sports reports, where a sponsor's name opens a club's.
        out.push(
          !q.titled && !ctx.sporty && allRules(PRODUCT_AFTER_MAKER, { p: q.toks, lowerVocab: ctx.lowerVocab })
            ? { toks: q.toks.slice(0, 1), titled: false }
            : q,
        );
  }
  return out.filter((p) => p.toks.length > 0);
}

/** "Tesla Model 3", "Xbox Series 5": the model word before a model number is not part of the maker's name. */
function dropModelWord(p: Token[], tokens: Token[]): Token[] {
  const last = p[p.length - 1];
  if (p.length < 2 || !MODEL_WORDS.has(lowerKey(last)) || !isModelNumber(tokens[last.i + 1])) return p;
  return stripLeading(p.slice(0, -1));
}

function titlesAndNationality(p: Token[], demonyms: DemonymMention[], lowerVocab: Set<string>, loneWords: ReadonlySet<string>): Piece[] {
  if (!p.length) return [];
  // "Archbishop of Cape Town", "Governor of Borno": the office goes, the place stays.
  if (p.length > 2 && PERSON_TITLES.has(lowerKey(p[0])) && p[1].lower === 'of') {
    let k = 2;
    while (k < p.length && (isConnector(p[k]) || TITLES.has(lowerKey(p[k])))) k++;
    // "President of the Republic Ana Costa", "Speaker of the House Jo Lee": a lone head word closes the office.
    if (allRules(OFFICE_HEAD_BEFORE_NAME, { p: p.slice(k), lowerVocab })) return [{ toks: stripLeading(p.slice(k + 1)), titled: true }];
    return k < p.length ? titlesAndNationality(p.slice(k), demonyms, lowerVocab, loneWords) : [];
  }
  const orgLike = endsWithOrgHead(p) || hasOrgOf(p) || hasInnerOrgHead(p) || hasPlaceOf(p) || endsWithPlaceHead(p);
  // "British Red Cross": compromise knows the rest as an organization, so the nationality belongs to it.
  // It is kept on state bodies too ("German Foreign Ministry"): without it, every country's ministry
  // would become one entity in the store.
  const keepNationality = orgLike || (p.length > 2 && hasTag(p[p.length - 1], ['Organization']) && hasTag(p[1], ['Organization']));
  // Nationality words in front: "Malian President ...", "French troops"; kept in "Norwegian Refugee Council".
  const known = isKnownPlace(p);
  // "Jewish West Bank settlers": the place after a nationality word wins over its head word.
  if (!known && p.length > 1 && isNationalityWord(lowerKey(p[0])) && isKnownPlace(p.slice(1))) {
    const code = demonymCode(lowerKey(p[0]));
    if (code) demonyms.push({ start: p[0].start, end: p[0].nameEnd, code });
    return [{ toks: p.slice(1), titled: false }];
  }
  // Two-word nationality words: "South African Thandi Mokoena", "New Zealanders".
  // ... not before an organization the lexicon knows ("South Korean Red Cross").
  while (
    p.length > 1 &&
    !known &&
    !keepNationality &&
    !hasTag(p[p.length - 1], ['Organization']) &&
    isNationalityWord(`${lowerKey(p[0])} ${lowerKey(p[1])}`)
  ) {
    const code = demonymCode(`${lowerKey(p[0])} ${lowerKey(p[1])}`);
    if (code) demonyms.push({ start: p[0].start, end: p[1].nameEnd, code });
    p = stripLeading(p.slice(2));
  }
  // ... but "Christian Karembeu": a nationality word that is also a first name, before a name, stays.
  while (
    p.length &&
    !known &&
    isNationalityWord(lowerKey(p[0])) &&
    !(keepNationality && p.length > 1) &&
    !(p.length > 1 && hasTag(p[0], ['FirstName', 'Person']))
  ) {
    const code = demonymCode(lowerKey(p[0]));
    if (code) demonyms.push({ start: p[0].start, end: p[0].nameEnd, code });
    p = stripLeading(p.slice(1));
  }
  if (!p.length) return [];
  // "University of Lagos Ngozi Eze": a person's first name after an "X of Y" organization starts a second name.
  const glued = orgLike ? personAfterOrg(p, loneWords) : 0;
  if (glued) return [{ toks: p.slice(0, glued), titled: false }, ...titlesAndNationality(p.slice(glued), demonyms, lowerVocab, loneWords)];
  // "Harbour Bank Westfield Insurance": two organizations glued together.
  if (orgLike && !hasOrgOf(p) && !hasPlaceOf(p)) {
    for (let j = 1; j <= p.length - 3; j++) {
      if (!ORG_HEADS.has(lowerKey(p[j]))) continue;
      const left = p.slice(0, j + 1);
      const right = p.slice(j + 1);
      if (allRules(GLUED_ORGS, { left, right, lowerVocab }))
        return [
          { toks: left, titled: false },
          { toks: right, titled: false },
        ];
    }
  }
  if (orgLike) return [{ toks: p, titled: false }];
  // A country glued to the name after it: "(ambassador to) Britain Liu Xiaoming".
  const lead = known ? 0 : countryPrefix(p);
  if (lead) return [{ toks: p.slice(0, lead), titled: false }, ...titlesAndNationality(p.slice(lead), demonyms, lowerVocab, loneWords)];
  // "Reliever Tom Hale", "Winger Jo Bright": a descriptor before a known first name goes.
  if (allRules(DESCRIPTOR_BEFORE_FIRST_NAME, { p, lowerVocab })) p = p.slice(1);
  // An organization glued to the name after it: "the Refugee Council Enver Solomon".
  for (let j = 1; j < p.length - 2; j++) {
    if (!ORG_HEADS.has(lowerKey(p[j])) || isConnector(p[j + 1]) || p[j + 1].text === '.') continue;
    const rest = p.slice(j + 1);
    if (rest.length > 3 || endsWithOrgHead(rest)) break;
    return [{ toks: p.slice(0, j + 1), titled: false }, ...titlesAndNationality(rest, demonyms, lowerVocab, loneWords)];
  }
  // Leading titles: "President", "Defense Minister", "Secretary of State", "Gen." ...
  let k = 0;
  let titled = false;
  while (k < p.length && (TITLES.has(lowerKey(p[k])) || (k > 0 && (p[k].text === '.' || isConnector(p[k]))))) {
    if (PERSON_TITLES.has(lowerKey(p[k]))) titled = true;
    k++;
  }
  // "Trainer Anna Berg", "Analyst Tom Reed": a role noun in front of a name is a title too.
  if (k === 0 && allRules(ROLE_NOUN_IN_FRONT, { p, lowerVocab })) {
    k = 1;
    titled = true;
  }
  if (k > 0 && k < p.length && (titled || k >= 1)) {
    const rest = stripLeading(p.slice(k));
    if (!rest.length) return [];
    return [{ toks: rest, titled }];
  }
  if (k >= p.length) return []; // only titles: "Prime Minister", "Heads of State"
  // A title inside: "Mali Defense Minister Abdoulaye Diop", "U.S. President Joe Biden".
  for (let j = 1; j < p.length - 1; j++) {
    if (!PERSON_TITLES.has(lowerKey(p[j]))) continue;
    let q = j;
    // "EU Farm Commissioner": an ordinary word right before the title names the office's portfolio.
    while (
      q > 0 &&
      (TITLES.has(lowerKey(p[q - 1])) || (q === j && q > 1 && (lowerVocab.has(lowerKey(p[q - 1])) || isCommonWord(p[q - 1], lowerVocab))))
    )
      q--;
    let r = j + 1;
    while (
      r < p.length &&
      (TITLES.has(lowerKey(p[r])) || p[r].text === '.' || (isConnector(p[r]) && TITLES.has(lowerKey(p[r + 1] ?? p[r]))))
    )
      r++;
    if (r >= p.length) break;
    const left = stripLeading(p.slice(0, q));
    const right = stripLeading(p.slice(r));
    const out: Piece[] = [];
    if (left.length) out.push(...titlesAndNationality(left, demonyms, lowerVocab, loneWords));
    if (right.length) out.push({ toks: right, titled: true });
    return out;
  }
  // "(secretary for) Coastal Fisheries Affairs Ana Costa": the end of an office's name glued to a first name.
  const named = personAfterOffice(p);
  if (named) return [{ toks: p.slice(named), titled: true }];
  return [{ toks: p, titled: false }];
}

/**
 * Where a person starts right after a title word that closes an office's name ("... Eastern
 * Affairs Ana Costa" → 3): a first name the lexicon knows, not a place or organization, then one or
 * two capitalised words. 0 when there is none.
 */
function personAfterOffice(p: Token[]): number {
  for (let j = Math.max(1, p.length - 3); j <= p.length - 2; j++) {
    if (!TITLES.has(lowerKey(p[j - 1])) || p[j - 1].poss) continue;
    if (!hasTag(p[j], ['FirstName', 'MaleName', 'FemaleName']) || hasTag(p[j], ['Place', 'Country', 'Organization'])) continue;
    if (p.slice(j).every((t) => t.word && t.cap)) return j;
  }
  return 0;
}

/**
 * Where a person's name starts after an organization named "X of Y" or "X for Y" ("House of
 * Delegates Maria Lopez" → 3): a first name (not a place), two or three capitalised words to the
 * end, none of them a head word. 0 when there is none.
 */
function personAfterOrg(p: Token[], loneWords: ReadonlySet<string>): number {
  if (!hasOrgOf(p) && !hasInnerOrgHead(p)) return 0;
  for (let j = Math.max(3, p.length - 3); j <= p.length - 2; j++) {
    const rest = p.slice(j);
    if (hasTag(p[j], ['Place', 'Country', 'Organization'])) continue;
    if (!hasTag(p[j], ['FirstName', 'MaleName', 'FemaleName']) && !surnameSeenAlone(rest, loneWords)) continue;
    if (isConnector(p[j - 1]) || !rest.every((t) => t.word && t.cap) || endsWithOrgHead(rest) || endsWithPlaceHead(rest)) continue;
    return j;
  }
  return 0;
}

/**
 * "... Northvale Tarsa Quillan" where "Quillan" stands alone elsewhere in the article: two words, the
 * last met alone, neither of them a place the gazetteer or the lexicon knows.
 */
function surnameSeenAlone(rest: Token[], loneWords: ReadonlySet<string>): boolean {
  return (
    rest.length === 2 &&
    loneWords.has(lowerKey(rest[1])) &&
    !isKnownPlace(rest) &&
    rest.every((t) => !isKnownPlace([t]) && !hasTag(t, ['Place', 'Country', 'City', 'Region', 'Organization']))
  );
}

/** Capitalised words that stand alone as a name somewhere in the text ("said Quillan"; opening a sentence, no ordinary word). */
function loneWordsOf(tokens: Token[], runs: Array<[number, number]>, lowerVocab: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const [a, b] of runs) if (a === b && !(tokens[a].sentStart && isCommonWord(tokens[a], lowerVocab))) out.add(lowerKey(tokens[a]));
  return out;
}

/**
 * Words at the front of `p` that name a country, when at least two capitalised words follow
 * ("Britain Liu Xiaoming" → 1). Not a first name ("Jordan Henderson"), nor a country inside a
 * longer name that a head word closes (checked by the caller).
 */
function countryPrefix(p: Token[]): number {
  if (hasTag(p[0], ['FirstName', 'MaleName', 'FemaleName'])) return 0;
  for (let c = Math.min(3, p.length - 2); c >= 1; c--) {
    const head = p.slice(0, c);
    const rest = p.slice(c);
    if (!head.every((t) => t.word) || head[head.length - 1].poss) continue;
    if (!countryCode(head.map((t) => t.text).join(' '))) continue;
    // A title after the country is read by the title rules below ("U.S. Secretary of State ...").
    if (rest.filter((t) => t.word && t.cap).length < 2 || !rest[0].cap || isConnector(rest[0]) || TITLES.has(lowerKey(rest[0]))) continue;
    return c;
  }
  return 0;
}

/** Evidence for each type from the piece itself and its neighbours (the feature table). */
/** Returns true when a feature says the mention is no name at all (an event, a model code). */
function score(piece: Piece, ctx: MentionContext, m: Mention): boolean {
  const facts = factsOf(piece.toks, piece.titled, m.text, m.acronym, ctx);
  if (facts.country) m.country = facts.country;
  if (facts.place) m.place = facts.place;
  const { fired, drop } = applyFeatures(facts, m.scores, ctx.featuresOff);
  m.evidence = fired;
  return drop;
}

/**
 * All candidate mentions in the non-caseless lines, with their scores. Nationality words met are
 * collected into `demonyms`.
 */
export function findMentions(text: string, ctx: MentionContext, demonyms: DemonymMention[]): Mention[] {
  const { tokens } = ctx;
  const mentions: Mention[] = [];
  const runs = chunks(tokens, ctx.lowerVocab);
  const loneWords = loneWordsOf(tokens, runs, ctx.lowerVocab);
  for (const [a, b] of runs) {
    for (const piece of repair(tokens.slice(a, b + 1), ctx, demonyms, loneWords)) {
      const p = piece.toks;
      const start = p[0].start;
      const end = p[p.length - 1].nameEnd;
      const mtext = text.slice(start, end);
      const key = nameKey(mtext);
      if (!key || !/\p{L}/u.test(key)) continue;
      const words = p.filter((t) => t.word);
      if (words.length === 1 && /^\p{L}$/u.test(key)) continue;
      const m: Mention = {
        start,
        end,
        text: mtext,
        key,
        toks: p,
        scores: emptyScores(),
        weak: false,
        caseless: false,
        acronym: words.length === 1 && words[0].upper,
        team: false,
        evidence: [],
      };
      if (score(piece, ctx, m)) continue;
      // "Chelsea manager": a club, whatever the rest of the text says of the string.
      if (m.evidence.includes('club-noun-after')) m.team = true;
      // "Leeds 2 Bolton 1", a league table's row: a team, whatever its name looks like.
      if (ctx.sporty && !piece.titled && anyRule(TEAM_LINES, { p, tokens })) m.team = true;
      if (ctx.sporty && allRules(TEAM_IN_GAME, { m, titled: piece.titled, p, tokens, lowerVocab: ctx.lowerVocab })) {
        m.team = true;
        m.scores.org += 1;
      }
      if (words.length === 1 && NEVER_NAMES.has(key)) continue;
      // "US$ 20", "HK$5": a currency's letters name no country.
      const next = tokens[p[p.length - 1].i + 1];
      if (m.acronym && next?.text === '$' && next.start === end) continue;
      // "Moslem party", "Roman Catholic": a faith's adjective names no person, organization or place.
      if (words.every((t) => FAITH_WORDS.has(lowerKey(t)))) continue;
      // A head word alone ("the Council", "the Municipality") names nothing by itself.
      if (words.length === 1 && !m.acronym && (ORG_HEADS.has(key) || PLACE_HEADS.has(key)) && !ORG_NAMES.has(key)) continue;
      if (words.length === 1 && !m.acronym) {
        if (p[0].sentStart && !piece.titled && !m.team) m.weak = true;
      }
      mentions.push(m);
    }
  }
  linkNeighbours(mentions, tokens);
  return mentions;
}

/** "X (ABC)" → acronym link; "City, Country" → the city's country; "X, Y and Z" → listed together. */
function linkNeighbours(mentions: Mention[], tokens: Token[]): void {
  for (let k = 0; k < mentions.length - 1; k++) {
    const m = mentions[k];
    const n = mentions[k + 1];
    const lastTok = m.toks[m.toks.length - 1];
    const between = tokens.slice(lastTok.i + 1, n.toks[0].i);
    if (
      between.length >= 1 &&
      between.length <= 2 &&
      !lastTok.poss &&
      between.every((t) => t.text === ',' || t.lower === 'and' || t.lower === 'or' || t.text === '&')
    ) {
      (m.listed ??= []).push(n);
      (n.listed ??= []).push(m);
    }
    // "Jo Lee of Fresh Tide", "Jo Lee from the Harbour League"; "Fresh Tide's Jo Lee".
    if (
      !lastTok.poss &&
      between.length >= 1 &&
      between.length <= 2 &&
      /^(?:of|from)$/.test(between[0].lower) &&
      (between.length === 1 || between[1].lower === 'the')
    )
      // ("the Coastal Works constituency": the name is the noun's modifier, no one's affiliation)
      if (!isModifiedNoun(tokens[n.toks[n.toks.length - 1].i + 1])) n.affiliationOf = m;
    // ... a full name after the possessive: "Assassin's Creed" is a title.
    if (lastTok.poss && between.length === 0 && n.toks.filter((t) => t.word).length >= 2) m.affiliationOf = n;
    const t1 = tokens[lastTok.i + 1];
    const t2 = tokens[lastTok.i + 2];
    if (t1?.text === '(' && n.acronym && t2 === n.toks[0] && tokens[n.toks[0].i + 1]?.text === ')') m.parenAcronym = n;
    // ... but not a list of places ("England, Italy and Spain") nor a region that knows its own country.
    if (
      t1?.text === ',' &&
      t2 === n.toks[0] &&
      !m.country &&
      (n.country || n.place?.kind === 'province') &&
      m.place?.kind !== 'region' &&
      !inPlaceList(m, n, mentions[k - 1], mentions[k + 2], tokens)
    ) {
      // "Bamako, Mali", "Irving, Texas": the first is a place in the second.
      if (n.country) m.commaCountry = n.country;
      if (m.scores.person < 2 && m.scores.org < 2) m.scores.place += 2;
    }
  }
}

/** "England, Italy and Spain", "Kenya, Uganda, Mali": `m, n` stand in a list of places, not "City, Country". */
function inPlaceList(m: Mention, n: Mention, prev: Mention | undefined, next: Mention | undefined, tokens: Token[]): boolean {
  const isPlace = (x: Mention | undefined): boolean => !!x && !!(x.country || x.place);
  const joined = (a: Mention, b: Mention): boolean => {
    const between = tokens.slice(a.toks[a.toks.length - 1].i + 1, b.toks[0].i);
    return between.length >= 1 && between.length <= 2 && between.every((t) => t.text === ',' || t.lower === 'and' || t.lower === 'or');
  };
  return (
    (!!next && isPlace(next) && !!n.country === !!next.country && joined(n, next)) ||
    (!!prev && isPlace(prev) && !!prev.country === !!m.country && joined(prev, m))
  );
}
