// Candidate-container scoring (Readability's idea, on our flat arrays): every paragraph block adds a
// score to its ancestors, decaying with distance; a container's score is weighted by class/id hints
// and damped by its link density. The best container, plus siblings that look like part of the same
// article, is where the article text is taken from.
import type { Block } from './blocks.js';
import { hasBodyHint } from './blocks.js';
import type { DomIndex } from './dom.js';
import { NEGATIVE_SIGNATURE, POSITIVE_SIGNATURE } from '../boilerplate.js';

export interface ElementStats {
  /** Block text characters in the subtree. */
  text: Float64Array;
  /** Characters inside links in the subtree. */
  link: Float64Array;
  /** Paragraph-like blocks (>= 25 chars) in the subtree. */
  paras: Float64Array;
  /** Sum of the paragraph scores of the subtree's blocks (no decay). */
  pscore: Float64Array;
  /** Index of the first block owned by the element itself (-1: none). */
  firstBlock: Int32Array;
}

export function elementStats(dom: DomIndex, blocks: Block[]): ElementStats {
  const n = dom.nodes.length;
  const text = new Float64Array(n);
  const link = new Float64Array(n);
  const paras = new Float64Array(n);
  const firstBlock = new Int32Array(n).fill(-1);
  const pscore = new Float64Array(n);
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.owner < 0) continue;
    if (firstBlock[b.owner] < 0) firstBlock[b.owner] = k;
    text[b.owner] += b.text.length;
    link[b.owner] += b.linkLen;
    if (b.text.length >= 25 && b.kind !== 'h') paras[b.owner] += 1;
    pscore[b.owner] += paragraphScore(b);
  }
  for (let i = n - 1; i >= 0; i--) {
    const p = dom.parent[i];
    if (p >= 0) {
      text[p] += text[i];
      link[p] += link[i];
      paras[p] += paras[i];
      pscore[p] += pscore[i];
    }
  }
  return { text, link, paras, pscore, firstBlock };
}

const COMMA_RE = /[,，、،]/g;

/** Readability's paragraph score: 1 + commas + a point per 100 characters (max 3); 0 for short or link text. */
export function paragraphScore(b: Block): number {
  const len = b.text.length;
  if (b.kind === 'h' || len < 25 || b.linkLen / len > 0.5) return 0;
  return 1 + (b.text.match(COMMA_RE)?.length ?? 0) + Math.min(Math.floor(len / 100), 3);
}

