// The team set-up: workers against PostgreSQL (the process worker threads open their own pool on
// the same schema). Own schema, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { PostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/types.js';
import { type Producer } from '../../src/queue/producer.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { waitFor, type QueueTestEnv } from '../helpers/queue-env.js';
import { startQueueRig, type QueueRig } from '../helpers/queue-rig.js';
import { articleUrl } from '../helpers/site.js';

const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

describe('queue workers on PostgreSQL', { timeout: 300_000 }, () => {
  const pgSchema = `gleaner_test_${randomBytes(6).toString('hex')}`;
  let rig: QueueRig;
  let env: QueueTestEnv;
  let server: FixtureServer;
  let store: Store;
  let producer: Producer;

  beforeAll(async () => {
    server = await startFixtureServer();
    rig = await startQueueRig({
      envOverrides: { GLEANER_DATABASE_URL: PG_URL },
      openStore: () => openStore({ databaseUrl: PG_URL, pgSchema }),
      workers: { pgSchema, queues: ['fetch', 'process'] },
    });
    ({ env, store, producer } = rig);
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await server?.close();
    const s = await PostgresStore.open({ url: PG_URL, schema: pgSchema });
    await s.dropSchema();
    await s.close();
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
