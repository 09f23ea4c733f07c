// The last try before a page is declared empty: the densest block of running text, found with no
// class/id rules at all (a hidden wrapper revealed by script, a story inside an element named like
// chrome). From the page's top, descend into the child that holds most of the non-link text while it
// keeps most of it; the element reached is the block. Only consent layers are left out. Modelled on
// trafilatura's baseline extractor and Readability's retries with looser rules.
import type { ParentNode } from 'domhandler';
import { CONSENT_PATTERNS } from '../boilerplate.js';
import { BOILERPLATE_TEXT } from '../phrases.js';
import { type Block, collectBlocks } from './blocks.js';
import type { DomIndex } from './dom.js';
import { elementStats } from './score.js';
import { type LeadLines, trimEdges } from './extract.js';

/** Thresholds of the fallback, as named numbers. */
export const FALLBACK = {
  /** Descend into a child while it holds at least this share of its parent's non-link text. */
  keepShare: 0.7,
  /** Blocks with more link text than this share are navigation. */
  maxLinkShare: 0.5,
  /** Fewer characters of running text than this is not an article. */
  minChars: 200,
  /** At least one block must be a sentence run this long (not a list of labels). */
  minLongestBlock: 80,
} as const;

export type FallbackOutcome =
  | { paragraphs: string[]; reason: null; leadByline?: string; leadDate?: string }
  | { paragraphs: []; reason: 'no-text' | 'links-only' | 'too-short'; leadByline?: undefined; leadDate?: undefined };

export interface FallbackOptions {
  maxDepth: number;
  /** The page's title and byline, dropped when they lead the block. */
  title: string | null;
  byline: string | null;
}

export function densestBlock(root: ParentNode, dom: DomIndex, opts: FallbackOptions): FallbackOutcome {
  const n = dom.nodes.length;
  const reason: string[] = new Array(n).fill('');
  for (let i = 0; i < n; i++) {
    const p = dom.parent[i];
    if (p >= 0 && reason[p]) reason[i] = reason[p];
    else if (dom.signature[i] && CONSENT_PATTERNS.some((re) => re.test(dom.signature[i]))) reason[i] = 'consent';
  }
  const blocks = collectBlocks(root, dom, reason, opts.maxDepth);
  if (!blocks.length) return { paragraphs: [], reason: 'no-text' };
  const stats = elementStats(dom, blocks);
  const plain = (i: number) => stats.text[i] - stats.link[i];

  let best = -1;
  for (let i = 0; i < n; i = dom.end[i]) if (best < 0 || plain(i) > plain(best)) best = i;
  if (best < 0 || plain(best) <= 0) return { paragraphs: [], reason: 'links-only' };
  for (;;) {
    let child = -1;
    for (let c = best + 1; c < dom.end[best]; c = dom.end[c]) if (child < 0 || plain(c) > plain(child)) child = c;
    if (child < 0 || plain(child) < FALLBACK.keepShare * plain(best)) break;
    best = child;
  }

  let kept: Block[] = [];
  for (const b of blocks) {
    if (b.owner < best || b.owner >= dom.end[best]) continue;
    if (b.linkLen > FALLBACK.maxLinkShare * b.text.length) continue;
    if (b.text.length < 200 && BOILERPLATE_TEXT.some((re) => re.test(b.text))) continue;
    kept.push(b);
  }
  const lead: LeadLines = {};
  kept = trimEdges(kept, opts, lead);
  let total = 0;
  let longest = 0;
  for (const b of kept) {
    total += b.text.length;
    if (b.text.length > longest) longest = b.text.length;
  }
  if (total < FALLBACK.minChars || longest < FALLBACK.minLongestBlock) return { paragraphs: [], reason: 'too-short' };
  return { paragraphs: kept.map((b) => b.text), reason: null, leadByline: lead.byline, leadDate: lead.date };
}
