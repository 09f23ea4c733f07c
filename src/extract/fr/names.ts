// People, countries, organizations and places of a French article. fr-compromise (MIT) tags the
// text once (first names, places, verbs at a sentence start); the layer here chunks capitalised
// words into names with French particles ("Alliance des États du Sahel", "Côte d’Ivoire"),
// extends them through gazetteers ("État islamique", "Afrique de l’Ouest"), types them from
// evidence tables (titles before, heads, prepositions, gazetteers), takes acronyms introduced in
// parentheses as aliases ("… de l’Afrique de l’Ouest (Cédéao)"), and merges surnames into full
// names with accents folded for matching ("Goita" = "Goïta"). Pure: no I/O.
import { createRequire } from 'node:module';
import type nlpType from 'fr-compromise';
import type { Country, Organization, Person, Place } from '../../record/schema.js';
import { countryCodeIn, demonymCodeFr } from '../gazetteers/countries.js';
import { nameKey } from '../gazetteers/normalize.js';
import { lookupPlace } from '../gazetteers/places.js';
import type { NameEntities, NameOptions } from '../entities.js';
import { bare, tokenizeFr, type FrToken } from './tokens.js';
import {
  ADJECTIVE_ENDING,
  EVENT_HEADS,
  LOWER_ORG_HEADS,
  LOWER_PLACE_HEADS,
  NAME_PARTICLES,
  NEVER_NAMES,
  ORG_HEADS,
  ORG_LOWER_WORDS,
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

type NameType = 'person' | 'org' | 'place' | 'country';
type Scores = Record<NameType, number>;

/** Evidence weights: each names a feature of a mention and what it says about the type. */
export const FR_WEIGHTS = {
  orgGazetteer: { org: 6 },
  orgHead: { org: 4 },
  acronymDefined: { org: 3 },
  bareAcronym: { org: 1.5 },
  placeGazetteer: { place: 3 },
  placeHead: { place: 3 },
  placePreposition: { place: 2 },
  placeTag: { place: 1.5 },
  personTitle: { person: 4 },
  orgNounBefore: { org: 3 },
  firstName: { person: 3 },
  multiwordDefault: { person: 1.5 },
} satisfies Record<string, Partial<Scores>>;

const ORG_KEYS = new Set([...ORG_NAMES_FR].map(nameKey));
const REGION_INFO = new Map(Object.entries(REGIONS_FR).map(([n, c]) => [nameKey(n), c]));
/** Longest gazetteer name in words, for extending a name through lower-case words. */
const MAX_EXTEND = 4;

interface Mention {
  start: number;
  end: number;
  text: string;
  key: string;
  words: number;
  scores: Scores;
  country?: string;
  /** An event name ("Tour de France"): not kept. */
  event?: boolean;
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
}

const empty = (): Scores => ({ person: 0, org: 0, place: 0, country: 0 });
const add = (s: Scores, w: Partial<Scores>): void => {
  for (const [k, v] of Object.entries(w)) s[k as NameType] += v!;
};

let nlp: typeof nlpType | null = null;

function tagTokens(text: string, tokens: FrToken[]): void {
  // loaded on first French text: English-only runs do not pay for it
  nlp ??= createRequire(import.meta.url)('fr-compromise') as typeof nlpType;
  const byStart = new Map<number, FrToken>();
  for (const t of tokens) byStart.set(t.start, t);
  let doc: ReturnType<typeof nlp>;
  try {
    doc = nlp(text);
  } catch {
    return; // tags are evidence, not a requirement
  }
  for (const s of doc.json({ offset: true }) as Array<{ terms: Array<{ tags: string[]; offset?: { start: number } }> }>) {
    for (const term of s.terms) {
      const tok = term.offset ? byStart.get(term.offset.start) : undefined;
      if (tok) tok.tags = new Set(term.tags);
    }
  }
}

const isParticle = (t: FrToken | undefined): boolean =>
  !!t && !t.breakBefore && t.word && !t.cap && (NAME_PARTICLES.has(bare(t)) || PERSON_JOINERS.has(t.lower));
const isNameWord = (t: FrToken | undefined): boolean => !!t && !t.breakBefore && t.word && t.cap;

/** A gazetteer name (country, region, organisation) for the words of tokens [from, to). */
function gazetteerKey(text: string, tokens: FrToken[], from: number, to: number): string | null {
  const key = nameKey(text.slice(tokens[from].start, tokens[to - 1].end));
  if (countryCodeIn(key, 'fr') || REGION_INFO.has(key) || ORG_KEYS.has(key)) return key;
  return null;
}

/** Tags of sentence-initial words that are ordinary words, not names. */
const ORDINARY_TAGS = ['Adverb', 'Determiner', 'Pronoun', 'Preposition', 'Conjunction'];
/** Tags that make a sentence-initial word ordinary only when no capitalised word follows it. */
const ORDINARY_ALONE_TAGS = ['Verb', 'Adjective'];

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
  if (!tags || tags.has('ProperNoun') || tags.has('Person') || tags.has('Place')) return false;
  return [...ORDINARY_TAGS, ...(beforeName ? [] : ORDINARY_ALONE_TAGS)].some((x) => tags.has(x));
}

