// Who may do what on the review server (issue 7 §4, the Jupyter token pattern), over plain HTTP
// through fastify's inject: every write and every dashboard request needs the token (bearer header
// or the cookie set by visiting ?token=…), read-only pages stay open on loopback, a Host that is not
// loopback / the bind address / the allow-list gets 403 (DNS rebinding), and on a non-loopback bind
// the read-only pages need the token too. The dashboard runs against the real Redis on a throw-away
// queue prefix.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Producer } from '../../src/queue/producer.js';
import { buildApp } from '../../src/server/app.js';
import { startQueueApp, type QueueApp } from './queue-app.js';
import { seedStore, type Seeded } from './seed.js';

const TOKEN = 'tok-' + randomBytes(12).toString('hex');
/** inject's default Host is localhost:80, so the cookie is the one for port 80. */
const COOKIE = 'gleaner_token_80';

describe('token: writes and the queue dashboard', () => {
  let rig: QueueApp;
  let producer: Producer;
  let app: FastifyInstance;

  beforeAll(async () => {
    rig = await startQueueApp({ apiToken: TOKEN });
    ({ producer, app } = rig);
  });

  afterAll(async () => {
    await rig?.close();
  });

  const fetchQueue = () => producer.getQueues().find((q) => q.name === 'fetch')!;

  it('cannot empty a queue through Bull Board without the token; can with the bearer header', async () => {
    await producer.enqueueUrls(['https://news.example/empty-1', 'https://news.example/empty-2']);
    expect(await fetchQueue().count()).toBe(2);
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { cookie: `${COOKIE}=wrong` }]) {
      const res = await app.inject({ method: 'PUT', url: '/queues/api/queues/fetch/empty', headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.json().error.code).toBe('E_UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect(await fetchQueue().count()).toBe(2);
    const ok = await app.inject({ method: 'PUT', url: '/queues/api/queues/fetch/empty', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    expect(await fetchQueue().count()).toBe(0);
  });

  it('serves every dashboard request (page, assets, API) only with the token, then writable', async () => {
    for (const url of ['/queues', '/queues/', '/queues/api/queues', '/queues/api/redis/stats']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.body, url).not.toMatch(/redis_version|news\.example/);
    }
    const page = await app.inject({ method: 'GET', url: '/queues', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const api = await app.inject({ method: 'GET', url: '/queues/api/queues', headers: { cookie: `${COOKIE}=${TOKEN}` } });
    expect(api.statusCode).toBe(200);
    const queues = api.json().queues as Array<{ name: string; readOnlyMode: boolean }>;
    expect(queues.map((q) => q.name).sort()).toEqual(['feeds', 'fetch', 'process']);
    expect(queues.some((q) => q.readOnlyMode)).toBe(false);
  });

  it('answers an HTML page (not JSON) to a browser at /queues without the token', async () => {
    const res = await app.inject({ method: 'GET', url: '/queues' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/\?token=/);
  });

  it('needs the token on every POST; the cookie counts, from the same origin only', async () => {
    const body = { urls: ['https://news.example/post-1'] };
    const none = await app.inject({ method: 'POST', url: '/api/enqueue', payload: body });
    expect(none.statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/feeds', payload: { url: 'https://news.example/rss' } })).statusCode).toBe(401);
    expect(await fetchQueue().count()).toBe(0);
    const cookie = await app.inject({
      method: 'POST',
      url: '/api/enqueue',
      payload: body,
      headers: { cookie: `${COOKIE}=${TOKEN}`, origin: 'http://localhost' },
    });
    expect(cookie.statusCode).toBe(202);
    // Another port on the same host is the same *site*, so a SameSite=Strict cookie still goes
    // with its requests; the Origin header tells them apart.
    const sameSite = await app.inject({
      method: 'POST',
      url: '/api/enqueue',
      payload: { urls: ['https://news.example/post-2'] },
      headers: { cookie: `${COOKIE}=${TOKEN}`, origin: 'http://localhost:3000' },
    });
    expect(sameSite.statusCode).toBe(403);
    expect(sameSite.json().error.code).toBe('E_FORBIDDEN');
    const bearerCrossOrigin = await app.inject({
      method: 'POST',
      url: '/api/enqueue',
      payload: { urls: ['https://news.example/post-3'] },
      headers: { authorization: `Bearer ${TOKEN}`, origin: 'http://localhost:3000' },
    });
    expect(bearerCrossOrigin.statusCode).toBe(202);
    expect(await fetchQueue().count()).toBe(2);
  });

  it('trades ?token= for an HttpOnly, SameSite=Strict cookie and redirects to the clean URL', async () => {
    const res = await app.inject({ method: 'GET', url: `/queues?token=${TOKEN}` });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/queues');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain(`${COOKIE}=${TOKEN}`);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//i);
    const keepsOthers = await app.inject({ method: 'GET', url: `/?country=EE&token=${TOKEN}&q=air` });
    expect(keepsOthers.statusCode).toBe(302);
    expect(keepsOthers.headers.location).toBe('/?country=EE&q=air');
    const wrong = await app.inject({ method: 'GET', url: '/?token=nope' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('keeps the read-only pages and GET APIs open on loopback', async () => {
    for (const url of [
      '/',
      `/records/${rig.seeded.ids.sahel}`,
      '/api/records',
      '/api/entities',
      '/api/schema',
      '/healthz',
      '/assets/gleaner.css',
    ]) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });
});

describe('token when none is configured', () => {
  it('still refuses writes: the app makes a token nobody was given', async () => {
    const seeded = await seedStore();
    const app = await buildApp({ store: seeded.store, config: { apiToken: null } });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/enqueue', payload: { urls: ['https://news.example/x'] } });
      expect(res.statusCode).toBe(401);
      expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await seeded.store.close();
    }
  });
});

describe('Host header (DNS rebinding)', () => {
  let seeded: Seeded;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    seeded = await seedStore();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await seeded?.store.close();
  });

  async function make(config: Record<string, unknown>) {
    const app = await buildApp({ store: seeded.store, config: { apiToken: TOKEN, ...config } });
    apps.push(app);
    return (host: string, url = '/api/records', headers: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url, headers: { host, ...headers } });
  }

  it('accepts loopback names and addresses, with or without a port', async () => {
    const get = await make({ host: '127.0.0.1' });
    for (const host of ['localhost', 'localhost:8080', 'LOCALHOST:8080', '127.0.0.1', '127.0.0.1:8080', '[::1]:8080', '[::1]']) {
      expect((await get(host)).statusCode, host).toBe(200);
    }
  });

  it('refuses any other Host with 403, on pages, APIs and /healthz, token or not', async () => {
    const get = await make({ host: '127.0.0.1' });
    for (const host of [
      'attacker.example',
      'attacker.example:8080',
      'localhost.attacker.example',
      '127.0.0.1.nip.io:8080',
      'user@localhost',
      '10.0.0.7:8080',
      'localhost:8080/x',
    ]) {
      for (const url of ['/', '/api/records', '/healthz']) {
        const res = await get(host, url, { authorization: `Bearer ${TOKEN}` });
        expect(res.statusCode, `${host} ${url}`).toBe(403);
      }
    }
    const res = await get('attacker.example', '/api/records');
    expect(res.json().error.code).toBe('E_FORBIDDEN_HOST');
    expect(res.json().error.message).toMatch(/GLEANER_ALLOWED_HOSTS/);
  });

  it('accepts the bind address and the configured allow-list (a port in an entry pins it)', async () => {
    const get = await make({ host: '127.0.0.1', allowedHosts: ['review.example.org', 'Intranet.Example:9000'] });
    expect((await get('review.example.org')).statusCode).toBe(200);
    expect((await get('review.example.org:8443')).statusCode).toBe(200);
    expect((await get('REVIEW.example.org.')).statusCode).toBe(200);
    expect((await get('intranet.example:9000')).statusCode).toBe(200);
    expect((await get('intranet.example:9001')).statusCode).toBe(403);
    expect((await get('other.example.org')).statusCode).toBe(403);
    const onLan = await make({ host: '192.168.7.20' });
    const res = await onLan('192.168.7.20:8080', '/api/records', { authorization: `Bearer ${TOKEN}` });
    expect(res.statusCode).toBe(200);
  });
});

describe('non-loopback bind with a token', () => {
  let seeded: Seeded;
  let app: FastifyInstance;
  beforeAll(async () => {
    seeded = await seedStore();
    app = await buildApp({ store: seeded.store, config: { apiToken: TOKEN, host: '0.0.0.0' } });
  });
  afterAll(async () => {
    await app?.close();
    await seeded?.store.close();
  });

  it('needs the token for the read-only pages and GET APIs too; /healthz and the stylesheet stay open', async () => {
    for (const url of ['/', `/records/${seeded.ids.sahel}`, '/api/records', '/api/entities']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      expect((await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${TOKEN}` } })).statusCode, url).toBe(200);
      expect((await app.inject({ method: 'GET', url, headers: { cookie: `${COOKIE}=${TOKEN}` } })).statusCode, url).toBe(200);
    }
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/assets/gleaner.css' })).statusCode).toBe(200);
    const login = await app.inject({ method: 'GET', url: `/?token=${TOKEN}` });
    expect(login.statusCode).toBe(302);
  });
});
