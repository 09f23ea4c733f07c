// Polite, bounded HTTP GET. Every limit is explicit with a default: total and connect timeouts,
// redirects, bytes (counted after decompression, so a gzip bomb stops too), accepted content types.
// Redirects are followed by hand so that each hop goes through the address guard again.
// Errors are typed (src/errors.ts); `retryable` tells the queue whether another attempt can help.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { BlockedAddressError, FetchError, GleanerError, TooLargeError, errorMessage, type ErrorCode } from '../errors.js';
import { assertHostAllowed, guardedLookup } from './address-guard.js';

export interface FetchOptions {
  userAgent: string;
  /** Whole request, redirects and body included. */
  timeoutMs: number;
  /** DNS + TCP connect of each hop. */
  connectTimeoutMs: number;
  /** Body bytes after decompression; reading stops past this. */
  maxBytes: number;
  maxRedirects: number;
  /** Media types (or prefixes ending in '/', e.g. 'text/') accepted; empty or '*\/*' accepts all. A missing Content-Type is accepted (sniffed later). */
  acceptContentTypes: string[];
  allowPrivateAddresses: boolean;
  /** Validators from the previous fetch: sent as If-None-Match / If-Modified-Since. */
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  userAgent: 'gleaner/0.1 (+https://github.com/gleaner/gleaner)',
  timeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  acceptContentTypes: [
    'text/html',
    'application/xhtml+xml',
    'text/plain',
    'text/xml',
    'application/xml',
    'application/rss+xml',
    'application/atom+xml',
    'application/rdf+xml',
    'application/feed+json',
    'application/json',
  ],
  allowPrivateAddresses: false,
};

export interface FetchResult {
  requestedUrl: string;
  /** Final URL, after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
  /** The server answered 304 to our validators: body is empty, keep the stored copy. */
  notModified: boolean;
  fetchedAt: string;
  elapsedMs: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Retry-After as milliseconds: delta-seconds or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

/** True for statuses where trying again later can succeed. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

export function contentTypeAccepted(contentType: string | null, accepted: string[]): boolean {
  if (!contentType || accepted.length === 0 || accepted.includes('*/*')) return true;
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return accepted.some((a) => {
    const want = a.toLowerCase();
    return want.endsWith('/') ? media.startsWith(want) : media === want;
  });
}

function flattenHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

interface Hop {
  res: IncomingMessage;
}

