// extract(article) → Entities. Pure: no I/O. Names (people, countries, organizations, places)
// and dates are found by separate modules over the same capped text, chosen by the text's language:
//   en (and texts too short to tell): the English name rules and date grammar;
//   fr: the French name layer over fr-compromise (extract/fr/) and the French date table;
//   any other language: no people or organizations (the English rules would invent them), countries
//   from that language's country names where i18n-iso-countries has them, dates where chrono-node
//   has a locale. `extraction` in the record says what ran.
import type { Article, DateMention, Entities, Extraction } from '../record/schema.js';
import { textLanguage } from '../text/language.js';
import { mayExceedWords } from '../text/words.js';
import { extractNames, type NameEntities } from './entities.js';
import { extractDates } from './dates.js';
import { applyLexicon, type Lexicon } from './lexicon.js';
import { extractDatesChrono, hasChronoLocale } from './dates/chrono-locale.js';
import { extractFrenchNames } from './fr/names.js';
import { extractLocalisedCountries } from './localised.js';
import { hasCountryNames } from './gazetteers/countries.js';

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
  /** The text's language and the extractors that ran. */
  extraction: Extraction;
}

/** Cut text after `maxWords` words, at a word boundary. */
export function capWords(text: string, maxWords: number): { text: string; truncated: boolean } {
  if (!mayExceedWords(text, maxWords)) return { text, truncated: false };
  const re = /\S+/g;
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (++count > maxWords) return { text: text.slice(0, m.index), truncated: true };
  }
  return { text, truncated: false };
}

const NO_NAMES: NameEntities = { people: [], countries: [], organizations: [], places: [] };

export function extractWithInfo(
  article: Pick<Article, 'text' | 'publishedAt'> & Partial<Article>,
  opts: ExtractOptions = {},
): ExtractResult {
  const { text, truncated } = capWords(article.text, opts.maxWords ?? DEFAULT_MAX_WORDS);
  const language = textLanguage(text, article.language);
  const title = article.title ?? null;
  const publishedAt = article.publishedAt ?? null;
  const { names, dates, extraction } = byLanguage(text, language, title, publishedAt);
  // reviewers' corrections apply whatever the language
  const { entities } = applyLexicon({ ...names, dates }, opts.lexicon);
  return { entities, truncated, extraction };
}

function byLanguage(
  text: string,
  language: string | null,
  title: string | null,
  publishedAt: string | null,
): { names: NameEntities; dates: DateMention[]; extraction: Extraction } {
  // no language known (a very short text): the English extractors, as before language detection
  if (language === null || language === 'en') {
    return {
      names: extractNames(text, { title }),
      dates: extractDates(text, publishedAt),
      extraction: { language, entities: 'en', dates: 'en' },
    };
  }
  if (language === 'fr') {
    return {
      names: extractFrenchNames(text, { title }),
      dates: extractDates(text, publishedAt, { language: 'fr' }),
      extraction: { language, entities: 'fr', dates: 'fr' },
    };
  }
  const countries = hasCountryNames(language);
  const chrono = hasChronoLocale(language);
  return {
    names: countries ? extractLocalisedCountries(text, language, { title }) : NO_NAMES,
    dates: chrono ? extractDatesChrono(text, publishedAt, language) : [],
    extraction: { language, entities: countries ? 'countries' : null, dates: chrono ? language : null },
  };
}

export function extract(article: Pick<Article, 'text' | 'publishedAt'> & Partial<Article>, opts: ExtractOptions = {}): Entities {
  return extractWithInfo(article, opts).entities;
}
