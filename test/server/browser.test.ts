// The review page in a real browser (Debian Chromium driven by playwright-core): filter by a
// country, open a record, see the highlighted entities; hostile records that must not run
// anything, with and without the Content-Security-Policy; and the token of a real `gleaner serve`:
// the printed URL gives the browser its cookie and the dashboard, nothing else does. Screenshots go
// to test-output/. Chromium is required: without it these tests fail and say how to install it.
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open.js';
import { ensureBuilt } from '../helpers/build.js';
import { makeQueueEnv, type QueueTestEnv } from '../helpers/queue-env.js';
import { serveProcess, type Served } from '../helpers/serve-process.js';
import { handBuiltRecords, hostileRecord, seedStore, type Seeded } from './seed.js';

const CHROMIUM = '/usr/bin/chromium';
const outDir = new URL('../../test-output/', import.meta.url).pathname;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, never a downloaded one. */
function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    return Promise.reject(
      new Error(
        `the browser tests need Chromium at ${CHROMIUM}, which is missing: install it with \`apt-get install -y chromium\` (Debian/Ubuntu)`,
      ),
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

let launched: Promise<Browser> | undefined;
/**
 * One browser for the file, started by the first test that needs it. Every test awaits it, so a
 * missing Chromium fails each of them (with the install command), rather than skipping them.
 */
function browser(): Promise<Browser> {
  launched ??= launchChromium();
  return launched;
}

afterAll(async () => {
  await (await launched?.catch(() => null))?.close();
});

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe('review page in Chromium', () => {
  let seeded: Seeded;
  let app: FastifyInstance;
  /** The same app with the CSP header stripped: escaping alone must hold. */
  let bare: FastifyInstance;
  let base: string;
  let bareBase: string;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    seeded = await seedStore({ hostile: true });
    app = await buildApp({ store: seeded.store, config: { apiToken: null } });
    bare = await buildApp({ store: seeded.store, config: { apiToken: null } });
    bare.addHook('onSend', async (_req, reply, payload) => {
      reply.removeHeader('content-security-policy');
      return payload;
    });
    base = await listen(app);
    bareBase = await listen(bare);
  });

  afterAll(async () => {
    await app?.close();
    await bare?.close();
    await seeded?.store.close();
  });

  /** A page that records dialogs and script errors, in a fresh context. */
  async function openPage(): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const context = await (await browser()).newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, dialogs, errors };
  }

  it('filters by a country facet, opens a record and shows its highlighted entities', async () => {
    const { page, dialogs } = await openPage();
    await page.goto(`${base}/`);
    expect(await page.locator('ol.records > li').count()).toBe(7);
    await page.screenshot({ path: `${outDir}review-list.png`, fullPage: true });

    // Filter by a country: click the Estonia facet.
    await page.locator('.facet-country a[data-value="EE"]').click();
    await page.waitForURL(/country=EE/);
    expect(await page.locator('ol.records a.title').allInnerTexts()).toEqual(['Estonia orders air-defence systems from Germany']);
    expect(await page.locator('.active-filters').innerText()).toContain('country: EE');

    // Then Mali via the URL, and open the Sahel record from the list.
    await page.goto(`${base}/?country=ML`);
    const titles = await page.locator('ol.records a.title').allInnerTexts();
    expect(titles).toContain('Burkina Faso and Mali extend joint border patrols');
    await page.getByRole('link', { name: 'Burkina Faso and Mali extend joint border patrols' }).click();
    await page.waitForURL(new RegExp(`/records/${seeded.ids.sahel}$`));

    const marks = page.locator('.article-text mark.ent');
    const byType = async (t: string) => page.locator(`.article-text mark.ent[data-type="${t}"]`).allInnerTexts();
    expect(await marks.count()).toBe(10);
    expect(await byType('person')).toEqual(['Ibrahim Traoré', 'Abdoulaye Diop', 'Traoré']);
    expect(await byType('country')).toEqual(['Burkina Faso', 'Mali', 'Malian']);
    expect(await byType('organization')).toEqual(['African Union']);
    await expect.poll(() => marks.first().isVisible()).toBe(true);

    // The stylesheet loaded under the CSP: each type has its own colour.
    const colours = await page.evaluate(() =>
      Object.fromEntries(
        ['person', 'country', 'organization', 'place', 'date'].map((t) => [
          t,
          getComputedStyle(document.querySelector(`.article-text mark.ent[data-type="${t}"]`)!).backgroundColor,
        ]),
      ),
    );
    expect(new Set(Object.values(colours)).size).toBe(5);
    expect(Object.values(colours)).not.toContain('rgba(0, 0, 0, 0)');

    await page.screenshot({ path: `${outDir}review-record.png`, fullPage: true });
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  for (const variant of ['with CSP', 'without CSP (escaping alone)'] as const) {
    it(`runs nothing from a hostile record ${variant}`, async () => {
      const root = variant === 'with CSP' ? base : bareBase;
      const { page, dialogs, errors } = await openPage();
      const hostile = hostileRecord();
      for (const url of [
        `${root}/`,
        `${root}/records/${seeded.ids.hostile}`,
        `${root}/?q=${encodeURIComponent('<script>window.__xss=1</script>')}`,
      ]) {
        await page.goto(url);
        // Hover and click over everything a payload could hide an event handler in.
        for (const sel of ['h1', '.byline', '.article-text mark.ent', '.entity-list .name', '.meta-line', 'a.title']) {
          const loc = page.locator(sel);
          const n = Math.min(await loc.count(), 6);
          for (let i = 0; i < n; i++)
            await loc
              .nth(i)
              .hover({ timeout: 2_000 })
              .catch(() => {});
        }
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), url).toBeUndefined();
        expect(await page.locator('script, img, svg').count(), url).toBe(0);
      }
      // The payloads are visible as text on the record page, and javascript: URLs are not links.
      await page.goto(`${root}/records/${seeded.ids.hostile}`);
      expect(await page.locator('h1').innerText()).toBe(hostile.title);
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      if (variant === 'with CSP') await page.screenshot({ path: `${outDir}review-hostile.png`, fullPage: true });
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('the token of `gleaner serve` in Chromium', () => {
  let env: QueueTestEnv;
  let served: Served;
  /** Another origin on the same host (so the same *site*): what a local dev server or a hostile local page is. */
  let other: Server;
  let otherBase: string;

  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    await ensureBuilt();
    env = makeQueueEnv({ GLEANER_LOG_LEVEL: 'warn' });
    delete env.env.GLEANER_API_TOKEN;
    delete env.env.GLEANER_HOST;
    const store = await openStore({ dbPath: env.config.dbPath });
    for (const r of handBuiltRecords()) await store.upsert(r);
    await store.close();
    served = await serveProcess([], env.env);
    other = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>another local page</title>'),
    );
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    other?.close();
    if (served) {
      served.child.kill('SIGTERM');
      await served.exit;
    }
    await env?.cleanup();
  });

  /** Jobs waiting in the fetch queue, seen from outside the browser. */
  async function waitingFetchJobs(): Promise<number> {
    const res = await fetch(`${served.url}queues/api/queues`, { headers: { authorization: `Bearer ${served.token}` } });
    const body = (await res.json()) as { queues: Array<{ name: string; counts: Record<string, number> }> };
    return body.queues.find((q) => q.name === 'fetch')!.counts.waiting;
  }

  async function enqueue(urls: string[]): Promise<void> {
    const res = await fetch(`${served.url}api/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${served.token}` },
      body: JSON.stringify({ urls }),
    });
    expect(res.status).toBe(202);
  }

  it('opens the printed URL, keeps the token in an HttpOnly cookie, and reaches and drives /queues', async () => {
    expect(served.token).toMatch(/^[0-9a-f]{48}$/);
    await enqueue(['https://news.example/board-1', 'https://news.example/board-2']);
    const context = await (await browser()).newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const refused: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });

    await page.goto(served.printed);
    // Redirected to the clean URL: the token is no longer in the address bar or the history.
    expect(page.url()).toBe(served.url);
    const cookies = await context.cookies(served.url);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ value: served.token, httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.goto(`${served.url}queues`);
    await page.getByText('fetch', { exact: true }).first().waitFor({ timeout: 20_000 });
    for (const name of ['feeds', 'fetch', 'process']) expect(await page.getByText(name, { exact: true }).count(), name).toBeGreaterThan(0);
    await page.screenshot({ path: `${outDir}queues-dashboard.png` });
    // The dashboard's own scripts and styles run under its CSP; only the web fonts (no network) may fail.
    expect(refused.filter((t) => !/fonts\.g(oogleapis|static)\.com/.test(t))).toEqual([]);
    expect(errors).toEqual([]);

    // A write from the dashboard's own origin goes through with the cookie alone.
    expect(await waitingFetchJobs()).toBe(2);
    const status = await page.evaluate(async () => (await fetch('/queues/api/queues/fetch/empty', { method: 'PUT' })).status);
    expect(status).toBe(200);
    expect(await waitingFetchJobs()).toBe(0);
    await context.close();
  });

  it('without the token the browser gets neither the dashboard nor its API', async () => {
    await enqueue(['https://news.example/board-3']);
    const context = await (await browser()).newContext();
    const page = await context.newPage();
    const response = await page.goto(`${served.url}queues`);
    expect(response!.status()).toBe(401);
    expect(await page.locator('h1').innerText()).toBe('Token needed');
    expect(await page.locator('#root').count()).toBe(0);
    const api = await page.evaluate(async () => {
      const res = await fetch('/queues/api/queues');
      return { status: res.status, body: await res.text() };
    });
    expect(api.status).toBe(401);
    expect(api.body).not.toContain('news.example');
    const put = await page.evaluate(async () => (await fetch('/queues/api/queues/fetch/empty', { method: 'PUT' })).status);
    expect(put).toBe(401);
    // A wrong token in the URL sets no cookie.
    expect((await page.goto(`${served.url}?token=not-the-token`))!.status()).toBe(401);
    expect(await context.cookies(served.url)).toEqual([]);
    // The review page itself stays open on loopback.
    expect((await page.goto(served.url))!.status()).toBe(200);
    expect(await waitingFetchJobs()).toBe(1);
    await context.close();
  });

  it('a page on another port of the same host cannot use the cookie to write', async () => {
    const context = await (await browser()).newContext();
    const page = await context.newPage();
    await page.goto(served.printed);
    expect(await context.cookies(served.url)).toHaveLength(1);
    const before = await waitingFetchJobs();
    await page.goto(otherBase);
    // A "simple" cross-origin POST (no preflight): the browser sends it, with our cookie since the
    // site is the same, and only the Origin check stops it (without it the body would get a 400).
    const answered = page.waitForResponse((r) => r.url() === `${served.url}api/enqueue`);
    await page.evaluate(async (target) => {
      await fetch(`${target}api/enqueue`, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: '{"urls":["https://news.example/csrf"]}',
      }).catch(() => null);
    }, served.url);
    const response = await answered;
    // 403 is the cross-origin refusal: no cookie would be 401, a cookie let through would be 400.
    expect(response.status()).toBe(403);
    expect(await waitingFetchJobs()).toBe(before);
    await context.close();
  });
});
