// Language of a text, shared by the plain-text cleaner and page metadata.

/** Function words per language: frequent, short, and rare in the other languages listed. */
const LANGUAGE_STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'on', 'said', 'has', 'have', 'it', 'are', 'by', 'from'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'dans', 'que', 'pour', 'du', 'au', 'sur', 'pas', 'qui', 'avec'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'sich', 'auf', 'für', 'den', 'ein', 'eine', 'dem', 'auch', 'von'],
  es: ['el', 'los', 'las', 'que', 'y', 'en', 'del', 'por', 'con', 'una', 'para', 'es', 'se', 'su', 'al', 'como'],
  pt: ['o', 'os', 'as', 'que', 'e', 'em', 'do', 'da', 'dos', 'das', 'para', 'com', 'não', 'uma', 'um', 'foi'],
  it: ['il', 'lo', 'gli', 'che', 'e', 'di', 'della', 'del', 'per', 'con', 'non', 'una', 'sono', 'nel', 'alla', 'anche'],
  nl: ['de', 'het', 'een', 'en', 'van', 'dat', 'niet', 'zijn', 'op', 'met', 'voor', 'ook', 'maar', 'aan', 'bij', 'werd'],
};

/** A cheap language guess from function words; null when too little text or no clear winner. */
export function guessLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return null;
  const sample = words.slice(0, 3000);
  let best: string | null = null;
  let bestScore = 0;
  let second = 0;
  for (const [lang, list] of Object.entries(LANGUAGE_STOPWORDS)) {
    const set = new Set(list);
    const score = sample.filter((w) => set.has(w)).length / sample.length;
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = lang;
    } else if (score > second) second = score;
  }
  return bestScore >= 0.08 && bestScore > second * 1.3 ? best : null;
}
