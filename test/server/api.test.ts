// The JSON API through fastify's inject, against each real store back end (SQLite and PostgreSQL).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { GleanerRecord } from '../../src/record/schema.js';
import type { StoredRecord } from '../../src/store/types.js';
import { BACKENDS } from '../store/backends.js';
import { seedStore, type Seeded } from './seed.js';

const TOKEN = 'api-test-token';

describe.each(BACKENDS)('API on $name', (backend) => {
  let seeded: Seeded;
  let app: FastifyInstance;
  const location = backend.create();

  beforeAll(async () => {
    seeded = await seedStore({ open: location.open });
    app = await buildApp({ store: seeded.store, config: { apiToken: TOKEN } });
  });

  afterAll(async () => {
    await app?.close();
    await seeded?.store.close();
    await location.cleanup();
  });

  async function getJson(url: string) {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  }

  const ids = (records: StoredRecord[]) => records.map((r) => r.id).sort();

  describe('GET /api/records', () => {
    it('lists every record with the total, each a valid GleanerRecord plus store fields', async () => {
      const { status, body } = await getJson('/api/records?limit=100');
      expect(status).toBe(200);
      expect(body.total).toBe(6);
      expect(body.records).toHaveLength(6);
      expect(body).toMatchObject({ limit: 100, offset: 0 });
      const all = [...seeded.ids.pipeline, seeded.ids.sahel, seeded.ids.pacific, seeded.ids.baltic].sort();
      expect(ids(body.records)).toEqual(all);
      for (const r of body.records) {
        expect(GleanerRecord.safeParse(r).success).toBe(true);
        expect(typeof r.id).toBe('string');
        expect(r.revision).toBe(1);
      }
    });

    it('paginates: pages are disjoint, cover everything, and keep the total', async () => {
      const seen: string[] = [];
      for (let offset = 0; offset < 6; offset += 4) {
        const { body } = await getJson(`/api/records?limit=4&offset=${offset}`);
        expect(body.total).toBe(6);
        expect(body.records.length).toBe(offset === 0 ? 4 : 2);
        seen.push(...body.records.map((r: StoredRecord) => r.id));
      }
      expect(new Set(seen).size).toBe(6);
      const { body: beyond } = await getJson('/api/records?offset=50');
      expect(beyond).toMatchObject({ total: 6, records: [] });
    });

    it('filters by country code (any case), several codes, and entity name', async () => {
      expect(ids((await getJson('/api/records?country=ml')).body.records)).toEqual([seeded.ids.sahel]);
      expect(ids((await getJson('/api/records?country=ee')).body.records)).toEqual([seeded.ids.baltic]);
      expect(ids((await getJson('/api/records?country=FJ&country=BF')).body.records)).toEqual([]);
      expect(ids((await getJson('/api/records?country=EE&country=LV')).body.records)).toEqual([seeded.ids.baltic]);
      const fj = await getJson('/api/records?country=FJ');
      expect(fj.body.total).toBe(1);
      expect(fj.body.records[0].title).toBe('Fiji and New Zealand sign maritime security pact');
      expect(ids((await getJson('/api/records?entity=Ibrahim%20Traor%C3%A9')).body.records)).toEqual([seeded.ids.sahel]);
      expect(ids((await getJson('/api/records?entity=African%20Union&type=organization')).body.records)).toEqual([seeded.ids.sahel]);
    });

    it('filters by entity id, and rejects a malformed one', async () => {
      const au = (await getJson('/api/records?entity=African%20Union&type=organization')).body.records[0].entities.organizations.find(
        (o: { name: string }) => o.name === 'African Union',
      );
      expect(au.id).toMatch(/^e[0-9a-z]+$/);
      expect(ids((await getJson(`/api/records?entityId=${au.id}`)).body.records)).toEqual([seeded.ids.sahel]);
      const bad = await getJson('/api/records?entityId=African%20Union');
      expect(bad.status).toBe(400);
    });

    it('filters by source host, date range and full-text query', async () => {
      expect(ids((await getJson('/api/records?source=pacific-wire.example')).body.records)).toEqual([seeded.ids.pacific]);
      const recent = await getJson('/api/records?since=2024-10&until=2024-12-31');
      expect(ids(recent.body.records)).toEqual([seeded.ids.sahel, seeded.ids.pacific].sort());
      const q = await getJson('/api/records?q=lithium');
      expect(q.body.total).toBe(1);
      expect(q.body.records[0].url).toBe('https://andesledger.example/markets/chile-lithium-copper');
      const phrase = await getJson('/api/records?q=%22air-defence%20systems%22');
      expect(ids(phrase.body.records)).toEqual([seeded.ids.baltic]);
    });

    it('rejects bad parameters with 400 and a JSON error naming them', async () => {
      const cases: Array<[string, RegExp]> = [
        ['/api/records?limit=0', /limit/],
        ['/api/records?limit=abc', /limit/],
        ['/api/records?limit=5000', /limit: must be ≤ 200/],
        ['/api/records?offset=-1', /offset/],
        ['/api/records?country=Mali', /country.*ISO 3166-1/],
        ['/api/records?type=animal', /type/],
        ['/api/records?since=yesterday', /since/],
        ['/api/records?contry=NE', /unknown parameter 'contry'/],
        ['/api/records?until=2024-13', /until/],
      ];
      for (const [url, message] of cases) {
        const { status, body, headers } = await getJson(url);
        expect(status, url).toBe(400);
        expect(headers['content-type']).toMatch(/application\/json/);
        expect(body.error.code, url).toBe('E_INPUT');
        expect(body.error.message, url).toMatch(message);
      }
    });
  });

  describe('GET /api/records/:id', () => {
    it('returns the stored record', async () => {
      const { status, body } = await getJson(`/api/records/${seeded.ids.baltic}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: seeded.ids.baltic, title: 'Estonia orders air-defence systems from Germany', byline: 'Kadri Tamm' });
      expect(body).toEqual(await seeded.store.get(seeded.ids.baltic));
      expect(body.entities.countries.map((c: { code: string }) => c.code)).toEqual(['EE', 'DE', 'LV']);
    });

    it('answers 404 with a JSON error for an unknown id, and lists revisions of a known one', async () => {
      const missing = await getJson('/api/records/r-does-not-exist');
      expect(missing.status).toBe(404);
      expect(missing.body.error.code).toBe('E_NOT_FOUND');
      const revs = await getJson(`/api/records/${seeded.ids.sahel}/revisions`);
      expect(revs.status).toBe(200);
      expect(revs.body.revisions.map((r: StoredRecord) => r.revision)).toEqual([1]);
    });
  });

  describe('GET /api/entities', () => {
    it('counts countries across records, with codes, articles and mentions', async () => {
      const { status, body } = await getJson('/api/entities?type=country');
      expect(status).toBe(200);
      const byCode = new Map(body.entities.map((e: { code: string }) => [e.code, e]));
      expect(byCode.get('LV')).toMatchObject({ type: 'country', name: 'Latvia', mentions: 1, articles: 1 });
      expect(byCode.get('NZ')).toMatchObject({ name: 'New Zealand', mentions: 2, articles: 1 });
      for (const code of ['BF', 'ML', 'FJ', 'EE', 'DE']) expect(byCode.has(code), code).toBe(true);
      expect(body.entities.every((e: { type: string }) => e.type === 'country')).toBe(true);
    });

    it('validates its parameters', async () => {
      expect((await getJson('/api/entities?type=planet')).status).toBe(400);
      expect((await getJson('/api/entities?limit=0')).status).toBe(400);
    });
  });

  describe('schema, health, errors', () => {
    it('lists its endpoints at /api', async () => {
      const { status, body } = await getJson('/api');
      expect(status).toBe(200);
      expect(Object.keys(body.endpoints)).toEqual(expect.arrayContaining(['GET /api/records', 'POST /api/enqueue', 'GET /healthz']));
      expect(body.queue).toBe('disabled');
    });

    it('publishes the record JSON Schema', async () => {
      const { status, body } = await getJson('/api/schema');
      expect(status).toBe(200);
      expect(body.type).toBe('object');
      expect(body.required).toEqual(expect.arrayContaining(['text', 'entities']));
      expect(Object.keys(body.properties.entities.properties).sort()).toEqual(['countries', 'dates', 'organizations', 'people', 'places']);
      expect(body.properties.entities.properties.countries.items.properties.code.pattern).toBe('^[A-Z]{2}$');
    });

    it('reports health, with the queue disabled when there is no producer', async () => {
      const { status, body } = await getJson('/healthz');
      expect(status).toBe(200);
      expect(body).toMatchObject({ ok: true, store: 'ok', queue: 'disabled' });
    });

    it('answers 503 with a clear JSON error on queue endpoints without Redis, and 404 for /queues', async () => {
      const auth = { authorization: `Bearer ${TOKEN}` };
      const res = await app.inject({ method: 'POST', url: '/api/enqueue', payload: { urls: ['https://example.org/a'] }, headers: auth });
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toMatchObject({ code: 'E_UNAVAILABLE', retryable: true });
      expect(res.json().error.message).toMatch(/Redis/);
      const feed = await app.inject({ method: 'POST', url: '/api/feeds', payload: { url: 'https://example.org/feed.xml' }, headers: auth });
      expect(feed.statusCode).toBe(503);
      expect((await app.inject({ method: 'GET', url: '/queues', headers: auth })).statusCode).toBe(404);
    });

    it('answers unknown API paths with a JSON 404, and sets strict headers', async () => {
      const { status, body, headers } = await getJson('/api/nope');
      expect(status).toBe(404);
      expect(body.error.code).toBe('E_NOT_FOUND');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['content-security-policy']).toMatch(/default-src 'none'/);
    });
  });
});
