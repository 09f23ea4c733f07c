// Redis durability: our own redis-server (never the shared one) with AOF on. Jobs and feed
// schedulers added before a SHUTDOWN are all there after a restart on the same directory.
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { checkRedisDurability } from '../../src/queue/connection.js';
import { createProducer } from '../../src/queue/producer.js';
import { readStatus } from '../../src/queue/status.js';
import { startOwnRedis, type OwnRedis } from '../helpers/redis-server.mjs';

describe('Redis durability (own redis-server with appendonly yes)', { timeout: 300_000 }, () => {
  let redis: OwnRedis;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    redis = await startOwnRedis();
    ({ port, dir } = redis);
  }, 60_000);

  afterAll(async () => {
    await redis?.stop();
  });

  it('keeps every waiting job and every scheduler across SHUTDOWN and restart', async () => {
    const config = {
      ...loadConfig({
        GLEANER_REDIS_URL: `redis://127.0.0.1:${port}`,
        GLEANER_QUEUE_PREFIX: 'durable',
        GLEANER_DB_PATH: join(dir, 'store.db'),
      }),
    };
    const producer = await createProducer(config);
    const durability = await checkRedisDurability(producer.redis);
    expect(durability).toEqual({ appendonly: 'yes', maxmemoryPolicy: 'noeviction', warnings: [] });

    const urls = Array.from({ length: 25 }, (_, i) => `https://news.example.org/2024/story-${i}.html`);
    const queued = await producer.enqueueUrls(urls);
    expect(queued.every((r) => r.status === 'queued')).toBe(true);
    const feeds = await Promise.all([
      producer.addFeed('https://news.example.org/rss.xml', '15m'),
      producer.addFeed('https://other.example.net/atom.xml', '1h'),
    ]);
    const before = await readStatus(producer.getQueues());
    await producer.close();
    expect(before.queues.fetch!.waiting).toBe(25);
    expect(before.schedulers).toHaveLength(2);

    await redis.restart();

    const again = await createProducer(config);
    try {
      const after = await readStatus(again.getQueues());
      expect(after.queues.fetch!.waiting).toBe(25);
      expect(after.schedulers.map((s) => s.id).sort()).toEqual(feeds.map((f) => f.schedulerId).sort());
      expect(after.schedulers.map((s) => s.every).sort((a, b) => a! - b!)).toEqual([900_000, 3_600_000]);
      const fetchQueue = again.getQueues().find((q) => q.name === 'fetch')!;
      const waiting = await fetchQueue.getWaiting(0, -1);
      expect(waiting.map((j) => j.data.url).sort()).toEqual([...urls].sort());
      // the dedup layer survived too: a re-submit is still a duplicate
      const [dup] = await again.enqueueUrls([urls[0]!]);
      expect(dup!.status).toBe('duplicate');
    } finally {
      await again.close();
    }
  });

  it('warns when AOF is off or the eviction policy is not noeviction', async () => {
    const r = new Redis({ port, host: '127.0.0.1' });
    try {
      await r.config('SET', 'appendonly', 'no');
      await r.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const d = await checkRedisDurability(r);
      expect(d.appendonly).toBe('no');
      expect(d.maxmemoryPolicy).toBe('allkeys-lru');
      expect(d.warnings).toHaveLength(2);
      expect(d.warnings[0]).toMatch(/appendonly is OFF/);
      expect(d.warnings[1]).toMatch(/maxmemory-policy is allkeys-lru/);
    } finally {
      r.disconnect();
    }
  });
});
