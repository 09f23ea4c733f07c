// Language of a text, shared by the plain-text cleaner, page metadata and the extractor dispatch.
//
// Detector: eld (Efficient Language Detector, Apache-2.0), its "extrasmall" n-gram table. Measured
// on the 91 dev pages of the extraction set (76 en, 6 pt, 4 ru, 2 de, 2 it, 1 ja) and the French
// sample: eld 91/91 at 0.3 ms a page (+0.2 s to load its own module, ~0.05 s for the JSON table the
// build writes: eld-table.ts); franc-min 90/91 (a Brazilian page as es) at ~4 ms; tinyld 90/91 (an
// English page as pt, a short French sentence as tr) at ~6 ms.
import { loadEldDetector } from './eld-table.js';

const eld = await loadEldDetector();

/** Characters of text looked at: plenty for a stable answer, bounded cost on long pages. */
const SAMPLE_CHARS = 6000;
/** Fewer words than this and the text alone is not trusted over a declared language. */
const MIN_WORDS_FOR_TEXT = 25;
/** Fewer words than this and the text gives no guess at all. */
const MIN_WORDS_FOR_GUESS = 8;

interface LanguageGuess {
  language: string | null;
  /** eld's own reliability test (enough n-grams, a clear margin over the runner-up). */
  reliable: boolean;
  /** Words in the sample, counted up to MIN_WORDS_FOR_TEXT (all the rules need to know). */
  words: number;
}

function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, text.lastIndexOf(' ', SAMPLE_CHARS) + 1 || SAMPLE_CHARS) : text;
  const words = countWords(sample, MIN_WORDS_FOR_TEXT);
  if (words === 0) return { language: null, reliable: false, words };
  const r = eld.detect(sample);
  return { language: r.language || null, reliable: !!r.language && r.isReliable(), words };
}

const WORD = /\p{L}+/gu;

/** Letter runs in `text`, counting stops at `max`: a page has thousands, the rules look at 25. */
function countWords(text: string, max: number): number {
  WORD.lastIndex = 0;
  let n = 0;
  while (n < max && WORD.exec(text) !== null) n++;
  return n;
}

/** A language guess from the text; null when too little text or no reliable answer. */
export function guessLanguage(text: string): string | null {
  return guessOf(detectLanguage(text));
}

function guessOf(g: LanguageGuess): string | null {
  return g.words >= MIN_WORDS_FOR_GUESS && g.reliable ? g.language : null;
}

/**
 * The record's language: the text's, when there is enough of it; the declared one (page metadata)
 * is a hint that wins only on short texts.
 */
export function textLanguage(text: string, declared: string | null | undefined): string | null {
  const g = detectLanguage(text);
  if (g.reliable && g.words >= MIN_WORDS_FOR_TEXT) return g.language;
  return declared ?? guessOf(g);
}
