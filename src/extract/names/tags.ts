// compromise, run once over the text: its tokenizer, lexicon and pre-tagger (the part that knows
// first names, surnames, places, organizations, honorifics and word classes). The sentence-level
// post-tagger is off by default: it costs 2–3× the rest and our own rules replace what it adds.
// Text goes to compromise line by line (long lines in pieces), each call guarded: a paragraph that
// makes compromise throw is retried sentence by sentence, and a sentence that still throws is skipped.
// Sentences that name nothing (a plain opener such as "The" or "He" is their only capital; ~30 % of
// news text) are not sent at all: no rule reads their tags.
import { withPlainEnv } from '../plain-env.js';
import { nlp } from './compromise.js';

export interface TagOptions {
  /** Also run compromise's contextual post-tagger (slower). */
  postTagger?: boolean;
}

// nlp.tokenize() has already run 'alias', 'normal', 'machine' and 'contractions' (compromise's own
// order: contractions once, before the lexicon). Running 'contractions' again expanded "Let's" a second
// time (two implied "us" terms) and redoing the others changed nothing.
// 'id' (a uuid per term) is left out: compromise reads it only in its match, pointer and output APIs;
// the pre-tagger never (outputs over the bench sets are byte-identical without it). The post-tagger matches.
const PRE_STEPS = ['index', 'lexicon', 'preTagger'];

interface Term {
  text: string;
  tags: Set<string>;
  offset?: { start: number; length: number };
}

/** Longest piece of text handed to compromise at once: its cost grows faster than linearly on one long sentence. */
const MAX_SEGMENT = 2000;

/** Map from absolute character offset of a term's start to its compromise tags. */
export function tagOffsets(text: string, opts: TagOptions = {}): Map<number, Set<string>> {
  return withPlainEnv(() => tagAll(text, opts));
}

function tagAll(text: string, opts: TagOptions): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const steps = opts.postTagger ? ['id', ...PRE_STEPS, 'postTagger', 'offset'] : [...PRE_STEPS, 'offset'];
  const run = (chunk: string, base: number): void => {
    const doc = nlp.tokenize(chunk);
    doc.compute(steps);
    for (const terms of doc.docs as Term[][]) {
      for (const t of terms) if (t.text && t.offset) out.set(base + t.offset.start, t.tags);
    }
  };
  for (const [start, end] of taggedSpans(text)) {
    const seg = text.slice(start, end);
    if (!/\p{L}/u.test(seg)) continue;
    try {
      run(seg, start);
    } catch {
      // One bad sentence costs only that sentence: retry the paragraph sentence by sentence.
      const re = /[^.!?]+(?:[.!?]+|$)/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(seg)) !== null && m[0].length > 0) {
        try {
          run(m[0], start + m.index);
        } catch {
          /* left untagged; the rules still see its capitals */
        }
      }
    }
  }
  return out;
}

/** Function words that open a sentence without naming anything. */
export const PLAIN_OPENERS = new Set(
  [
    'the a an he she it they we i you his her its their our my your this that these those there then here now',
    'but and or so yet as if when while after before in on at for from with by to of also however meanwhile still',
    'some many most all both each such no not one two three another other every any few several much',
    'what how why where which who whom whose whether because despite although though until since',
    'during under over about against among without within across through thus indeed perhaps maybe',
    'instead just once even already again only is are was were do does did have had can could should would must let',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Sentences of each segment worth tagging: a sentence whose only capital is a plain opener ("The
 * talks resumed on time.") names nothing, so compromise's tags there would be read by no rule.
 * Runs of kept sentences stay together, so compromise sees them in their context.
 */
export function taggedSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Every character falls in one sentence: up to a stop before a space, or the segment's end.
  const SENT = /[\s\S]*?(?:[.!?]+(?=\s)|$)/g;
  for (const [start, end] of segments(text)) {
    const seg = text.slice(start, end);
    let runStart = -1;
    let runEnd = -1;
    SENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SENT.exec(seg)) !== null) {
      if (m[0].length === 0) {
        if (SENT.lastIndex >= seg.length) break;
        SENT.lastIndex++;
        continue;
      }
      const sentence = m[0];
      const first = /^\s*(\p{L}+)/u.exec(sentence);
      const rest = first ? sentence.slice(first[0].length) : sentence;
      const plain = !!first && PLAIN_OPENERS.has(first[1].toLowerCase()) && !/\p{Lu}/u.test(rest);
      if (plain) {
        if (runStart >= 0) out.push([start + runStart, start + runEnd]);
        runStart = -1;
      } else {
        if (runStart < 0) runStart = m.index;
        runEnd = m.index + sentence.length;
      }
    }
    if (runStart >= 0) out.push([start + runStart, start + runEnd]);
  }
  return out;
}

/** [start, end) of each line, long lines cut at a sentence end (or a space) before MAX_SEGMENT. */
export function segments(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let a = lineStart;
    while (lineEnd - a > MAX_SEGMENT) {
      const window = text.slice(a, a + MAX_SEGMENT);
      let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
      if (cut < MAX_SEGMENT / 4) cut = window.lastIndexOf(' ');
      if (cut < MAX_SEGMENT / 4) cut = MAX_SEGMENT - 1;
      out.push([a, a + cut + 1]);
      a += cut + 1;
    }
    if (lineEnd > a) out.push([a, lineEnd]);
    lineStart = lineEnd + 1;
  }
  return out;
}

/** compromise's lexicon entry for a lowercase word or phrase (tags as an array), if any. */
export function lexiconTags(word: string): string[] {
  const lex = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const v = lex[word];
  if (!v) return [];
  return Array.isArray(v) ? v : [v];
}

/** compromise tags that mark a name. */
export const NAME_TAGS = [
  'Person',
  'FirstName',
  'LastName',
  'MaleName',
  'FemaleName',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'SportsTeam',
  'Acronym',
  'Demonym',
];

/** compromise tags that mark an ordinary word. */
export const COMMON_TAGS = [
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'QuestionWord',
  'Verb',
  'Modal',
  'Copula',
  'Auxiliary',
  'Value',
  'Adjective',
  'Expression',
  'Negative',
  'Date',
];

/** Lexicon word classes that are never names (nouns are left out: many surnames are nouns). */
export const LEXICON_COMMON = new Set([
  'Adjective',
  'Comparative',
  'Superlative',
  'Infinitive',
  'PastTense',
  'PresentTense',
  'Gerund',
  'Participle',
  'PhrasalVerb',
  'Adverb',
  'Preposition',
  'Determiner',
  'Conjunction',
  'Pronoun',
  'Modal',
  'Copula',
  'QuestionWord',
  'Expression',
  'Cardinal',
  'Ordinal',
  'TextValue',
]);
