// compromise (English), loaded once, with its per-word tokenizer steps memoised.
// Its tokenizer normalises every word twice (once while parsing, again in the 'normal' step that
// nlp.tokenize runs), splits punctuation off each word with Array.from and regexes, and derives a
// 'machine' form with four more regexes: ~45 % of its tokenize cost on news text. Each step is a pure
// function of one string of the word (and of compromise's fixed unicode and punctuation tables), and
// news text repeats its words, so each result is cached by that string. The results are the ones
// compromise computes; only the repeats are skipped.
import { createRequire } from 'node:module';
import type NlpType from 'compromise';
import { memoByString as memo } from '../../text/memo.js';

// The CommonJS build is one bundled file; the ESM entry is ~450 source modules. Loading the bundle
// halves compromise's share of the CLI's start-up (~0.45 s → ~0.22 s CPU), paid on every call.
export const nlp = createRequire(import.meta.url)('compromise') as typeof NlpType;

interface RawTerm {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
  normal?: string;
  implicit?: string;
  machine?: string;
}
/** A word as compromise's parse leaves it: its text, the punctuation around it, its normal form. */
type ParsedWord = { text: string; pre: string; post: string; normal: string };
interface TokenizeMethods {
  splitSentences: (input: string, world: unknown) => string[];
  splitTerms: (sentence: string, model: unknown) => string[];
  splitWhitespace: (word: string, model: unknown) => RawTerm;
  fromString: (input: string, world: unknown) => RawTerm[][];
}
interface World {
  model: { one: { contractions?: Array<{ word?: string }> } };
  methods: { one: { tokenize: TokenizeMethods } };
  compute: Record<string, (view: { docs: RawTerm[][]; document?: RawTerm[][]; world: World }) => void>;
}

/** compromise's parse and its 'normal' step, with each word's punctuation split and normal form cached. */
function installParseCache(world: World): void {
  const tokenize = world.methods.one.tokenize;
  const { splitSentences, splitTerms, splitWhitespace, fromString: original } = tokenize;
  const computeNormal = world.compute.normal;
  // compromise's own step, run on a one-word document: the cache holds exactly what it would set.
  const normalOf = memo((text) => {
    const term = { text } as RawTerm;
    computeNormal({ docs: [[term]], world });
    return term.normal ?? '';
  });
  // One lookup per word of the input. The strings kept here are the ones the later steps look up
  // again, and V8 keeps a string's hash with it: those lookups do not hash the word again.
  const parsedOf = memo((word): ParsedWord => {
    const { text, pre, post } = splitWhitespace(word, world.model);
    return { text, pre, post, normal: normalOf(text || '') };
  });
  // compromise's parse (methods/parse.js): sentences → words → [pre, text, post] → normal form.
  tokenize.fromString = (input, w) => {
    if (w !== world) return original(input, w);
    return splitSentences(input || '', world).map((sentence) =>
      splitTerms(sentence, world.model).map((word) => {
        const { text, pre, post, normal } = parsedOf(word);
        return { text, pre, post, tags: new Set<string>(), normal };
      }),
    );
  };
  world.compute.normal = (view) => {
    for (const terms of view.docs) for (const term of terms) term.normal = normalOf(term.text || '');
  };
}

/**
 * compromise's 'machine' step reads `implicit || normal || text` and keeps the result only when it
 * differs from the normal form. Cached by that string; computed by the step itself on a term whose
 * normal form is a sentinel, so that it always keeps the result.
 */
function installMachineCache(world: World): void {
  const computeMachine = world.compute.machine;
  const machineOf = memo((source) => {
    const term = { implicit: source, normal: '\u0000' } as RawTerm;
    computeMachine({ docs: [[term]], world });
    return term.machine ?? source;
  });
  world.compute.machine = (view) => {
    for (const terms of view.docs)
      for (const term of terms) {
        const source = term.implicit || term.normal || term.text;
        // An empty word: compromise's own step (the sentinel would stand in for the empty string).
        if (!source) computeMachine({ docs: [[term]], world });
        else {
          const machine = machineOf(source);
          if (machine !== term.normal) term.machine = machine;
        }
      }
  };
}

/**
 * compromise's 'contractions' step compares every word with each of its ~60 known contractions
 * (~7 % of its time on news text) but changes only a word with an apostrophe, a known contraction
 * without one ("cannot", "gonna") or a word that starts with a number ("1990-91", "4km", "+5km").
 * A text without any such word is left alone: the step would change nothing there.
 */
function installContractionScreen(world: World): void {
  const contractions = world.compute.contractions;
  const known = new Set((world.model.one.contractions ?? []).map((c) => c.word).filter((w): w is string => !!w));
  const mayChange = (t: RawTerm): boolean => {
    const normal = t.normal ?? '';
    return normal.includes("'") || known.has(normal) || /^[0-9]/.test(normal) || /^[+-]?[0-9]/.test(t.text);
  };
  world.compute.contractions = (view) => {
    // The step walks the whole document, whatever the view's pointer selects.
    if ((view.document ?? view.docs).some((terms) => terms.some(mayChange))) contractions(view);
  };
}

const englishWorld = (nlp as unknown as { world: () => World }).world();
installParseCache(englishWorld);
installMachineCache(englishWorld);
installContractionScreen(englishWorld);
