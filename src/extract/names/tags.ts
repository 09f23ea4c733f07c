// compromise, run once over the text: its tokenizer, lexicon and pre-tagger (the part that knows
// first names, surnames, places, organizations, honorifics and word classes). The sentence-level
// post-tagger is off by default: it costs 2–3× the rest and our own rules replace what it adds.
// Every call is guarded: a chunk that makes compromise throw costs only that chunk.
import nlp from 'compromise';

export interface TagOptions {
  /** Also run compromise's contextual post-tagger (slower). */
  postTagger?: boolean;
}

const PRE_STEPS = ['contractions', 'alias', 'machine', 'index', 'id', 'lexicon', 'preTagger'];

interface Term {
  text: string;
  tags: Set<string>;
  offset?: { start: number; length: number };
}

/** Map from absolute character offset of a term's start to its compromise tags. */
export function tagOffsets(text: string, opts: TagOptions = {}): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const steps = opts.postTagger ? [...PRE_STEPS, 'postTagger', 'offset'] : [...PRE_STEPS, 'offset'];
  const run = (chunk: string, base: number): void => {
    const doc = nlp.tokenize(chunk);
    doc.compute(steps);
    for (const terms of doc.docs as Term[][]) {
      for (const t of terms) if (t.text && t.offset) out.set(base + t.offset.start, t.tags);
    }
  };
  try {
    run(text, 0);
    return out;
  } catch {
    out.clear();
  }
  // One bad sentence: retry line by line, skipping the lines that still throw.
  let base = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) {
      try {
        run(line, base);
      } catch {
        /* this line stays untagged; the rules still see its capitals */
      }
    }
    base += line.length + 1;
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
