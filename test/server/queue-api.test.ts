// The queue side of the server against the real Redis: bearer token, enqueue and feeds endpoints,
// Bull Board at /queues, and a 503 when the Redis connection goes away (through the tests' TCP fault
// proxy, closed). Each test run uses its own queue prefix and removes its keys.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Producer } from '../../src/queue/producer.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.mjs';
import { startQueueApp, type QueueApp } from './queue-app.js';

const TOKEN = 'test-token-' + randomBytes(8).toString('hex');

describe('queue endpoints with Redis', () => {
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

  const post = (url: string, payload: unknown, token: string | null = TOKEN) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('refuses POSTs without the bearer token, or with a wrong one', async () => {
    for (const token of [null, 'wrong-token']) {
      const res = await post('/api/enqueue', { urls: ['https://example.org/a'] }, token);
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.json().error.code).toBe('E_UNAUTHORIZED');
    }
    const fetchQueue = producer.getQueues().find((q) => q.name === 'fetch')!;
    expect(await fetchQueue.count()).toBe(0);
  });

  it('enqueues URLs (202), reports re-submissions as duplicates, and the jobs are in the fetch queue', async () => {
    const urls = ['https://news.example/one', 'https://news.example/two'];
    const first = await post('/api/enqueue', { urls });
    expect(first.statusCode).toBe(202);
    const jobs = first.json().jobs;
    expect(jobs.map((j: { url: string; status: string }) => [j.url, j.status])).toEqual(urls.map((u) => [u, 'queued']));
    const again = await post('/api/enqueue', { urls: [urls[0]] });
    expect(again.json().jobs[0]).toMatchObject({ status: 'duplicate', jobId: jobs[0].jobId });
    const fetchQueue = producer.getQueues().find((q) => q.name === 'fetch')!;
    const job = await fetchQueue.getJob(jobs[1].jobId);
    expect(job?.data.url).toBe(urls[1]);
  });

  it('validates the body: http(s) URLs only, at least one, JSON', async () => {
    const bad = await post('/api/enqueue', { urls: ['javascript:alert(1)'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/urls\.0: must be an absolute http\(s\) URL/);
    expect((await post('/api/enqueue', { urls: [] })).statusCode).toBe(400);
    expect((await post('/api/enqueue', { url: 'https://x.example/' })).statusCode).toBe(400);
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/enqueue',
      payload: '{oops',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error).toBeDefined();
  });

  it('applies the same URL limit and address guard as gleaner enqueue (400, nothing queued)', async () => {
    const fetchQueue = producer.getQueues().find((q) => q.name === 'fetch')!;
    const before = await fetchQueue.count();
    const long = await post('/api/enqueue', { urls: [`https://news.example/${'a'.repeat(2048)}`] });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/at most 2048 characters/);
    const blocked = await post('/api/enqueue', { urls: ['https://news.example/ok', 'http://[::ffff:0:7f00:1]/admin'] });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().error).toMatchObject({ code: 'E_BLOCKED_ADDRESS' });
    expect(blocked.json().error.message).toContain('GLEANER_ALLOW_PRIVATE=1');
    expect((await post('/api/feeds', { url: 'http://10.0.0.8/rss.xml' })).json().error.code).toBe('E_BLOCKED_ADDRESS');
    expect(await fetchQueue.count()).toBe(before);
  });

  it('adds a feed with its poll schedule (201) and rejects a bad interval', async () => {
    const res = await post('/api/feeds', { url: 'https://news.example/rss.xml', every: '1h' });
    expect(res.statusCode).toBe(201);
    const feed = res.json().feed;
    expect(feed).toMatchObject({ url: 'https://news.example/rss.xml', every: '1h' });
    expect(await rig.seeded.store.getFeed(feed.id)).toMatchObject({ url: 'https://news.example/rss.xml' });
    const feedsQueue = producer.getQueues().find((q) => q.name === 'feeds')!;
    expect(await feedsQueue.getJobSchedulersCount()).toBe(1);
    const bad = await post('/api/feeds', { url: 'https://news.example/rss.xml', every: 'often' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('E_INPUT');
  });

  it('serves Bull Board at /queues to token holders, writable', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const page = await app.inject({ method: 'GET', url: '/queues', headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<div id="root">');
    const api = await app.inject({ method: 'GET', url: '/queues/api/queues', headers: auth });
    expect(api.statusCode).toBe(200);
    const queues = api.json().queues as Array<{ name: string; readOnlyMode: boolean; counts: Record<string, number> }>;
    expect(queues.map((q) => q.name).sort()).toEqual(['feeds', 'fetch', 'process']);
    expect(queues.some((q) => q.readOnlyMode)).toBe(false);
    expect(queues.find((q) => q.name === 'fetch')!.counts.waiting).toBe(2);
    // The review page links to the dashboard now.
    const home = await app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('href="/queues"');
  });

  it('reports the queue as up in /healthz', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toMatchObject({ ok: true, queue: 'up' });
  });
});

describe('queue endpoints when Redis goes away', () => {
  let proxy: FaultProxy;
  let rig: QueueApp;
  let app: FastifyInstance;

  beforeAll(async () => {
    // A TCP proxy to the real Redis: closing it is a Redis outage as the server sees it.
    proxy = await startFaultProxy({ host: '127.0.0.1', port: 6379 });
    rig = await startQueueApp({ apiToken: TOKEN, redisUrl: proxy.url('redis://HOST:PORT') });
    ({ app } = rig);
  });

  afterAll(async () => {
    // Redis is away by then: stop without waiting on it (no obliterate; the test removed its jobs)
    await rig?.app.close();
    await rig?.producer.close();
    await rig?.seeded.store.close();
    await proxy?.close();
  });

  it('answers 503 with a clear JSON error, while the review page keeps working', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const ok = await app.inject({ method: 'POST', url: '/api/enqueue', payload: { urls: ['https://news.example/before'] }, headers: auth });
    expect(ok.statusCode).toBe(202);
    await rig.obliterate();

    await proxy.close();
    const res = await app.inject({ method: 'POST', url: '/api/enqueue', payload: { urls: ['https://news.example/after'] }, headers: auth });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ code: 'E_UNAVAILABLE', retryable: true });
    expect(res.json().error.message).toMatch(/Redis.*not reachable/);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ ok: true, queue: 'down' });
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
  });
});
