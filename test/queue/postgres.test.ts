// The team set-up: workers against PostgreSQL (the process worker threads open their own pool on
// the same schema). Own schema, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/store/open.js';
import { PostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/types.js';
import { createProducer, type Producer } from '../../src/queue/producer.js';
import { startWorkers, type WorkerRuntime } from '../../src/queue/workers/index.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { makeQueueEnv, waitFor, type QueueTestEnv } from '../helpers/queue-env.js';
import { ensureBuilt } from '../helpers/build.js';
import { articleUrl } from '../helpers/site.js';

const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

describe('queue workers on PostgreSQL', { timeout: 300_000 }, () => {
  const pgSchema = `gleaner_test_${randomBytes(6).toString('hex')}`;
  let env: QueueTestEnv;
  let server: FixtureServer;
  let store: Store;
  let runtime: WorkerRuntime;
  let producer: Producer;

  beforeAll(async () => {
    await ensureBuilt();
    env = makeQueueEnv({ GLEANER_DATABASE_URL: PG_URL });
    server = await startFixtureServer();
    store = await openStore({ databaseUrl: PG_URL, pgSchema });
    runtime = await startWorkers(env.config, { logger: createLogger('silent', { pretty: false }), store, pgSchema, queues: ['fetch', 'process'] });
    producer = await createProducer(env.config, { store });
  }, 240_000);

  afterAll(async () => {
    await producer?.close();
    await runtime?.close(10_000);
    await store?.close();
    await server?.close();
    const s = await PostgresStore.open({ url: PG_URL, schema: pgSchema });
    await s.dropSchema();
    await s.close();
    await env?.cleanup();
  });

  it('stores the records of enqueued URLs in PostgreSQL', async () => {
    expect(env.config.databaseUrl).toBe(PG_URL);
    const urls = [articleUrl(server, 'harbour-bridge-reopens.html'), articleUrl(server, 'library-night-opening.html')];
    await producer.enqueueUrls(urls);
    await waitFor('two records in PostgreSQL', async () => (await store.count()) === 2, 60_000);
    expect((await store.get(urls[0]!))!.title).toBe('Harbour bridge reopens after two-year repair');
    const raw = await store.getRaw((await store.get(urls[1]!))!.provenance!.rawHash!);
    expect(raw?.body.byteLength).toBeGreaterThan(500);
  });
});
