// Questions asked of one token or of a run of tokens (a candidate name): its tags, its head word,
// "X of Y" shapes, whether it is an ordinary word. Shared by the chunker (mentions.ts) and the
// type features (features.ts).
import { countryCode } from '../gazetteers/countries.js';
import { lookupPlace } from '../gazetteers/places.js';
import {
  NAME_ABBREVIATIONS,
  NAME_CONNECTORS,
  NEVER_NAMES,
  NOUN_SUFFIX,
  ORG_HEADS,
  ORG_OF_HEADS,
  PLACE_HEADS,
  PLACE_OF_HEADS,
} from '../gazetteers/words.js';
import { COMMON_TAGS, LEXICON_COMMON, NAME_TAGS, lexiconTags } from './tags.js';
import type { Token } from './tokens.js';

export const hasTag = (t: Token, names: string[]): boolean => !!t.tags && names.some((n) => t.tags!.has(n));
/** A lowercase noun (not a verb, adverb or preposition) right after a name makes the name its modifier: "the Jo Lee case". */
export const isModifiedNoun = (t: Token | undefined): boolean =>
  !!t && t.word && !t.cap && hasTag(t, ['Noun']) && !hasTag(t, ['Verb', 'Adverb', 'Preposition']);
export const isCapWord = (t: Token | undefined): boolean => !!t && t.word && t.cap && !t.caseless;
export const isConnector = (t: Token | undefined): t is Token =>
  !!t && ((t.word && !t.cap && NAME_CONNECTORS.has(t.lower)) || t.text === '&');
export const isInitialOrAbbr = (t: Token): boolean => /^\p{Lu}$/u.test(t.text) || NAME_ABBREVIATIONS.has(t.lower);
/** The token's lowercase form without a possessive and dots ("Gen." → "gen", "Mali's" → "mali"). */
export const lowerKey = (t: Token): string => (t.poss ? t.lower.slice(0, -2) : t.lower).replace(/[.]/g, '');

export function endsWithOrgHead(p: Token[]): boolean {
  return ORG_HEADS.has(lowerKey(p[p.length - 1]));
}
export function endsWithPlaceHead(p: Token[]): boolean {
  return p.length > 1 && PLACE_HEADS.has(lowerKey(p[p.length - 1]));
}
export function hasOrgOf(p: Token[]): boolean {
  return p.length > 2 && ORG_OF_HEADS.has(lowerKey(p[0])) && p[1].lower === 'of';
}
/** "Joint Council for the Welfare ...", "National League for Democracy": a head word before of/for/on. */
export function hasInnerOrgHead(p: Token[]): boolean {
  for (let j = 0; j < p.length - 2; j++) {
    const k = lowerKey(p[j]);
    if ((ORG_HEADS.has(k) || ORG_OF_HEADS.has(k)) && p[j].cap && /^(?:of|for|on)$/.test(p[j + 1].lower)) return true;
  }
  return false;
}
export function hasPlaceOf(p: Token[]): boolean {
  return p.length > 2 && PLACE_OF_HEADS.has(lowerKey(p[0])) && p[1].lower === 'of';
}

/** The whole run is a country or a gazetteer place ("South Africa", "the Philippines"). */
export function isKnownPlace(p: Token[]): boolean {
  const text = p.map((t) => (t.poss ? t.text.slice(0, -2) : t.text)).join(' ');
  return !!(countryCode(text) || lookupPlace(text));
}

/** An ordinary word written with a capital ("Three", "Police", "After", "Forge")? */
export function isCommonWord(t: Token, lowerVocab: Set<string>): boolean {
  const k = lowerKey(t);
  if (NEVER_NAMES.has(k)) return true;
  if (hasTag(t, NAME_TAGS)) return false;
  if (hasTag(t, COMMON_TAGS)) return true;
  if (lowerVocab.has(k)) return true;
  // compromise tags a capitalised word as a proper noun; its lexicon still knows the word.
  const lex = lexiconTags(k);
  if (lex.length && !lex.some((x) => NAME_TAGS.includes(x) || x === 'ProperNoun')) return lex.some((x) => LEXICON_COMMON.has(x));
  return NOUN_SUFFIX.test(k);
}