/** Connectors inside organisation names, before lower-case words too ("Conseil de sécurité", "… pour la stabilisation"). */
const ORG_CONNECTORS = new Set(['de', 'du', 'des', 'd', 'la', 'l', 'le', 'les', 'pour', 'contre', 'en', 'sur', 'aux', 'au']);
/** Lower-case words an organisation name takes at most (beyond that it is a sentence). */
const MAX_ORG_LOWER = 5;

const isWordToken = (t: FrToken | undefined): t is FrToken => !!t && t.word && !t.breakBefore;
/** A lower-case word that may stand inside an organisation name: a listed word, an adjective or a noun. */
function orgLowerWord(t: FrToken | undefined, afterConnector: boolean): boolean {
  if (!isWordToken(t) || t.cap) return false;
  if (ORG_LOWER_WORDS.has(t.lower) || demonymCodeFr(t.lower)) return true;
  if (NEVER_NAMES.has(t.lower) || ORG_CONNECTORS.has(t.lower) || /^\d/.test(t.text)) return false;
  if (t.tags?.has('Verb') || t.tags?.has('Adverb')) return false;
  if (afterConnector) return !!t.tags?.has('Noun') || ADJECTIVE_ENDING.test(t.lower);
  return ADJECTIVE_ENDING.test(t.lower);
}
/** "28-Septembre" in "stade du 28-Septembre": a name word that starts with a number. */
const isNameOrNumberedWord = (t: FrToken | undefined): boolean => isNameWord(t) || (isWordToken(t) && /^\d+-\p{Lu}/u.test(t.text));

/** Where a name starts at a lower-case head: "ministère de la Culture", "stade du 28-Septembre", "ministère italien de l’Intérieur". */
function lowerHeadStart(tokens: FrToken[], i: number): boolean {
  const t = tokens[i];
  if (!isWordToken(t) || t.cap || !(LOWER_ORG_HEADS.has(t.lower) || LOWER_PLACE_HEADS.has(t.lower))) return false;
  let k = i + 1;
  if (
    isWordToken(tokens[k]) &&
    !tokens[k].cap &&
    (ADJECTIVE_ENDING.test(tokens[k].lower) || demonymCodeFr(tokens[k].lower)) &&
    !NAME_PARTICLES.has(bare(tokens[k]))
  )
    k++;
  const p = k;
  while (isParticle(tokens[k]) && k - p < 3) k++;
  return k > p && isNameOrNumberedWord(tokens[k]);
}

