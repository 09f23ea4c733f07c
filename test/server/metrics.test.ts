// GET /metrics on `gleaner serve`: the web process's metrics and the queues' job counts, scraped the
// way Prometheus does; open on loopback, behind the token when the server listens elsewhere.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createProducer, type Producer } from '../../src/queue/producer.js';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { REDIS_URL, deleteKeys } from '../helpers/queue-env.js';
import { parsePrometheus } from '../helpers/prometheus.js';

describe('GET /metrics', () => {
  const prefix = `gltest-${randomBytes(5).toString('hex')}`;
  let store: Store;
  let producer: Producer;

  beforeAll(async () => {
    store = await openStore({ dbPath: ':memory:' });
    producer = await createProducer({ ...loadConfig({ GLEANER_REDIS_URL: REDIS_URL, GLEANER_QUEUE_PREFIX: prefix }) }, { store });
  });
  afterAll(async () => {
    await producer?.close();
    await store?.close();
    await deleteKeys(REDIS_URL, `${prefix}:*`);
  });

  it('serves process and queue metrics in the Prometheus text format on loopback', async () => {
    await producer.enqueueUrls(['https://example.org/news/one.html', 'https://example.org/news/two.html']);
    const app = await buildApp({ store, producer, config: { apiToken: null, host: '127.0.0.1' } });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    await app.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const { samples } = parsePrometheus(res.body);
    expect(samples.get('bullmq_job_count{queue="fetch",state="waiting"}')).toBe(2);
    expect(samples.has('process_resident_memory_bytes')).toBe(true);
  });

  it('needs the token when the server is not on loopback', async () => {
    const app = await buildApp({ store, producer, config: { apiToken: 's3cret-token', host: '0.0.0.0' } });
    const anon = await app.inject({ method: 'GET', url: '/metrics' });
    const authed = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer s3cret-token' } });
    await app.close();
    expect(anon.statusCode).toBe(401);
    expect(authed.statusCode).toBe(200);
    expect(authed.body).toContain('bullmq_job_count');
  });
});
