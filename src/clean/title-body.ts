// The body check for a page whose metadata names no real title (its <title> is only the site, a
// section label such as "Mid-West", a side box's "NEXT MATCH"): of the page's headings, the one
// the article's first lines repeat is its headline ("Mayor opens new bridge" over "The mayor opened
// the new bridge on …"). A heading far from the article's text is not taken.
import { compareKey } from '../text/fold.js';

export const TITLE_FROM_BODY = {
  /** Characters of the article's start compared with each heading. */
  leadChars: 600,
  /** Share of the heading's content words found there. */
  minOverlap: 0.5,
  /** Content words shared at least. */
  minShared: 2,
} as const;

/** Content words: function words ("by", "to", "the") agree with any text. */
const words = (s: string) =>
  compareKey(s)
    .split(' ')
    .filter((w) => w.length >= 4 || /\d/.test(w));

/** The heading that agrees best with the article's first lines (the first on a tie), or null. */
export function titleFromBody(headings: readonly string[] | undefined, paragraphs: readonly string[]): string | null {
  if (!headings?.length || !paragraphs.length) return null;
  let lead = '';
  for (const p of paragraphs) {
    if (lead.length >= TITLE_FROM_BODY.leadChars) break;
    lead += ' ' + p;
  }
  const leadWords = new Set(words(lead.slice(0, TITLE_FROM_BODY.leadChars + 200)));
  let best: string | null = null;
  let bestScore = TITLE_FROM_BODY.minOverlap - 1e-9;
  for (const h of headings) {
    const hw = words(h);
    const shared = hw.filter((w) => leadWords.has(w)).length;
    if (shared < TITLE_FROM_BODY.minShared) continue;
    const score = shared / hw.length;
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}
