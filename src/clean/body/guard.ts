// Input guards that run on the raw markup, before parsing. The HTML parser and the selector engine keep
// their open-element stacks with Array.unshift/shift, so their cost grows with depth × elements:
// 100,000 nested <div>s take minutes. One linear scan here bounds both the element count and the
// nesting depth; the page is rewritten only when a cap is hit (the dropped tags' text is kept).

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'command',
  'basefont',
  'frame',
  'isindex',
  'image',
]);
/** Elements whose content the parser (htmlparser2) reads as raw text up to the close tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
const P_CLOSERS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
  'li',
  'dd',
  'dt',
]);
/** Open tags that close an open element of the same family (the parser's implied end tags). */
const CLOSED_BY: Record<string, ReadonlySet<string>> = {
  p: P_CLOSERS,
  li: new Set(['li']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
  tr: new Set(['tr', 'tbody', 'thead', 'tfoot']),
  td: new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot']),
  th: new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot']),
  option: new Set(['option', 'optgroup']),
};
/** How far down the stack a close tag looks for its match (a stray close tag is ignored). */
const CLOSE_SEARCH = 64;
/** A <title> longer than this, or holding markup, lost its close tag: it ends at its first line. */
const TITLE_MAX = 1000;

export interface GuardResult {
  html: string;
  /** Markup was cut after maxElements start tags. */
  cutElements: boolean;
  /** Tags nested deeper than maxDepth were dropped (their text kept). */
  flattened: boolean;
  /** A <title> without its close tag was closed at the end of its first line. */
  titleRepaired?: boolean;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Tag name starting at `start` (lower-cased), and where it ends. */
function readName(html: string, start: number): [string, number] {
  let end = start;
  let upper = false;
  while (end < html.length) {
    const c = html.charCodeAt(end);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13 || c === 12) break;
    if (c >= 65 && c <= 90) upper = true;
    end++;
  }
  const name = html.slice(start, end);
  return [upper ? name.toLowerCase() : name, end];
}

export function guardMarkup(html: string, maxElements: number, maxDepth: number): GuardResult {
  const stack: string[] = [];
  const keep: string[] = []; // rewritten pieces, only once a deep tag was dropped
  let copiedTo = 0; // html[0, copiedTo) is in `keep`
  let suppressed = 0; // open tags dropped below the depth cap and not yet closed
  let flattened = false;
  let titleRepaired = false;
  let elements = 0;
  let pos = html.indexOf('<');
  const drop = (from: number, to: number) => {
    keep.push(html.slice(copiedTo, from));
    copiedTo = to;
  };
  while (pos >= 0 && pos < html.length - 1) {
    const c = html.charCodeAt(pos + 1);
    if (c === 33) {
      // <!-- comment -->, <!doctype>, <![CDATA[
      const end = html.startsWith('<!--', pos) ? html.indexOf('-->', pos + 4) : html.indexOf('>', pos + 2);
      if (end < 0) break;
      pos = html.indexOf('<', end + 1);
      continue;
    }
    if (c === 47 && isLetter(html.charCodeAt(pos + 2))) {
      // </name>
      const [name, nameEnd] = readName(html, pos + 2);
      const gt = html.indexOf('>', nameEnd);
      if (gt < 0) break;
      let found = -1;
      for (let k = stack.length - 1; k >= 0 && k >= stack.length - CLOSE_SEARCH; k--)
        if (stack[k] === name) {
          found = k;
          break;
        }
      if (found >= 0) stack.length = found;
      else if (suppressed > 0) {
        suppressed--;
        drop(pos, gt + 1);
      }
      pos = html.indexOf('<', gt + 1);
      continue;
    }
    if (!isLetter(c)) {
      pos = html.indexOf('<', pos + 1);
      continue;
    }
    if (++elements > maxElements)
      return result(keep.length ? keep.join('') + html.slice(copiedTo, pos) : html.slice(0, pos), true, flattened, titleRepaired);
    const [name, nameEnd] = readName(html, pos + 1);
    const gt = html.indexOf('>', nameEnd);
    if (gt < 0) break;
    const selfClosing = html.charCodeAt(gt - 1) === 47;
    if (name === 'title' && !selfClosing) {
      // A browser reads a <title> up to </title>; when that is missing (or mangled into "</tit..."),
      // the rest of the page, story included, would become the title. Close it at its first line.
      const close = indexOfCloseTag(html, name, gt + 1);
      const cut = close >= 0 && close - gt <= TITLE_MAX && !hasMarkup(html, gt + 1, close) ? -1 : unclosedTitleEnd(html, gt + 1);
      if (cut >= 0) {
        keep.push(html.slice(copiedTo, cut), '</title>');
        copiedTo = cut;
        titleRepaired = true;
        pos = html.indexOf('<', cut);
        continue;
      }
      pos = close < 0 ? -1 : html.indexOf('<', close + 1);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = selfClosing ? gt : indexOfCloseTag(html, name, gt + 1);
      pos = close < 0 ? -1 : html.indexOf('<', close + 1);
      continue;
    }
    if (!VOID.has(name) && !selfClosing) {
      while (stack.length) {
        const closers = CLOSED_BY[stack[stack.length - 1]];
        if (closers && closers.has(name)) stack.pop();
        else break;
      }
      if (stack.length >= maxDepth) {
        suppressed++;
        flattened = true;
        drop(pos, gt + 1);
      } else {
        stack.push(name);
      }
    }
    pos = html.indexOf('<', gt + 1);
  }
  if (!keep.length) return result(html, false, flattened, titleRepaired);
  keep.push(html.slice(copiedTo));
  return result(keep.join(''), false, flattened, titleRepaired);
}

function result(html: string, cutElements: boolean, flattened: boolean, titleRepaired: boolean): GuardResult {
  return titleRepaired ? { html, cutElements, flattened, titleRepaired } : { html, cutElements, flattened };
}

/** True when html[from, to) holds a start or end tag (`<x` or `</x`). */
function hasMarkup(html: string, from: number, to: number): boolean {
  for (let k = html.indexOf('<', from); k >= 0 && k < to - 1; k = html.indexOf('<', k + 1)) {
    const c = html.charCodeAt(k + 1);
    if (isLetter(c) || (c === 47 && isLetter(html.charCodeAt(k + 2)))) return true;
  }
  return false;
}

/** Where an unclosed title's text ends: its first line break or '<', after some text. */
function unclosedTitleEnd(html: string, from: number): number {
  let k = from;
  while (k < html.length && /\s/.test(html[k])) k++;
  for (; k < html.length && k < from + TITLE_MAX; k++) {
    const c = html.charCodeAt(k);
    if (c === 10 || c === 13 || c === 60) return k;
  }
  return k;
}

/** Position of `</name` (any case) after `from`, or -1. */
function indexOfCloseTag(html: string, name: string, from: number): number {
  let pos = html.indexOf('</', from);
  while (pos >= 0) {
    if (html.slice(pos + 2, pos + 2 + name.length).toLowerCase() === name) return pos;
    pos = html.indexOf('</', pos + 2);
  }
  return -1;
}
