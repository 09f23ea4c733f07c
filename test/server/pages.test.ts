// The review pages as HTML (fastify inject + cheerio), on SQLite and PostgreSQL: list, facets, filters, pagination, the record
// view with its highlights, and escaping of hostile records.
import * as cheerio from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { BACKENDS } from '../store/backends.js';
import { XSS, handBuiltRecords, hostileRecord, seedStore, type Seeded } from './seed.js';

describe.each(BACKENDS)('review pages on $name', (backend) => {
  let seeded: Seeded;
  let app: FastifyInstance;
  const location = backend.create();

  beforeAll(async () => {
    seeded = await seedStore({ hostile: true, open: location.open });
    app = await buildApp({ store: seeded.store, config: { apiToken: null } });
  });

  afterAll(async () => {
    await app?.close();
    await seeded?.store.close();
    await location.cleanup();
  });

  async function page(url: string) {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, headers: res.headers, body: res.body, $: cheerio.load(res.body) };
  }

  describe('record list /', () => {
    it('lists every record with a link, the total, and facets by type', async () => {
      const { status, headers, $ } = await page('/');
      expect(status).toBe(200);
      expect(headers['content-type']).toMatch(/text\/html/);
      expect($('ol.records > li')).toHaveLength(7);
      expect($('.summary').attr('data-total')).toBe('7');
      const href = $(`li[data-id="${seeded.ids.baltic}"] a.title`).attr('href');
      expect(href).toBe(`/records/${seeded.ids.baltic}`);
      // Each country facet's count is the number of records that mention the country.
      const facets = $('.facet-country li')
        .map((_, li) => ({ code: $(li).find('a').attr('data-value')!, count: Number($(li).find('.count').text()) }))
        .get();
      expect(facets.length).toBeGreaterThanOrEqual(5);
      for (const f of facets) expect(f.count, f.code).toBe(await seeded.store.count({ country: f.code }));
      expect(facets.map((f) => f.code)).toEqual(expect.arrayContaining(['ML', 'FJ', 'NZ']));
      // ML is in two records (Sahel and the hostile one): it comes first, with its count and flag.
      const ml = $('.facet-country li').filter((_, li) => $(li).find('a').attr('data-value') === 'ML');
      expect(ml.find('.count').text()).toBe('2');
      expect(ml.find('.flag').text()).toBe('🇲🇱');
      expect(ml.find('a').attr('href')).toBe('/?country=ML');
      expect($('.facet-note').text()).toMatch(/all records/i);
    });

    it('filters by a country facet, shows the active filter and facets of the matches only', async () => {
      const { $ } = await page('/?country=EE');
      expect(
        $('ol.records > li')
          .map((_, li) => $(li).attr('data-id'))
          .get(),
      ).toEqual([seeded.ids.baltic]);
      expect($('.active-filters').text()).toContain('country: EE');
      expect($('.facet-note').text()).toMatch(/matching records/);
      const facetCountries = $('.facet-country li a')
        .map((_, a) => $(a).attr('data-value'))
        .get();
      expect(facetCountries.sort()).toEqual(['DE', 'EE', 'LV']);
      // The active facet links back to the unfiltered list.
      expect($('.facet-country li.active a').attr('href')).toBe('/');
    });

    it('filters by entity facet links (people) and by the search box', async () => {
      const { $ } = await page('/');
      const traore = $('.facet-person li a').filter((_, a) => $(a).text() === 'Ibrahim Traoré');
      expect(traore).toHaveLength(1);
      const filtered = await page(traore.attr('href')!);
      expect(
        filtered
          .$('ol.records > li')
          .map((_, li) => filtered.$(li).attr('data-id'))
          .get(),
      ).toEqual([seeded.ids.sahel]);
      const search = await page('/?q=patrol+boats&entity=&type=&country=&source=&since=&until=');
      expect(search.status).toBe(200);
      expect(
        search
          .$('ol.records > li')
          .map((_, li) => search.$(li).attr('data-id'))
          .get(),
      ).toEqual([seeded.ids.pacific]);
      expect(search.$('input[name=q]').attr('value')).toBe('patrol boats');
    });

    it('keeps facet filters beyond the first when the search form is submitted again', async () => {
      const { $ } = await page('/?entity=Fiji&entity=Suva&country=FJ&country=NZ&limit=10');
      const form = $('form.search');
      expect(
        form
          .find('input[name=entity]')
          .map((_, i) => $(i).attr('value'))
          .get(),
      ).toEqual(['Fiji', 'Suva']);
      expect(
        form
          .find('input[name=country]')
          .map((_, i) => $(i).attr('value'))
          .get(),
      ).toEqual(['FJ', 'NZ']);
      expect(form.find('input[name=limit]').attr('value')).toBe('10');
      expect(
        $('ol.records > li')
          .map((_, li) => $(li).attr('data-id'))
          .get(),
      ).toEqual([seeded.ids.pacific]);
    });

    it('paginates with previous/next links', async () => {
      const first = await page('/?limit=3');
      expect(first.$('ol.records > li')).toHaveLength(3);
      expect(first.$('.summary').text()).toBe('1–3 of 7 records');
      const next = first.$('.pager a[rel=next]').attr('href')!;
      expect(next).toBe('/?limit=3&offset=3');
      const second = await page(next);
      expect(second.$('.summary').text()).toBe('4–6 of 7 records');
      const third = await page(second.$('.pager a[rel=next]').attr('href')!);
      expect(third.$('ol.records > li')).toHaveLength(1);
      expect(third.$('.pager a[rel=next]')).toHaveLength(0);
      const shown = [first, second, third].flatMap((p) =>
        p
          .$('ol.records > li')
          .map((_, li) => p.$(li).attr('data-id'))
          .get(),
      );
      expect(new Set(shown).size).toBe(7);
    });

    it('paginates a filtered list, also past the facet sample', async () => {
      const expected = (await seeded.store.list({ since: '2024-01' })).map((r) => r.id);
      expect(expected.length).toBeGreaterThanOrEqual(5);
      for (const facetSample of [500, 3]) {
        const small = await buildApp({ store: seeded.store, config: { apiToken: null }, facetSample });
        try {
          const shown: string[] = [];
          for (let offset = 0; offset < expected.length; offset += 2) {
            const res = await small.inject({ method: 'GET', url: `/?since=2024-01&limit=2&offset=${offset}` });
            const $ = cheerio.load(res.body);
            shown.push(
              ...$('ol.records > li')
                .map((_, li) => $(li).attr('data-id'))
                .get(),
            );
            expect($('.facet-note').text()).toMatch(facetSample === 3 ? /first 3 matching/ : /the matching records/);
          }
          expect(shown, `facetSample ${facetSample}`).toEqual(expected);
        } finally {
          await small.close();
        }
      }
    });

    it('shows bad parameters as a 400 page with the reason', async () => {
      const { status, $ } = await page('/?limit=abc&country=Niger');
      expect(status).toBe(400);
      expect($('.error-box').text()).toMatch(/limit/);
      expect($('.error-box').text()).toMatch(/country/);
      const impossible = await page('/?since=2024-02-31');
      expect(impossible.status).toBe(400);
      expect(impossible.$('.error-box').text()).toMatch(/since/);
    });
  });

  describe('record view /records/:id', () => {
    const marks = ($: cheerio.CheerioAPI, type: string) =>
      $(`.article-text mark.ent[data-type="${type}"]`)
        .map((_, m) => $(m).text())
        .get();

    it('highlights mentions from the extractor spans, by type, with a legend and the entity list', async () => {
      const { status, $ } = await page(`/records/${seeded.ids.sahel}`);
      expect(status).toBe(200);
      expect($('h1').text()).toBe('Burkina Faso and Mali extend joint border patrols');
      expect($('.byline').text()).toBe('Mariam Ouédraogo');
      expect(marks($, 'person')).toEqual(['Ibrahim Traoré', 'Abdoulaye Diop', 'Traoré']);
      expect(marks($, 'country')).toEqual(['Burkina Faso', 'Mali', 'Malian']);
      expect(marks($, 'organization')).toEqual(['African Union']);
      expect(marks($, 'place')).toEqual(['Ouagadougou']);
      expect(marks($, 'date')).toEqual(['Friday', 'March 2025']);
      expect($('.legend .key[data-type=person] .count').text()).toBe('3');
      expect($('.article-text p')).toHaveLength(3);
      expect($('.article-text').attr('lang')).toBe('en');
      const traore = $('.entity-list li[data-type=person]').first();
      expect(traore.find('.name').text()).toBe('Ibrahim Traoré');
      expect(traore.find('.aliases').text()).toContain('Traoré');
      expect(traore.find('.count').text()).toContain('2');
      expect(
        $('.entity-list li[data-type=country] .code')
          .map((_, c) => $(c).text())
          .get(),
      ).toEqual(['BF', 'ML']);
      expect($('dl.facts a[href="https://sahel-desk.example/2024/11/joint-patrols"]')).toHaveLength(1);
    });

    it('finds names and aliases in the text when there are no spans', async () => {
      const { $ } = await page(`/records/${seeded.ids.pacific}`);
      expect(marks($, 'country')).toEqual(['Fiji', 'New Zealand', 'New Zealand']);
      expect(marks($, 'person')).toEqual(['Sitiveni Rabuka']);
      expect(marks($, 'place')).toEqual(['Suva']);
      expect(marks($, 'date')).toEqual(['Wednesday']);
    });

    it('renders records made by the real pipeline, highlighting every entity the text names', async () => {
      for (const id of seeded.ids.pipeline) {
        const { status, $ } = await page(`/records/${id}`);
        expect(status).toBe(200);
        const record = (await seeded.store.get(id))!;
        const text = $('.article-text').text();
        // Every highlighted string is really in the text, and every entity name that occurs in the
        // text as a whole word is highlighted somewhere.
        const highlighted = new Set(
          $('.article-text mark.ent')
            .map((_, m) => $(m).attr('data-entity'))
            .get(),
        );
        const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        for (const p of record.entities.people)
          if (new RegExp(`(^|\\P{L})${esc(p.name)}(\\P{L}|$)`, 'u').test(record.text)) expect(highlighted.has(p.name), p.name).toBe(true);
        $('.article-text mark.ent').each((_, m) => expect(record.text).toContain($(m).text()));
        // Nothing of the text is lost or added by the highlighting (paragraph breaks aside).
        expect(text.replace(/\s+/g, '')).toBe(record.text.replace(/\s+/g, ''));
      }
    });

    it('shows the detected language and which extractors ran on pipeline records', async () => {
      const { $ } = await page(`/records/${seeded.ids.pipeline[0]}`);
      const facts = Object.fromEntries(
        $('dl.facts dt')
          .map((_, dt) => [[$(dt).text(), $(dt).next('dd').text()]])
          .get(),
      );
      const record = (await seeded.store.get(seeded.ids.pipeline[0]))!;
      expect(facts.Language).toBe(record.language);
      expect(record.extraction).toBeDefined();
      expect(facts.Extracted).toBe(`names ${record.extraction!.entities} · dates ${record.extraction!.dates}`);
    });

    it('links to earlier versions when the record was revised', async () => {
      const first = {
        ...handBuiltRecords()[2],
        url: 'https://baltic-monitor.example/revised',
        canonicalUrl: 'https://baltic-monitor.example/revised',
        text: 'Estonia signed the order on Monday.',
      };
      const { id } = await seeded.store.upsert(first);
      const before = await page(`/records/${id}`);
      expect(before.$('dl.facts a[href$="/revisions"]')).toHaveLength(0);
      expect((await seeded.store.upsert({ ...first, text: 'Estonia signed the order on Tuesday, officials said.' })).revision).toBe(2);
      const after = await page(`/records/${id}`);
      expect(after.$('.article-text').text()).toContain('Tuesday');
      expect(after.$('dl.facts a[href$="/revisions"]').attr('href')).toBe(`/api/records/${id}/revisions`);
    });

    it('answers 404 with a page for an unknown id', async () => {
      const { status, $ } = await page('/records/nope');
      expect(status).toBe(404);
      expect($('h1').text()).toBe('Not found');
    });

    it('sends a strict Content-Security-Policy that forbids scripts', async () => {
      const { headers } = await page(`/records/${seeded.ids.sahel}`);
      expect(headers['content-security-policy']).toMatch(/script-src 'none'/);
      expect(headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(headers['x-frame-options']).toBe('DENY');
      const css = await app.inject({ method: 'GET', url: '/assets/gleaner.css' });
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-type']).toMatch(/text\/css/);
    });
  });

  describe('hostile records are escaped', () => {
    /** No element or attribute that could run script, and no javascript: link. */
    function assertInert($: cheerio.CheerioAPI, body: string) {
      expect($('script, img, svg, iframe, object, embed, b')).toHaveLength(0);
      $('*').each((_, el) => {
        for (const name of Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {}))
          expect(name.startsWith('on'), name).toBe(false);
      });
      $('[href], [src], [action]').each((_, el) => {
        const v = $(el).attr('href') ?? $(el).attr('src') ?? $(el).attr('action') ?? '';
        expect(v.trim().toLowerCase().startsWith('javascript:'), v).toBe(false);
      });
      expect(body).not.toMatch(/<script/i);
      expect(body).not.toMatch(/<img/i);
    }

    it('escapes title, byline, site, text, entity names and URLs on the record page', async () => {
      const { status, body, $ } = await page(`/records/${seeded.ids.hostile}`);
      expect(status).toBe(200);
      assertInert($, body);
      const r = hostileRecord();
      // The payloads are shown to the analyst as text.
      expect($('h1').text()).toBe(r.title);
      expect($('.byline').text()).toBe(r.byline);
      expect($('.article-text').text()).toContain(XSS.script);
      expect($('.article-text').text()).toContain(XSS.img);
      expect($('.entity-list li[data-type=organization] .name').text()).toBe(r.entities.organizations[0].name);
      // The organization is highlighted under its name and its (hostile) alias, as text.
      expect(
        $('.article-text mark.ent[data-type=organization]')
          .map((_, m) => $(m).text())
          .get(),
      ).toEqual([XSS.script, r.entities.organizations[0].name]);
      // javascript: URLs are shown, not linked.
      expect(
        $('.unsafe-url')
          .map((_, e) => $(e).text())
          .get(),
      ).toEqual(expect.arrayContaining([XSS.jsUrl]));
    });

    it('escapes them on the list page and in facets too', async () => {
      const { body, $ } = await page('/');
      assertInert($, body);
      expect($(`li[data-id="${seeded.ids.hostile}"] a.title`).text()).toBe(hostileRecord().title);
      const filtered = await page(`/?entity=${encodeURIComponent(XSS.img)}&q=${encodeURIComponent(XSS.script)}`);
      assertInert(filtered.$, filtered.body);
      expect(filtered.$('input[name=q]').attr('value')).toBe(XSS.script);
    });
  });
});
