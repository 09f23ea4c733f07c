// The review page in a real browser (Debian Chromium driven by playwright-core): filter by a
// country, open a record, see the highlighted entities; and hostile records that must not run
// anything, with and without the Content-Security-Policy. Screenshots go to test-output/.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { createProducer } from '../../src/queue/producer.js';
import { buildApp } from '../../src/server/app.js';
import { hostileRecord, seedStore, type Seeded } from './seed.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const outDir = new URL('../../test-output/', import.meta.url).pathname;

if (!haveChromium) console.warn(`browser tests skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe.skipIf(!haveChromium)('review page in Chromium', () => {
  let seeded: Seeded;
  let app: FastifyInstance;
  /** The same app with the CSP header stripped: escaping alone must hold. */
  let bare: FastifyInstance;
  let base: string;
  let bareBase: string;
  let browser: Browser;

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
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await bare?.close();
    await seeded?.store.close();
  });

  /** A page that records dialogs and script errors, in a fresh context. */
  async function openPage(): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
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
        ['person', 'country', 'organization', 'place', 'date'].map((t) => [t, getComputedStyle(document.querySelector(`.article-text mark.ent[data-type="${t}"]`)!).backgroundColor]),
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
      for (const url of [`${root}/`, `${root}/records/${seeded.ids.hostile}`, `${root}/?q=${encodeURIComponent('<script>window.__xss=1</script>')}`]) {
        await page.goto(url);
        // Hover and click over everything a payload could hide an event handler in.
        for (const sel of ['h1', '.byline', '.article-text mark.ent', '.entity-list .name', '.meta-line', 'a.title']) {
          const loc = page.locator(sel);
          const n = Math.min(await loc.count(), 6);
          for (let i = 0; i < n; i++) await loc.nth(i).hover({ timeout: 2_000 }).catch(() => {});
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

  it('renders Bull Board at /queues under its own CSP, with the queues listed', async () => {
    const config = { ...loadConfig({}), queuePrefix: `gleaner-test-board-${randomBytes(6).toString('hex')}`, apiToken: null };
    const producer = await createProducer(config, { store: seeded.store });
    const boardApp = await buildApp({ store: seeded.store, producer, config });
    try {
      await producer.enqueueUrls(['https://news.example/board-1', 'https://news.example/board-2']);
      const root = await listen(boardApp);
      const { page, errors } = await openPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
      });
      await page.goto(`${root}/queues`);
      await page.getByText('fetch', { exact: true }).first().waitFor({ timeout: 20_000 });
      for (const name of ['feeds', 'fetch', 'process']) expect(await page.getByText(name, { exact: true }).count(), name).toBeGreaterThan(0);
      await page.screenshot({ path: `${outDir}queues-dashboard.png` });
      // The dashboard's own scripts and styles run; only the web fonts (no network here) may fail.
      expect(refused.filter((t) => !/fonts\.g(oogleapis|static)\.com/.test(t))).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await boardApp.close();
      for (const q of producer.getQueues()) await q.obliterate({ force: true }).catch(() => {});
      await producer.close();
    }
  });
});
