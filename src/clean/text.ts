// Plain text → Article, line by line. A reader's copy-paste of a web page carries the page's
// boilerplate (ad markers, cookie notices, share prompts, a related headline glued under the
// title); the phrases live in the named tables of phrases.ts (shared with the HTML cleaner).
// Over-pruning is the other failure: every line that is not matched by a table is kept, and the
// first line becomes the title only when it looks like one.
import type { Article } from '../record/schema.js';
import type { CleanMeta } from './index.js';
import type { CleanLimits } from './limits.js';
import { guessLanguage } from '../text/language.js';
import { dateFromText } from './metadata/dates.js';
import { cleanTitle } from './metadata/title.js';
import {
  AD_LINE_PATTERNS,
  COOKIE_ACTION,
  COOKIE_ACTION_FR,
  COOKIE_ADDRESSED,
  COOKIE_MAX_CHARS,
  COOKIE_SUBJECT,
  DATELINE_LABEL,
  PROMPT_LINE_PATTERNS,
  UPDATED_LABEL,
} from './phrases.js';
import { splitAuthors } from './metadata/byline.js';

/** List-item glyphs stripped from the start of a line ("• text", "- text", "► text"). */
export const BULLET_GLYPH = /^(?:[•·▪▫■□◦●○►▶▸‣⁃✓✔➤➢→»*]|[-–—](?=\s))\s*/u;

