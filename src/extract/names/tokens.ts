// Tokens with character offsets, and what the name finder needs to know about each: is it
// capitalised, an acronym, possessive, the first word of a sentence, in a headline-cased line.
import { memoByString } from '../../text/memo.js';
import { GLUED_PREFIXES, HYPHEN_LINKS, NAME_ABBREVIATIONS, NAME_PARTICLES, OTHER_ABBREVIATIONS } from '../gazetteers/words.js';

export interface Token {
  /** Index in the token array. */
  i: number;
  text: string;
  lower: string;
  start: number;
  end: number;
  /** End of the name part: `end` minus a possessive 's. */
  nameEnd: number;
  /** Made of letters (digits allowed after the first letter). */
  word: boolean;
  /** Starts with a capital, after an optional lowercase particle ("d'Ivoire", "al-Bashir"). */
  cap: boolean;
  /** Two or more letters, all capitals ("AES", "NATO", "U.S."). */
  upper: boolean;
  /** "Kwok-hung": a capitalised first part with short lowercase parts, a name only inside a run of names. */
  hyphenName: boolean;
  /** Ends in 's or ’s. */
  poss: boolean;
  /** First word of a sentence or line (its capital says nothing). */
  sentStart: boolean;
  /** Line number (0-based). */
  line: number;
  /** In an ALL-CAPS or Title Case line, where capitals say nothing either. */
  caseless: boolean;
  /** compromise tags of the term starting here, when compromise tagged it. */
  tags?: Set<string>;
}

const TOKEN_RE = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:['’‑\-&][\p{L}\p{M}\p{N}]+)*|\p{N}[\p{L}\p{N}]*(?:[.,:/-][\p{L}\p{N}]+)*|\S/gu;
const SUFFIX_RE =
  /[-‑](?:based|led|born|backed|owned|run|bound|made|speaking|style|era|wide|controlled|allied|linked|affiliated|dominated|bred|raised|headquartered|registered|listed|funded|sponsored|brokered|held|occupied|ruled)$/i;
/** Lowercase second halves of hyphenated words that make an ordinary compound, not a name part. */
const COMPOUND_TAILS = new Set(
  'winner winning maker owned style type like free friendly related level class scale term year old day time hour long wide run up in out off down over made only new born held old size proof'.split(
    ' ',
  ),
);
const PARTICLE_RE = new RegExp(`^(?:${GLUED_PREFIXES.join('|')})`);
/** Lowercase parts allowed in a hyphened name ("al-Bashir", "Stratford-upon-Avon"). */
const isHyphenLink = (part: string): boolean => NAME_PARTICLES.has(part) || HYPHEN_LINKS.has(part);
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const ENDERS = new Set(['.', '!', '?', ':', ';', '…', '|', '•']);
/** Lowercase words that may stand lowercase in a Title Case headline. */
const TITLE_SMALL = new Set(
  'a an the and or but nor for of in on at to by as from with into onto over under after before about amid vs via per than that up out off down is are was be its his her their our'.split(
    ' ',
  ),
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let lastEnd = 0;
  let m: RegExpExecArray | null;
  TOKEN_RE.lastIndex = 0;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let t = m[0];
    const start = m.index;
    for (let k = lastEnd; k < start; k++) if (text.charCodeAt(k) === 10) line++;
    lastEnd = start + t.length;
    // "Paris-based", "French-led": the name and its suffix are two tokens.
    const hyphened = t.includes('-') || t.includes('‑');
    const suffix = hyphened ? SUFFIX_RE.exec(t) : null;
    if (suffix && suffix.index > 0) {
      t = t.slice(0, suffix.index);
      TOKEN_RE.lastIndex = start + t.length;
      lastEnd = start + t.length;
    }
    tokens.push(tokenOf(t, tokens.length, start, line));
  }
  markSentenceStarts(tokens);
  return tokens;
}

const WORD_START = /^\p{L}/u;

/** What a word's letters say of it (a token that is no word has none of these). */
interface WordFacts {
  /** Length without a possessive 's. */
  coreLength: number;
  cap: boolean;
  hyphenName: boolean;
  upper: boolean;
  poss: boolean;
}

/** What a token's text says of it, whatever its place: facts of a word (null for anything else) and its lower case. */
interface TextFacts {
  facts: WordFacts | null;
  lower: string;
}

// Keyed by the token's text: news text repeats its words, and these facts depend on nothing else.
const textFacts = memoByString((t): TextFacts => ({ facts: WORD_START.test(t) ? wordFacts(t) : null, lower: t.toLowerCase() }));