/** Spans of capitalised names: runs of capitalised words joined by particles, extended through gazetteers. */
function findSpans(text: string, tokens: FrToken[], lowerVocab: Set<string>): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const lowerHead = lowerHeadStart(tokens, i);
    if (!lowerHead && (!t.word || !t.cap)) {
      i++;
      continue;
    }
    let j = i + 1;
    let orgHead = ORG_HEADS.has(t.lower);
    let lowerWords = 0;
    for (;;) {
      const n = tokens[j];
      if (!n) break;
      if (isNameOrNumberedWord(n)) {
        orgHead ||= ORG_HEADS.has(n.lower) && j === i + 1;
        // an acronym ends a name: "la N-VA de Bart De Wever"
        if (tokens[j - 1].upper && !orgHead && isParticle(n)) break;
        j++;
        continue;
      }
      // particles: "des États", "de l’Afrique", "de la Défense"
      let k = j;
      while (isParticle(tokens[k]) && k - j < 3) k++;
      if (k > j && isNameOrNumberedWord(tokens[k]) && !(tokens[j - 1].upper && !orgHead)) {
        j = k + 1;
        continue;
      }
      // organisations keep lower-case words after their head: "Nations unies", "Conseil de sécurité",
      // "Société de protection des forêts contre le feu"
      if ((orgHead || lowerHead) && lowerWords < MAX_ORG_LOWER) {
        let c = j;
        while (isWordToken(tokens[c]) && !tokens[c].cap && ORG_CONNECTORS.has(bare(tokens[c])) && c - j < 3) c++;
        if (orgLowerWord(tokens[c], c > j) && (orgHead || c === j)) {
          j = c + 1;
          lowerWords++;
          continue;
        }
      }
      break;
    }
    // lower-case words that complete a gazetteer name: "État islamique", "Guinée équatoriale"
    for (let k = Math.min(tokens.length, j + MAX_EXTEND); k > j; k--) {
      if (tokens.slice(j, k).every((x) => x.word && !x.breakBefore) && gazetteerKey(text, tokens, i, k)) {
        j = k;
        break;
      }
    }
    // no name ends on a connector ("… des États du Sahel et", "… pour la")
    while (j > i + 1 && (isParticle(tokens[j - 1]) || (ORG_CONNECTORS.has(bare(tokens[j - 1])) && !tokens[j - 1].cap))) j--;
    // ordinary words at the start ("Le colonel", "Dans le Sahel") and nationality nouns ("le Slovène
    // Tadej Pogačar") are not part of the name
    let s = i;
    while (
      s < j - 1 &&
      !gazetteerKey(text, tokens, s, j) &&
      (isOrdinaryStart(tokens[s], lowerVocab, !!tokens[s + 1]?.cap) ||
        isParticle(tokens[s]) ||
        (tokens[s].cap && demonymCodeFr(tokens[s].lower) && tokens[s + 1].cap))
    )
      s++;
    if (s === j - 1 && isOrdinaryStart(tokens[s], lowerVocab) && !gazetteerKey(text, tokens, s, j)) s = j;
    // a generic organisation noun opening the run: "l’ONG Human Rights Watch", "le Groupe Wagner" stays
    if (s < j - 1 && ORG_NOUNS_BEFORE.has(tokens[s].lower) && tokens[s].upper) s++;
    if (s < j) spans.push(...splitTrailingOrg(tokens, s, j));
    i = j;
  }
  return spans;
}