export async function fetchUrl(url: string, opts: Partial<FetchOptions> = {}): Promise<FetchResult> {
  const o: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, ...opts };
  const started = Date.now();
  const fetchedAt = new Date(started).toISOString();
  const total = new AbortController();
  const timer = setTimeout(
    () => total.abort(new FetchError('E_TIMEOUT', `timed out after ${o.timeoutMs} ms: ${url}`, { url, retryable: true })),
    o.timeoutMs,
  );
  const onOuterAbort = () => total.abort(new FetchError('E_ABORTED', `fetch aborted: ${url}`, { url, retryable: true }));
  if (o.signal) {
    if (o.signal.aborted) onOuterAbort();
    else o.signal.addEventListener('abort', onOuterAbort, { once: true });
  }
  try {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw new FetchError('E_URL', `not a URL: ${url}`, { url });
    }
    for (let hop = 0; ; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        throw new FetchError('E_URL', `unsupported scheme ${current.protocol} in ${current.href}`, { url: current.href });
      }
      assertHostAllowed(current, o.allowPrivateAddresses);
      const { res } = await openHop(current, o, total.signal);
      const status = res.statusCode ?? 0;
      const headers = flattenHeaders(res);
      const location = headers['location'];
      if (REDIRECTS.has(status) && location) {
        res.resume();
        res.destroy();
        if (hop >= o.maxRedirects) {
          throw new FetchError('E_REDIRECTS', `more than ${o.maxRedirects} redirects from ${url}`, {
            url,
            status,
            context: { lastUrl: current.href },
          });
        }
        try {
          current = new URL(location, current);
        } catch {
          throw new FetchError('E_REDIRECTS', `bad redirect Location '${location}' from ${current.href}`, { url, status });
        }
        continue;
      }
      const base = {
        requestedUrl: url,
        url: current.href,
        status,
        headers,
        contentType: headers['content-type'] ?? null,
        etag: headers['etag'] ?? null,
        lastModified: headers['last-modified'] ?? null,
        fetchedAt,
      };
      if (status === 304) {
        res.resume();
        res.destroy();
        return {
          ...base,
          body: new Uint8Array(0),
          notModified: true,
          etag: base.etag ?? o.etag ?? null,
          lastModified: base.lastModified ?? o.lastModified ?? null,
          elapsedMs: Date.now() - started,
        };
      }
      if (status < 200 || status >= 300) {
        res.resume();
        res.destroy();
        throw new FetchError('E_HTTP', `HTTP ${status} for ${current.href}`, {
          url: current.href,
          status,
          retryable: isRetryableStatus(status),
          retryAfterMs: parseRetryAfter(headers['retry-after']),
          context: { requestedUrl: url },
        });
      }
      if (!contentTypeAccepted(base.contentType, o.acceptContentTypes)) {
        res.destroy();
        throw new FetchError('E_CONTENT_TYPE', `content type ${base.contentType} is not accepted: ${current.href}`, {
          url: current.href,
          status,
          context: { contentType: base.contentType },
        });
      }
      const declared = Number(headers['content-length']);
      if (!headers['content-encoding'] && Number.isFinite(declared) && declared > o.maxBytes) {
        res.destroy();
        throw new TooLargeError(`response of ${current.href} (Content-Length ${declared})`, o.maxBytes, {
          url: current.href,
          contentLength: declared,
        });
      }
      const body = await readBody(res, headers['content-encoding'], o.maxBytes, current.href, total.signal);
      return { ...base, body, notModified: false, elapsedMs: Date.now() - started };
    }
  } catch (err) {
    throw toFetchError(err, url, total.signal);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/**
 * Socket and parser errors that have a plain-words cause, by Node error code. The code and message
 * say what happened ("DNS lookup failed for …") instead of a generic network error; `retryable`
 * says whether another attempt can help (a DNS or connection failure may be temporary; headers
 * over Node's 16 KiB limit will be just as large next time).
 */
const NETWORK_FAILURES: Record<string, { code: ErrorCode; describe: (target: URL) => string; retryable: boolean }> = {
  ENOTFOUND: { code: 'E_DNS', describe: (t) => `DNS lookup failed for ${t.hostname} (no such host)`, retryable: true },
  EAI_AGAIN: { code: 'E_DNS', describe: (t) => `DNS lookup failed for ${t.hostname} (temporary resolver failure)`, retryable: true },
  EAI_FAIL: { code: 'E_DNS', describe: (t) => `DNS lookup failed for ${t.hostname} (resolver failure)`, retryable: true },
  ECONNREFUSED: { code: 'E_CONNECTION_REFUSED', describe: (t) => `connection refused by ${t.host}`, retryable: true },
  ECONNRESET: { code: 'E_CONNECTION_RESET', describe: (t) => `connection reset by ${t.host}`, retryable: true },
  EHOSTUNREACH: { code: 'E_UNREACHABLE', describe: (t) => `${t.host} is unreachable (no route to host)`, retryable: true },
  ENETUNREACH: { code: 'E_UNREACHABLE', describe: (t) => `${t.host} is unreachable (network unreachable)`, retryable: true },
  HPE_HEADER_OVERFLOW: {
    code: 'E_HEADER_OVERFLOW',
    describe: (t) => `response headers from ${t.host} are larger than Node's limit (16 KiB)`,
    retryable: false,
  },
};

/** The error of one hop with its real cause named, or the error itself when it has no entry above. */
export function describeNetworkError(err: unknown, target: URL): unknown {
  const errno = (err as NodeJS.ErrnoException)?.code;
  const known = errno ? NETWORK_FAILURES[errno] : undefined;
  if (!known) return err;
  return new FetchError(known.code, `${known.describe(target)}: ${target.href}`, {
    url: target.href,
    retryable: known.retryable,
    cause: err,
    context: { errno },
  });
}

function toFetchError(err: unknown, url: string, signal: AbortSignal): GleanerError {
  if (signal.aborted && signal.reason instanceof GleanerError) return signal.reason;
  if (err instanceof GleanerError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  return new FetchError('E_NETWORK', `network error for ${url}: ${errorMessage(err)}`, {
    url,
    retryable: true,
    cause: err,
    context: { errno: code ?? null },
  });
}

/** One request: resolves with the response once its headers arrive. */
function openHop(target: URL, o: FetchOptions, signal: AbortSignal): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    let blockedErr: BlockedAddressError | null = null;
    const headers: Record<string, string> = {
      'user-agent': o.userAgent,
      accept: o.acceptContentTypes.length ? [...o.acceptContentTypes, '*/*;q=0.1'].join(', ') : '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (o.etag) headers['if-none-match'] = o.etag;
    if (o.lastModified) headers['if-modified-since'] = o.lastModified;
    const requestFn = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = requestFn(target, {
      method: 'GET',
      headers,
      agent: false,
      signal,
      lookup: guardedLookup(o.allowPrivateAddresses, target.href, (e) => (blockedErr = e)) as never,
    });
    const connectTimer = setTimeout(() => {
      req.destroy(
        new FetchError('E_TIMEOUT', `connect timed out after ${o.connectTimeoutMs} ms: ${target.href}`, {
          url: target.href,
          retryable: true,
        }),
      );
    }, o.connectTimeoutMs);
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      resolve({ res });
    });
    req.on('error', (err) => {
      clearTimeout(connectTimer);
      if (blockedErr) return reject(blockedErr);
      if (signal.aborted && signal.reason instanceof GleanerError) return reject(signal.reason);
      reject(describeNetworkError(err, target));
    });
    req.end();
  });
}

async function readBody(
  res: IncomingMessage,
  encoding: string | undefined,
  maxBytes: number,
  url: string,
  signal: AbortSignal,
): Promise<Uint8Array> {
  let stream: Readable = res;
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') stream = res.pipe(createGunzip());
  else if (enc === 'deflate') stream = res.pipe(createInflate());
  else if (enc === 'br') stream = res.pipe(createBrotliDecompress());
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > maxBytes) throw new TooLargeError(`response of ${url}`, maxBytes, { url, readBytes: size });
      chunks.push(buf);
    }
  } catch (err) {
    res.destroy();
    if (stream !== res) stream.destroy();
    if (signal.aborted && signal.reason instanceof GleanerError) throw signal.reason;
    throw err;
  }
  if (!res.complete) {
    throw new FetchError('E_NETWORK', `connection closed before the body was complete: ${url}`, {
      url,
      retryable: true,
      context: { readBytes: size },
    });
  }
  const out = Buffer.concat(chunks, size);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
