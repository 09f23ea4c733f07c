// Text folding: the keys under which strings are compared. All of them lower-case and turn runs of
// punctuation into one space; they differ in how far they go, and each use needs its own:
//   fold       — + diacritics removed, apostrophes dropped: entity index ("Goïta" → "goita")
//   searchKey  — + diacritics removed, apostrophes split words: full-text search ("l'élection" → "l election")
//   nameKey    — + dots dropped too, for names across gazetteers and mentions ("U.S." → "us")
//   compareKey — compatibility forms unified (NFKC), diacritics kept: titles, site names, bylines

import { memoByString } from './memo.js';

const ASCII = /^[^\u0080-\uffff]*$/;

/** Diacritics removed, lower case, `dropped` characters (if any) removed, other punctuation to spaces, trimmed. */
function foldWithout(s: string, dropped: RegExp | null): string {
  // ASCII (most keys): no diacritics to remove, and letters and digits are a-z and 0-9 once lower-cased.
  // The same result without the Unicode normalisation, which costs more than the rest (names are keyed
  // for every gazetteer lookup).
  const ascii = ASCII.test(s);
  const lower = (ascii ? s : s.normalize('NFKD').replace(/\p{M}+/gu, '')).toLowerCase();
  const kept = dropped ? lower.replace(dropped, '') : lower;
  return kept.replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Lower case, diacritics removed, apostrophes dropped, punctuation to spaces: "Goïta" → "goita". */
export function fold(s: string): string {
  return foldWithout(s, /[’'`´]/g);
}

/**
 * Full-text search words: like fold, but an apostrophe separates words, so French elisions and
 * English possessives leave the word itself searchable ("l'élection" → "l election", not
 * "lelection"; "Goïta's" → "goita s").
 */
export function searchKey(s: string): string {
  return foldWithout(s, null);
}

/**
 * The key that compares names across gazetteers and mentions: "U.S." → "us", "Côte d'Ivoire" → "cote divoire".
 * Remembered: the name finder keys the same words for every gazetteer it asks.
 */
export const nameKey: (s: string) => string = memoByString((s) => foldWithout(s, /[.'’‘`]/g));

/** NFKC, lower case, punctuation to spaces, trimmed; letters keep their accents ("Le Monde – Actualité" → "le monde actualité"). */
export function compareKey(s: string): string {
  // ASCII is its own NFKC form, and its letters and digits are a-z and 0-9 once lower-cased.
  if (ASCII.test(s))
    return s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