function tokenOf(t: string, i: number, start: number, line: number): Token {
  const { facts: f, lower } = textFacts(t);
  return {
    i,
    text: t,
    lower,
    start,
    end: start + t.length,
    nameEnd: start + (f ? f.coreLength : t.length),
    word: f !== null,
    cap: f?.cap ?? false,
    hyphenName: f?.hyphenName ?? false,
    upper: f?.upper ?? false,
    poss: f?.poss ?? false,
    sentStart: false,
    line,
    caseless: false,
  };
}

/** The facts of a token made of letters (digits allowed after the first letter). */
function wordFacts(t: string): WordFacts {
  const poss = /['’]s$/i.test(t) && t.length > 3;
  const core = poss ? t.slice(0, -2) : t;
  const bare = core.replace(PARTICLE_RE, '');
  const parts = core.includes('-') || core.includes('‑') ? core.split(/[-‑]/) : [core];
  // "Mind-boggling" and "French-led" are not names: every hyphen part must be capitalised
  // (particles aside: "al-Qaeda").
  const partsCap = parts.every((p, k) => (k === 0 ? true : UPPER_RE.test(p[0] ?? '') || isHyphenLink(p)));
  return {
    coreLength: core.length,
    cap: UPPER_RE.test(bare[0] ?? '') && partsCap,
    hyphenName:
      !partsCap &&
      parts.length > 1 &&
      UPPER_RE.test(parts[0][0] ?? '') &&
      parts.slice(1).every((x) => x.length <= 6 && !UPPER_RE.test(x) && !COMPOUND_TAILS.has(x)),
    // No lower-case letter, and two letters or more (the letters alone decide: "U.S." is upper).
    upper: !LOWER_RE.test(core) && core.replace(/[^\p{L}]/gu, '').length >= 2,
    poss,
  };
}

function markSentenceStarts(tokens: Token[]): void {
  let atStart = true;
  let prevLine = -1;
  let prev: Token | null = null;
  for (const t of tokens) {
    if (t.line !== prevLine) atStart = true;
    prevLine = t.line;
    if (t.word || /^\p{N}/u.test(t.text)) {
      t.sentStart = atStart;
      atStart = false;
    } else if (ENDERS.has(t.text)) {
      // The dot after "Mr", "Gen" or an initial ends no sentence; other punctuation (quotes,
      // brackets, commas) leaves the state as it is.
      atStart = !(t.text === '.' && prev !== null && prev.word && isAbbrevBeforeDot(prev));
    }
    prev = t;
  }
}

/** "Mr", "Dr", "Gen", "St" and single capitals are abbreviations; their dot ends no sentence. */
function isAbbrevBeforeDot(t: Token): boolean {
  return NAME_ABBREVIATIONS.has(t.lower) || OTHER_ABBREVIATIONS.has(t.lower) || /^\p{Lu}$/u.test(t.text);
}

/**
 * Marks caseless lines, where capitals carry no information: ALL CAPS (most letter words in
 * capitals), or Title Case (3+ capitalised content words, at most one lowercase one outside the
 * small words, and 2+ capitalised words that are ordinary words — "Forge", "Recent" — so that a
 * line listing names is not taken for a headline). Names there are recognised only by what the
 * rest of the text or a gazetteer says. `isCommon` tells whether a word is an ordinary word.
 */
export function markCaselessLines(tokens: Token[], isCommon: (t: Token) => boolean): void {
  let from = 0;
  while (from < tokens.length) {
    let to = from;
    while (to < tokens.length && tokens[to].line === tokens[from].line) to++;
    let words = 0;
    let allCaps = 0;
    let capContent = 0;
    let capCommon = 0;
    let lowContent = 0;
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      if (!t.word) continue;
      const letters = t.text.replace(/[^\p{L}]/gu, '');
      if (letters.length < 2) continue;
      words++;
      if (!LOWER_RE.test(letters)) allCaps++;
      if (TITLE_SMALL.has(t.lower)) continue;
      if (UPPER_RE.test(t.text[0])) {
        capContent++;
        if (k > from && isCommon(t)) capCommon++;
      } else lowContent++;
    }
    const shouting = words >= 2 && allCaps / words >= 0.6 && allCaps >= 2;
    const titled = capContent >= 3 && lowContent <= 1 && capContent >= 3 * lowContent + 3 && capCommon >= 2 && words <= 30;
    if (shouting || titled) for (let k = from; k < to; k++) tokens[k].caseless = true;
    from = to;
  }
}
