// Reviewers' corrections as data: a lexicon that extraction applies after finding names, so a
// correction made once (in the store, or shared as a JSON file) holds for every later article.
// Pure: the lexicon is passed in; loading it is the caller's job (store, file).
import { z } from 'zod';
import type { Country, Entities, Organization, Person, Place } from '../record/schema.js';
import { countryCode, countryNameOf } from './gazetteers/countries.js';
import { nameKey } from './gazetteers/normalize.js';

export const NAMED_TYPES = ['person', 'country', 'organization', 'place'] as const;
export type NamedType = (typeof NAMED_TYPES)[number];

const Base = {
  /** Stable id, assigned by the store ("c" + time + random). */
  id: z.string(),
  /** When and by whom (the token's name, or the CLI user). */
  at: z.string(),
  author: z.string(),
  /** The entity's type; absent: any type with that name. */
  type: z.enum(NAMED_TYPES).optional(),
  /** The name (or alias) the correction is about. */
  name: z.string().min(1),
  /** When set, the correction holds in that stored record only (extraction ignores it). */
  recordId: z.string().optional(),
};

export const Correction = z.discriminatedUnion('op', [
  /** Not an entity (everywhere, or in recordId only). */
  z.object({ op: z.literal('reject'), ...Base }),
  /** Another type; `code` for a country (else looked up by name) or a place's country. */
  z.object({
    op: z.literal('retype'),
    ...Base,
    to: z.enum(NAMED_TYPES),
    code: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
  }),
  /** The entity `name` is the entity `into` (same type): it becomes one of its aliases. */
  z.object({ op: z.literal('merge'), ...Base, into: z.string().min(1) }),
  /** `alias` is another name of the entity `name`: an entity found under it joins `name`. */
  z.object({ op: z.literal('alias'), ...Base, alias: z.string().min(1) }),
]);
export type Correction = z.infer<typeof Correction>;

export const Lexicon = z.object({
  /** Increases with every correction and undo in the store it came from. */
  version: z.number().int().nonnegative().default(0),
  /** Active corrections, oldest first (they apply in this order). */
  corrections: z.array(Correction),
});
export type Lexicon = z.infer<typeof Lexicon>;

export const EMPTY_LEXICON: Lexicon = { version: 0, corrections: [] };

/** The key names are compared by: case, accents, dots and punctuation ignored ("U.S." = "US"). */
export const entityKey = nameKey;

/** One named entity of a record, whatever its type (the working form while corrections apply). */
interface Item {
  type: NamedType;
  name: string;
  aliases: string[];
  code?: string;
  mentions: number;
  spans?: Array<[number, number]>;
  id?: string;
}

function toItems(e: Entities): Item[] {
  const items: Item[] = [];
  for (const p of e.people) items.push({ ...p, type: 'person', aliases: [...p.aliases] });
  for (const c of e.countries) items.push({ ...c, type: 'country', aliases: [...(c.aliases ?? [])] });
  for (const o of e.organizations) items.push({ ...o, type: 'organization', aliases: [...o.aliases] });
  for (const p of e.places) {
    const { countryCode: cc, ...rest } = p;
    items.push({ ...rest, type: 'place', aliases: [...(p.aliases ?? [])], ...(cc ? { code: cc } : {}) });
  }
  return items;
}

function fromItems(items: Item[], dates: Entities['dates']): Entities {
  const out: Entities = { people: [], countries: [], organizations: [], places: [], dates };
  const common = (i: Item) => ({ ...(i.id ? { id: i.id } : {}), name: i.name });
  const tail = (i: Item) => ({ mentions: i.mentions, ...(i.spans ? { spans: i.spans } : {}) });
  for (const i of items) {
    const aliases = i.aliases.filter((a) => entityKey(a) !== entityKey(i.name));
    switch (i.type) {
      case 'person':
        out.people.push({ ...common(i), aliases, ...tail(i) } as Person);
        break;
      case 'organization':
        out.organizations.push({ ...common(i), aliases, ...tail(i) } as Organization);
        break;
      case 'country':
        out.countries.push({ ...common(i), code: i.code!, ...(aliases.length ? { aliases } : {}), ...tail(i) } as Country);
        break;
      case 'place':
        out.places.push({
          ...common(i),
          ...(aliases.length ? { aliases } : {}),
          ...(i.code ? { countryCode: i.code } : {}),
          ...tail(i),
        } as Place);
        break;
    }
  }
  const byMentions = (a: { mentions: number }, b: { mentions: number }) => b.mentions - a.mentions;
  out.people.sort(byMentions);
  out.countries.sort(byMentions);
  out.organizations.sort(byMentions);
  out.places.sort(byMentions);
  return out;
}

