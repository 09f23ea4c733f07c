// People, countries, organizations and places of one article (DESIGN §5). compromise tags the
// text once (lexicon + pre-tagger); rules on top chunk capitalised words into names, repair their
// spans, type them from tags, gazetteers, head words and context, keep one type per string, and
// merge surnames and acronyms into the names they stand for. Pure: no I/O.
import type { Country, Entities, Organization, Person, Place } from '../record/schema.js';
import { countryNameOf } from './gazetteers/countries.js';
import { nameKey } from './gazetteers/normalize.js';
import { SPORT_WORDS } from './gazetteers/words.js';
import type { Scores } from './names/evidence.js';
import { findMentions, isCommonWord, type DemonymMention, type Mention, type MentionContext } from './names/mentions.js';
import { resolve, type Form, type ResolvedEntity } from './names/resolve.js';
import { tagOffsets, type TagOptions } from './names/tags.js';
import { markCaselessLines, tokenize, type Token } from './names/tokens.js';

export interface NameOptions extends TagOptions {
  /** Leave out character spans (smaller records). Default false: spans are filled. */
  noSpans?: boolean;
  /**
   * The article's title, analysed with the text: names in it count as mentions, but spans are
   * offsets into `text` only, so a name met only in the title has mentions > 0 and no spans.
   */
  title?: string | null;
  /**
   * Make a country record from a nationality word alone ("Nigerien soldiers" → NE). Default false:
   * nationality words only add mentions to countries the article names.
   */
  countriesFromDemonyms?: boolean;
  /** Characters analysed at most (a guard for direct callers; the pipeline already caps words). */
  maxChars?: number;
  /** Type features to switch off by name (names/features.ts; fr/features.ts for French texts): the ablation bench measures each one's worth. */
  featuresOff?: readonly string[];
}

export const DEFAULT_MAX_CHARS = 500_000;

export type NameEntities = Omit<Entities, 'dates'>;

export function extractNames(text: string, opts: NameOptions = {}): NameEntities {
  const title = opts.title?.trim() && !text.startsWith(opts.title.trim()) ? opts.title.trim().replace(/\s+/g, ' ') : '';
  const base = title ? title.length + 2 : 0;
  let all = title ? `${title}\n\n${text}` : text;
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  if (all.length > maxChars) {
    const cut = all.lastIndexOf(' ', maxChars);
    all = all.slice(0, cut > maxChars / 2 ? cut : maxChars);
  }
  if (!/\p{Lu}/u.test(all)) return { people: [], countries: [], organizations: [], places: [] };
  const { tokens, mentions, demonyms } = findNames(all, opts);
  const entities = resolve({ text: all, tokens, mentions, demonyms, countriesFromDemonyms: opts.countriesFromDemonyms });
  return toRecords(entities, !opts.noSpans, base);
}

/** One candidate name and why it got its scores. */
export interface NameEvidence {
  text: string;
  start: number;
  scores: Scores;
  /** The type features that fired (names/features.ts), in order. */
  evidence: string[];
}

/** Every candidate name in `text` with its type scores and the features that fired (for readers and benches). */
export function explainNames(text: string, opts: Pick<NameOptions, 'featuresOff' | 'postTagger'> = {}): NameEvidence[] {
  return findNames(text, opts).mentions.map((m) => ({ text: m.text, start: m.start, scores: { ...m.scores }, evidence: m.evidence }));
}

function findNames(all: string, opts: NameOptions): { tokens: Token[]; mentions: Mention[]; demonyms: DemonymMention[] } {
  const tokens = tokenize(all);
  const tags = tagOffsets(all, opts);
  for (const t of tokens) {
    const tg = tags.get(t.start);
    if (tg) t.tags = tg;
  }
  const lowerVocab = lowerVocabulary(tokens);
  markCaselessLines(tokens, (t) => isCommonWord(t, lowerVocab));
  const ctx: MentionContext = {
    tokens,
    lowerVocab,
    sporty: isSporty(tokens),
    featuresOff: opts.featuresOff ? new Set(opts.featuresOff) : undefined,
  };
  const demonyms: DemonymMention[] = [];
  const mentions = findMentions(all, ctx, demonyms);
  return { tokens, mentions, demonyms };
}

