// The feed model every parser returns (the contract in src/ingest/feed/index.ts re-exports it).
import { sha256Hex } from '../text/hash.js';

export interface FeedItem {
  title: string | null;
  /** Absolute when a base was known (xml:base, the feed URL, the channel link). */
  url: string | null;
  /** guid / id, else the link, else a hash of title + date. */
  id: string;
  /** ISO 8601 UTC, 'YYYY-MM-DDTHH:MM:SSZ'. */
  publishedAt: string | null;
  /** Plain text. */
  summary: string | null;
  author: string | null;
  /** Full content as HTML (content:encoded, atom:content, content_html), when the feed has it. */
  content?: string | null;
}

export interface Feed {
  title: string | null;
  link: string | null;
  format: 'rss' | 'atom' | 'rdf' | 'json';
  items: FeedItem[];
}

/** A stable id for an item without guid or link: a hash of its title and date (summary when both are missing). */
export function fallbackId(title: string | null, publishedAt: string | null, summary: string | null): string {
  const basis = title || publishedAt ? `${title ?? ''}\n${publishedAt ?? ''}` : (summary ?? '');
  return `sha256:${sha256Hex(basis).slice(0, 32)}`;
}