/** A byline line: "By Jane Doe", "By Jane Doe and John Roe, Reuters". */
const BYLINE_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|del|la|le|bin|al|el))*`;
const BYLINE_LINE = new RegExp(
  String.raw`^(?:[Bb]y|BY)\s+(${BYLINE_NAME}(?:\s*(?:,|and|&)\s*${BYLINE_NAME}){0,3})\s*(?:[,|–—-]\s*.{0,60})?$`,
  'u',
);

/** Words that stay lowercase in Title Case ("Reveals Truth of the World"). */
const TITLE_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'but',
  'or',
  'nor',
  'for',
  'so',
  'yet',
  'as',
  'at',
  'by',
  'in',
  'of',
  'off',
  'on',
  'per',
  'to',
  'up',
  'via',
  'vs',
  'with',
  'from',
  'into',
  'over',
  'than',
  'is',
  'are',
]);

export interface TextLine {
  text: string;
  /** A blank line follows (paragraph break in the source). */
  blankAfter: boolean;
}

const END_PUNCT = /[.!?…:;"”’)\]]$/u;

export function isAdLine(line: string): boolean {
  return AD_LINE_PATTERNS.some((re) => re.test(line));
}

export function isCookieNotice(line: string): boolean {
  if (line.length > COOKIE_MAX_CHARS) return false;
  // Notices speak to the reader ("we use", "your experience", "this website"); news about cookies does not.
  const addressed = COOKIE_ADDRESSED.test(line);
  if (/\bcookies?\b/i.test(line) && (COOKIE_ACTION.test(line) || COOKIE_ACTION_FR.test(line)) && addressed) return true;
  // Privacy/consent prompts without the word "cookie": short, addressed to the reader, with an action.
  return (
    line.length <= 200 &&
    COOKIE_SUBJECT.test(line) &&
    /\b(we|you|your|our)\b/i.test(line) &&
    /\b(accept|agree|reject|manage (preferences|settings|options))\b/i.test(line)
  );
}

export function isPromptLine(line: string): boolean {
  if (line.length > 220) return false;
  return PROMPT_LINE_PATTERNS.some((re) => re.test(line));
}

/** Any named boilerplate table matches the line. */
export function isBoilerplateLine(line: string): boolean {
  return isAdLine(line) || isCookieNotice(line) || isPromptLine(line);
}

/** Share of the significant words that start with a capital letter (digits count as capitalised). */
export function titleCaseRatio(line: string): number {
  const words = line
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
  const significant = words.filter((w, i) => i === 0 || !TITLE_SMALL_WORDS.has(w.toLowerCase()));
  if (significant.length === 0) return 0;
  const caps = significant.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return caps / significant.length;
}

/** A headline: several words, no sentence-ending period, nearly every word capitalised. */
export function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words >= 4 && words <= 30 && line.length <= 220 && !/[.;,]$/.test(line) && titleCaseRatio(line) >= 0.9;
}

/** Wire datelines that open a story ("NAIROBI, Kenya (AP) _", "WASHINGTON (Reuters) -"). */
const WIRE_DATELINE = /\((AP|Reuters|AFP|UPI|dpa|Xinhua|Bloomberg|CNN|PTI|IANS)\)|[_–—-]{1,2}\s*$/;

/**
 * Line 1 is a title when it is short, has no final period (a question is fine when short), is
 * not a wire dateline, and a blank line follows it. Anything else stays in the text: for
 * sentence-per-line documents a dropped first line costs recall.
 */
export function looksLikeTitle(line: TextLine): boolean {
  const t = line.text;
  const bare = t.replace(/["”’'»)\]]+$/u, '');
  const words = t.split(/\s+/).length;
  if (!line.blankAfter || t.length > 200 || words < 2 || words > 25 || /^[\p{Ll}]/u.test(t)) return false;
  if (/[.,;:]$/.test(bare) || WIRE_DATELINE.test(t)) return false;
  if (/[?!]$/.test(bare) && words > 15) return false;
  return /[\p{L}\p{N}?!]$/u.test(bare);
}

/** A dateline that holds only a date (and maybe a label): the date, else null. */
export function datelineDate(line: string): string | null {
  const rest = line.replace(DATELINE_LABEL, '');
  if (rest.length > 60 || !/\d/.test(rest)) return null;
  // Everything but the date words must be small: weekday, commas, time.
  if (/[.!?]\s+\p{Lu}/u.test(rest)) return null;
  return dateFromText(rest, { whole: true });
}

export function bylineFromLine(line: string): string | null {
  const m = BYLINE_LINE.exec(line.trim());
  return m ? m[1].trim().replace(/[,\s]+$/, '') : null;
}

/** Split into lines, trimmed and with bullet glyphs removed, each knowing whether a blank line follows. */
export function splitLines(text: string): TextLine[] {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b\ufeff]/g, '')
    .split('\n');
  const out: TextLine[] = [];
  for (const r of raw) {
    const t = r.replace(/\t/g, ' ').trim();
    if (!t) {
      if (out.length) out[out.length - 1].blankAfter = true;
      continue;
    }
    const unbulleted = t.replace(BULLET_GLYPH, '').replace(/\s+/g, ' ').trim();
    // "- Advertisement -" loses its leading dash to the bullet rule; keep the ad marker test honest.
    out.push({ text: unbulleted || t, blankAfter: false });
  }
  return out;
}

/** Hard-wrapped prose: the next line continues the sentence of the previous one. */
function continues(prev: string, next: string): boolean {
  if (END_PUNCT.test(prev) || /^\d+[.)]\s/.test(next)) return false;
  if (/^[\p{Ll}\d(]/u.test(next)) return true;
  // "... will meet in\nGeneva": the previous line stops on a lowercase word, mid-sentence.
  return /\s\p{Ll}+$/u.test(prev) && /^\p{L}/u.test(next);
}

export interface PlainTextParts {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  paragraphs: string[];
  /** Lines dropped as boilerplate (for debugging and tests). */
  dropped: string[];
}

/** The line-by-line pass: title, lead-zone metadata, boilerplate removal, paragraph assembly. */
export function parsePlainText(text: string): PlainTextParts {
  const lines = splitLines(text);
  const dropped: string[] = [];
  let title: string | null = null;
  let byline: string | null = null;
  let publishedAt: string | null = null;
  let start = 0;
  // Line 1 is also a title when it runs straight into a byline or a dateline ("Title\nBy Jane Doe").
  const first = lines[0];
  const next = lines[1]?.text ?? '';
  const gluedToMeta = !!first && lines.length > 2 && (bylineFromLine(next) !== null || datelineDate(next) !== null);
  if (lines.length > 1 && looksLikeTitle(gluedToMeta ? { ...first, blankAfter: true } : first) && !isBoilerplateLine(first.text)) {
    // A pasted browser title keeps its " | Site" suffix: cut it like a <title>'s.
    title = cleanTitle(lines[0].text).title ?? lines[0].text;
    start = 1;
  }

  const kept: TextLine[] = [];
  // The lead zone: the lines between the title and the first sentence of the article, where
  // datelines, bylines and glued related headlines sit.
  let inLead = title !== null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    const t = line.text;
    if (isBoilerplateLine(t)) {
      dropped.push(t);
      // Keep the paragraph break that the dropped line carried.
      if (line.blankAfter && kept.length) kept[kept.length - 1].blankAfter = true;
      continue;
    }
    if (inLead) {
      const date: string | null = datelineDate(t);
      if (date) {
        // "Updated: …" is a modification date: drop the line, never take it as the publication.
        if (!publishedAt && !UPDATED_LABEL.test(t)) publishedAt = date;
        dropped.push(t);
        continue;
      }
      const by: string | null = byline ? null : bylineFromLine(t);
      if (by) {
        byline = by;
        dropped.push(t);
        continue;
      }
      if (title && (t === title || t === lines[0].text)) {
        dropped.push(t);
        continue;
      }
      // A Title-Case headline right under the title, not followed by its own paragraph break
      // before the article starts, is a related-article link that the copy-paste picked up.
      if (looksLikeHeadline(t) && !/[?!]$/.test(t)) {
        dropped.push(t);
        continue;
      }
      if (/[.!?"”’]$/u.test(t) || t.split(/\s+/).length > 12) inLead = false;
    }
    kept.push({ ...line });
  }

  const paragraphs: string[] = [];
  let current = '';
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i];
    current = current ? `${current} ${line.text}` : line.text;
    const next = kept[i + 1];
    if (!next || line.blankAfter || !continues(line.text, next.text)) {
      paragraphs.push(current);
      current = '';
    }
  }
  return { title, byline, publishedAt, paragraphs, dropped };
}

export function cleanText(text: string, meta: CleanMeta, limits: CleanLimits): Article {
  const parts = parsePlainText(text);
  let paragraphs = parts.paragraphs;
  let truncated = false;
  if (paragraphs.length > limits.maxParagraphs) {
    paragraphs = paragraphs.slice(0, limits.maxParagraphs);
    truncated = true;
  }
  let body = paragraphs.join('\n\n');
  if (body.length > limits.maxTextChars) {
    body = body.slice(0, limits.maxTextChars).replace(/\s+\S*$/, '');
    truncated = true;
  }
  const article: Article = {
    url: meta.url ?? null,
    title: parts.title,
    byline: parts.byline,
    authors: splitAuthors(parts.byline),
    siteName: null,
    publishedAt: meta.publishedAt ?? parts.publishedAt,
    language: guessLanguage(body),
    text: body,
  };
  if (body === '') article.flags = { empty: true, emptyReason: 'no-text' };
  if (truncated) article.flags = { ...article.flags, truncated: true };
  return article;
}
