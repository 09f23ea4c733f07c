// The article body from an indexed page: prune boilerplate, cut text blocks, pick the best
// container(s), then drop what is still chrome inside them (link lists, labels, bylines, trailing
// headings). Returns paragraphs; the caller assembles the Article.
import type { ParentNode } from 'domhandler';
import { isDateLine } from '../boilerplate.js';
import { BOILERPLATE_TEXT, LEAD_META_TEXT, PAYWALL_TEXT } from '../phrases.js';
import { type Block, collectBlocks, prune } from './blocks.js';
import type { DomIndex } from './dom.js';
import { elementStats, selectContainers } from './score.js';

export interface BodyOptions {
  weakRules: boolean;
  maxDepth: number;
  title: string | null;
  byline: string | null;
}

export interface BodyResult {
  paragraphs: string[];
  consentFound: boolean;
  paywallFound: boolean;
  /** All kept blocks of the page (for wall detection), in order. */
  pageBlocks: Block[];
  /** A "By …" line dropped from the top of the body (a byline the page did not mark up). */
  leadByline?: string;
  /** A date line dropped from the top of the body. */
  leadDate?: string;
}

/** Tags whose whole subtree goes when, inside the article, it is mostly links (menus, link lists). */
const LINK_LIST_TAGS = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'tbody', 'tr', 'form', 'p', 'li']);

/** Table cells up to this long are joined into their row's paragraph. */
const ROW_CELL_MAX = 100;

export function normalizeForCompare(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function extractBody(root: ParentNode, dom: DomIndex, opts: BodyOptions): BodyResult {
  const pr = prune(dom, { weakRules: opts.weakRules, protectShare: 0.45 });
  const blocks = collectBlocks(root, dom, pr.reason, opts.maxDepth);
  const base = { consentFound: pr.consentFound, paywallFound: pr.paywallFound, pageBlocks: blocks };
  if (blocks.length === 0) return { paragraphs: [], ...base };
  const stats = elementStats(dom, blocks);
  // No paragraph long enough to score (a page of short lines): every kept block is the body.
  const sel = selectContainers(dom, blocks, stats) ?? { roots: topLevel(dom) };

  // Inside the chosen containers, drop link lists (menus, related links).
  const n = dom.nodes.length;
  const drop = new Uint8Array(n);
  for (const r of sel.roots) {
    for (let i = r + 1; i < dom.end[r]; i++) {
      const p = dom.parent[i];
      if (drop[p]) {
        drop[i] = 1;
        continue;
      }
      const text = stats.text[i];
      if (text === 0) continue;
      const ld = stats.link[i] / text;
      const name = dom.nodes[i].name;
      if (LINK_LIST_TAGS.has(name) && ld > (name === 'p' || name === 'li' ? 0.7 : 0.5) && text < 2000) {
        drop[i] = 1;
        continue;
      }
    }
  }

  const rootsSorted = [...sel.roots].sort((a, b) => a - b);
  const kept: Block[] = [];
  let ri = 0;
  for (const b of blocks) {
    if (b.owner < 0) continue;
    while (ri < rootsSorted.length && b.owner >= dom.end[rootsSorted[ri]]) ri++;
    if (ri >= rootsSorted.length) break;
    if (b.owner < rootsSorted[ri]) continue;
    if (drop[b.owner]) continue;
    const len = b.text.length;
    if (len < 200 && BOILERPLATE_TEXT.some((re) => re.test(b.text))) continue;
    if (len < 300 && PAYWALL_TEXT.test(b.text)) continue;
    // Linked paragraphs are text (Readability #776); link-only list items and labels are not.
    const ld = b.linkLen / len;
    // A link line inside a <p> that is mostly text (split by <br>) belongs to that paragraph.
    const ownerLd = stats.text[b.owner] > 0 ? stats.link[b.owner] / stats.text[b.owner] : 1;
    if (b.kind === 'p' ? ld > 0.9 && len < 120 && ownerLd > 0.5 : ld > (b.kind === 'li' ? 0.7 : 0.5) && len < 300) continue;
    kept.push(b);
  }
  const lead: LeadLines = {};
  return { paragraphs: mergeTableRows(trimEdges(kept, opts, lead), dom), ...base, leadByline: lead.byline, leadDate: lead.date };
}

/** Short cells of one table row make one paragraph ("1 | Kyle Brand | 5040"); long cells (layout tables) stay apart. */
function mergeTableRows(blocks: Block[], dom: DomIndex): string[] {
  const out: string[] = [];
  let row = -1;
  for (const b of blocks) {
    const r = b.kind === 'cell' && b.text.length <= ROW_CELL_MAX ? dom.parent[b.owner] : -1;
    if (r >= 0 && r === row && dom.nodes[r].name === 'tr') out[out.length - 1] += ` | ${b.text}`;
    else out.push(b.text);
    row = r;
  }
  return out;
}

function topLevel(dom: DomIndex): number[] {
  const roots: number[] = [];
  for (let i = 0; i < dom.nodes.length; i = dom.end[i]) roots.push(i);
  return roots;
}

/** Drop the title, bylines and dates before the first paragraph, and headings left dangling at the end. */
export interface LeadLines {
  /** The first "By …" line dropped before the first paragraph. */
  byline?: string;
  /** The first date line dropped before the first paragraph ("Posted Tuesday, March 11, 2008"). */
  date?: string;
}

/** A lead line that names the writer: "By Jane Roe", "BY JANE ROE, Wire Service Writer". */
const LEAD_BYLINE = /^(?:[Bb]y|BY|[Ww]ritten by|[Vv]on|[Pp]or|[Pp]ar|[Dd]i|[Oo]leh)\s+\p{Lu}/u;

export function trimEdges(blocks: Block[], opts: Pick<BodyOptions, 'title' | 'byline'>, lead: LeadLines = {}): Block[] {
  const title = opts.title ? normalizeForCompare(opts.title) : '';
  const byline = opts.byline ? normalizeForCompare(opts.byline) : '';
  const out: Block[] = [];
  let seenPara = false;
  for (const b of blocks) {
    const len = b.text.length;
    // Only short blocks can be the title or a byline: skip normalising long paragraphs.
    const norm = len <= 2 * Math.max(title.length, byline.length) + 40 ? normalizeForCompare(b.text) : null;
    if (title && norm === title) continue;
    if (!seenPara) {
      if (b.kind === 'h' && b.level === 1) continue;
      if (byline && norm !== null && (norm === byline || (norm.length < byline.length + 20 && norm.includes(byline)))) continue;
      if (len < 120 && (LEAD_META_TEXT.some((re) => re.test(b.text)) || isDateLine(b.text))) {
        if (!lead.byline && LEAD_BYLINE.test(b.text)) lead.byline = b.text;
        else if (!lead.date) lead.date = b.text;
        continue;
      }
      if (b.kind !== 'h' && len >= 60) seenPara = true;
    }
    out.push(b);
  }
  // Trailing headings with nothing under them, and date stamps after the text.
  while (out.length && (out[out.length - 1].kind === 'h' || isDateLine(out[out.length - 1].text))) out.pop();
  return out;
}
