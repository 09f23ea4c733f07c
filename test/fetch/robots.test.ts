// RobotsCache against robots.txt served by the local fixture server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RobotsDisallowedError } from '../../src/errors.js';
import { RobotsCache } from '../../src/fetch/robots.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';

let s: FixtureServer;
beforeEach(async () => {
  s = await startFixtureServer();
});
afterEach(async () => {
  await s.close();
});

const cache = (opts: Partial<ConstructorParameters<typeof RobotsCache>[0]> = {}) =>
  new RobotsCache({ userAgent: 'gleaner/0.1 (+https://example.org/bot)', allowPrivateAddresses: true, ...opts });

const ROBOTS = `# our rules
User-agent: *
Disallow: /private/
Crawl-delay: 5

User-agent: gleaner
Disallow: /drafts/
Allow: /drafts/public-
Crawl-delay: 2.5
`;

describe('RobotsCache', () => {
  it('applies the group of our user agent, with its crawl-delay and a reason', async () => {
    s.robots(ROBOTS);
    const robots = cache();
    const open = await robots.check(s.url('/news/story.html'));
    expect(open).toEqual({ allowed: true, crawlDelayMs: 2500, reason: null });
    const draft = await robots.check(s.url('/drafts/secret.html'));
    expect(draft.allowed).toBe(false);
    expect(draft.reason).toMatch(/robots\.txt disallows \/drafts\/secret\.html \(line 7\)/);
    expect((await robots.check(s.url('/drafts/public-note.html'))).allowed).toBe(true);
    // our group replaces '*': /private/ is not in it
    expect((await robots.check(s.url('/private/x'))).allowed).toBe(true);
    await expect(robots.assertAllowed(s.url('/drafts/x'))).rejects.toBeInstanceOf(RobotsDisallowedError);
  });

  it('falls back to the * group for another agent', async () => {
    s.robots(ROBOTS);
    const robots = cache({ userAgent: 'otherbot/2.0' });
    const d = await robots.check(s.url('/private/x'));
    expect(d.allowed).toBe(false);
    expect(d.crawlDelayMs).toBe(5000);
  });

  it('fetches robots.txt once per origin within the TTL, again after it', async () => {
    s.robots(ROBOTS);
    let clock = 1_000_000;
    const robots = cache({ ttlMs: 60_000, now: () => clock });
    await Promise.all([robots.check(s.url('/a')), robots.check(s.url('/b')), robots.check(s.url('/c'))]);
    await robots.check(s.url('/a'));
    expect(s.hits('/robots.txt')).toBe(1);
    clock += 60_001;
    await robots.check(s.url('/d'));
    expect(s.hits('/robots.txt')).toBe(2);
  });

  it('allows everything when robots.txt is 404, and says so', async () => {
    const d = await cache().check(s.url('/anything'));
    expect(d.allowed).toBe(true);
    expect(d.reason).toMatch(/404/);
  });

  it('disallows the host for a while when robots.txt answers 5xx, then retries', async () => {
    s.route('/robots.txt', [{ status: 503 }, { body: 'User-agent: *\nDisallow:\n', headers: { 'content-type': 'text/plain' } }]);
    let clock = 1_000_000;
    const robots = cache({ errorTtlMs: 600_000, now: () => clock });
    const d = await robots.check(s.url('/page'));
    expect(d.allowed).toBe(false);
    expect(d.reason).toMatch(/HTTP 503/);
    expect((await robots.check(s.url('/page'))).allowed).toBe(false);
    expect(s.hits('/robots.txt')).toBe(1);
    clock += 600_001;
    expect((await robots.check(s.url('/page'))).allowed).toBe(true);
  });

  it('keeps the real cause when the host cannot be reached (refused, DNS), instead of blaming robots.txt', async () => {
    const closed = await startFixtureServer();
    const url = closed.url('/page.html');
    await closed.close();
    const refused = await cache().check(url);
    expect(refused.allowed).toBe(false);
    expect(refused.failure?.code).toBe('E_CONNECTION_REFUSED');
    expect(refused.reason).toContain(`connection refused by ${new URL(url).host}`);
    const dns = await cache().check('http://news.example.invalid/page.html');
    expect(dns.failure?.code).toBe('E_DNS');
    expect(dns.reason).toContain('DNS lookup failed for news.example.invalid');
    // a server that answers but fails is still "robots.txt unavailable", with no failure attached
    s.route('/robots.txt', { status: 503 });
    expect((await cache().check(s.url('/x'))).failure ?? null).toBeNull();
  });

  it('keeps the last good rules when robots.txt starts failing', async () => {
    s.route('/robots.txt', [{ body: ROBOTS, headers: { 'content-type': 'text/plain' } }, { status: 500 }]);
    let clock = 1_000_000;
    const robots = cache({ ttlMs: 60_000, errorTtlMs: 600_000, now: () => clock });
    expect((await robots.check(s.url('/drafts/x'))).allowed).toBe(false);
    clock += 60_001;
    const again = await robots.check(s.url('/news/y'));
    expect(again.allowed).toBe(true);
    expect(again.crawlDelayMs).toBe(2500);
    expect(s.hits('/robots.txt')).toBe(2);
  });

  it('follows a robots.txt redirect', async () => {
    s.route('/robots.txt', { status: 301, redirect: '/real-robots.txt' });
    s.route('/real-robots.txt', { body: 'User-agent: *\nDisallow: /x\n', headers: { 'content-type': 'text/plain' } });
    expect((await cache().check(s.url('/x/1'))).allowed).toBe(false);
  });
});
