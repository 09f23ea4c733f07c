// Where each entity is mentioned in an article's text, as non-overlapping [start, end) marks.
// The extractor's `spans` are used when present; otherwise the entity's name and aliases are
// searched for as whole words. Pure: the page renders the marks, the tests check them.
import type { Entities } from '../record/schema.js';
import type { EntityType } from '../store/types.js';

export interface Mark {
  start: number;
  end: number;
  type: EntityType;
  /** Display name of the entity the mention belongs to. */
  name: string;
  /** Index of the entity in its list (entities.people[i] …), to link the mark to the side list. */
  index: number;
}

interface EntityRef {
  type: EntityType;
  name: string;
  index: number;
  terms: string[];
  spans?: Array<[number, number]>;
}

function refs(entities: Entities): EntityRef[] {
  const out: EntityRef[] = [];
  entities.people.forEach((p, i) => out.push({ type: 'person', name: p.name, index: i, terms: [p.name, ...p.aliases], spans: p.spans }));
  entities.countries.forEach((c, i) =>
    out.push({ type: 'country', name: c.name, index: i, terms: [c.name, ...(c.aliases ?? [])], spans: c.spans }),
  );
  entities.organizations.forEach((o, i) =>
    out.push({ type: 'organization', name: o.name, index: i, terms: [o.name, ...o.aliases], spans: o.spans }),
  );
  entities.places.forEach((p, i) =>
    out.push({ type: 'place', name: p.name, index: i, terms: [p.name, ...(p.aliases ?? [])], spans: p.spans }),
  );
  entities.dates.forEach((d, i) => out.push({ type: 'date', name: d.value ?? d.text, index: i, terms: [d.text], spans: d.spans }));
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Every whole-word occurrence of `term` in `text` (case-sensitive: "US" is not "us"). */
export function findTerm(text: string, term: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const t = term.trim();
  if (t.length < 2) return found;
  let from = 0;
  for (;;) {
    const at = text.indexOf(t, from);
    if (at < 0) break;
    const end = at + t.length;
    const startsClean = at === 0 || !WORD_CHAR.test(t[0]) || !WORD_CHAR.test(text[at - 1]);
    const endsClean = end === text.length || !WORD_CHAR.test(t[t.length - 1]) || !WORD_CHAR.test(text[end]);
    if (startsClean && endsClean) found.push([at, end]);
    from = at + 1;
  }
  return found;
}

export function entityMarks(text: string, entities: Entities): Mark[] {
  const candidates: Mark[] = [];
  for (const ref of refs(entities)) {
    const base = { type: ref.type, name: ref.name, index: ref.index };
    const spans = (ref.spans ?? []).filter(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= text.length);
    if (spans.length) {
      for (const [start, end] of spans) candidates.push({ start, end, ...base });
      continue;
    }
    const terms = [...new Set(ref.terms.filter(Boolean))];
    for (const term of terms) for (const [start, end] of findTerm(text, term)) candidates.push({ start, end, ...base });
  }
  // Earliest first, then longest: "Bank of Mali" wins over "Mali" inside it.
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const marks: Mark[] = [];
  let lastEnd = -1;
  for (const m of candidates) {
    if (m.start < lastEnd) continue;
    marks.push(m);
    lastEnd = m.end;
  }
  return marks;
}

/** Paragraphs of the text as [start, end) ranges: blocks separated by a blank line. */
export function paragraphRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const sep = /\n[ \t]*\n\s*/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = sep.exec(text)) !== null) {
    if (m.index > start) ranges.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < text.length) ranges.push([start, text.length]);
  return ranges.filter(([s, e]) => text.slice(s, e).trim().length > 0);
}