/** "Conseil de sécurité de l’ONU": an acronym after the last particle is a name of its own. */
function splitTrailingOrg(tokens: FrToken[], s: number, j: number): Array<[number, number]> {
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

function typeMention(text: string, tokens: FrToken[], from: number, to: number): Mention {
  const first = tokens[from];
  const start = first.start;
  const end = tokens[to - 1].end;
  const surface = text.slice(start, end);
  const key = nameKey(surface);
  const m: Mention = { start, end, text: surface, key, words: to - from, scores: empty(), from, to };
  const country = countryCodeIn(key, 'fr');
  if (country) {
    m.country = country;
    m.scores.country = 10;
    return m;
  }
  if (ORG_KEYS.has(key)) add(m.scores, FR_WEIGHTS.orgGazetteer);
  if (EVENT_HEADS.has(first.lower) && to - from > 1 && !ORG_KEYS.has(key)) {
    m.event = true; // "Tour de France", "Coupe d’Afrique": events are none of the types
    return m;
  }
  const last = tokens[to - 1];
  if ((ORG_HEADS.has(first.lower) || LOWER_ORG_HEADS.has(first.lower)) && to - from > 1) add(m.scores, FR_WEIGHTS.orgHead);
  if (ORG_TAILS.has(last.lower) && to - from > 1) add(m.scores, FR_WEIGHTS.orgHead);
  if ((PLACE_HEADS.has(first.lower) || LOWER_PLACE_HEADS.has(first.lower)) && to - from > 1) add(m.scores, FR_WEIGHTS.placeHead);
  if (REGION_INFO.has(key) || lookupPlace(surface)) add(m.scores, FR_WEIGHTS.placeGazetteer);
  if (to - from === 1 && (first.upper || /^\p{Lu}+\d+$/u.test(first.text)) && first.text.length <= 6) add(m.scores, FR_WEIGHTS.bareAcronym);
  // words before: a title ("le colonel X", "M. X"), a place noun ("à Niamey", "au sud de Marrakech"),
  // an organisation noun ("le groupe Wagner", "rebelles du M23", "la compagnie indienne IndiGo")
  let b = from - 1;
  if (tokens[b]?.text === '.') b--;
  const before = tokens[b];
  const before2 = tokens[b - 1];
  if (before && (PERSON_TITLES.has(before.lower) || (before2 && PERSON_TITLES.has(`${before2.lower} ${before.lower}`))))
    add(m.scores, FR_WEIGHTS.personTitle);
  if (before && PLACE_PREPOSITIONS.has(bare(before))) add(m.scores, FR_WEIGHTS.placePreposition);
  const viaDe = before && ['de', 'd', 'du', 'des'].includes(bare(before)) ? before2 : undefined;
  if (viaDe && PLACE_PREPOSITIONS.has(viaDe.lower)) add(m.scores, FR_WEIGHTS.placePreposition);
  let o = b;
  if (tokens[o] && !tokens[o].cap && (ADJECTIVE_ENDING.test(tokens[o].lower) || demonymCodeFr(tokens[o].lower))) o--;
  if (tokens[o] && ['de', 'd', 'du', 'des'].includes(bare(tokens[o]))) o--;
  if (tokens[o] && ORG_NOUNS_BEFORE.has(tokens[o].lower)) add(m.scores, FR_WEIGHTS.orgNounBefore);
  if (first.tags?.has('FirstName') || first.tags?.has('Person')) add(m.scores, FR_WEIGHTS.firstName);
  if (first.tags?.has('Place') || first.tags?.has('City')) add(m.scores, FR_WEIGHTS.placeTag);
  const words = tokens.slice(from, to);
  const capitalised = words.filter((t) => t.cap).length;
  const personShaped = words.every((t) => (t.cap && !t.upper) || PERSON_PARTICLES.has(bare(t)) || PERSON_JOINERS.has(t.lower));
  if (capitalised >= 2 && capitalised <= 4 && personShaped) add(m.scores, FR_WEIGHTS.multiwordDefault);
  else if (capitalised >= 2 && words.some((t) => t.upper)) add(m.scores, FR_WEIGHTS.bareAcronym); // "Open VLD"
  return m;
}

function bestType(s: Scores): NameType | null {
  let best: NameType | null = null;
  for (const k of ['country', 'org', 'place', 'person'] as NameType[]) if (s[k] > 0 && (!best || s[k] > s[best])) best = k;
  return best;
}

interface Entity {
  type: NameType;
  forms: Map<string, { text: string; count: number; words: number }>;
  spans: Array<[number, number]>;
  code?: string;
}

function addForm(e: Entity, m: Mention): void {
  const f = e.forms.get(m.key);
  if (f) f.count++;
  else e.forms.set(m.key, { text: m.text, count: 1, words: m.words });
  e.spans.push([m.start, m.end]);
}

export function extractFrenchNames(text: string, opts: NameOptions = {}): NameEntities {
  const title = opts.title?.trim() && !text.startsWith(opts.title.trim()) ? opts.title.trim().replace(/\s+/g, ' ') : '';
  const base = title ? title.length + 2 : 0;
  const all = title ? `${title}\n\n${text}` : text;
  const tokens = tokenizeFr(all);
  tagTokens(all, tokens);
  const lowerVocab = new Set(tokens.filter((t) => t.word && !t.cap && !t.sentStart).map((t) => t.lower));
  const mentions = findSpans(all, tokens, lowerVocab)
    .map(([f, t]) => typeMention(all, tokens, f, t))
    .filter((m) => !m.event);

  // Acronyms introduced in parentheses: "Organisation des Nations unies (ONU)".
  const aliasOf = new Map<string, string>();
  for (const m of mentions) {
    const open = tokens[m.to];
    const acr = tokens[m.to + 1];
    if (
      open?.text === '(' &&
      acr?.cap &&
      tokens[m.to + 2]?.text === ')' &&
      m.words > 1 &&
      !m.country &&
      m.scores.person < FR_WEIGHTS.firstName.person
    ) {
      add(m.scores, FR_WEIGHTS.acronymDefined);
      aliasOf.set(nameKey(acr.text), m.key);
    }
  }

  // One type per string, evidence summed over its mentions.
  const groups = new Map<string, { mentions: Mention[]; scores: Scores }>();
  for (const m of mentions) {
    let g = groups.get(m.key);
    if (!g) groups.set(m.key, (g = { mentions: [], scores: empty() }));
    g.mentions.push(m);
    add(g.scores, m.scores);
  }
  const typeOf = new Map<string, NameType | null>();
  for (const [k, g] of groups) typeOf.set(k, bestType(g.scores));

  // Surnames and first words of people ("Goïta" → "Assimi Goïta"), acronyms into their organisation.
  const personBySurname = new Map<string, string>();
  for (const [k, t] of typeOf) {
    if (t !== 'person') continue;
    const w = k.split(' ');
    if (w.length < 2) continue;
    const last = w[w.length - 1];
    personBySurname.set(last, personBySurname.has(last) && personBySurname.get(last) !== k ? '' : k);
  }
  const target = new Map<string, string>();
  for (const [k, g] of groups) {
    if (aliasOf.has(k) && groups.has(aliasOf.get(k)!)) {
      target.set(k, aliasOf.get(k)!);
      continue;
    }
    // a surname after "à" ("confiée à Goïta") has only a preposition's weak place evidence
    const weak = g.scores.org < FR_WEIGHTS.orgHead.org && g.scores.place < FR_WEIGHTS.placeGazetteer.place && g.scores.country === 0;
    if (k.split(' ').length === 1 && weak && personBySurname.get(k)) target.set(k, personBySurname.get(k)!);
  }
  // an acronym's organisation is an organisation, whatever its words looked like
  for (const [acr, org] of aliasOf) if (target.get(acr) === org && typeOf.get(org) !== 'place') typeOf.set(org, 'org');

  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>();
  const countries = new Map<string, Entity>();
  for (const m of mentions) {
    const k = target.get(m.key) ?? m.key;
    const type = typeOf.get(k);
    if (!type) continue;
    // a lone capitalised word with no evidence but a weak default is not kept
    if (type === 'person' && !target.has(m.key) && k.split(' ').length < 2 && groups.get(k)!.scores.person < FR_WEIGHTS.personTitle.person)
      continue;
    let e: Entity | undefined;
    if (type === 'country') {
      const code = groups.get(k)!.mentions.find((x) => x.country)!.country!;
      e = countries.get(code);
      if (!e) {
        countries.set(code, (e = { type, forms: new Map(), spans: [], code }));
        entities.push(e);
      }
    } else {
      e = byKey.get(k);
      if (!e) {
        byKey.set(k, (e = { type, forms: new Map(), spans: [] }));
        if (type === 'place') {
          const code = REGION_INFO.get(k) ?? lookupPlace(m.text)?.code;
          if (code) e.code = code;
        }
        entities.push(e);
      }
    }
    addForm(e, m);
  }

  // Nationality words add mentions to the countries the article names ("la capitale nigérienne").
  for (const t of tokens) {
    if (!t.word) continue;
    const code = demonymCodeFr(t.text);
    if (!code) continue;
    let e = countries.get(code);
    if (!e && opts.countriesFromDemonyms) {
      countries.set(code, (e = { type: 'country', forms: new Map(), spans: [], code }));
      entities.push(e);
    }
    if (e) e.spans.push([t.start, t.end]);
  }
  return toRecords(entities, !opts.noSpans, base);
}

function pick(e: Entity, fullest: boolean): { text: string; key: string } {
  let best: [string, { text: string; count: number; words: number }] | null = null;
  for (const f of e.forms) {
    if (!best) best = f;
    else if (
      fullest ? f[1].words > best[1].words || (f[1].words === best[1].words && f[1].count > best[1].count) : f[1].count > best[1].count
    )
      best = f;
  }
  return { text: best![1].text, key: best![0] };
}

function toRecords(entities: Entity[], withSpans: boolean, base: number): NameEntities {
  const people: Person[] = [];
  const countries: Country[] = [];
  const organizations: Organization[] = [];
  const places: Place[] = [];
  for (const e of entities) {
    const mentions = e.spans.length;
    const spans = e.spans
      .filter((s) => s[0] >= base)
      .map((s): [number, number] => [s[0] - base, s[1] - base])
      .sort((a, b) => a[0] - b[0]);
    const sp = withSpans ? { spans } : {};
    const best = pick(e, e.type === 'person' || e.type === 'org');
    const aliases = [...e.forms].filter(([k]) => k !== best.key).map(([, f]) => f.text);
    if (e.type === 'person') people.push({ name: best.text, aliases, mentions, ...sp });
    else if (e.type === 'org') organizations.push({ name: best.text, aliases, mentions, ...sp });
    else if (e.type === 'country')
      countries.push({ name: best.text, code: e.code!, mentions, ...(aliases.length ? { aliases } : {}), ...sp });
    else
      places.push({ name: best.text, mentions, ...(e.code ? { countryCode: e.code } : {}), ...(aliases.length ? { aliases } : {}), ...sp });
  }
  const byMentions = (a: { mentions: number }, b: { mentions: number }) => b.mentions - a.mentions;
  return {
    people: people.sort(byMentions),
    countries: countries.sort(byMentions),
    organizations: organizations.sort(byMentions),
    places: places.sort(byMentions),
  };
}