/** Word forms written in lower case somewhere in the text: ordinary words, not names. */
function lowerVocabulary(tokens: Token[]): Set<string> {
  const v = new Set<string>();
  for (const t of tokens) {
    if (t.word && !t.caseless && !/\p{Lu}/u.test(t.text)) v.add(t.poss ? t.lower.slice(0, -2) : t.lower);
  }
  return v;
}

function isSporty(tokens: Token[]): boolean {
  let hits = 0;
  for (const t of tokens) {
    if ((t.word && SPORT_WORDS.has(t.lower)) || /^\d{1,3}-\d{1,3}$/.test(t.text)) hits++;
    if (hits >= 4) return true;
  }
  return false;
}

/** The form shown as the name: people and organizations their fullest form, others their commonest. */
function pickName(forms: Map<string, Form>, fullest: boolean): Form {
  let best: Form | null = null;
  for (const f of forms.values()) {
    if (!best) best = f;
    else if (
      fullest
        ? f.words > best.words || (f.words === best.words && f.count > best.count)
        : f.count > best.count || (f.count === best.count && f.words > best.words)
    )
      best = f;
  }
  return best!;
}

/** A shouted form ("NIAMEY" in a dateline) shown in title case; acronyms stay. */
function display(text: string): string {
  if (/\p{Ll}/u.test(text) || /[.\d]/.test(text) || text.replace(/\s/g, '').length <= 4) return text;
  return text.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}

function aliasesOf(forms: Map<string, Form>, name: Form): string[] {
  const out: string[] = [];
  for (const f of forms.values()) if (f !== name && !out.includes(display(f.text))) out.push(display(f.text));
  return out;
}

function dedupeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && prev[0] === s[0] && prev[1] === s[1]) continue;
    out.push(s);
  }
  return out;
}

/** Records; spans are shifted by `base` (the title's length) and those inside the title dropped. */
function toRecords(entities: ResolvedEntity[], withSpans: boolean, base: number): NameEntities {
  const people: Person[] = [];
  const countries: Country[] = [];
  const organizations: Organization[] = [];
  const places: Place[] = [];
  const byMentions = (a: { mentions: number }, b: { mentions: number }) => b.mentions - a.mentions;
  for (const e of entities) {
    const all = dedupeSpans(e.spans);
    const mentions = all.length;
    const spans = base ? all.filter((s) => s[0] >= base).map((s): [number, number] => [s[0] - base, s[1] - base]) : all;
    const sp = withSpans ? { spans } : {};
    const best = pickName(e.forms, e.type === 'person' || e.type === 'org');
    const name = display(best.text);
    const aliases = aliasesOf(e.forms, best);
    switch (e.type) {
      case 'person':
        people.push({ name, aliases, mentions, ...sp });
        break;
      case 'org':
        organizations.push({ name, aliases, mentions, ...sp });
        break;
      case 'country': {
        // The canonical name, whatever form the text uses ("U.S." → "United States", alias "U.S."): stable across records and stores.
        const canonical = countryNameOf(e.code!) ?? name;
        const forms = [name, ...aliases].filter((f) => nameKey(f) !== nameKey(canonical));
        countries.push({ name: canonical, code: e.code!, mentions, ...(forms.length ? { aliases: forms } : {}), ...sp });
        break;
      }
      case 'place':
        places.push({ name, mentions, ...(e.code ? { countryCode: e.code } : {}), ...(aliases.length ? { aliases } : {}), ...sp });
        break;
    }
  }
  return {
    people: people.sort(byMentions),
    countries: countries.sort(byMentions),
    organizations: organizations.sort(byMentions),
    places: places.sort(byMentions),
  };
}
