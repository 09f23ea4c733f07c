// Article-level decisions: one type per string (evidence summed over its mentions), surnames
// merged into the full name ("Goita" → "Assimi Goita"), acronyms into their organization
// ("Alliance of Sahel States (AES)", or matching initials), countries by ISO code, and names in
// ALL-CAPS or Title Case lines found by matching what the body (or a gazetteer) already knows.
import { countryCode, countryNameOf } from '../gazetteers/countries.js';
import { nameKey } from '../gazetteers/normalize.js';
import { lookupPlace } from '../gazetteers/places.js';
import { NAME_CONNECTORS, NEVER_NAMES, ORG_HEADS, ORG_OF_HEADS, ORG_PREFIXES, TITLES } from '../gazetteers/words.js';

/** Words of an organization's name that never stand for it alone ("Bank", "Air", "General"). */
const SHORT_FORM_NEVER = new Set([...ORG_HEADS, ...ORG_OF_HEADS, ...ORG_PREFIXES, ...TITLES]);
import { DECISIVE_NOT_PERSON, DECISIVE_PERSON, PERSON_FEATURES } from './features.js';
import { addScores, bestType, emptyScores, type NameType, type Scores } from './evidence.js';
import type { DemonymMention, Mention } from './mentions.js';
import type { Token } from './tokens.js';

export interface Form {
  text: string;
  count: number;
  words: number;
}

export interface ResolvedEntity {
  type: NameType;
  /** Surface forms by name key. */
  forms: Map<string, Form>;
  spans: Array<[number, number]>;
  /** Countries: ISO code. Places: the country it lies in, when known. */
  code?: string;
}

interface Group {
  key: string;
  mentions: Mention[];
  scores: Scores;
  type: NameType | null;
  words: number;
  target?: Group;
  entity?: ResolvedEntity;
}

export interface ResolveInput {
  text: string;
  tokens: Token[];
  mentions: Mention[];
  demonyms: DemonymMention[];
  /** A nationality word alone makes a country record ("Malian troops" → ML). Default: it only adds mentions. */
  countriesFromDemonyms?: boolean;
}

const wordsOf = (key: string): string[] => key.split(' ').filter(Boolean);

function root(g: Group): Group {
  let r = g;
  for (let hops = 0; r.target && hops < 5; hops++) r = r.target;
  return r;
}

function addForm(e: ResolvedEntity, key: string, text: string, start: number, end: number): void {
  const f = e.forms.get(key);
  if (f) {
    f.count++;
    // "NIAMEY" (a dateline) then "Niamey": show the mixed-case form.
    if (!/\p{Ll}/u.test(f.text) && /\p{Ll}/u.test(text)) f.text = text;
  } else e.forms.set(key, { text, count: 1, words: wordsOf(key).length });
  e.spans.push([start, end]);
}

