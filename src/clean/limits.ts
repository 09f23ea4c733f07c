// Explicit caps on what one input may cost. Every cap has a default and can be overridden per call;
// hitting one sets `flags.truncated` on the article instead of failing.

export interface CleanLimits {
  /** Bytes of input decoded and parsed; the rest is dropped. */
  maxInputBytes: number;
  /** Start tags parsed; the markup after the Nth tag is dropped before parsing (bounds the DOM size). */
  maxElements: number;
  /** Elements deeper than this are flattened to their text (deep recursion overflows the stack). */
  maxDomDepth: number;
  /** Paragraphs kept in the article text. */
  maxParagraphs: number;
  /** Characters kept in the article text. */
  maxTextChars: number;
  /** Characters of one JSON-LD <script> that are parsed (a cross-check, not worth megabytes). */
  maxJsonLdChars: number;
}

export const DEFAULT_CLEAN_LIMITS: CleanLimits = {
  maxInputBytes: 8 * 1024 * 1024,
  maxElements: 250_000,
  maxDomDepth: 400,
  maxParagraphs: 5_000,
  maxTextChars: 1_000_000,
  maxJsonLdChars: 2 * 1024 * 1024,
};
