// Date expressions resolved against the publication date. (Minimal version; the dates work replaces it.)
import type { DateMention } from '../store/schema.js';

export function extractDates(text: string, _publishedAt: string | null): DateMention[] {
  const m = new Map<string, number>();
  for (const hit of text.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)) m.set(hit[1], (m.get(hit[1]) ?? 0) + 1);
  return [...m].map(([t, mentions]) => ({ text: t, value: t, mentions }));
}
