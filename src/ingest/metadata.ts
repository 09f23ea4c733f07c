// Page metadata from the parsed document, in order of trust: JSON-LD, OpenGraph/meta, <time>,
// <title>/<h1>. Must run before boilerplate removal (JSON-LD lives in <script>).
// (Minimal version; the metadata work replaces it.)
import type { CheerioAPI } from 'cheerio';

export interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  language: string | null;
  canonicalUrl: string | null;
  description: string | null;
}

export function extractMetadata($: CheerioAPI, pageUrl: string | null): PageMetadata {
  const meta = (sel: string) => $(sel).first().attr('content')?.trim() || null;
  const canonical = $('link[rel="canonical"]').attr('href') ?? null;
  let canonicalUrl: string | null = null;
  try {
    canonicalUrl = canonical ? new URL(canonical, pageUrl ?? undefined).href : null;
  } catch {
    canonicalUrl = null;
  }
  return {
    title: meta('meta[property="og:title"]') ?? ($('title').first().text().trim() || null),
    byline: meta('meta[name="author"]'),
    siteName: meta('meta[property="og:site_name"]'),
    publishedAt: meta('meta[property="article:published_time"]'),
    modifiedAt: meta('meta[property="article:modified_time"]'),
    language: $('html').attr('lang')?.trim() || null,
    canonicalUrl,
    description: meta('meta[name="description"]'),
  };
}
