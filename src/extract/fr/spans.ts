// Where the French names are: runs of capitalised words joined by particles ("Alliance des États
// du Sahel", "Côte d’Ivoire"), organisation names that keep lower-case words after their head
// ("Conseil de sécurité"), names opened by a lower-case head ("ministère de la Culture"), extended
// through gazetteers ("État islamique"), without the ordinary words that open a sentence.
import { countryCodeIn, demonymCodeFr } from '../gazetteers/countries.js';
import { nameKey } from '../gazetteers/normalize.js';
import { isLowerAdjective, ORG_KEYS, REGION_CODES } from './features.js';
import { bare, type FrToken } from './tokens.js';
import {
  ADJECTIVE_ENDING,
  LOWER_ORG_HEADS,
  LOWER_PLACE_HEADS,
  NAME_PARTICLES,
  NEVER_NAMES,
  ORG_CONNECTORS,
  ORG_HEADS,
  ORG_LOWER_WORDS,
  ORG_NOUNS_BEFORE,
  PERSON_JOINERS,
} from './words.js';

/** Longest gazetteer name in words, for extending a name through lower-case words. */
const MAX_EXTEND = 4;
/** Lower-case words an organisation name takes at most (beyond that it is a sentence). */
const MAX_ORG_LOWER = 5;
/** Particles or connectors in a row at most ("de la", "de l’"). */
const MAX_JOINERS = 3;

/** Tags of sentence-initial words that are ordinary words, not names. */
const ORDINARY_TAGS = ['Adverb', 'Determiner', 'Pronoun', 'Preposition', 'Conjunction'];
/** Tags that make a sentence-initial word ordinary only when no capitalised word follows it. */
const ORDINARY_ALONE_TAGS = ['Verb', 'Adjective'];
/** Tags that make a word a name whatever else fr-compromise says of it. */
const NAME_TAGS = ['ProperNoun', 'Person', 'Place'];

const isWordToken = (t: FrToken | undefined): t is FrToken => !!t && t.word && !t.breakBefore;
const isNameWord = (t: FrToken | undefined): boolean => isWordToken(t) && t.cap;
const isParticle = (t: FrToken | undefined): boolean =>
  isWordToken(t) && !t.cap && (NAME_PARTICLES.has(bare(t)) || PERSON_JOINERS.has(t.lower));
/** "28-Septembre" in "stade du 28-Septembre": a name word that starts with a number. */
const isNameOrNumberedWord = (t: FrToken | undefined): boolean => isNameWord(t) || (isWordToken(t) && /^\d+-\p{Lu}/u.test(t.text));
const isOrgConnector = (t: FrToken | undefined): boolean => isWordToken(t) && !t.cap && ORG_CONNECTORS.has(bare(t));
const isLowerHead = (t: FrToken | undefined): boolean =>
  isWordToken(t) && !t.cap && (LOWER_ORG_HEADS.has(t.lower) || LOWER_PLACE_HEADS.has(t.lower));

/** Past the particles from k on (at most MAX_JOINERS): "des États", "de l’Afrique", "de la Défense". */
function skipParticles(tokens: FrToken[], k: number): number {
  const from = k;
  while (isParticle(tokens[k]) && k - from < MAX_JOINERS) k++;
  return k;
}

function skipOrgConnectors(tokens: FrToken[], k: number): number {
  const from = k;
  while (isOrgConnector(tokens[k]) && k - from < MAX_JOINERS) k++;
  return k;
}

/** A gazetteer name (country, region, organisation) for the words of tokens [from, to). */
function gazetteerKey(text: string, tokens: FrToken[], from: number, to: number): string | null {
  const key = nameKey(text.slice(tokens[from].start, tokens[to - 1].end));
  if (countryCodeIn(key, 'fr') || REGION_CODES.has(key) || ORG_KEYS.has(key)) return key;
  return null;
}

/**
 * Sentence-initial words that are ordinary words (function words, verbs, adverbs), not names. A verb
 * or an adjective counts only alone: before another capitalised word it is a first name that
 * fr-compromise took for a word ("Marine Le Pen", tagged as the verb "mariner").
 */
function isOrdinaryStart(t: FrToken, lowerVocab: Set<string>, beforeName = false): boolean {
  if (NEVER_NAMES.has(bare(t))) return true;
  if (!t.sentStart) return false;
  if (lowerVocab.has(t.lower)) return true;
  const tags = t.tags;
  if (!tags || NAME_TAGS.some((x) => tags.has(x))) return false;
  return [...ORDINARY_TAGS, ...(beforeName ? [] : ORDINARY_ALONE_TAGS)].some((x) => tags.has(x));
}

/** A lower-case word that may stand inside an organisation name: a listed word, an adjective or a noun. */
function isOrgLowerWord(t: FrToken | undefined, afterConnector: boolean): boolean {
  if (!isWordToken(t) || t.cap) return false;
  if (ORG_LOWER_WORDS.has(t.lower) || demonymCodeFr(t.lower)) return true;
  if (NEVER_NAMES.has(t.lower) || ORG_CONNECTORS.has(t.lower) || /^\d/.test(t.text)) return false;
  if (t.tags?.has('Verb') || t.tags?.has('Adverb')) return false;
  if (afterConnector) return !!t.tags?.has('Noun') || ADJECTIVE_ENDING.test(t.lower);
  return ADJECTIVE_ENDING.test(t.lower);
}