export function resolve(input: ResolveInput): ResolvedEntity[] {
  const groups = new Map<string, Group>();
  for (const m of input.mentions) {
    let g = groups.get(m.key);
    if (!g) {
      g = { key: m.key, mentions: [], scores: emptyScores(), type: null, words: wordsOf(m.key).length };
      groups.set(m.key, g);
    }
    g.mentions.push(m);
    addScores(g.scores, m.scores);
  }

  // One type per string.
  for (const g of groups.values()) {
    const country = g.mentions.find((m) => m.country)?.country;
    if (country) {
      g.type = 'country';
      continue;
    }
    if (g.mentions.some((m) => m.team)) {
      g.type = 'org';
      continue;
    }
    // A lone acronym with nothing else said about it ("IQ", "VIP") is left out.
    if (g.mentions.length === 1 && g.mentions[0].acronym && g.scores.org <= 1.5 && g.scores.person <= 0 && g.scores.place <= 0) {
      g.type = null;
      continue;
    }
    // One mention with decisive evidence against a person outweighs shape alone elsewhere.
    const fired = (names: ReadonlySet<string>): boolean => g.mentions.some((m) => m.evidence.some((e) => names.has(e)));
    if (fired(DECISIVE_NOT_PERSON) && !fired(DECISIVE_PERSON)) g.scores.person = Math.min(g.scores.person, 0);
    const weakOnly = g.mentions.every((m) => m.weak);
    const n = g.mentions.length;
    const t = bestType(g.scores, 1);
    if (t && weakOnly && g.scores[t] / n < 2) g.type = null;
    else g.type = t;
  }

  mergePeople(groups);
  mergeOrgShortForms(groups);
  mergeAcronyms(groups, input.mentions);
  typeFromLists(groups);
  typeAffiliations(groups);

  // Entities from the groups that stand for themselves; aliases join their root.
  const entities: ResolvedEntity[] = [];
  const countries = new Map<string, ResolvedEntity>();
  const entityOf = (g: Group): ResolvedEntity | null => {
    const r = root(g);
    if (!r.type) return null;
    if (r.entity) return r.entity;
    if (r.type === 'country') {
      const code = r.mentions.find((m) => m.country)!.country!;
      let e = countries.get(code);
      if (!e) {
        e = { type: 'country', forms: new Map(), spans: [], code };
        countries.set(code, e);
        entities.push(e);
      }
      r.entity = e;
      return e;
    }
    const e: ResolvedEntity = { type: r.type, forms: new Map(), spans: [] };
    if (r.type === 'place')
      e.code = r.mentions.find((m) => m.commaCountry)?.commaCountry ?? r.mentions.find((m) => m.place?.code)?.place?.code;
    r.entity = e;
    entities.push(e);
    return e;
  };
  for (const g of groups.values()) {
    const e = entityOf(g);
    if (!e) continue;
    for (const m of g.mentions) addForm(e, m.key, m.text, m.start, m.end);
  }

  matchCaselessLines(input, entities, countries);

  // Nationality words count as mentions of a country the article names ("Malian", "Nigerien").
  for (const d of input.demonyms) {
    let e = countries.get(d.code);
    if (!e && input.countriesFromDemonyms) {
      const name = countryNameOf(d.code);
      if (!name) continue;
      e = {
        type: 'country',
        forms: new Map([[nameKey(name), { text: name, count: 0, words: wordsOf(nameKey(name)).length }]]),
        spans: [],
        code: d.code,
      };
      countries.set(d.code, e);
      entities.push(e);
    }
    if (e) e.spans.push([d.start, d.end]);
  }
  for (const e of entities) e.spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return entities.filter((e) => e.forms.size > 0);
}

/** Surnames and shorter forms join the full name they belong to. */
function mergePeople(groups: Map<string, Group>): void {
  const people = [...groups.values()].filter((g) => g.type === 'person' && g.words >= 2);
  // Same first and last word ("Donald J. Trump" / "Donald Trump"): one person.
  const byCore = new Map<string, Group>();
  for (const g of people.sort((a, b) => b.mentions.length - a.mentions.length || b.words - a.words)) {
    const w = wordsOf(g.key);
    const core = `${w[0]} ${w[w.length - 1]}`;
    const first = byCore.get(core);
    if (first && first !== g) g.target = first;
    else byCore.set(core, g);
  }
  const bySurname = new Map<string, Group[]>();
  for (const g of people) {
    if (g.target) continue;
    const w = wordsOf(g.key);
    const last = w[w.length - 1];
    if (NAME_CONNECTORS.has(last)) continue;
    const list = bySurname.get(last) ?? [];
    list.push(g);
    bySurname.set(last, list);
    // "bin Laden" → "Laden" is rare; two-word surnames with a particle also map from the particle form.
    if (w.length >= 3 && NAME_CONNECTORS.has(w[w.length - 2])) {
      const two = w.slice(-2).join(' ');
      bySurname.set(two, [...(bySurname.get(two) ?? []), g]);
    }
  }
  for (const g of groups.values()) {
    if (g.target || g.type === 'country') continue;
    if (g.words > 2 || (g.words === 2 && !NAME_CONNECTORS.has(wordsOf(g.key)[0]))) continue;
    const cands = bySurname.get(g.key);
    if (!cands || cands.includes(g)) continue;
    if (g.type === 'org' || g.type === 'place') {
      const per = g.scores[g.type] / g.mentions.length;
      if (per >= 5) continue;
    }
    g.target = cands.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
    g.type = 'person';
  }
}

/**
 * Document-level consistency for organizations: "Kestrel Dunmore" typed an organization and
 * "Dunmore" (or "Kestrel") alone elsewhere in the article is the same organization, unless the
 * short form is a place, a title or an ordinary word, has evidence of its own for a person ("Mr
 * Dunmore"), or could stand for more than one organization.
 */
