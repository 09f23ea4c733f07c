import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { makeQueueEnv, type QueueTestEnv } from '../helpers/queue-env.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { ensureBuilt } from '../helpers/build.js';
import { urlJobId } from '../../src/queue/job-ids.js';

describe('gleaner enqueue', { timeout: 300_000 }, () => {
  let env: QueueTestEnv;
  let fetchQueue: Queue;
  beforeAll(async () => {
    env = makeQueueEnv();
    fetchQueue = new Queue('fetch', { connection: { url: env.config.redisUrl }, prefix: env.prefix });
  });
  afterAll(async () => {
    await fetchQueue?.close();
    await env?.cleanup();
  });

  it('prints job id, status and URL per URL, duplicates included', async () => {
    const a = 'https://example.com/news/a.html';
    const b = 'https://example.com/news/b.html';
    const r = await runCli(['enqueue', a, b, a], env.config);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([`${urlJobId(a)}\tqueued\t${a}`, `${urlJobId(b)}\tqueued\t${b}`, `${urlJobId(a)}\tduplicate\t${a}`]);
    expect(r.stderr).toBe('gleaner: 2 queued, 1 duplicate\n');
    expect(await fetchQueue.getWaitingCount()).toBe(2);
  });

  it('reads URLs from stdin with -, and --json gives NDJSON', async () => {
    const r = await runCli(['enqueue', '--json', '-'], env.config, 'https://example.com/news/c.html\n\n# a comment\nhttps://example.com/news/a.html\n');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.status)).toEqual(['queued', 'duplicate']);
    expect(lines[0].jobId).toBe(urlJobId('https://example.com/news/c.html'));
  });

  it('rejects a bad URL with exit 2 and queues nothing', async () => {
    const before = await fetchQueue.getWaitingCount();
    const r = await runCli(['enqueue', 'https://example.com/ok.html', 'file:///etc/passwd'], env.config);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gleaner: only http\(s\) URLs can be fetched: 'file:\/\/\/etc\/passwd'/);
    expect(await fetchQueue.getWaitingCount()).toBe(before);
  });

  it('fails fast with one line and a non-zero exit when Redis is down', async () => {
    await ensureBuilt();
    const started = Date.now();
    const r = await runBin(['enqueue', 'https://example.com/x.html'], { ...env.env, GLEANER_REDIS_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('gleaner: Redis is not reachable at redis://127.0.0.1:1 [E_UNAVAILABLE]\n');
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
