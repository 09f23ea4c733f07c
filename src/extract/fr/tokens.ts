// French tokens for the name extractor: words (hyphens and inner dots kept: "Liptako-Gourma",
// "Al-Qaïda"), elided articles split off ("l’Alliance" → "l’" + "Alliance"), punctuation alone.
import { ELISIONS } from './words.js';

export interface FrToken {
  text: string;
  start: number;
  end: number;
  /** Lower case, typographic apostrophe as ASCII ("l’" → "l'"). */
  lower: string;
  word: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Two or more letters, all capitals ("ONU", "JNIM"). */
  upper: boolean;
  /** First word of a sentence, line or list item (its capital says nothing). */
  sentStart: boolean;
  /** A line break comes before it: names never run across. */
  breakBefore: boolean;
  tags?: Set<string>;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*['’]?|[^\s\p{L}\p{N}]/gu;

export function tokenizeFr(text: string): FrToken[] {
  const out: FrToken[] = [];
  let sentStart = true;
  let lastEnd = 0;
  let breakBefore = true;
  const push = (t: string, start: number) => {
    const word = /[\p{L}\p{N}]/u.test(t);
    out.push({
      text: t,
      start,
      end: start + t.length,
      lower: t.toLowerCase().replace(/’/g, "'"),
      word,
      cap: word && /^\p{Lu}/u.test(t),
      upper: word && (t.match(/\p{Lu}/gu) ?? []).length >= 2 && !/\p{Ll}/u.test(t),
      sentStart,
      breakBefore,
    });
    breakBefore = false;
  };
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index!;
    if (/\n/.test(text.slice(lastEnd, start))) sentStart = breakBefore = true;
    lastEnd = start + m[0].length;
    let t = m[0];
    // "l’Alliance", "d’Ivoire", "qu’ils": the elided word is a token of its own
    const el = /^(\p{L}+)['’](?=\p{L})/u.exec(t);
    if (el && ELISIONS.has(el[1].toLowerCase())) {
      push(t.slice(0, el[0].length), start);
      sentStart = false;
      push(t.slice(el[0].length), start + el[0].length);
      continue;
    }
    // a trailing apostrophe is a closing quote, not part of the word
    if (t.length > 1 && /['’]$/.test(t)) t = t.slice(0, -1);
    push(t, start);
    if (t === m[0]) sentStart = /^[.!?:•«»"“”…]$/.test(t) || (sentStart && !/[\p{L}\p{N}]/u.test(t));
    else sentStart = false;
  }
  return out;
}

/** The token's word without a trailing elision apostrophe ("l’" → "l"). */
export function bare(t: FrToken): string {
  return t.lower.replace(/'$/, '');
}
