// Title cleaning: "Alliance signed in Niamey | Example News" → "Alliance signed in Niamey".
// A site name is cut from either end of a <title> / og:title when the part matches the site's
// name or host, when an <h1> equals the remaining part, or after a " | " (nearly always a site or
// section). Dashes are cut only when the tail looks like a name and enough title is left.
import { compareKey } from '../../text/fold.js';
import { siteLabel } from './site.js';

/** Separators between a title and a site or section name ("_" only between CJK words: "新闻标题_某某日报"). */
const SEPARATOR =
  /(\s+[|•·»«]\s+|\s+[-–—]\s+|\s+::\s+|\s+\/\/\s+|\s*\|\s*|(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])\s*_\s*(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]))/u;

export interface TitleOptions {
  /** Known names of the site: og:site_name, publisher, host ("example.com"), host label ("example"). */
  siteNames?: string[];
  /** Texts of the page's <h1> elements. */
  h1s?: string[];
}

export interface CleanedTitle {
  title: string | null;
  /** The part cut off as a site name, when one was (a fallback for the site name). */
  suffix: string | null;
}

const norm = compareKey;
const compact = (s: string) => norm(s).replace(/\s+/g, '').replace(/^the/, '');
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** True when `part` names the site: equal to, or contained in / containing, one of its names. */
export function matchesSiteName(part: string, siteNames: string[]): boolean {
  const p = compact(part);
  if (!p) return false;
  for (const name of siteNames) {
    const n = compact(name.replace(/\.(com|net|org|co|info|news)(\.[a-z]{2})?$|\.[a-z]{2}$/i, ''));
    if (!n) continue;
    if (p === n) return true;
    const [short, long] = p.length < n.length ? [p, n] : [n, p];
    if (short.length >= 3 && long.includes(short) && wordCount(part) <= 5) return true;
  }
  // A part that spells the site's address is page chrome however long it runs
  // ("Rugby News, Results and Fixtures from Example-Rugby.com", "Example.com / Home UK / UK").
  for (const m of part.matchAll(DOMAIN_IN_TEXT)) {
    const label = compact(m[1]);
    if (label.length >= 2 && wordCount(part) <= 12 && siteNames.some((n) => siteLabel(n) === label)) return true;
  }
  return /\.(com|net|org|co\.uk|de|fr|it|es|com\.br|in|ru)$/i.test(part.trim()) && wordCount(part) <= 2;
}

/** A domain written in a title: "Example-Rugby.com" → "Example-Rugby". */
const DOMAIN_IN_TEXT =
  /\b([\p{L}\p{N}][\p{L}\p{N}-]*)\.(?:com|net|org|co\.uk|co\.za|com\.au|co\.nz|co\.in|ca|de|fr|it|es|in|ru|tv|info)\b/giu;

/** Section words a local site lists in its tagline ("Providence News, Weather, Traffic and Sports"). */
const TAGLINE_WORDS = /\b(?:news|weather|sports?|traffic|entertainment|business|headlines|classifieds)\b/gi;

/** A site's tagline: a list of two or more of its sections. */
function isTagline(part: string): boolean {
  return /,|\band\b/.test(part) && (part.match(TAGLINE_WORDS) ?? []).length >= 2;
}

/**
 * A station's or paper's slogan: "Where the news starts.", "The Valley's Leading News Source",
 * "Your source for local news". Said about the site, never a headline.
 */
