// Entity facets for the record list. Without a filter they come from the store's entity index
// (all records); with one they are counted over the matching records (up to a cap), so the counts
// always describe the list the analyst is looking at.
import type { EntityCount, EntityType, Store, StoredRecord } from '../store/types.js';
import { ENTITY_TYPES } from './params.js';

export interface Facets {
  byType: Record<EntityType, EntityCount[]>;
  /** Records the counts were taken from; null when they cover the whole store. */
  sampled: number | null;
  /** More records matched than were counted. */
  capped: boolean;
}

export const FACET_LIMIT = 12;
export const FACET_SAMPLE = 500;

function emptyByType(): Record<EntityType, EntityCount[]> {
  return { person: [], country: [], organization: [], place: [], date: [] };
}

/** Counts entities over records: one article per record, mentions summed. */
export function countEntities(records: StoredRecord[], limit = FACET_LIMIT): Record<EntityType, EntityCount[]> {
  const maps = new Map<EntityType, Map<string, EntityCount>>(ENTITY_TYPES.map((t) => [t, new Map()]));
  const add = (type: EntityType, key: string, name: string, code: string | null, mentions: number, seen: Set<string>, id?: string) => {
    const map = maps.get(type)!;
    const entry: EntityCount = map.get(key) ?? { ...(id ? { id } : {}), type, name, code, mentions: 0, articles: 0 };
    entry.mentions += mentions;
    if (!seen.has(`${type}:${key}`)) {
      entry.articles += 1;
      seen.add(`${type}:${key}`);
    }
    map.set(key, entry);
  };
  for (const r of records) {
    const seen = new Set<string>();
    const e = r.entities;
    for (const p of e.people) add('person', p.name.toLowerCase(), p.name, null, p.mentions, seen, p.id);
    for (const c of e.countries) add('country', c.code, c.name, c.code, c.mentions, seen, c.id);
    for (const o of e.organizations) add('organization', o.name.toLowerCase(), o.name, null, o.mentions, seen, o.id);
    for (const p of e.places) add('place', p.name.toLowerCase(), p.name, p.countryCode ?? null, p.mentions, seen, p.id);
    for (const d of e.dates) {
      const name = d.value ?? d.text;
      add('date', name.toLowerCase(), name, null, d.mentions, seen);
    }
  }
  const byType = emptyByType();
  for (const t of ENTITY_TYPES) {
    byType[t] = [...maps.get(t)!.values()]
      .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name))
      .slice(0, limit);
  }
  return byType;
}

/** Facets over the whole store, from its entity index (the unfiltered list). */
export async function storeFacets(store: Store): Promise<Facets> {
  const lists = await Promise.all(ENTITY_TYPES.map((type) => store.topEntities({ type, limit: FACET_LIMIT })));
  // the entity ids behind the names (countries by code), for the links to entity pages
  await Promise.all(
    lists.flat().map(async (e) => {
      if (e.type === 'date') return;
      const found = await store.getEntity(e.type === 'country' && e.code ? e.code : e.name, e.type);
      if (found) e.id = found.id;
    }),
  );
  const byType = emptyByType();
  ENTITY_TYPES.forEach((t, i) => (byType[t] = lists[i]));
  return { byType, sampled: null, capped: false };
}

/** Facets counted over the first matching records (`sample`, at most FACET_SAMPLE of `total`). */
export function sampleFacets(sample: StoredRecord[], total: number): Facets {
  return { byType: countEntities(sample), sampled: sample.length, capped: total > sample.length };
}
