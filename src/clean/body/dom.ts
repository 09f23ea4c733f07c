// The parsed page as flat arrays, built by one iterative pre-order walk (no recursion: a page of
// 100,000 nested <div>s must not overflow the stack). Element i's subtree is the index range
// [i, end[i]); parent[i] is its parent's index (-1 at the top). Elements deeper than `maxDepth` are
// not indexed: the walkers treat them as inline (flattened into their indexed ancestor).
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { DROP_TAGS } from '../boilerplate.js';

export interface DomIndex {
  nodes: Element[];
  parent: Int32Array;
  end: Int32Array;
  depth: Int32Array;
  /** Characters of raw text directly or (flattened) deeper inside, summed over the subtree. */
  rawText: Float64Array;
  /** Lower-cased `id + ' ' + class`. */
  signature: string[];
  /** An element deeper than the depth cap was flattened. */
  flattened: boolean;
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function signatureOf(el: Element): string {
  const id = el.attribs.id;
  const cls = el.attribs.class;
  if (!id && !cls) return '';
  return `${id ?? ''} ${cls ?? ''}`.toLowerCase();
}

/** Index every element under `root`, skipping DROP_TAGS subtrees entirely. */
export function indexDom(root: ParentNode, maxDepth: number): DomIndex {
  const nodes: Element[] = [];
  const parents: number[] = [];
  const depths: number[] = [];
  const ownText: number[] = [];
  let flattened = false;
  // Index of the innermost indexed ancestor of the current position (-1 = none).
  let current = -1;
  let depth = 0;
  let node: AnyNode | null = root.children[0] ?? null;
  const openIdx: number[] = []; // indexed element per open level (only while depth <= maxDepth)
  while (node) {
    let descend = false;
    if (isElement(node)) {
      if (!DROP_TAGS.has(node.name)) {
        descend = node.children.length > 0;
        if (depth + 1 <= maxDepth) {
          const i = nodes.length;
          nodes.push(node);
          parents.push(current);
          depths.push(depth + 1);
          ownText.push(0);
          if (descend) current = i;
          if (descend) openIdx.push(i);
        } else {
          flattened = true;
          if (descend) openIdx.push(-2); // marker: not indexed
        }
      }
    } else if (node.type === 'text' && current >= 0) {
      ownText[current] += node.data.length;
    }
    if (descend) {
      depth++;
      node = (node as Element).children[0];
      continue;
    }
    // Climb until a next sibling exists.
    while (node && !node.next) {
      node = node.parent;
      if (!node || node === root) {
        node = null;
        break;
      }
      depth--;
      const closed = openIdx.pop();
      if (closed !== undefined && closed >= 0) current = parents[closed];
    }
    if (node) node = node.next;
  }
  const n = nodes.length;
  const parent = Int32Array.from(parents);
  const depthArr = Int32Array.from(depths);
  const end = new Int32Array(n);
  const rawText = Float64Array.from(ownText);
  for (let i = 0; i < n; i++) end[i] = i + 1;
  for (let i = n - 1; i >= 0; i--) {
    const p = parent[i];
    if (p >= 0) {
      rawText[p] += rawText[i];
      if (end[i] > end[p]) end[p] = end[i];
    }
  }
  return { nodes, parent, end, depth: depthArr, rawText, signature: nodes.map(signatureOf), flattened };
}

/** True for inline-style or attribute hiding (display:none, visibility:hidden, hidden, aria-hidden on small parts). */
export function isHiddenElement(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  const style = a.style;
  if (style && /(?:^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

/** V8 keeps substrings as views into their parent string: copy what outlives the page (crawlee #3809). */
export function ownString(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
