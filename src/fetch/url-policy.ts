// What a URL must be before it is queued or fetched: absolute http(s), at most MAX_URL_LENGTH
// characters (the one limit shared by `gleaner enqueue`, `gleaner feeds add` and the HTTP API),
// and — unless private addresses are allowed — not pointing at a private or loopback address.
// The fetcher checks addresses again on every connection (address-guard.ts); this up-front check
// only spares the user a job that is bound to fail.
import { isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { BlockedAddressError, InputError } from '../errors.js';
import { addressRange, assertHostAllowed, isBlockedAddress } from './address-guard.js';

/** Longest URL accepted, in characters (what browsers and most servers reliably handle). */
export const MAX_URL_LENGTH = 2048;

/** How long the up-front check waits for DNS; a name that does not resolve in time is let through. */
const LOOKUP_TIMEOUT_MS = 3_000;

/** A URL shortened for an error message (a hostile one can be megabytes long). */
export function showUrl(url: string, max = 100): string {
  return url.length > max ? `${url.slice(0, max)}…` : url;
}

/** Parses and normalises an http(s) URL, or throws InputError with a one-line reason. */
export function checkHttpUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed.length > MAX_URL_LENGTH) {
    throw new InputError(`URL is ${trimmed.length} characters long, the limit is ${MAX_URL_LENGTH}: '${showUrl(trimmed)}'`, {
      length: trimmed.length,
      limit: MAX_URL_LENGTH,
    });
  }
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    throw new InputError(`not a URL: '${showUrl(url)}'`, { url: showUrl(url) });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new InputError(`only http(s) URLs can be fetched: '${showUrl(url)}'`, { url: showUrl(url) });
  const normalised = u.toString();
  if (normalised.length > MAX_URL_LENGTH) {
    throw new InputError(
      `URL is ${normalised.length} characters long once normalised, the limit is ${MAX_URL_LENGTH}: '${showUrl(normalised)}'`,
      { length: normalised.length, limit: MAX_URL_LENGTH },
    );
  }
  return normalised;
}

/**
 * Refuses URLs whose host is, or resolves to, a blocked address (the same guard as the fetcher).
 * Each distinct host is resolved once; a name that does not resolve (yet) is let through — the
 * fetch will report the DNS failure with its cause.
 */
export async function assertUrlsAllowed(urls: string[], allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const byHost = new Map<string, string>();
  for (const url of urls) {
    const u = new URL(url);
    assertHostAllowed(u, false);
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (!isIP(host) && !byHost.has(host)) byHost.set(host, url);
  }
  await Promise.all(
    [...byHost].map(async ([host, url]) => {
      const addresses = await resolveWithin(host, LOOKUP_TIMEOUT_MS);
      const bad = addresses.find((a) => isBlockedAddress(a));
      if (bad) throw new BlockedAddressError(url, bad, addressRange(bad));
    }),
  );
}

async function resolveWithin(host: string, ms: number): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve([]), ms)));
  try {
    return await Promise.race([
      lookup(host, { all: true }).then(
        (list) => list.map((a) => a.address),
        () => [],
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