function mergeOrgShortForms(groups: Map<string, Group>): void {
  const byWord = new Map<string, Group[]>();
  for (const g of groups.values()) {
    if (g.type !== 'org' || g.words < 2 || g.target) continue;
    const w = wordsOf(g.key);
    for (const word of new Set([w[0], w[w.length - 1]])) {
      if (SHORT_FORM_NEVER.has(word) || NAME_CONNECTORS.has(word) || NEVER_NAMES.has(word) || countryCode(word) || lookupPlace(word))
        continue;
      byWord.set(word, [...(byWord.get(word) ?? []), g]);
    }
  }
  for (const g of groups.values()) {
    if (g.target || g.words !== 1 || (g.type !== null && g.type !== 'person')) continue;
    const cands = byWord.get(g.key);
    if (!cands || cands.length !== 1) continue;
    if (g.mentions.some((m) => m.country || m.place || m.acronym)) continue;
    if (g.scores.person / g.mentions.length >= 2.5) continue;
    g.target = cands[0];
    g.type = 'org';
  }
}

/** Do the acronym's letters appear, in order, among the initials of the name's words? */
function initialsFit(acronym: string, m: Mention): boolean {
  const initials = m.toks
    .filter((t) => t.word)
    .map((t) => t.lower[0])
    .join('');
  let k = 0;
  for (const ch of acronym.replace(/ /g, '')) {
    k = initials.indexOf(ch, k);
    if (k < 0) return false;
    k++;
  }
  return true;
}

/** An untyped name listed with names of one type takes that type ("Ubisoft, Microsoft and Sony"). */
function typeFromLists(groups: Map<string, Group>): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const g of groups.values()) {
      if (g.type || g.target) continue;
      // A lone sentence-initial word takes a type only inside a list of three or more ("Ubisoft, Microsoft and
      // Sony"), not from the one name after its comma ("Usually, Internet Explorer ...").
      const weakOnly = g.mentions.every((m) => m.weak);
      const seen = new Set<NameType>();
      for (const m of g.mentions) {
        for (const n of m.listed ?? []) {
          if (weakOnly && (m.listed?.length ?? 0) + (n.listed?.length ?? 0) < 3) continue;
          const ng = groups.get(n.key);
          const t = ng ? root(ng).type : null;
          if (t) seen.add(t === 'country' ? 'place' : t);
        }
      }
      // "Jo Reed, QC": letters after a person's name are no person.
      if (seen.size === 1 && !(seen.has('person') && g.mentions.every((m) => m.acronym))) g.type = [...seen][0];
    }
  }
  // "Queensland, Beatrice and Tasmania": a name typed a person only by the lexicon's first names,
  // listed among two or more places and nothing else, is a place.
  for (const g of groups.values()) {
    if (g.type !== 'person' || g.target || g.words > 1 || g.scores.person / g.mentions.length >= 2) continue;
    if (g.mentions.some((m) => m.evidence.some((e) => DECISIVE_PERSON.has(e)))) continue;
    const types: NameType[] = [];
    for (const m of g.mentions)
      for (const n of m.listed ?? []) {
        const ng = groups.get(n.key);
        const t = ng ? root(ng).type : null;
        if (t) types.push(t);
      }
    if (types.length >= 2 && types.every((t) => t === 'place' || t === 'country')) g.type = 'place';
  }
}

/** Person features that look only at a name's shape, not at what is known of its words or what is said around it. */
const SHAPE_ONLY = new Set(['person-shape', 'comma-who-after']);

/** A person only by its shape ("Harbour Voice"): no name the lexicon knows, no title, no role noun. */
const shapeOnly = (g: Group): boolean => g.mentions.every((m) => m.evidence.every((e) => SHAPE_ONLY.has(e) || !PERSON_FEATURES.has(e)));

/**
 * An untyped name (or a person only by its shape) that a person belongs to is an organization: "Jo Lee of Fresh Tide", "Jo Lee
 * from the Harbour League", "Fresh Tide's Jo Lee", and a lone acronym there ("Jo Lee of the PLU").
 * Names with evidence of their own ("Jo Lee of Leeds") keep their type.
 */
function typeAffiliations(groups: Map<string, Group>): void {
  for (const g of groups.values()) {
    if (g.target || (g.type && !(g.type === 'person' && shapeOnly(g)))) continue;
    const ofPerson = g.mentions.some((m) => {
      const pg = m.affiliationOf && groups.get(m.affiliationOf.key);
      return !!pg && root(pg).type === 'person';
    });
    if (ofPerson) g.type = 'org';
  }
}