const SLOGAN =
  /\b(?:where (?:your|the) news\b|your (?:news|source|home|station) (?:for|in|of|on)\b|(?:leading|premier|number one|no\. ?1|#1|most trusted)\b[^.,]{0,20}\bnews\b[^.,]{0,20}\b(?:resource|source|portal|website|site|network|leader|authority)\b)/i;

/** A site's slogan about itself: never the article's title. */
export function isSlogan(part: string): boolean {
  return SLOGAN.test(part.trim());
}

/** Broadcast call signs: "KRVT", "KRVT/KSLM-CA", "WHVW 9", "CKEX-FM". */
const CALL_SIGNS =
  /^[KWC][A-Z]{2,3}(?:-(?:TV|FM|AM|CA|CD|LP|DT))?(?:\s*\/\s*[KWC][A-Z]{2,3}(?:-(?:TV|FM|AM|CA|CD|LP|DT))?)*(?:\s+\d{1,2})?$/;

/** A list of three or more places (a station's coverage area): "Lakeport, Ridgeway, Old Mill". */
function isPlaceList(part: string): boolean {
  const items = part.split(/\s*,\s*|\s+and\s+/).filter(Boolean);
  return items.length >= 3 && items.every((i) => wordCount(i) <= 3 && /^\p{Lu}/u.test(i) && looksLikeName(i));
}

/** A part of a <title> that is the site's chrome rather than a headline: a tagline, a slogan, call signs, a coverage area. */
export function looksLikeSiteChrome(part: string): boolean {
  const p = part.trim();
  return isTagline(p) || isSlogan(p) || CALL_SIGNS.test(p) || isPlaceList(p);
}

/** A section label glued to the headline with a dash ("Music- Band settles lawsuit"): the label. */
const GLUED_SECTION = /^(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?)-\s+(?=\S+(?:\s+\S+){2})/u;

/** Looks like a name: short, every significant word capitalised (or an acronym). */
function looksLikeName(part: string): boolean {
  const words = part.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return false;
  return words.every((w) => /^[\p{Lu}\p{N}&@]/u.test(w) || /^(of|the|and|de|du|la|le|el|di|da|das|der|die|und|en|on|at|in|for)$/i.test(w));
}

/**
 * Script code that a broken or unclosed <title> ran into ("Headline(Site)ementById("story"); el.style…"):
 * a call ending a statement, braces, a function or variable declaration, DOM calls, a tag. A title
 * is cut before the first of them.
 */
const CODE_IN_TITLE =
  /[\w$.]+\(\s*(?:["'][^"']*["']\s*)?\)\s*;|["']\s*\)\s*;|[{}]|\bfunction\s*[\w$]*\s*\(|\b(?:var|let|const)\s+[\w$]+\s*=|\b(?:document|window)\.[\w$]|getElementById\s*\(|<\/?[a-z]/i;

/** "Headline(Example Times)", "Headline (from The Example Herald)": a site's name in brackets at the end. */
const BRACKETED_TAIL = /\s*\(([^()]{2,60})\)$/;

/** The title without script code it ran into, and without a bracketed site name at its end (the suffix). */
function dropCode(s: string, siteNames: string[]): { text: string; site: string | null } {
  const m = CODE_IN_TITLE.exec(s);
  // (Code from the very start is not a title that ran into code: left as it is.)
  const out = m && m.index >= 10 ? s.slice(0, m.index).trim() : s;
  const tail = BRACKETED_TAIL.exec(out);
  if (tail && out.length - tail[0].length >= 10 && matchesSiteName(tail[1], siteNames))
    return { text: out.slice(0, tail.index).trim(), site: tail[1].replace(/^\s*(?:from|via)\s+/i, '').trim() };
  return { text: out, site: null };
}

export function cleanTitle(raw: string | null | undefined, opts: TitleOptions = {}): CleanedTitle {
  const siteNames = (opts.siteNames ?? []).filter(Boolean);
  const { text: s, site: bracketed } = dropCode((raw ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim(), siteNames);
  if (!s) return { title: null, suffix: null };
  if (bracketed) return { title: cleanTitle(s, opts).title, suffix: bracketed };
  const h1s = (opts.h1s ?? []).map(norm).filter(Boolean);
  if (h1s.includes(norm(s))) return { title: s, suffix: null };
  // "Site or Section: Headline" where the headline is shown on the page.
  for (let at = s.indexOf(': '); at > 0; at = s.indexOf(': ', at + 2)) {
    const [left, right] = [s.slice(0, at).trim(), s.slice(at + 2).trim()];
    if (h1s.includes(norm(right)) && wordCount(left) <= 5) return { title: right, suffix: left };
  }

  // A breadcrumb trail ("Site > News > National > Headline"): the last step is the page.
  // (» is left to the separators: "Headline » Site" is as common as a trail.)
  const crumbs = s.split(/\s+[>›]\s+/);
  const lastCrumb = crumbs[crumbs.length - 1].trim();
  // Steps of a trail are short labels, capitalised as menus are.
  const isTrail = crumbs.slice(0, -1).every((c) => wordCount(c) <= 5 && /^[\p{Lu}\p{N}]/u.test(c.trim()));
  if (crumbs.length >= 3 && isTrail && wordCount(lastCrumb) >= 3 && !matchesSiteName(lastCrumb, siteNames)) {
    return { title: lastCrumb.replace(GLUED_SECTION, ''), suffix: crumbs[0].trim() };
  }

  // parts[0], sep[0], parts[1], sep[1], ... (split with a capture group keeps the separators)
  const pieces = s.split(SEPARATOR);
  if (pieces.length < 3) return { title: s.replace(GLUED_SECTION, ''), suffix: null };
  const parts = pieces.filter((_, i) => i % 2 === 0);
  const seps = pieces.filter((_, i) => i % 2 === 1);
  const join = (from: number, to: number) => {
    let out = parts[from];
    for (let i = from + 1; i < to; i++) out += seps[i - 1] + parts[i];
    return out.trim();
  };

  // 1. An <h1> equals a left or right part.
  // (An <h1> that is the site's name — a masthead — decides nothing.)
  for (let cut = parts.length - 1; cut >= 1; cut--) {
    const left = join(0, cut);
    if (h1s.includes(norm(left)) && !matchesSiteName(left, siteNames)) return { title: left, suffix: join(cut, parts.length) };
    const right = join(cut, parts.length);
    if (h1s.includes(norm(right)) && !matchesSiteName(right, siteNames)) return { title: right, suffix: join(0, cut) };
  }

  let start = 0;
  let end = parts.length;
  let suffix: string | null = null;
  // 2. The site's name at either end.
  while (end - start > 1 && matchesSiteName(parts[end - 1], siteNames)) {
    suffix ??= parts[end - 1].trim();
    end--;
  }
  while (end - start > 1 && matchesSiteName(parts[start], siteNames)) {
    suffix ??= parts[start].trim();
    start++;
  }
  // 2b. "Site, tagline - Station | Headline": a pipe with the site's name or its chrome (a tagline, a
  // slogan, call signs, a coverage area) somewhere before it and a headline after it (the site's
  // name is not at the very start, so step 2 did not see it).
  if (end === parts.length) {
    const chrome = (p: string) => matchesSiteName(p, siteNames) || looksLikeSiteChrome(p);
    for (let i = seps.length - 1; i >= start; i--) {
      if (!/\|/.test(seps[i])) continue;
      const right = join(i + 1, parts.length);
      // (After a site name already cut from the start, every part up to the pipe must be chrome:
      // "Site - Kicker | Headline" keeps its kicker.)
      const leftHasSite = start > 0 ? parts.slice(start, i + 1).every(chrome) : parts.slice(0, i + 1).some(chrome);
      const rightHasSite = parts.slice(i + 1).some(chrome);
      if (leftHasSite && !rightHasSite && wordCount(right) >= 3) return { title: right, suffix: parts[0].trim() };
    }
  }
  // 3. " | Section | Site": a pipe nearly always introduces page chrome.
  while (end - start > 1 && /\|/.test(seps[end - 2]) && wordCount(parts[end - 1]) <= 6 && wordCount(join(start, end - 1)) >= 2) {
    suffix ??= parts[end - 1].trim();
    end--;
  }
  // 4. " - Site Name": only a short capitalised tail, and only when a real title is left.
  if (end === parts.length && start === 0 && end > 1) {
    const tail = parts[end - 1];
    const rest = join(0, end - 1);
    if (/[-–—·•»]/.test(seps[end - 2]) && looksLikeName(tail) && wordCount(rest) >= 4 && wordCount(rest) > wordCount(tail) * 2) {
      suffix = tail.trim();
      end--;
    }
  }
  const title = join(start, end).replace(GLUED_SECTION, '');
  return { title: title || s, suffix };
}

/**
 * "Kicker: Headline" in a <title> with no heading showing the whole string: the part after the last
 * colon (the first one when that leaves under 3 words; the whole title when the kicker is long).
 * Readability's rule, so titles compare with what readers of Readability-based tools see.
 */
export function dropTitleKicker(title: string, headings: string[]): string {
  const at = title.indexOf(': ');
  if (at <= 0 || headings.includes(norm(title))) return title;
  const last = title.slice(title.lastIndexOf(': ') + 2).trim();
  if (wordCount(last) >= 3) return wordCount(title.slice(0, at)) > 5 ? title : last;
  const first = title.slice(at + 2).trim();
  return wordCount(first) >= 3 ? first : title;
}
