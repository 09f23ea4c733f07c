// gleaner feed FILE|URL|-: through the CLI entry point (main), with real files and a local server.
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadConfig } from '../../src/config.js';
import { type FixtureServer, FIXTURES_ROOT, startFixtureServer } from '../helpers/fixture-server.js';

async function gleaner(args: string[], opts: { stdin?: string; allowPrivate?: boolean } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const config = { ...loadConfig({}), allowPrivateAddresses: opts.allowPrivate ?? false };
  const code = await main(['feed', ...args], { config, stdout, stderr, stdin: Readable.from([opts.stdin ?? '']) });
  const lines = out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, lines, err };
}

const feed = (name: string) => `${FIXTURES_ROOT}/feeds/${name}`;

let s: FixtureServer;
beforeAll(async () => {
  s = await startFixtureServer();
});
afterAll(async () => {
  await s.close();
});

describe('gleaner feed', () => {
  it('prints one JSON object per item with exactly the preview fields', async () => {
    const { code, lines, err } = await gleaner([feed('rss2-basic.xml')]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0]!)).toEqual(['title', 'url', 'id', 'publishedAt', 'summary', 'author']);
    expect(lines[0]).toMatchObject({
      title: 'Ferry timetable changes from October',
      publishedAt: '2023-09-17T10:00:00Z',
      author: 'Mara Lindqvist',
    });
  });

  it('exits 0 with no output for an empty feed', async () => {
    const { code, lines, err } = await gleaner([feed('rss2-empty.xml')]);
    expect([code, lines.length, err]).toEqual([0, 0, '']);
  });

  it('exits non-zero with one error line when the input is not a feed', async () => {
    const { code, lines, err } = await gleaner([feed('not-a-feed.html')]);
    expect(code).toBe(1);
    expect(lines).toHaveLength(0);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/not a feed.*E_FEED/);
  });

  it('reports a missing file as a usage error', async () => {
    const { code, err } = await gleaner([feed('no-such-feed.xml')]);
    expect(code).toBe(2);
    expect(err).toMatch(/no such file/);
  });

  it('reads a file only up to the fetch byte cap: /dev/zero is a one-line error, not an endless read', async () => {
    const { code, lines, err } = await gleaner(['/dev/zero']);
    expect(code).toBe(2);
    expect(lines).toHaveLength(0);
    expect(err).toBe('gleaner: feed /dev/zero is larger than 10 MiB; split it [E_INPUT]\n');
  });

  it('resolves relative links against --url and honours --limit and --content', async () => {
    const { lines } = await gleaner([
      '--url',
      'https://mirror.example/feeds/rss.xml',
      '--limit',
      '1',
      '--content',
      feed('rss2-dublin-core.xml'),
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.content).toContain('<strong>40%</strong>');
    const rel = await gleaner(['--url', 'https://mirror.example/feeds/rss.xml', feed('rss2-relative-links.xml')]);
    expect(rel.lines[0]!.url).toBe('https://mirror.example/news/story-one');
    expect(rel.lines[1]!.url).toBe('https://mirror.example/feeds/story-two.html');
  });

  it('reads stdin', async () => {
    const { code, lines } = await gleaner(['-'], {
      stdin:
        '{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","title":"From stdin","url":"https://stdin.example/1"}]}',
    });
    expect(code).toBe(0);
    expect(lines).toEqual([
      { title: 'From stdin', url: 'https://stdin.example/1', id: '1', publishedAt: null, summary: null, author: null },
    ]);
  });

  it('fetches a feed URL, decodes it by the HTTP charset, and resolves links against the final URL', async () => {
    const latin1 = Buffer.from(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>Caf\xe9</title><link>a/b</link></item></channel></rss>',
      'latin1',
    );
    s.route('/feeds/latin.xml', { body: latin1, headers: { 'content-type': 'application/rss+xml; charset=iso-8859-1' } });
    s.route('/moved.xml', { status: 301, redirect: '/feeds/latin.xml' });
    const { code, lines } = await gleaner([s.url('/moved.xml')], { allowPrivate: true });
    expect(code).toBe(0);
    expect(lines[0]).toMatchObject({ title: 'Café', url: s.url('/feeds/a/b') });
  });

  it('previews a loopback feed URL the operator typed without extra configuration', async () => {
    const { code, lines } = await gleaner([s.url('/feeds/rss2-basic.xml')]);
    expect(code).toBe(0);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('honours robots.txt for a feed URL and says why', async () => {
    const own = await startFixtureServer();
    try {
      own.robots('User-agent: *\nDisallow: /feeds/\n');
      const { code, err } = await gleaner([own.url('/feeds/rss2-basic.xml')], { allowPrivate: true });
      expect(code).toBe(1);
      expect(err).toMatch(/robots\.txt disallows \/feeds\/rss2-basic\.xml/);
      const ignored = await gleaner(['--ignore-robots', own.url('/feeds/rss2-basic.xml')], { allowPrivate: true });
      expect(ignored.lines).toHaveLength(3);
    } finally {
      await own.close();
    }
  });

  it('takes a feed whatever content type it is served with', async () => {
    s.route('/feeds/octet', { file: 'feeds/atom10-basic.xml', headers: { 'content-type': 'application/octet-stream' } });
    const { code, lines } = await gleaner([s.url('/feeds/octet')], { allowPrivate: true });
    expect(code).toBe(0);
    expect(lines).toHaveLength(2);
  });

  it('reports an HTTP error with its status', async () => {
    s.route('/feeds/gone.xml', { status: 410 });
    const { code, err } = await gleaner([s.url('/feeds/gone.xml')], { allowPrivate: true });
    expect(code).toBe(1);
    expect(err).toMatch(/HTTP 410/);
  });
});

describe('gleaner feed with several inputs', () => {
  it('prints the items of each in turn and reports the failures', async () => {
    const { code, lines, err } = await gleaner([
      feed('rss2-basic.xml'),
      feed('not-a-feed.html'),
      feed('atom10-basic.xml'),
      feed('missing.xml'),
    ]);
    expect(lines).toHaveLength(5);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(2);
  });
  it('reads a gzip-compressed feed file', async () => {
    const { gzipSync } = await import('node:zlib');
    const { readFileSync, writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/gleaner-feed-`);
    try {
      writeFileSync(`${dir}/feed.xml.gz`, gzipSync(readFileSync(feed('rss2-basic.xml'))));
      const { code, lines } = await gleaner([`${dir}/feed.xml.gz`]);
      expect(code).toBe(0);
      expect(lines).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
