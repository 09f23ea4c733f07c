// People, countries, organizations and places of a French article. fr-compromise (MIT) tags the
// text once (first names, places, verbs at a sentence start); spans.ts chunks capitalised words
// into names with French particles ("Alliance des États du Sahel", "Côte d’Ivoire") and extends
// them through gazetteers ("État islamique", "Afrique de l’Ouest"); features.ts types them from a
// table of evidence (titles before, heads, prepositions, gazetteers, acronyms introduced in
// parentheses). Here: one type per string, acronyms merged into their organisations ("… de
// l’Afrique de l’Ouest (Cédéao)"), surnames into full names with accents folded for matching
// ("Goita" = "Goïta"), nationality words counted as country mentions. Pure: no I/O.
import { createRequire } from 'node:module';
import type nlpType from 'fr-compromise';
import type { Country, Organization, Person, Place } from '../../record/schema.js';
import { demonymCodeFr, localisedCountryNames } from '../gazetteers/countries.js';
import { nameKey } from '../gazetteers/normalize.js';
import { lookupPlace } from '../gazetteers/places.js';
import type { NameEntities, NameOptions } from '../entities.js';
import { addScores, emptyScores, type NameType, type Scores } from '../names/evidence.js';
import { applyFrFeatures, frFactsOf, frWeight, REGION_CODES } from './features.js';
import { findSpans } from './spans.js';
import { tokenizeFr, type FrToken } from './tokens.js';
import { withPlainEnv } from '../plain-env.js';

/** Person evidence a lone word needs to be kept as a person of its own: a title before it. */
const LONE_PERSON_MIN = frWeight('title-before');
/** Evidence that a lone word is an organisation or a place of its own, not a known person's surname. */
const OWN_ORG_MIN = frWeight('org-head');
const OWN_PLACE_MIN = frWeight('place-gazetteer');

interface Mention {
  start: number;
  end: number;
  text: string;
  key: string;
  /** Tokens in the name. */
  words: number;
  scores: Scores;
  country?: string;
  /** Its acronym, defined in parentheses after it. */
  acronym?: string;
  /** The features that fired (features.ts), in order. */
  evidence: string[];
  /** A drop feature fired (an event name: "Tour de France"): not kept. */
  drop: boolean;
}

let nlp: typeof nlpType | null = null;

