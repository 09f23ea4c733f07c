// Entity pages and corrections in a real browser (Debian Chromium driven by playwright-core): a
// reviewer retypes an entity on a record page, the facets change, a newly stored article with that
// name comes in with the corrected type; entity pages render and navigate, and the chart has one
// point per day. No script runs on these pages: everything is links and plain forms.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GleanerRecord } from '../../src/record/schema.js';
import { buildApp } from '../../src/server/app.js';
import { contentHash } from '../../src/text/hash.js';
import { PIPELINE_VERSION } from '../../src/version.js';
import { seedStore, spansOf, type Seeded } from './seed.js';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'browser-entities-token';
const outDir = new URL('../../test-output/', import.meta.url).pathname;

/** A news record naming a runner called Chelsea, typed as a person by the (imagined) extractor. */
function chelseaRecord(i: number, day: string): GleanerRecord {
  const text = `Chelsea Morgan ran across Niger for charity, report ${i}. Chelsea said the heat near Agadez was the hardest part.`;
  return {
    url: `https://runners.example/chelsea-${i}`,
    title: `Charity run across Niger, day ${i}`,
    byline: null,
    siteName: 'Runners Example',
    publishedAt: `${day}T10:00:00Z`,
    language: 'en',
    text,
    entities: {
      people: [{ name: 'Chelsea', aliases: [], mentions: 2, spans: spansOf(text, 'Chelsea', 'Chelsea') }],
      countries: [{ name: 'Niger', code: 'NE', mentions: 1, spans: spansOf(text, 'Niger') }],
      organizations: [],
      places: [{ name: 'Agadez', countryCode: 'NE', mentions: 1, spans: spansOf(text, 'Agadez') }],
      dates: [],
    },
    provenance: { contentHash: contentHash(text), pipelineVersion: PIPELINE_VERSION },
  };
}

describe('entities in Chromium', () => {
  let seeded: Seeded;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const ids: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`the browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
    mkdirSync(outDir, { recursive: true });
    seeded = await seedStore();
    ids.push((await seeded.store.upsert(chelseaRecord(1, '2024-05-01'))).id);
    ids.push((await seeded.store.upsert(chelseaRecord(2, '2024-05-04'))).id);
    app = await buildApp({ store: seeded.store, config: { apiToken: TOKEN } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await seeded?.store.close();
  });

  it('retypes an entity on a record page: facets change, and a new article with that name comes in corrected', async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // the URL `gleaner serve` prints: the token becomes the browser's cookie
    await page.goto(`${base}/?token=${TOKEN}`);
    await page.waitForURL(`${base}/`);
    expect(await page.locator('.facet-person a[data-facet="person"]').allInnerTexts()).toContain('Chelsea');
    expect(await page.locator('.facet-organization a[data-facet="organization"]').allInnerTexts()).not.toContain('Chelsea');

    await page.goto(`${base}/records/${ids[0]}`);
    const entry = page.locator('.entity-group[data-type="person"] li', { hasText: 'Chelsea' });
    await entry.locator('details.correct summary').click();
    await entry.locator('select[name="to"]').selectOption('organization');
    await entry.locator('button[name="retype"]').click();
    await page.waitForURL(`${base}/records/${ids[0]}`);
    expect(await page.locator('.entity-group[data-type="organization"] a.name').allInnerTexts()).toContain('Chelsea');
    expect(await page.locator('.entity-group[data-type="person"]').count()).toBe(0);

    await page.goto(`${base}/`);
    expect(await page.locator('.facet-person a[data-facet="person"]').allInnerTexts()).not.toContain('Chelsea');
    const orgFacet = page.locator('.facet-organization li', { hasText: 'Chelsea' });
    expect(await orgFacet.locator('.count').innerText()).toBe('2');

    // a new article whose extraction calls Chelsea a person is stored with the corrected type
    const later = (await seeded.store.upsert(chelseaRecord(3, '2024-05-06'))).id;
    await page.goto(`${base}/records/${later}`);
    expect(await page.locator('.entity-group[data-type="organization"] a.name').allInnerTexts()).toContain('Chelsea');
    expect(await page.locator('.entity-group[data-type="person"]').count()).toBe(0);
    await page.goto(`${base}/`);
    expect(await page.locator('.facet-organization li', { hasText: 'Chelsea' }).locator('.count').innerText()).toBe('3');
    await page.screenshot({ path: `${outDir}entities-corrected-list.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders and navigates entity pages; the chart has one point per day', async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/records/${ids[1]}`);
    await page.locator('.entity-group[data-type="place"] a.name', { hasText: 'Agadez' }).click();
    await page.waitForURL(/\/entities\/e[0-9a-z]+$/);
    expect(await page.locator('h1').innerText()).toContain('Agadez');
    expect(await page.locator('dd.entity-type').innerText()).toBe('Place');
    // records on 2024-05-01, -04 and -06 (the third from the test above): six days, six points
    const svg = page.locator('figure.chart svg');
    expect(await svg.getAttribute('data-unit')).toBe('day');
    expect(await svg.locator('circle.point').count()).toBe(6);
    expect(await svg.locator('circle.point[data-records="0"]').count()).toBe(3);
    await expect.poll(() => svg.isVisible()).toBe(true);
    // newest first, each with the mention in context
    const items = page.locator('ol.mentions > li');
    expect(await items.count()).toBe(3);
    expect(await items.first().locator('a.title').innerText()).toBe('Charity run across Niger, day 3');
    expect(await items.first().locator('blockquote mark').innerText()).toBe('Agadez');
    await page.screenshot({ path: `${outDir}entity-page.png`, fullPage: true });

    // a co-occurring entity is a link to its own page
    await page.locator('.co-entities a', { hasText: 'Niger' }).click();
    await page.waitForURL(/\/entities\/e[0-9a-z]+$/);
    expect(await page.locator('dd.entity-type').innerText()).toBe('Country');

    // the index: search and type filter
    await page.goto(`${base}/entities`);
    await page.locator('input[name="q"]').fill('chel');
    await page.locator('select[name="type"]').selectOption('organization');
    await page.locator('form.search button').click();
    await page.waitForURL(/\/entities\?q=chel&type=organization/);
    const rows = page.locator('table.entities tbody tr');
    expect(await rows.count()).toBe(1);
    await rows.first().locator('a').click();
    await page.waitForURL(/\/entities\/e[0-9a-z]+$/);
    expect(await page.locator('dd.entity-type').innerText()).toBe('Organization');
    await context.close();
  });
});
