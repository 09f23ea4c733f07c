// Plain text → Article. (Minimal version; the plain-text cleaning work replaces it.)
import type { Article } from '../store/schema.js';
import type { CleanMeta } from './clean.js';
import type { CleanLimits } from './limits.js';

export function cleanText(text: string, meta: CleanMeta, _limits: CleanLimits): Article {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return {
    url: meta.url ?? null,
    title: null,
    byline: null,
    siteName: null,
    publishedAt: meta.publishedAt ?? null,
    language: 'en',
    text: paragraphs.join('\n\n'),
  };
}
