// Job ids (layer 1 of dedup): the same URL in flight twice is one job. BullMQ ids cannot hold ':'.

import { sha256Hex } from '../text/hash.js';

const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|ref_src)$/i;

/**
 * The URL as we key jobs by: scheme and host lower-cased, default port, fragment and tracking
 * parameters dropped. The store keys records by the page's own canonical URL, found later.
 */
export function canonicalJobUrl(url: string): string {
  const u = new URL(url);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) u.searchParams.delete(key);
  if (u.search === '?') u.search = '';
  return u.toString();
}

export function urlJobId(url: string): string {
  return `url-${sha256Hex(canonicalJobUrl(url))}`;
}

export function processJobId(url: string, rawHash: string): string {
  return `proc-${sha256Hex(`${canonicalJobUrl(url)}\n${rawHash}`)}`;
}

export function feedIdFor(feedUrl: string): string {
  return sha256Hex(canonicalJobUrl(feedUrl)).slice(0, 12);
}

export function schedulerIdFor(feedId: string): string {
  return `feed-${feedId}`;
}
