// extract(article) → Entities. Pure: no I/O. Names (people, countries, organizations, places)
// and dates are found by separate modules over the same capped text.
import type { Article, Entities } from '../record/schema.js';
import { extractNames } from './entities.js';
import { extractDates } from './dates.js';
import { applyLexicon, type Lexicon } from './lexicon.js';

export interface ExtractOptions {
  /** Words of article text sent to NLP; the rest is not analysed (the record is flagged truncated). */
  maxWords?: number;
  /** Reviewers' corrections (reject, retype, merge, alias), applied after names are found. */
  lexicon?: Lexicon | null;
}

export const DEFAULT_MAX_WORDS = 20_000;

export interface ExtractResult {
  entities: Entities;
  truncated: boolean;
}

/** Cut text after `maxWords` words, at a word boundary. */
export function capWords(text: string, maxWords: number): { text: string; truncated: boolean } {
  const re = /\S+/g;
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (++count > maxWords) return { text: text.slice(0, m.index), truncated: true };
  }
  return { text, truncated: false };
}

export function extractWithInfo(article: Pick<Article, 'text' | 'publishedAt'> & Partial<Article>, opts: ExtractOptions = {}): ExtractResult {
  const { text, truncated } = capWords(article.text, opts.maxWords ?? DEFAULT_MAX_WORDS);
  const names = extractNames(text, { title: article.title ?? null });
  const dates = extractDates(text, article.publishedAt ?? null);
  const { entities } = applyLexicon({ ...names, dates }, opts.lexicon);
  return { entities, truncated };
}

export function extract(article: Pick<Article, 'text' | 'publishedAt'> & Partial<Article>, opts: ExtractOptions = {}): Entities {
  return extractWithInfo(article, opts).entities;
}
