// The one key used to compare names across gazetteers and mentions: no diacritics, lower case,
// dots and apostrophes dropped ("U.S." → "us", "Côte d'Ivoire" → "cote divoire"), hyphens and other
// punctuation as spaces, whitespace collapsed.

export function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.'’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
