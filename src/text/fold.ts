// Text folding: the keys under which strings are compared. All of them lower-case and turn runs of
// punctuation into one space; they differ in how far they go, and each use needs its own:
//   fold       — + diacritics removed, apostrophes dropped: search, entity index ("Goïta" → "goita")
//   nameKey    — + dots dropped too, for names across gazetteers and mentions ("U.S." → "us")
//   compareKey — compatibility forms unified (NFKC), diacritics kept: titles, site names, bylines

const ASCII = /^[^\u0080-\uffff]*$/;

/** Diacritics removed, lower case, `dropped` characters removed, other punctuation to spaces, trimmed. */
function foldWithout(s: string, dropped: RegExp): string {
  // ASCII (most keys): no diacritics to remove, and letters and digits are a-z and 0-9 once lower-cased.
  // The same result without the Unicode normalisation, which costs more than the rest (names are keyed
  // for every gazetteer lookup).
  if (ASCII.test(s))
    return s
      .toLowerCase()
      .replace(dropped, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(dropped, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lower case, diacritics removed, apostrophes dropped, punctuation to spaces: "Goïta" → "goita". */
export function fold(s: string): string {
  return foldWithout(s, /[’'`´]/g);
}

/** The key that compares names across gazetteers and mentions: "U.S." → "us", "Côte d'Ivoire" → "cote divoire". */
export function nameKey(s: string): string {
  return foldWithout(s, /[.'’‘`]/g);
}

/** NFKC, lower case, punctuation to spaces, trimmed; letters keep their accents ("Le Monde – Actualité" → "le monde actualité"). */
export function compareKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
