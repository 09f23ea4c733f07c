// Entity pages, the entity/corrections API and the correction forms, through fastify's inject on
// both store back ends.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { chartSvg, timeline } from '../../src/server/pages/entity.js';
import { BACKENDS } from '../store/backends.js';
import { XSS, seedStore, type Seeded } from './seed.js';

const TOKEN = 'entities-test-token';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** The token cookie `gleaner serve` sets for a browser on localhost (port 80). */
const COOKIE = `gleaner_token_80=${TOKEN}`;
const BEARER = { authorization: `Bearer ${TOKEN}` };

describe('the mentions chart', () => {
  it('draws one point per day over a short range, empty days included', () => {
    const { unit, buckets } = timeline([
      { day: '2024-05-02', records: 1, mentions: 2 },
      { day: '2024-05-09', records: 2, mentions: 4 },
    ]);
    expect(unit).toBe('day');
    expect(buckets).toHaveLength(8);
    expect(buckets[0]).toEqual({ start: '2024-05-02', records: 1, mentions: 2 });
    expect(buckets[7]).toEqual({ start: '2024-05-09', records: 2, mentions: 4 });
    expect(chartSvg(unit, buckets).value.match(/<circle class="point"/g)).toHaveLength(8);
  });

  it('draws one point per ISO week over a long range', () => {
    const { unit, buckets } = timeline([
      { day: '2024-01-03', records: 1, mentions: 1 }, // a Wednesday: week of Monday 2024-01-01
      { day: '2024-01-04', records: 1, mentions: 1 },
      { day: '2024-06-30', records: 3, mentions: 5 }, // a Sunday: week of 2024-06-24
    ]);
    expect(unit).toBe('week');
    expect(buckets[0]).toEqual({ start: '2024-01-01', records: 2, mentions: 2 });
    expect(buckets.at(-1)).toEqual({ start: '2024-06-24', records: 3, mentions: 5 });
    expect(buckets).toHaveLength(26);
  });
});