function tagTokens(text: string, tokens: FrToken[]): void {
  // loaded on first French text: English-only runs do not pay for it
  nlp ??= createRequire(import.meta.url)('fr-compromise') as typeof nlpType;
  const byStart = new Map<number, FrToken>();
  for (const t of tokens) byStart.set(t.start, t);
  let doc: ReturnType<typeof nlp>;
  try {
    doc = withPlainEnv(() => nlp!(text));
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

function typeMention(text: string, tokens: FrToken[], from: number, to: number, off?: ReadonlySet<string>): Mention {
  const facts = frFactsOf(text, tokens, from, to);
  const scores = emptyScores();
  const { fired, drop } = applyFrFeatures(facts, scores, off);
  return {
    start: facts.first.start,
    end: facts.last.end,
    text: facts.surface,
    key: facts.key,
    words: to - from,
    scores,
    ...(facts.country ? { country: facts.country } : {}),
    ...(facts.acronymAfter && fired.includes('acronym-defined') ? { acronym: nameKey(facts.acronymAfter.text) } : {}),
    evidence: fired,
    drop,
  };
}

/** The best-scored type, none without evidence. Ties go to the earlier of country, org, place, person. */
function bestType(s: Scores): NameType | null {
  let best: NameType | null = null;
  for (const k of ['country', 'org', 'place', 'person'] as NameType[]) if (s[k] > 0 && (!best || s[k] > s[best])) best = k;
  return best;
}

interface Group {
  mentions: Mention[];
  /** Evidence summed over the mentions. */
  scores: Scores;
}

/** The mentions of each string (its key) with their evidence summed: one type per string. */
function groupByKey(mentions: Mention[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const m of mentions) {
    let g = groups.get(m.key);
    if (!g) groups.set(m.key, (g = { mentions: [], scores: emptyScores() }));
    g.mentions.push(m);
    addScores(g.scores, m.scores);
  }
  return groups;
}

const wordCount = (key: string): number => key.split(' ').length;

/** People's full names by their last word ("goita" → "assimi goita"); '' when two people share it. */
function peopleBySurname(typeOf: Map<string, NameType | null>): Map<string, string> {
  const bySurname = new Map<string, string>();
  for (const [k, t] of typeOf) {
    if (t !== 'person') continue;
    const w = k.split(' ');
    if (w.length < 2) continue;
    const last = w[w.length - 1];
    bySurname.set(last, bySurname.has(last) && bySurname.get(last) !== k ? '' : k);
  }
  return bySurname;
}

/**
 * The string each string is a short form of: an acronym its organisation ("ONU" → "Organisation des
 * Nations unies"), a lone surname its person ("Goïta" → "Assimi Goïta").
 */
function shortFormTargets(
  groups: Map<string, Group>,
  aliasOf: Map<string, string>,
  typeOf: Map<string, NameType | null>,
): Map<string, string> {
  const bySurname = peopleBySurname(typeOf);
  const target = new Map<string, string>();
  for (const [k, g] of groups) {
    const org = aliasOf.get(k);
    if (org !== undefined && groups.has(org)) {
      target.set(k, org);
      continue;
    }
    // a surname after "à" ("confiée à Goïta") has only a preposition's weak place evidence
    const ownType = g.scores.org >= OWN_ORG_MIN || g.scores.place >= OWN_PLACE_MIN || g.scores.country !== 0;
    const person = bySurname.get(k);
    if (wordCount(k) === 1 && !ownType && person) target.set(k, person);
  }
  return target;
}

interface Entity {
  type: NameType;
  /** Each written form (by key) and how often it was met. */
  forms: Map<string, Form>;
  spans: Array<[number, number]>;
  code?: string;
}

function addForm(e: Entity, m: Mention): void {
  const f = e.forms.get(m.key);
  if (f) f.count++;
  else e.forms.set(m.key, { text: m.text, count: 1, words: m.words });
  e.spans.push([m.start, m.end]);
}

let frenchCountryNames: Map<string, string> | null = null;

/** A country's French name (i18n-iso-countries' first plain name: "NE" → "Niger"). */
function frenchCountryName(code: string): string | null {
  if (!frenchCountryNames) {
    frenchCountryNames = new Map();
    for (const [name, c] of localisedCountryNames('fr'))
      if (!frenchCountryNames.has(c) && !/[,()]/.test(name)) frenchCountryNames.set(c, name);
  }
  return frenchCountryNames.get(code) ?? null;
}

function newEntity(type: NameType, code?: string): Entity {
  return { type, forms: new Map(), spans: [], ...(code ? { code } : {}) };
}

export function extractFrenchNames(text: string, opts: NameOptions = {}): NameEntities {
  const title = opts.title?.trim() && !text.startsWith(opts.title.trim()) ? opts.title.trim().replace(/\s+/g, ' ') : '';
  // the title is analysed with the text, before it; spans are offsets into `text`
  const textStart = title ? title.length + 2 : 0;
  const analysed = title ? `${title}\n\n${text}` : text;
  const tokens = tokenizeFr(analysed);
  tagTokens(analysed, tokens);
  const lowerVocab = new Set(tokens.filter((t) => t.word && !t.cap && !t.sentStart).map((t) => t.lower));
  const off = opts.featuresOff?.length ? new Set(opts.featuresOff) : undefined;
  const mentions = findSpans(analysed, tokens, lowerVocab)
    .map(([f, t]) => typeMention(analysed, tokens, f, t, off))
    .filter((m) => !m.drop);

  // Acronyms introduced in parentheses: "Organisation des Nations unies (ONU)".
  const aliasOf = new Map<string, string>();
  for (const m of mentions) if (m.acronym) aliasOf.set(m.acronym, m.key);

  const groups = groupByKey(mentions);
  const typeOf = new Map<string, NameType | null>();
  for (const [k, g] of groups) typeOf.set(k, bestType(g.scores));
  const target = shortFormTargets(groups, aliasOf, typeOf);
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
    if (type === 'person' && !target.has(m.key) && wordCount(k) < 2 && groups.get(k)!.scores.person < LONE_PERSON_MIN) continue;
    let e: Entity | undefined;
    if (type === 'country') {
      const code = groups.get(k)!.mentions.find((x) => x.country)!.country!;
      e = countries.get(code);
      if (!e) {
        countries.set(code, (e = newEntity(type, code)));
        entities.push(e);
      }
    } else {
      e = byKey.get(k);
      if (!e) {
        const code = type === 'place' ? (REGION_CODES.get(k) ?? lookupPlace(m.text)?.code) : undefined;
        byKey.set(k, (e = newEntity(type, code ?? undefined)));
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
      // named by its French name, met 0 times as a name ("soldats nigériens" → "Niger")
      const name = frenchCountryName(code);
      if (!name) continue;
      countries.set(code, (e = newEntity('country', code)));
      e.forms.set(nameKey(name), { text: name, count: 0, words: wordCount(nameKey(name)) });
      entities.push(e);
    }
    if (e) e.spans.push([t.start, t.end]);
  }
  return toRecords(entities, !opts.noSpans, textStart);
}

interface Form {
  text: string;
  count: number;
  words: number;
}

/** Better as the entity's name: the most frequent form, or for people and organisations the longest, then the most frequent. */
const betterForm = (a: Form, b: Form, fullest: boolean): boolean =>
  fullest ? a.words > b.words || (a.words === b.words && a.count > b.count) : a.count > b.count;

/** The form that names the entity (the first met wins ties). */
function pick(e: Entity, fullest: boolean): { text: string; key: string } {
  let best: [string, Form] | null = null;
  for (const f of e.forms) if (!best || betterForm(f[1], best[1], fullest)) best = f;
  return { text: best![1].text, key: best![0] };
}

/** The records, spans shifted by `textStart` (those in the title left out), most mentioned first. */
function toRecords(entities: Entity[], withSpans: boolean, textStart: number): NameEntities {
  const people: Person[] = [];
  const countries: Country[] = [];
  const organizations: Organization[] = [];
  const places: Place[] = [];
  for (const e of entities) {
    const mentions = e.spans.length;
    const spans = e.spans
      .filter((s) => s[0] >= textStart)
      .map((s): [number, number] => [s[0] - textStart, s[1] - textStart])
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
