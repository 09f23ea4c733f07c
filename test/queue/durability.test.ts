// Redis durability: our own redis-server (never the shared one) with AOF on. Jobs and feed
// schedulers added before a SHUTDOWN are all there after a restart on the same directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { checkRedisDurability } from '../../src/queue/connection.js';
import { createProducer } from '../../src/queue/producer.js';
import { readStatus } from '../../src/queue/status.js';
import { waitFor } from '../helpers/queue-env.js';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

describe('Redis durability (own redis-server with appendonly yes)', { timeout: 300_000 }, () => {
  let dir: string;
  let port: number;
  let redisProc: ChildProcess | null = null;

  async function startRedis(): Promise<void> {
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'everysec',
        '--maxmemory-policy',
        'noeviction',
        '--save',
        '',
      ],
      {
        stdio: 'ignore',
      },
    );
    redisProc = proc;
    await waitFor(
      'redis-server to accept connections',
      async () => {
        const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        r.on('error', () => {});
        try {
          await r.connect();
          return (await r.ping()) === 'PONG';
        } finally {
          r.disconnect();
        }
      },
      20_000,
      100,
    );
  }

  async function shutdownRedis(): Promise<void> {
    const proc = redisProc!;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    const r = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
    r.on('error', () => {});
    await r.call('SHUTDOWN').catch(() => {}); // the connection drops as the server exits
    r.disconnect();
    await exited;
    redisProc = null;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gleaner-redis-'));
    port = await freePort();
    await startRedis();
  }, 60_000);

  afterAll(async () => {
    if (redisProc && redisProc.exitCode === null) redisProc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
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

    await shutdownRedis();
    await startRedis();

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