/** Where a name starts at a lower-case head: "ministère de la Culture", "stade du 28-Septembre", "ministère italien de l’Intérieur". */
function isLowerHeadStart(tokens: FrToken[], i: number): boolean {
  if (!isLowerHead(tokens[i])) return false;
  let k = i + 1;
  const next = tokens[k];
  if (isWordToken(next) && isLowerAdjective(next) && !NAME_PARTICLES.has(bare(next))) k++;
  const end = skipParticles(tokens, k);
  return end > k && isNameOrNumberedWord(tokens[end]);
}

/**
 * One past the run that starts at i: name words, particles before a name word, and lower-case words
 * after an organisation head ("Nations unies", "Conseil de sécurité", "Société de protection des
 * forêts contre le feu") or a lower-case head.
 */
function runEnd(tokens: FrToken[], i: number, lowerHead: boolean): number {
  let j = i + 1;
  let orgHead = ORG_HEADS.has(tokens[i].lower);
  let lowerWords = 0;
  while (j < tokens.length) {
    if (isNameOrNumberedWord(tokens[j])) {
      orgHead ||= j === i + 1 && ORG_HEADS.has(tokens[j].lower);
      j++;
      continue;
    }
    // an acronym ends a name unless it opens an organisation: "la N-VA de Bart De Wever"
    const k = skipParticles(tokens, j);
    if (k > j && isNameOrNumberedWord(tokens[k]) && (orgHead || !tokens[j - 1].upper)) {
      j = k + 1;
      continue;
    }
    if ((orgHead || lowerHead) && lowerWords < MAX_ORG_LOWER) {
      const c = skipOrgConnectors(tokens, j);
      if (isOrgLowerWord(tokens[c], c > j) && (orgHead || c === j)) {
        j = c + 1;
        lowerWords++;
        continue;
      }
    }
    break;
  }
  return j;
}

/** Lower-case words that complete a gazetteer name: "État islamique", "Guinée équatoriale". */
function extendThroughGazetteer(text: string, tokens: FrToken[], i: number, j: number): number {
  for (let k = Math.min(tokens.length, j + MAX_EXTEND); k > j; k--) {
    if (tokens.slice(j, k).every((x) => x.word && !x.breakBefore) && gazetteerKey(text, tokens, i, k)) return k;
  }
  return j;
}

/** No name ends on a connector ("… des États du Sahel et", "… pour la"). */
function trimTrailingConnectors(tokens: FrToken[], i: number, j: number): number {
  while (j > i + 1 && (isParticle(tokens[j - 1]) || isOrgConnector(tokens[j - 1]))) j--;
  return j;
}

/**
 * A word at the start of a run that is not part of the name: an ordinary word ("Le colonel", "Dans
 * le Sahel"), a particle, a nationality noun before a name ("le Slovène Tadej Pogačar").
 */
function isLeadingNonName(tokens: FrToken[], s: number, lowerVocab: Set<string>): boolean {
  const t = tokens[s];
  const next = tokens[s + 1];
  return isOrdinaryStart(t, lowerVocab, !!next?.cap) || isParticle(t) || (t.cap && !!demonymCodeFr(t.lower) && next.cap);
}

/** Where the name of the run [i, j) starts; j when the run is no name. */
function nameStart(text: string, tokens: FrToken[], i: number, j: number, lowerVocab: Set<string>): number {
  let s = i;
  while (s < j - 1 && !gazetteerKey(text, tokens, s, j) && isLeadingNonName(tokens, s, lowerVocab)) s++;
  if (s === j - 1 && isOrdinaryStart(tokens[s], lowerVocab) && !gazetteerKey(text, tokens, s, j)) return j;
  // an acronym for a generic organisation noun opening the run: "l’ONG Human Rights Watch"
  if (s < j - 1 && ORG_NOUNS_BEFORE.has(tokens[s].lower) && tokens[s].upper) s++;
  return s;
}

/** "Conseil de sécurité de l’ONU": an acronym after the last particle is a name of its own. */
function splitTrailingAcronym(tokens: FrToken[], s: number, j: number): Array<[number, number]> {
  const k = j - 1;
  if (k > s + 1 && tokens[k].upper && isParticle(tokens[k - 1])) {
    let h = k;
    while (h > s && isParticle(tokens[h - 1])) h--;
    if (h > s)
      return [
        [s, h],
        [k, j],
      ];
  }
  return [[s, j]];
}

/** Token ranges [from, to) of the names in the text. `lowerVocab`: words the text writes in lower case mid-sentence. */
export function findSpans(text: string, tokens: FrToken[], lowerVocab: Set<string>): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    const lowerHead = isLowerHeadStart(tokens, i);
    if (!lowerHead && !(tokens[i].word && tokens[i].cap)) {
      i++;
      continue;
    }
    let j = runEnd(tokens, i, lowerHead);
    j = extendThroughGazetteer(text, tokens, i, j);
    j = trimTrailingConnectors(tokens, i, j);
    const s = nameStart(text, tokens, i, j, lowerVocab);
    if (s < j) spans.push(...splitTrailingAcronym(tokens, s, j));
    i = j;
  }
  return spans;
}
