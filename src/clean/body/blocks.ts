// Boilerplate pruning decisions and the page's text blocks (paragraph units) in document order.
// Both are iterative walks over the indexed DOM.
import type { AnyNode, Element, ParentNode } from 'domhandler';
import {
  BODY_HINTS,
  BOILERPLATE_CLASS_RULES,
  CHROME_ROLES,
  CHROME_TAGS,
  CONSENT_PATTERNS,
  DROP_TAGS,
  EMBED_KEEP,
  PAYWALL_PATTERNS,
} from '../boilerplate.js';
import { type DomIndex, isElement, isHiddenElement } from './dom.js';

export interface PruneOptions {
  /** Apply the weak class/id rules (share, related, chrome, meta...). Off for the relaxed retry. */
  weakRules: boolean;
  /** An element holding more than this share of the page's text is spared by weak rules. */
  protectShare: number;
}

export interface PruneResult {
  /** Why element i is dropped ('' = kept). Children of a dropped element are not visited. */
  reason: string[];
  consentFound: boolean;
  paywallFound: boolean;
}

const NEVER_DROP = new Set(['html', 'body', 'main']);
/** Characters of text above which a <figure> is content, not an image with its caption. */
const FIGURE_MAX_TEXT = 400;

export function prune(dom: DomIndex, opts: PruneOptions): PruneResult {
  const n = dom.nodes.length;
  const reason: string[] = new Array(n).fill('');
  let consentFound = false;
  let paywallFound = false;
  let total = 0;
  for (let i = 0; i < n; i++) if (dom.parent[i] < 0) total += dom.rawText[i];
  const protectAbove = total * opts.protectShare;
  for (let i = 0; i < n; i++) {
    const p = dom.parent[i];
    if (p >= 0 && reason[p]) {
      reason[i] = reason[p];
      continue;
    }
    const el = dom.nodes[i];
    const name = el.name;
    if (NEVER_DROP.has(name)) continue;
    const a = el.attribs;
    const sig = dom.signature[i];
    const role = a.role?.toLowerCase();
    const modal = a['aria-modal'] === 'true' || role === 'dialog' || role === 'alertdialog';
    const consent = sig !== '' && CONSENT_PATTERNS.some((re) => re.test(sig));
    if (consent || (modal && /cookie|consent|privacy|gdpr|cmp/i.test(sig + ' ' + (a['aria-label'] ?? '')))) {
      consentFound = true;
      reason[i] = 'consent';
      continue;
    }
    const paywall = sig !== '' && PAYWALL_PATTERNS.some((re) => re.test(sig));
    if (paywall) paywallFound = true;
    if (modal) {
      reason[i] = 'dialog';
      continue;
    }
    if (isHiddenElement(el)) {
      reason[i] = 'hidden';
      continue;
    }
    const isBodyHint = a.itemprop === 'articleBody' || (sig !== '' && BODY_HINTS.some((re) => re.test(sig)));
    if (isBodyHint || (sig !== '' && EMBED_KEEP.test(sig))) continue;
    const protectedByShare = dom.rawText[i] > protectAbove;
    // A <figure> is an image and its caption, unless it holds a table or long text (Gutenberg blocks).
    if (CHROME_TAGS.has(name) && !protectedByShare && (name !== 'figure' || !isContentFigure(dom, i))) {
      reason[i] = name;
      continue;
    }
    if (role && CHROME_ROLES.has(role) && !protectedByShare) {
      reason[i] = `role:${role}`;
      continue;
    }
    if (sig === '') continue;
    if (paywall && opts.weakRules && !protectedByShare) {
      reason[i] = 'paywall';
      continue;
    }
    for (const rule of BOILERPLATE_CLASS_RULES) {
      if (!rule.strong && (!opts.weakRules || protectedByShare || name === 'article')) continue;
      if (rule.maxText !== undefined && dom.rawText[i] > rule.maxText) continue;
      if (rule.re.test(sig)) {
        reason[i] = rule.name;
        break;
      }
    }
  }
  return { reason, consentFound, paywallFound };
}

function isContentFigure(dom: DomIndex, i: number): boolean {
  if (dom.rawText[i] > FIGURE_MAX_TEXT) return true;
  for (let k = i + 1; k < dom.end[i]; k++) if (dom.nodes[k].name === 'table') return true;
  return false;
}

