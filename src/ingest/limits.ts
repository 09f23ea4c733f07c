// Explicit caps on what one input may cost. Every cap has a default and can be overridden per call;
// hitting one sets `flags.truncated` on the article instead of failing.

export interface CleanLimits {
  /** Bytes of input decoded and parsed; the rest is dropped. */
  maxInputBytes: number;
  /** Elements deeper than this are flattened to their text (deep recursion overflows the stack). */
  maxDomDepth: number;
  /** Paragraphs kept in the article text. */
  maxParagraphs: number;
  /** Characters kept in the article text. */
  maxTextChars: number;
}

export const DEFAULT_CLEAN_LIMITS: CleanLimits = {
  maxInputBytes: 8 * 1024 * 1024,
  maxDomDepth: 400,
  maxParagraphs: 5_000,
  maxTextChars: 1_000_000,
};