describe.each(BACKENDS)('entity pages on $name', (backend) => {
  let seeded: Seeded;
  let app: FastifyInstance;
  let locked: FastifyInstance;
  const location = backend.create();

  beforeAll(async () => {
    seeded = await seedStore({ open: location.open, hostile: true });
    app = await buildApp({ store: seeded.store, config: { apiToken: TOKEN } });
    locked = app;
  });
  afterAll(async () => {
    await app?.close();
    await locked?.close();
    await seeded?.store.close();
    await location.cleanup();
  });

  it('renders an entity page: names, chart, seen-with links, records with the mention in context', async () => {
    const mali = (await seeded.store.getEntity('ML', 'country'))!;
    const res = await app.inject({ method: 'GET', url: `/entities/${mali.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'none'");
    const body = res.body;
    expect(body).toContain('<h1>');
    expect(body).toMatch(/<dd class="entity-type">Country<\/dd>/);
    expect(body).toContain(`data-points="${timeline(await seeded.store.entityDays(mali.id)).buckets.length}"`);
    expect(body).toMatch(/<a href="\/entities\/e[0-9a-z]+">Burkina Faso<\/a> <span class="count"[^>]*>1<\/span>/);
    expect(body).toContain(`href="/records/${seeded.ids.sahel}"`);
    expect(body).toMatch(/<mark class="ent t-country">Mali<\/mark>/);
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<img src=x');
  });

  it('lists entities with search and type filter, each a link', async () => {
    const res = await app.inject({ method: 'GET', url: '/entities?q=ouag&type=place' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<a href="\/entities\/e[0-9a-z]+">Ouagadougou<\/a>/);
    expect(res.body).not.toContain('>Tallinn<');
    const all = await app.inject({ method: 'GET', url: '/entities' });
    expect(all.body).toContain('>Tallinn<');
    expect(all.body).not.toContain(XSS.img);
  });

  it('links record-page sidebar entries and list chips to entity pages', async () => {
    const page = await app.inject({ method: 'GET', url: `/records/${seeded.ids.sahel}` });
    const traore = (await seeded.store.getEntity('Ibrahim Traoré'))!;
    expect(page.body).toContain(`href="/entities/${traore.id}"`);
    const list = await app.inject({ method: 'GET', url: '/?q=patrols' });
    expect(list.body).toMatch(
      new RegExp(`<a class="chip t-person" data-type="person" data-entity-id="${traore.id}" href="/entities/${traore.id}">`),
    );
    expect((await app.inject({ method: 'GET', url: `/?entityId=${traore.id}` })).body).toContain(`href="/records/${seeded.ids.sahel}"`);
  });

  it('answers 404 for an unknown or malformed entity id', async () => {
    expect((await app.inject({ method: 'GET', url: '/entities/e0000nope' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/entities/%3Cscript%3E' })).statusCode).toBe(404);
  });

  it('serves entities and corrections as JSON; corrections need the token', async () => {
    const tallinn = (await seeded.store.getEntity('Tallinn'))!;
    const one = await app.inject({ method: 'GET', url: `/api/entities/${tallinn.id}` });
    expect(one.json()).toMatchObject({
      entity: { id: tallinn.id, name: 'Tallinn', type: 'place' },
      days: [{ day: '2024-09-12', records: 1 }],
    });
    expect(
      (await app.inject({ method: 'GET', url: '/api/entities/search?q=tall' })).json().entities.map((e: { name: string }) => e.name),
    ).toEqual(['Tallinn']);

    const body = { op: 'retype', name: tallinn.id, to: 'organization' };
    expect((await locked.inject({ method: 'POST', url: '/api/corrections', payload: body })).statusCode).toBe(401);
    const made = await locked.inject({
      method: 'POST',
      url: '/api/corrections',
      payload: body,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(made.statusCode).toBe(201);
    const { correction, records } = made.json();
    expect(records).toBe(1);
    expect((await app.inject({ method: 'GET', url: '/api/records?entity=Tallinn&type=organization' })).json().total).toBe(1);
    expect((await locked.inject({ method: 'GET', url: '/api/lexicon' })).json().corrections.map((c: { id: string }) => c.id)).toContain(
      correction.id,
    );
    expect((await locked.inject({ method: 'POST', url: `/api/corrections/${correction.id}/undo` })).statusCode).toBe(401);
    const undone = await locked.inject({
      method: 'POST',
      url: `/api/corrections/${correction.id}/undo`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(undone.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/records?entity=Tallinn&type=place' })).json().total).toBe(1);
    expect(
      (
        await locked.inject({
          method: 'POST',
          url: '/api/corrections',
          payload: { op: 'explode', name: 'x' },
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('takes correction forms with the token cookie, refuses them without it or cross-site', async () => {
    const suva = (await seeded.store.getEntity('Suva'))!;
    const url = `/entities/${suva.id}/corrections`;
    const payload = form({ op: 'alias', alias: 'Suva City' });
    expect((await locked.inject({ method: 'POST', url, payload, headers: FORM })).statusCode).toBe(401);
    const page = await locked.inject({ method: 'GET', url: `/entities/${suva.id}` });
    expect(page.body).not.toContain('<form method="post"');
    const cross = await locked.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...FORM, cookie: COOKIE, origin: 'http://127.0.0.1:3000', host: 'localhost' },
    });
    expect(cross.statusCode).toBe(403);
    const ok = await locked.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...FORM, cookie: COOKIE, origin: 'http://localhost', host: 'localhost' },
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(new RegExp(`^/entities/${suva.id}\\?done=`));
    expect((await seeded.store.getEntity(suva.id))!.aliases).toContain('Suva City');
    const after = await locked.inject({
      method: 'GET',
      url: ok.headers.location as string,
      headers: { cookie: COOKIE, host: 'localhost' },
    });
    expect(after.body).toContain('<form method="post"');
    expect(after.body).toMatch(/alias “Suva”.*“Suva City”/s);
  });

  it('rejects an entity in one record from the record page form', async () => {
    const rabuka = (await seeded.store.getEntity('Sitiveni Rabuka'))!;
    const res = await app.inject({
      method: 'POST',
      url: `/records/${seeded.ids.pacific}/corrections`,
      payload: form({ op: 'reject', scope: 'record', entity: rabuka.id }),
      headers: { ...FORM, ...BEARER },
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/records/${seeded.ids.pacific}`);
    expect((await seeded.store.get(seeded.ids.pacific))!.entities.people).toEqual([]);
    expect((await seeded.store.listCorrections()).at(-1)!.correction).toMatchObject({ op: 'reject', recordId: seeded.ids.pacific });
  });

  it('escapes hostile entity names on entity pages', async () => {
    const evil = (await seeded.store.listEntities({ q: 'Evil' }))[0];
    const res = await app.inject({ method: 'GET', url: `/entities/${evil.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(XSS.img);
    expect(res.body).not.toContain(XSS.script);
    expect(res.body).toContain('Evil &lt;img src=x onerror=');
  });
});
