// People, countries, organizations and places. (Minimal version; the NER work replaces it.)
import nlp from 'compromise';
import type { Entities } from '../store/schema.js';

export function extractNames(text: string): Omit<Entities, 'dates'> {
  const doc = nlp(text);
  const count = (list: string[]) => {
    const m = new Map<string, number>();
    for (const s of list) m.set(s, (m.get(s) ?? 0) + 1);
    return [...m];
  };
  const clean = (s: string) => s.replace(/[.,;:'’s]+$/u, '').trim();
  return {
    people: count(doc.people().out('array').map(clean)).map(([name, mentions]) => ({ name, aliases: [], mentions })),
    countries: [],
    organizations: count(doc.organizations().out('array').map(clean)).map(([name, mentions]) => ({ name, aliases: [], mentions })),
    places: count(doc.places().out('array').map(clean)).map(([name, mentions]) => ({ name, mentions })),
  };
}
