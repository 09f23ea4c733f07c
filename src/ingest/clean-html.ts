// HTML → Article. (Minimal version; the content-extraction work replaces it.)
import * as cheerio from 'cheerio';
import type { Article } from '../store/schema.js';
import type { CleanMeta } from './clean.js';
import type { CleanLimits } from './limits.js';

export function cleanHtml(html: string, meta: CleanMeta, _limits: CleanLimits): Article {
  const $ = cheerio.load(html);
  const paragraphs = $('p').toArray().map((p) => $(p).text().replace(/\s+/g, ' ').trim()).filter(Boolean);
  return {
    url: meta.url ?? null,
    title: $('title').first().text().trim() || null,
    byline: null,
    siteName: null,
    publishedAt: meta.publishedAt ?? null,
    language: $('html').attr('lang') ?? null,
    text: paragraphs.join('\n\n'),
  };
}
