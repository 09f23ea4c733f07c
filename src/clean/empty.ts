// Why a page gave no article, in words for error messages and warnings ("no article text found
// at URL (the page holds only links: …)").
import type { QualityFlags } from '../record/schema.js';

type EmptyReason = NonNullable<QualityFlags['emptyReason']>;

export const EMPTY_REASON_TEXT: Readonly<Record<EmptyReason, string>> = {
  'no-text': 'the page has no text',
  'links-only': 'the page holds only links: an index or navigation page',
  'too-short': 'too little running text for an article',
  'consent-wall': 'only a cookie/consent wall was served',
};

/** " (reason)" for a record flagged empty with a reason, else ''. */
export function whyEmpty(flags: QualityFlags | undefined): string {
  const reason = flags?.emptyReason;
  return reason ? ` (${EMPTY_REASON_TEXT[reason]})` : '';
}