function tagWeight(name: string): number {
  switch (name) {
    case 'div':
    case 'article':
    case 'main':
    case 'section':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

export function classWeight(dom: DomIndex, i: number): number {
  const sig = dom.signature[i];
  let w = 0;
  if (sig) {
    if (NEGATIVE_SIGNATURE.test(sig)) w -= 25;
    if (POSITIVE_SIGNATURE.test(sig)) w += 25;
  }
  if (hasBodyHint(dom.nodes[i], sig)) w += 25;
  if (dom.nodes[i].attribs.itemprop === 'articleBody') w += 25;
  if (dom.nodes[i].name === 'article') w += 10;
  return w;
}

export interface Selection {
  /** Indexes of the selected containers (the top candidate and the siblings merged with it). */
  roots: number[];
  top: number;
  score: Float64Array;
}

const P_LIKE = new Set(['p', 'li', 'td', 'pre', 'blockquote', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']);

export function selectContainers(dom: DomIndex, blocks: Block[], stats: ElementStats): Selection | null {
  const n = dom.nodes.length;
  const raw = new Float64Array(n);
  const scored = new Uint8Array(n);
  for (const b of blocks) {
    if (b.owner < 0) continue;
    const s = paragraphScore(b);
    if (s === 0) continue;
    let e = P_LIKE.has(dom.nodes[b.owner].name) ? dom.parent[b.owner] : b.owner;
    for (let level = 0; e >= 0 && level < 5; level++, e = dom.parent[e]) {
      const name = dom.nodes[e].name;
      if (name === 'html') break;
      raw[e] += level === 0 ? s : level === 1 ? s / 2 : s / (level * 3);
      scored[e] = 1;
    }
  }
  // <article> elements nested in an element: two or more make it a listing of teasers, which
  // competes with the article only at half its score.
  const articles = new Int32Array(n);
  const childArticles = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const p = dom.parent[i];
    if (p < 0) continue;
    const isArticle = dom.nodes[i].name === 'article' ? 1 : 0;
    articles[p] += articles[i] + isArticle;
    childArticles[p] += isArticle;
  }
  const score = new Float64Array(n);
  let top = -1;
  for (let i = 0; i < n; i++) {
    if (!scored[i]) continue;
    const ld = stats.text[i] > 0 ? stats.link[i] / stats.text[i] : 0;
    // A listing (2+ nested <article>s) or one teaser among 3+ in a listing: half weight.
    const p = dom.parent[i];
    const teaser = dom.nodes[i].name === 'article' && p >= 0 && childArticles[p] >= 3;
    score[i] = (raw[i] + tagWeight(dom.nodes[i].name) + classWeight(dom, i)) * (1 - ld) * (articles[i] >= 2 || teaser ? 0.5 : 1);
    if (top < 0 || score[i] > score[top]) top = i;
  }
  if (top < 0) return null;

  // Several near-best candidates under one ancestor: the ancestor is the article (Readability).
  const near: number[] = [];
  for (let i = 0; i < n && near.length < 64; i++) if (scored[i] && i !== top && score[i] >= 0.75 * score[top]) near.push(i);
  if (near.length >= 2) {
    for (let a = dom.parent[top]; a >= 0 && dom.nodes[a].name !== 'body'; a = dom.parent[a]) {
      let inside = 0;
      for (const c of near) if (c >= a && c < dom.end[a]) inside++;
      if (inside >= 2) {
        top = a;
        break;
      }
    }
  }
  // Climb while the parent scores about as well (the article's real wrapper).
  let last = score[top];
  const threshold = last / 3;
  for (let p = dom.parent[top]; p >= 0 && dom.nodes[p].name !== 'body'; p = dom.parent[p]) {
    if (!scored[p]) continue;
    if (score[p] < threshold) break;
    if (score[p] > last) {
      top = p;
      break;
    }
    last = score[p];
  }
  // A wrapper with a single element child adds nothing; climb through it.
  for (let p = dom.parent[top]; p >= 0 && dom.nodes[p].name !== 'body'; p = dom.parent[p]) {
    if (elementChildCount(dom, p) !== 1) break;
    top = p;
  }

  // Merge siblings that belong to the same article.
  const roots: number[] = [];
  const parent = dom.parent[top];
  if (parent < 0) return { roots: [top], top, score };
  const topClass = dom.nodes[top].attribs.class ?? '';
  const siblingThreshold = Math.max(10, score[top] * 0.2);
  for (let c = parent + 1; c < dom.end[parent]; c = dom.end[c]) {
    if (c === top) {
      roots.push(c);
      continue;
    }
    if (articles[c] >= 2 && articles[top] < 2) continue; // a teaser listing next to the article
    let bonus = 0;
    if (topClass && dom.nodes[c].attribs.class === topClass) bonus += score[top] * 0.2;
    if (scored[c] && score[c] + bonus >= siblingThreshold) {
      roots.push(c);
      continue;
    }
    // A sibling holding a good share of paragraph text with few links: the article continues there
    // (articles split into sections by figures or ads, beyond the 5 scored ancestor levels).
    const sibLd = stats.text[c] > 0 ? stats.link[c] / stats.text[c] : 1;
    if (sibLd < 0.3 && stats.pscore[c] >= Math.max(bonus > 0 ? 5 : 10, stats.pscore[top] * (bonus > 0 ? 0.1 : 0.3))) {
      roots.push(c);
      continue;
    }
    if (dom.nodes[c].name === 'p') {
      const len = stats.text[c];
      const ld = len > 0 ? stats.link[c] / len : 0;
      if (len > 80 && ld < 0.25) roots.push(c);
      else if (len > 0 && len <= 80 && ld === 0 && stats.firstBlock[c] >= 0 && /\.( |$)/.test(blocks[stats.firstBlock[c]].text))
        roots.push(c);
    }
  }
  return { roots, top, score };
}

function elementChildCount(dom: DomIndex, i: number): number {
  let count = 0;
  for (let c = i + 1; c < dom.end[i]; c = dom.end[c]) count++;
  return count;
}
