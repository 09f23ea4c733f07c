// The running pieces most queue tests need, started and stopped in one place: a test environment
// (random prefix, temp SQLite), a store, the workers and a producer. Servers stay with each test.
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { createProducer, type Producer } from '../../src/queue/producer.js';
import { startWorkers, type WorkerRuntime, type WorkerRuntimeOptions } from '../../src/queue/workers/index.js';
import { ensureBuilt } from './build.js';
import { makeQueueEnv, type QueueTestEnv } from './queue-env.js';

export interface QueueRig {
  env: QueueTestEnv;
  store: Store;
  runtime: WorkerRuntime;
  producer: Producer;
  /** Stops the producer, the workers and the store, then removes the prefix's keys and temp files. */
  close(): Promise<void>;
}

export async function startQueueRig(
  opts: {
    envOverrides?: Record<string, string>;
    /** The store to use (default: SQLite in the test environment's temp dir). */
    openStore?: (env: QueueTestEnv) => Promise<Store>;
    workers?: Omit<WorkerRuntimeOptions, 'store' | 'logger'>;
  } = {},
): Promise<QueueRig> {
  await ensureBuilt();
  const env = makeQueueEnv(opts.envOverrides);
  const store = await (opts.openStore ?? ((e) => openStore({ dbPath: e.config.dbPath })))(env);
  const runtime = await startWorkers(env.config, { logger: createLogger('silent', { pretty: false }), store, ...opts.workers });
  const producer = await createProducer(env.config, { store });
  return {
    env,
    store,
    runtime,
    producer,
    async close() {
      await producer.close();
      await runtime.close(10_000);
      await store.close();
      await env.cleanup();
    },
  };
}
