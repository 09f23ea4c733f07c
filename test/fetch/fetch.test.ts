// fetchUrl against a real local HTTP server (test/helpers/fixture-server.ts). Loopback is allowed
// explicitly in every call except the ones that check the refusal.
import { gzipSync } from 'node:zlib';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockedAddressError, FetchError, TooLargeError } from '../../src/errors.js';
import { type FetchOptions, contentTypeAccepted, fetchUrl, parseRetryAfter } from '../../src/fetch/fetch.js';
import { isBlockedAddress } from '../../src/fetch/address-guard.js';
import { decodeBytes } from '../../src/text/decode.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';

let s: FixtureServer;
const local: Partial<FetchOptions> = { allowPrivateAddresses: true, timeoutMs: 5_000 };

beforeAll(async () => {
  s = await startFixtureServer();
});
afterAll(async () => {
  await s.close();
});

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the fetch to fail');
}

describe('fetchUrl', () => {
  it('returns the body, headers, validators and timing of a plain page', async () => {
    s.route('/plain', {
      body: '<p>hello</p>',
      headers: { 'content-type': 'text/html; charset=utf-8' },
      etag: '"v1"',
      lastModified: 'Sun, 17 Sep 2023 10:00:00 GMT',
    });
    const r = await fetchUrl(s.url('/plain'), { ...local, userAgent: 'gleaner-test/1.0' });
    expect(r.status).toBe(200);
    expect(new TextDecoder().decode(r.body)).toBe('<p>hello</p>');
    expect(r.contentType).toBe('text/html; charset=utf-8');
    expect(r.etag).toBe('"v1"');
    expect(r.lastModified).toBe('Sun, 17 Sep 2023 10:00:00 GMT');
    expect(r.notModified).toBe(false);
    expect(r.url).toBe(s.url('/plain'));
    expect(Date.parse(r.fetchedAt)).not.toBeNaN();
    const seen = s.requests.filter((q) => q.path === '/plain').at(-1)!;
    expect(seen.headers['user-agent']).toBe('gleaner-test/1.0');
  });

  it('times the whole fetch: elapsedMs covers a slow server and no more than the call took', async () => {
    s.route('/slow-start', { body: '<p>late</p>', headers: { 'content-type': 'text/html' }, delayMs: 300 });
    const before = performance.now();
    const r = await fetchUrl(s.url('/slow-start'), local);
    const outside = performance.now() - before;
    // Lower bound: the server held the status line 300 ms (1 ms for Date.now()'s rounding).
    expect(r.elapsedMs).toBeGreaterThanOrEqual(299);
    // Upper bound from the same run, not a guess: it cannot exceed the time the call took.
    expect(r.elapsedMs).toBeLessThanOrEqual(Math.ceil(outside) + 1);
  });

  it('times out on a page that never answers, as a retryable E_TIMEOUT', async () => {
    s.route('/hang', { hang: true });
    const err = await failure(fetchUrl(s.url('/hang'), { ...local, timeoutMs: 300 }));
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe('E_TIMEOUT');
    expect((err as FetchError).retryable).toBe(true);
  });

  it('times out on a body that trickles in slower than the total timeout', async () => {
    s.route('/slow-body', { body: 'x'.repeat(400), chunkSize: 10, chunkDelayMs: 50 });
    const err = await failure(fetchUrl(s.url('/slow-body'), { ...local, timeoutMs: 300 }));
    expect((err as FetchError).code).toBe('E_TIMEOUT');
  });

  it('stops reading a 50 MB streamed response at maxBytes, with and without Content-Length', async () => {
    s.route('/huge', { generateBytes: 50 * 1024 * 1024 });
    s.route('/huge-chunked', { generateBytes: 50 * 1024 * 1024, declareLength: false });
    const declared = await failure(fetchUrl(s.url('/huge'), { ...local, maxBytes: 1024 * 1024 }));
    expect(declared).toBeInstanceOf(TooLargeError);
    expect((declared as TooLargeError).context.contentLength).toBe(50 * 1024 * 1024);
    const streamed = await failure(fetchUrl(s.url('/huge-chunked'), { ...local, maxBytes: 1024 * 1024 }));
    expect(streamed).toBeInstanceOf(TooLargeError);
    const read = (streamed as TooLargeError).context.readBytes as number;
    expect(read).toBeGreaterThan(1024 * 1024);
    expect(read).toBeLessThan(2 * 1024 * 1024);
  });

  it('counts bytes after decompression (a gzip bomb stops too)', async () => {
    const zipped = gzipSync(Buffer.alloc(4 * 1024 * 1024, 'a'));
    s.route('/bomb', { body: zipped, headers: { 'content-encoding': 'gzip', 'content-type': 'text/html' } });
    const err = await failure(fetchUrl(s.url('/bomb'), { ...local, maxBytes: 512 * 1024 }));
    expect(err).toBeInstanceOf(TooLargeError);
    const ok = await fetchUrl(s.url('/bomb'), { ...local, maxBytes: 8 * 1024 * 1024 });
    expect(ok.body.byteLength).toBe(4 * 1024 * 1024);
  });

  it('follows redirects up to maxRedirects and reports the final URL', async () => {
    s.route('/final', { body: 'arrived', headers: { 'content-type': 'text/plain' } });
    const start = s.redirectChain('/chain', 3, '/final', 301);
    const r = await fetchUrl(start, { ...local, maxRedirects: 3 });
    expect(r.url).toBe(s.url('/final'));
    expect(r.requestedUrl).toBe(start);
    expect(new TextDecoder().decode(r.body)).toBe('arrived');
    const err = await failure(fetchUrl(start, { ...local, maxRedirects: 2 }));
    expect((err as FetchError).code).toBe('E_REDIRECTS');
    expect((err as FetchError).retryable).toBe(false);
  });

  it('refuses content types that are not accepted', async () => {
    s.route('/image', { body: Buffer.from([0x89, 0x50, 0x4e, 0x47]), headers: { 'content-type': 'image/png' } });
    const err = await failure(fetchUrl(s.url('/image'), local));
    expect((err as FetchError).code).toBe('E_CONTENT_TYPE');
    expect((err as FetchError).retryable).toBe(false);
    const any = await fetchUrl(s.url('/image'), { ...local, acceptContentTypes: ['image/'] });
    expect(any.body.byteLength).toBe(4);
    expect(contentTypeAccepted('Text/HTML; charset=x', ['text/html'])).toBe(true);
    expect(contentTypeAccepted(null, ['text/html'])).toBe(true);
  });

  it('keeps the bytes and the HTTP charset so the page decodes as Latin-1', async () => {
    const latin1 = Buffer.from('<p>caf\xe9 cr\xe8me</p>', 'latin1');
    s.route('/latin1', { body: latin1, headers: { 'content-type': 'text/html; charset=ISO-8859-1' } });
    const r = await fetchUrl(s.url('/latin1'), local);
    expect(Buffer.from(r.body).equals(latin1)).toBe(true);
    const decoded = decodeBytes(r.body, r.contentType);
    expect(decoded.text).toBe('<p>café crème</p>');
    expect(decoded.source).toBe('http');
  });

  it('marks 503 retryable and 404/410 not retryable', async () => {
    s.route('/down', { status: 503 });
    s.route('/gone', { status: 410 });
    const down = (await failure(fetchUrl(s.url('/down'), local))) as FetchError;
    expect([down.code, down.status, down.retryable]).toEqual(['E_HTTP', 503, true]);
    const missing = (await failure(fetchUrl(s.url('/nothing-here'), local))) as FetchError;
    expect([missing.code, missing.status, missing.retryable]).toEqual(['E_HTTP', 404, false]);
    const gone = (await failure(fetchUrl(s.url('/gone'), local))) as FetchError;
    expect([gone.status, gone.retryable]).toEqual([410, false]);
  });

  it('parses Retry-After on 429 in seconds and as an HTTP date', async () => {
    s.route('/busy', { status: 429, headers: { 'retry-after': '120' } });
    const busy = (await failure(fetchUrl(s.url('/busy'), local))) as FetchError;
    expect([busy.status, busy.retryable, busy.retryAfterMs]).toEqual([429, true, 120_000]);
    const when = new Date(Date.now() + 60_000).toUTCString();
    s.route('/busy-date', { status: 429, headers: { 'retry-after': when } });
    const dated = (await failure(fetchUrl(s.url('/busy-date'), local))) as FetchError;
    expect(dated.retryAfterMs).toBeGreaterThan(50_000);
    expect(dated.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('recovers after 503, 503 then 200 on the same URL', async () => {
    s.route('/flaky', [{ status: 503 }, { status: 503 }, { body: 'fine', headers: { 'content-type': 'text/plain' } }]);
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      try {
        const r = await fetchUrl(s.url('/flaky'), local);
        outcomes.push(String(r.status));
      } catch (err) {
        outcomes.push(`${(err as FetchError).status}/${(err as FetchError).retryable}`);
      }
    }
    expect(outcomes).toEqual(['503/true', '503/true', '200']);
  });

  it('sends validators and reports 304 as notModified', async () => {
    s.route('/feed.xml', {
      body: '<rss/>',
      headers: { 'content-type': 'application/rss+xml' },
      etag: '"abc"',
      lastModified: 'Sun, 17 Sep 2023 10:00:00 GMT',
    });
    const first = await fetchUrl(s.url('/feed.xml'), local);
    expect(first.notModified).toBe(false);
    const byEtag = await fetchUrl(s.url('/feed.xml'), { ...local, etag: first.etag });
    expect(byEtag.status).toBe(304);
    expect(byEtag.notModified).toBe(true);
    expect(byEtag.body.byteLength).toBe(0);
    expect(byEtag.etag).toBe('"abc"');
    const byDate = await fetchUrl(s.url('/feed.xml'), { ...local, lastModified: first.lastModified });
    expect(byDate.notModified).toBe(true);
    const last = s.requests.filter((q) => q.path === '/feed.xml').at(-1)!;
    expect(last.headers['if-modified-since']).toBe('Sun, 17 Sep 2023 10:00:00 GMT');
  });

  it('refuses loopback and private addresses unless allowed, also behind a redirect', async () => {
    const direct = await failure(fetchUrl(s.url('/plain')));
    expect(direct).toBeInstanceOf(BlockedAddressError);
    const byName = await failure(fetchUrl(`http://localhost:${s.port}/plain`));
    expect(byName).toBeInstanceOf(BlockedAddressError);
    // every redirect hop is checked again: a public-looking first hop cannot bounce us inside
    s.route('/to-metadata', { redirect: 'http://169.254.169.254/latest/meta-data/' });
    const redirected = await failure(fetchUrl(s.url('/to-metadata'), { ...local, allowPrivateAddresses: false }));
    expect(redirected).toBeInstanceOf(BlockedAddressError);
    for (const ip of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '127.0.0.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd12::3',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '0.0.0.0',
    ])
      expect(isBlockedAddress(ip), ip).toBe(true);
    for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700::1111']) expect(isBlockedAddress(ip), ip).toBe(false);
  });

  it('names a refused connection as such, retryable', async () => {
    const closed = await startFixtureServer();
    const url = closed.url('/x');
    await closed.close();
    const err = (await failure(fetchUrl(url, local))) as FetchError;
    expect(err.code).toBe('E_CONNECTION_REFUSED');
    expect(err.message).toBe(`connection refused by ${new URL(url).host}: ${url}`);
    expect(err.retryable).toBe(true);
  });

  it('names a DNS failure as such, retryable', async () => {
    const err = (await failure(fetchUrl('http://news.example.invalid/story.html', local))) as FetchError;
    expect(err.code).toBe('E_DNS');
    expect(err.message).toMatch(/^DNS lookup failed for news\.example\.invalid \(/);
    expect(err.retryable).toBe(true);
  });

  it('does not retry response headers over the parser limit', async () => {
    const raw = createServer((sock) => {
      sock.once('data', () =>
        sock.end(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: ${'a'.repeat(40_000)}\r\nContent-Length: 2\r\n\r\nok`),
      );
      sock.on('error', () => {});
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/big-headers`;
      const err = (await failure(fetchUrl(url, local))) as FetchError;
      expect(err.code).toBe('E_HEADER_OVERFLOW');
      expect(err.message).toMatch(/larger than Node's limit/);
      expect(err.retryable).toBe(false);
    } finally {
      await new Promise((r) => raw.close(r));
    }
  });

  it('reports a body cut short as a retryable network error', async () => {
    s.route('/cut', { body: 'half', contentLength: 100, headers: { 'content-type': 'text/plain' } });
    const err = (await failure(fetchUrl(s.url('/cut'), local))) as FetchError;
    expect(['E_NETWORK', 'E_CONNECTION_RESET']).toContain(err.code);
    expect(err.retryable).toBe(true);
  });

  it('stops when the caller aborts', async () => {
    s.route('/hang2', { hang: true });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const err = (await failure(fetchUrl(s.url('/hang2'), { ...local, timeoutMs: 10_000, signal: ac.signal }))) as FetchError;
    expect(err.code).toBe('E_ABORTED');
  });
});
