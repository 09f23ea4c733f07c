// Which way an under-specified date ("on Tuesday", "in July", "March 3") points, judged from the
// words around it in its sentence. News reports the past, so the caller defaults to the past and
// only a clear future cue ("will meet on Tuesday", "payable March 15", "expires May 2") flips it.

export type Direction = 'past' | 'future' | 'none';

const FUTURE_WORDS = new Set([
  'will',
  "'ll",
  'shall',
  'wo',
  "won't",
  'scheduled',
  'upcoming',
  'next',
  'payable',
  'effective',
  'expire',
  'expires',
  'until',
  'till',
  'deadline',
  'would',
  'tomorrow',
  'forthcoming',
  'ahead',
  'soon',
]);

const PAST_WORDS = new Set([
  'was',
  'were',
  'had',
  'did',
  'said',
  'says',
  'told',
  'ago',
  'last',
  'earlier',
  'yesterday',
  'since',
  'announced',
  'reported',
  'signed',
  'died',
  'killed',
  'began',
  'started',
  'ended',
  'met',
  'held',
  'took',
  'came',
  'went',
  'made',
  'won',
  'lost',
  'fell',
  'rose',
  'closed',
  'opened',
  'arrived',
  'left',
  'gave',
  'saw',
  'became',
  'posted',
  'released',
  'attacked',
  'elected',
  'voted',
  'passed',
  'completed',
  'launched',
  'agreed',
  'been',
]);

/** Words that are future cues only when followed by "to" ("due to", "set to", "going to"). */
const NEEDS_TO = new Set([
  'due',
  'set',
  'going',
  'plans',
  'plan',
  'planned',
  'planning',
  'expected',
  'expects',
  'expect',
  'intends',
  'intend',
  'aims',
  'hopes',
]);

const WORD_RE = /[A-Za-z]+(?:['’][a-z]+)?|[.!?;]/g;
const WINDOW = 8;

interface Tok {
  w: string;
  at: number;
}

function tokens(text: string, from: number, to: number): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD_RE)) out.push({ w: m[0].toLowerCase(), at: from + m.index! });
  return out;
}

function cue(toks: Tok[], i: number): 'past' | 'future' | null {
  const w = toks[i].w.replace('’', "'");
  const next = toks[i + 1]?.w ?? '';
  if (w === 'would' && next === 'have') return 'past';
  if (NEEDS_TO.has(w)) return next === 'to' ? 'future' : null;
  if (w === 'is' || w === 'are') return next === 'to' ? 'future' : null;
  if (w === 'early' && next === 'as') return 'future'; // as early as Tuesday
  if (w.endsWith("'ll")) return 'future';
  if (FUTURE_WORDS.has(w)) return 'future';
  if (PAST_WORDS.has(w)) return 'past';
  return null;
}

/**
 * The direction of the nearest tense cue within a few words of [start, end) in the same sentence;
 * 'none' when there is no cue.
 */
export function directionAround(text: string, start: number, end: number): Direction {
  const before = tokens(text, Math.max(0, start - 80), start);
  const after = tokens(text, end, Math.min(text.length, end + 80));
  let best: { dist: number; dir: 'past' | 'future' } | null = null;
  // "by August", "by Jan. 14": a deadline ahead
  if (before.length && before[before.length - 1].w === 'by') return 'future';
  // walk outwards: before the span (nearest first), stopping at a sentence end
  for (let i = before.length - 1, dist = 1; i >= 0 && dist <= WINDOW; i--, dist++) {
    if (/^[.!?;]$/.test(before[i].w)) break;
    const c = cue(before, i);
    if (c) {
      best = { dist, dir: c };
      break;
    }
  }
  for (let i = 0, dist = 1; i < after.length && dist <= WINDOW; i++, dist++) {
    // "... in July and will hold": a new clause has its own tense
    if (/^(?:[.!?;]|and|but|while|whereas|which|who)$/.test(after[i].w)) break;
    const c = cue(after, i);
    // a cue after the date counts a little less than one before it ("On Friday he will ...")
    if (c) {
      if (!best || dist + 1 < best.dist) best = { dist: dist + 1, dir: c };
      break;
    }
  }
  return best?.dir ?? 'none';
}
