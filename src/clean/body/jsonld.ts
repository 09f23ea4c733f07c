// JSON-LD facts the body extractor uses: the `articleBody` (a cross-check and a last resort when the
// markup yields nothing) and `isAccessibleForFree` (a paywall hint). Metadata proper is metadata.ts's job.
import type { Element } from 'domhandler';

export interface JsonLdBody {
  articleBody: string | null;
  /** false when the page declares the article is not free (paywalled). */
  accessibleForFree: boolean | null;
}

const ARTICLE_TYPE = /Article|BlogPosting|Report|NewsArticle|WebPage|Posting/;

/**
 * `scripts`: the page's <script> elements in document order (metadata's tag index has them); those
 * typed application/ld+json (any case, as the selector `script[type="application/ld+json"]` matches) are read.
 */
export function readJsonLdBody(scripts: readonly Element[], maxChars: number): JsonLdBody {
  let articleBody: string | null = null;
  let accessibleForFree: boolean | null = null;
  for (const el of scripts) {
    if (el.attribs.type?.toLowerCase() !== 'application/ld+json') continue;
    const first = el.children[0];
    const raw = first && first.type === 'text' ? first.data : '';
    if (!raw || raw.length > maxChars) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue;
    }
    // Breadth-first over arrays and @graph, bounded: never recursion on untrusted nesting.
    const queue: unknown[] = [data];
    for (let seen = 0; queue.length && seen < 200; seen++) {
      const item = queue.shift();
      if (Array.isArray(item)) {
        queue.push(...item.slice(0, 50));
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const o = item as Record<string, unknown>;
      if (Array.isArray(o['@graph'])) queue.push(...(o['@graph'] as unknown[]).slice(0, 50));
      const type = Array.isArray(o['@type']) ? o['@type'].join(' ') : String(o['@type'] ?? '');
      if (!ARTICLE_TYPE.test(type)) continue;
      if (typeof o.articleBody === 'string' && o.articleBody.length > (articleBody?.length ?? 0)) articleBody = o.articleBody;
      const free = o.isAccessibleForFree;
      if (free === false || free === 'False' || free === 'false') accessibleForFree = false;
      else if (accessibleForFree === null && (free === true || free === 'True' || free === 'true')) accessibleForFree = true;
    }
  }
  return { articleBody, accessibleForFree };
}
