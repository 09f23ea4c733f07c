// The review server with live queue endpoints, as the server tests need it: a seeded store, a
// producer on a throw-away queue prefix of the real Redis (or of a proxy in front of it), the app,
// and one close() that removes the prefix's queues and stops everything in order.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { createProducer, type Producer } from '../../src/queue/producer.js';
import { buildApp } from '../../src/server/app.js';
import { seedStore, type Seeded } from './seed.js';

export interface QueueApp {
  seeded: Seeded;
  producer: Producer;
  app: FastifyInstance;
  config: Config;
  /** Removes every job of the test's prefix (the queues stay usable). */
  obliterate(): Promise<void>;
  close(): Promise<void>;
}

export async function startQueueApp(overrides: Partial<Config> & { apiToken: string }): Promise<QueueApp> {
  const config: Config = { ...loadConfig({}), queuePrefix: `gleaner-test-srv-${randomBytes(6).toString('hex')}`, ...overrides };
  const seeded = await seedStore();
  const producer = await createProducer(config, { store: seeded.store });
  const app = await buildApp({ store: seeded.store, producer, config });
  const obliterate = async () => {
    for (const q of producer.getQueues()) await q.obliterate({ force: true }).catch(() => {});
  };
  return {
    seeded,
    producer,
    app,
    config,
    obliterate,
    async close() {
      await app.close();
      await obliterate();
      await producer.close();
      await seeded.store.close();
    },
  };
}
