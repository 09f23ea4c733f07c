// Countries named in a language without an entity extractor of its own: whole-name matches against
// that language's country names (i18n-iso-countries). People, organizations and places are left
// empty: the English rules would turn ordinary capitalised words into names ("Kommen Sie").
import type { Country } from '../record/schema.js';
import { countryCodeIn, localisedCountryNames, mayStartCountryNameIn } from './gazetteers/countries.js';
import type { NameEntities } from './entities.js';

const MAX_WORDS = 5;
/** Scripts written without spaces between words: names are found as substrings. */
const UNSPACED = /^(ja|zh|th|km|lo|my)$/;

export function extractLocalisedCountries(
  text: string,
  lang: string,
  opts: { title?: string | null; noSpans?: boolean } = {},
): NameEntities {
  const found = new Map<string, { name: string; counts: Map<string, number>; spans: Array<[number, number]> }>();
  const hit = (code: string, surface: string, start: number, end: number, inText: boolean) => {
    let c = found.get(code);
    if (!c) found.set(code, (c = { name: surface, counts: new Map(), spans: [] }));
    c.counts.set(surface, (c.counts.get(surface) ?? 0) + 1);
    if (inText) c.spans.push([start, end]);
  };
  const sources: Array<[string, boolean]> = [[text, true]];
  if (opts.title?.trim() && !text.startsWith(opts.title.trim())) sources.push([opts.title, false]);
  for (const [src, inText] of sources) {
    if (UNSPACED.test(lang)) {
      for (const [name, code] of localisedCountryNames(lang)) {
        if (name.length < 2) continue;
        for (let at = src.indexOf(name); at >= 0; at = src.indexOf(name, at + name.length)) hit(code, name, at, at + name.length, inText);
      }
      continue;
    }
    const words = [...src.matchAll(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu)];
    for (let i = 0; i < words.length; i++) {
      if (!/^\p{Lu}/u.test(words[i][0]) || !mayStartCountryNameIn(words[i][0], lang)) continue;
      for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1; n--) {
        const start = words[i].index!;
        const end = words[i + n - 1].index! + words[i + n - 1][0].length;
        const surface = src.slice(start, end);
        const code = countryCodeIn(surface, lang);
        if (code) {
          hit(code, surface, start, end, inText);
          i += n - 1;
          break;
        }
      }
    }
  }
  const countries: Country[] = [...found].map(([code, c]) => {
    const [name] = [...c.counts].sort((a, b) => b[1] - a[1])[0];
    const aliases = [...c.counts.keys()].filter((k) => k !== name);
    const mentions = [...c.counts.values()].reduce((a, b) => a + b, 0);
    return { name, code, mentions, ...(aliases.length ? { aliases } : {}), ...(opts.noSpans ? {} : { spans: c.spans }) };
  });
  countries.sort((a, b) => b.mentions - a.mentions);
  return { people: [], countries, organizations: [], places: [] };
}