/** "Alliance of Sahel States (AES)", and acronyms that spell an organization's initials. */
function mergeAcronyms(groups: Map<string, Group>, mentions: Mention[]): void {
  for (const m of mentions) {
    if (!m.parenAcronym) continue;
    const g = groups.get(m.key);
    const a = groups.get(m.parenAcronym.key);
    if (!g || !a || a.target || a === g || g.type === 'person') continue;
    // Outside organizations the letters must fit the name ("DRC"), not a credit line ("Niger (AP)").
    if (g.type !== 'org' && g.type !== null && !initialsFit(m.parenAcronym.key, m)) continue;
    if (!g.type) g.type = 'org';
    if (a.type === 'country' && g.type !== 'country') continue;
    a.target = g;
    a.type = g.type;
  }
  const acronyms = new Map<string, Group>();
  for (const g of groups.values()) if (!g.target && g.mentions.some((m) => m.acronym)) acronyms.set(g.key, g);
  if (!acronyms.size) return;
  for (const g of groups.values()) {
    if (g.type !== 'org' || g.words < 2 || g.target) continue;
    const m = g.mentions[0];
    const initials = m.toks
      .filter((t) => t.word && t.cap && !NAME_CONNECTORS.has(t.lower))
      .map((t) => t.text[0])
      .join('')
      .toLowerCase();
    const a = acronyms.get(initials);
    if (a && a !== g && a.type !== 'country' && a.type !== 'person') {
      a.target = g;
      a.type = 'org';
    }
  }
}

/**
 * ALL-CAPS and Title Case lines: the longest run of up to 5 words that the article already names,
 * or a country, or a well-known place (region, province, or city of 100,000+).
 */
function matchCaselessLines(input: ResolveInput, entities: ResolvedEntity[], countries: Map<string, ResolvedEntity>): void {
  const { tokens, text } = input;
  const known = new Map<string, ResolvedEntity>();
  const acronymKeys = new Set<string>();
  for (const e of entities)
    for (const [k, f] of e.forms) {
      known.set(k, e);
      if (!/\p{Ll}/u.test(f.text)) acronymKeys.add(k);
    }
  // A person's surname alone, when no other name claims it ("GOITA HAILS ...").
  for (const e of entities) {
    if (e.type !== 'person') continue;
    for (const k of [...e.forms.keys()]) {
      const w = wordsOf(k);
      const last = w[w.length - 1];
      if (w.length >= 2 && last.length >= 3 && !known.has(last)) known.set(last, e);
    }
  }
  const places = new Map<string, ResolvedEntity>();
  for (const e of entities) if (e.type === 'place') for (const k of e.forms.keys()) places.set(k, e);

  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t.caseless || !t.word || NEVER_NAMES.has(t.lower) || NAME_CONNECTORS.has(t.lower)) {
      i++;
      continue;
    }
    let matched = 0;
    for (let n = 5; n >= 1 && !matched; n--) {
      const last = tokens[i + n - 1];
      if (!last || last.line !== t.line) continue;
      let ok = true;
      for (let k = i; k < i + n; k++) if (!tokens[k].word && tokens[k].text !== '&') ok = false;
      if (!ok) continue;
      const surface = text.slice(t.start, last.nameEnd);
      const key = nameKey(surface);
      if (!key) continue;
      const e = known.get(key);
      // Two-letter words in capitals ("US", "IT") only when the line is not shouting.
      const short = key.replace(/ /g, '').length < 3;
      if (e) {
        if (acronymKeys.has(key) && !tokens.slice(i, i + n).every((x) => x.upper)) continue;
        if (short && !t.upper) continue;
        addForm(e, key, titleCase(surface), t.start, last.nameEnd);
        matched = n;
        break;
      }
      if (short && !/\./.test(surface)) continue;
      const cc = countryCode(surface);
      if (cc) {
        let ce = countries.get(cc);
        if (!ce) {
          ce = { type: 'country', forms: new Map(), spans: [], code: cc };
          countries.set(cc, ce);
          entities.push(ce);
        }
        const official = countryNameOf(cc);
        addForm(ce, key, official && nameKey(official) === key ? official : titleCase(surface), t.start, last.nameEnd);
        known.set(key, ce);
        matched = n;
        break;
      }
      const p = lookupPlace(surface);
      if (p && (p.kind !== 'city' || p.pop >= 100_000)) {
        let pe = places.get(key);
        if (!pe) {
          pe = { type: 'place', forms: new Map(), spans: [], code: p.code };
          places.set(key, pe);
          entities.push(pe);
        }
        addForm(pe, key, titleCase(surface), t.start, last.nameEnd);
        known.set(key, pe);
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
}

/** "BURKINA FASO" → "Burkina Faso" (leaves mixed-case words, dotted and short acronyms alone). */
function titleCase(s: string): string {
  if (/\p{Ll}/u.test(s) || /\./.test(s) || (!/\s/.test(s) && s.length <= 4)) return s;
  return s.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
