// Date expressions found in article text and resolved against the publication date.
//
// Engine: our own regular-expression grammar (dates/grammar.ts) with a past-leaning resolver
// (dates/resolve.ts) and tense cues (dates/tense.ts). chrono-node and compromise-dates both score
// lower on the dates dev set (they resolve bare weekdays/months to the nearest or next occurrence
// where news means the past, and miss bare years, quarters and "two years ago"); compromise-dates
// also costs ~0.4 s per article and throws on some sentences. The grammar takes a few ms for an
// 800-word article. Values: ISO-8601 at the known precision, TimeML forms for weeks, quarters,
// halves, seasons; see DateMention in store/schema.ts.
import type { DateMention } from '../record/schema.js';
import { parseAnchor } from './dates/calendar.js';
import { RULES, type Rule, type Spec } from './dates/grammar.js';
import { RULES_FR } from './dates/grammar-fr.js';
import { directionAroundFr } from './dates/tense-fr.js';
import { resolveSpec, type ResolveContext } from './dates/resolve.js';
import { directionAround } from './dates/tense.js';

export interface DateOptions {
  /**
   * Keep references that have no calendar value ("now", "currently", "recently", "the future")
   * as mentions with a null value. On by default: they are date expressions, just unresolvable.
   */
  keepVague?: boolean;
  /** The grammar to use: 'en' (default) or 'fr'. */
  language?: DateLanguage;
}

/** Languages with a date grammar of their own. */
export type DateLanguage = 'en' | 'fr';

const GRAMMARS: Record<DateLanguage, { rules: Rule[]; direction: typeof directionAround }> = {
  en: { rules: RULES, direction: directionAround },
  fr: { rules: RULES_FR, direction: directionAroundFr },
};

interface Candidate {
  start: number;
  end: number;
  spec: Spec;
  rule: number;
}

/** Every rule's matches, then the longest non-overlapping ones (earlier start wins a tie). */
export function findCandidates(text: string, rules: Rule[] = RULES): Candidate[] {
  const all: Candidate[] = [];
  rules.forEach((rule, ri) => {
    if (rule.gate && !rule.gate.test(text)) return;
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      if (!m[0]) continue;
      let spec: Spec | null;
      try {
        spec = rule.build(m, text);
      } catch {
        spec = null; // a rule bug must not take the article down
      }
      if (spec) all.push({ start: m.index!, end: m.index! + m[0].length, spec, rule: ri });
    }
  });
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.rule - b.rule);
  const chosen: Candidate[] = [];
  const taken = new Uint8Array(text.length); // characters already inside a chosen match
  for (const c of all) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Trim a matched span to the expression itself (no trailing punctuation or spaces). */
function trimSpan(text: string, start: number, end: number): [number, number] {
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  while (start < end && /\s/.test(text[start])) start++;
  return [start, end];
}

interface Resolved {
  start: number;
  end: number;
  surface: string;
  value: string | null;
  /** The value was chosen by a tense cue in the sentence (rather than by default). */
  cued: boolean;
}

/**
 * One article means one "Friday": when tense cues or the quarter under discussion split the same
 * expression between two values, keep the value most of its cue-placed mentions got, else most of
 * all its mentions (the earlier one on a tie: news leans past).
 */
function unifyBySurface(found: Resolved[]): void {
  const groups = new Map<string, Resolved[]>();
  for (const r of found) {
    if (r.value == null) continue;
    const g = groups.get(r.surface.toLowerCase());
    if (g) g.push(r);
    else groups.set(r.surface.toLowerCase(), [r]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const counts = new Map<string, number>();
    // a mention placed by a tense cue outweighs any number placed by default
    for (const r of g) counts.set(r.value!, (counts.get(r.value!) ?? 0) + (r.cued ? 100 : 1));
    if (counts.size < 2) continue;
    const best = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0];
    for (const r of g) r.value = best;
  }
}

export function extractDates(text: string, publishedAt: string | null, opts: DateOptions = {}): DateMention[] {
  const keepVague = opts.keepVague ?? true;
  const anchor = parseAnchor(publishedAt);
  const grammar = GRAMMARS[opts.language ?? 'en'];
  const cands = findCandidates(text, grammar.rules);
  const ctx: ResolveContext = { anchor, direction: () => 'none', quarter: null };
  // "a year earlier" before the article names its quarter still refers to that quarter:
  // start from the first quarter the article reports on
  const probe: ResolveContext = { anchor, direction: () => 'none', quarter: null };
  for (const c of cands) {
    if (c.spec.k !== 'quarter') continue;
    resolveSpec(c.spec, probe);
    if (probe.quarter) break;
  }
  ctx.quarter = probe.quarter;
  const found: Resolved[] = [];
  for (const c of cands) {
    if (c.spec.k === 'vague' && !keepVague) continue;
    const [start, end] = trimSpan(text, c.start, c.end);
    if (end <= start) continue;
    let cued = false;
    ctx.direction = () => {
      const d = grammar.direction(text, start, end);
      cued = d !== 'none';
      return d;
    };
    let value: string | null;
    try {
      value = resolveSpec(c.spec, ctx);
    } catch {
      value = null;
    }
    found.push({ start, end, surface: text.slice(start, end).replace(/\s+/g, ' '), value, cued });
  }
  unifyBySurface(found);
  const byKey = new Map<string, DateMention>();
  for (const { start, end, surface, value } of found) {
    const key = `${surface}\u0000${value}`;
    const hit = byKey.get(key);
    if (hit) {
      hit.mentions++;
      hit.spans!.push([start, end]);
    } else {
      byKey.set(key, { text: surface, value, mentions: 1, spans: [[start, end]] });
    }
  }
  return [...byKey.values()];
}
