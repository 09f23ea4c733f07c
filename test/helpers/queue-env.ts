// Shared set-up for queue tests: a random queue prefix on the shared Redis, a temp SQLite store,
// config pointing at both, and clean-up of every key under the prefix.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../../src/config.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';

export interface QueueTestEnv {
  prefix: string;
  dir: string;
  config: Config;
  /** The environment a `node bin/gleaner.js` child needs to use the same Redis prefix and store. */
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

export function makeQueueEnv(overrides: Record<string, string> = {}): QueueTestEnv {
  const prefix = `gltest-${randomBytes(5).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-queue-'));
  const vars: Record<string, string> = {
    GLEANER_REDIS_URL: REDIS_URL,
    GLEANER_QUEUE_PREFIX: prefix,
    GLEANER_DB_PATH: join(dir, 'gleaner.db'),
    GLEANER_ALLOW_PRIVATE: '1',
    GLEANER_POLITENESS_MS: '0',
    GLEANER_BACKOFF_MS: '100',
    GLEANER_LOG_LEVEL: 'warn',
    GLEANER_FETCH_CONCURRENCY: '4',
    GLEANER_PROCESS_CONCURRENCY: '1',
    ...overrides,
  };
  const config = loadConfig(vars);
  const env: NodeJS.ProcessEnv = { ...process.env, ...vars };
  delete env.GLEANER_DATABASE_URL;
  return {
    prefix,
    dir,
    config,
    env,
    async cleanup() {
      await deleteKeys(REDIS_URL, `${prefix}:*`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls `check` until it returns a truthy value (or throws after timeoutMs with `what`). */
export async function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 30_000, everyMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