export type BlockKind = 'h' | 'p' | 'li' | 'quote' | 'pre' | 'cell' | 'div';

export interface Block {
  text: string;
  /** Characters inside <a>. */
  linkLen: number;
  /** Index of the innermost indexed block-level element holding the text. */
  owner: number;
  kind: BlockKind;
  /** Heading level 1-6 for kind 'h'. */
  level: number;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'form',
  'address',
  'center',
  'hr',
  'figure',
  'details',
  'summary',
  'body',
  'html',
  'menu',
  'dir',
  'listing',
  'xmp',
  'option',
  'legend',
  'fieldset',
]);

function kindOf(name: string): BlockKind {
  switch (name) {
    case 'p':
      return 'p';
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return 'h';
    case 'li':
    case 'dt':
    case 'dd':
      return 'li';
    case 'blockquote':
      return 'quote';
    case 'pre':
      return 'pre';
    case 'td':
    case 'th':
      return 'cell';
    default:
      return 'div';
  }
}

const SPACE_RE = /[\s\u200b\u2060\ufeff]+/g;

/**
 * Walk the kept part of the page in document order and cut its text into blocks at block-level
 * element boundaries and <br>. Uses the same pre-order as indexDom, so element indexes line up.
 */
export function collectBlocks(root: ParentNode, dom: DomIndex, reason: string[], maxDepth: number): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let partsLen = 0;
  let linkLen = 0;
  let linkDepth = 0;
  const ownerStack: number[] = [];
  const openIdx: number[] = []; // per open (descended) element: its index, or -2 when not indexed
  const openLink: boolean[] = [];
  let counter = 0; // next pre-order index
  let depth = 0;

  const flush = () => {
    if (partsLen === 0) return;
    const raw = parts.length === 1 ? parts[0] : parts.join('');
    parts = [];
    partsLen = 0;
    const ll = linkLen;
    linkLen = 0;
    const owner = ownerStack.length ? ownerStack[ownerStack.length - 1] : -1;
    const name = owner >= 0 ? dom.nodes[owner].name : 'div';
    const kind = kindOf(name);
    const level = kind === 'h' ? Number(name[1]) : 0;
    // Preformatted text keeps its blank-line paragraphs.
    const pieces = kind === 'pre' ? raw.split(/\n[ \t\r]*\n/) : [raw];
    for (const piece of pieces) {
      const text = piece.replace(SPACE_RE, ' ').trim();
      if (!text) continue;
      blocks.push({ text, linkLen: Math.min(ll, text.length), owner, kind, level });
    }
  };

  let node: AnyNode | null = root.children[0] ?? null;
  while (node) {
    let descend = false;
    if (isElement(node)) {
      const name = node.name;
      if (!DROP_TAGS.has(name)) {
        const indexed = depth + 1 <= maxDepth;
        const i = indexed ? counter++ : -2;
        if (indexed && reason[i]) {
          counter = dom.end[i]; // skip the subtree
          if (BLOCK_TAGS.has(name)) flush();
        } else if (name === 'br') {
          flush();
        } else {
          const isBlock = indexed && BLOCK_TAGS.has(name);
          if (isBlock) flush();
          if (node.children.length > 0) {
            descend = true;
            openIdx.push(isBlock ? i : -2);
            if (isBlock) ownerStack.push(i);
            const isLink = name === 'a';
            openLink.push(isLink);
            if (isLink) linkDepth++;
          } else if (name === 'hr' || name === 'img') {
            flush();
          }
        }
      }
    } else if (node.type === 'text') {
      const data = node.data;
      parts.push(data);
      partsLen += data.length;
      if (linkDepth > 0) linkLen += data.replace(SPACE_RE, ' ').length;
    }
    if (descend) {
      depth++;
      node = (node as Element).children[0];
      continue;
    }
    while (node && !node.next) {
      node = node.parent;
      if (!node || node === root) {
        node = null;
        break;
      }
      depth--;
      const closed = openIdx.pop();
      if (openLink.pop()) linkDepth--;
      if (closed !== undefined && closed >= 0) {
        flush();
        ownerStack.pop();
      }
    }
    if (node) node = node.next;
  }
  flush();
  return blocks;
}

/** Attribute helpers used by the scorer. */
export function hasBodyHint(el: Element, sig: string): boolean {
  return el.attribs.itemprop === 'articleBody' || (sig !== '' && BODY_HINTS.some((re) => re.test(sig)));
}