const names = (i: Item) => [i.name, ...i.aliases];
const matches = (i: Item, type: NamedType | undefined, key: string) =>
  (!type || i.type === type) && names(i).some((n) => entityKey(n) === key);

/** `from` folded into `into`: mentions add up, names become aliases, spans join in text order. */
function absorb(into: Item, from: Item): void {
  for (const n of names(from)) if (!names(into).some((m) => entityKey(m) === entityKey(n))) into.aliases.push(n);
  into.mentions += from.mentions;
  if (into.spans || from.spans) {
    const seen = new Set<string>();
    into.spans = [...(into.spans ?? []), ...(from.spans ?? [])]
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .filter((s) => !seen.has(`${s[0]}:${s[1]}`) && Boolean(seen.add(`${s[0]}:${s[1]}`)));
  }
}

/** Items of one type and the same name become one (after a retype or rename). */
function combineSame(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const i of items) {
    const twin = out.find((o) => o.type === i.type && (i.type === 'country' ? o.code === i.code : entityKey(o.name) === entityKey(i.name)));
    if (twin) absorb(twin, i);
    else out.push(i);
  }
  return out;
}

/** Whether a correction applies here: record-scoped ones only to that stored record. */
function inScope(c: Correction, recordId: string | undefined): boolean {
  return c.recordId === undefined || c.recordId === recordId;
}

/** Renames `item` to `target` (keeps the old name as an alias). */
function rename(item: Item, target: string): void {
  if (entityKey(item.name) === entityKey(target)) return;
  item.aliases = [item.name, ...item.aliases.filter((a) => entityKey(a) !== entityKey(target))];
  item.name = target;
}

function applyOne(items: Item[], c: Correction): { items: Item[]; changed: boolean } {
  const key = entityKey(c.name);
  const hit = items.filter((i) => matches(i, c.type, key));
  switch (c.op) {
    case 'reject':
      if (!hit.length) return { items, changed: false };
      return { items: items.filter((i) => !hit.includes(i)), changed: true };
    case 'retype': {
      const moving = hit.filter((i) => i.type !== c.to);
      if (!moving.length) return { items, changed: false };
      for (const i of moving) {
        const from = i.type;
        i.type = c.to;
        if (c.to === 'country') {
          const code = c.code ?? countryCode(i.name) ?? names(i).map(countryCode).find(Boolean) ?? null;
          if (!code) return { items: items.filter((x) => x !== i), changed: true }; // a country needs a code: no code, no country
          i.code = code;
        } else if (c.to === 'place') {
          i.code = c.code ?? (from === 'country' ? i.code : undefined);
        } else delete i.code;
      }
      return { items: combineSame(items), changed: true };
    }
    case 'merge':
    case 'alias': {
      const other = c.op === 'merge' ? c.name : c.alias;
      const target = c.op === 'merge' ? c.into : c.name;
      const otherKey = entityKey(other);
      const sources = items.filter((i) => matches(i, c.type, otherKey) && entityKey(i.name) !== entityKey(target));
      if (!sources.length) return { items, changed: false };
      for (const s of sources) rename(s, target);
      return { items: combineSame(items), changed: true };
    }
  }
}

/**
 * Applies the lexicon's corrections, in order, to extracted entities. Returns the corrected
 * entities and the ids of the corrections that changed something. `recordId` lets record-scoped
 * rejects apply (the store); without it they are skipped (extraction of a new article).
 */
export function applyLexicon(
  entities: Entities,
  lexicon: Lexicon | null | undefined,
  opts: { recordId?: string } = {},
): { entities: Entities; applied: string[] } {
  if (!lexicon || !lexicon.corrections.length) return { entities, applied: [] };
  let items = toItems(entities);
  const applied: string[] = [];
  for (const c of lexicon.corrections) {
    if (!inScope(c, opts.recordId)) continue;
    const r = applyOne(items, c);
    items = r.items;
    if (r.changed) applied.push(c.id);
  }
  if (!applied.length) return { entities, applied };
  for (const i of items) if (i.type === 'country' && !i.name) i.name = countryNameOf(i.code!) ?? i.code!;
  return { entities: fromItems(items, entities.dates), applied };
}

/** Reads a lexicon file's JSON (as written by `gleaner corrections export`). */
export function parseLexicon(json: unknown): Lexicon {
  return Lexicon.parse(json);
}
