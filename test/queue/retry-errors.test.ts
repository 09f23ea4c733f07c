// gleaner retry --code must not report success when Redis refuses the retry itself. A job that was
// retried or removed meanwhile is skipped; any other error (connection lost, no permission, OOM)
// goes up to the caller. The refusal is real: a user of the test's own redis-server that may read
// every key but not write (Redis checks ACLs on the commands a Lua script runs).
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryFailed } from '../../src/queue/retry.js';
import { waitFor } from '../helpers/queue-env.js';
import { startOwnRedis, type OwnRedis } from '../helpers/redis-server.mjs';

describe('retry by code, when Redis refuses', { timeout: 60_000 }, () => {
  let redis: OwnRedis;
  const prefix = 'gltest-retry-errors';
  const admin = () => ({ host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null });

  beforeAll(async () => {
    redis = await startOwnRedis();
    const r = new Redis(admin());
    await r.call('ACL', 'SETUSER', 'reader', 'on', '>reader-pass', '~*', '&*', '+@all', '-@write');
    await r.quit();
    const queue = new Queue('fetch', { connection: admin(), prefix });
    const worker = new Worker(
      'fetch',
      async () => {
        throw new Error('E_TEST_FAILURE: the page could not be read');
      },
      { connection: admin(), prefix },
    );
    await queue.add('fetch', { n: 1 }, { attempts: 1 });
    await queue.add('fetch', { n: 2 }, { attempts: 1 });
    await waitFor('two failed jobs', async () => (await queue.getFailedCount()) === 2, 30_000);
    await worker.close();
    await queue.close();
  }, 60_000);

  afterAll(async () => {
    await redis?.stop();
  });

  it('throws instead of answering 0 when every retry is refused', async () => {
    const conn = { host: '127.0.0.1', port: redis.port, username: 'reader', password: 'reader-pass', maxRetriesPerRequest: null };
    const queue = new Queue('fetch', { connection: conn, prefix });
    const client = new Redis(conn);
    try {
      await expect(retryFailed([queue], client, { code: 'E_TEST_FAILURE' })).rejects.toThrow(/can't run this command/);
      expect(await queue.getFailedCount()).toBe(2);
    } finally {
      await queue.close();
      client.disconnect();
    }
  });

  it('retries them all with a user that may write', async () => {
    const queue = new Queue('fetch', { connection: admin(), prefix });
    const client = new Redis(admin());
    try {
      expect(await retryFailed([queue], client, { code: 'E_TEST_FAILURE' })).toEqual([{ queue: 'fetch', retried: 2 }]);
      expect(await queue.getFailedCount()).toBe(0);
      // a second pass finds nothing left to retry
      expect(await retryFailed([queue], client, { code: 'E_TEST_FAILURE' })).toEqual([{ queue: 'fetch', retried: 0 }]);
    } finally {
      await queue.close();
      client.disconnect();
    }
  });
});
