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
    expect(r.stdout.trim().split('\n')).toEqual([
      `${urlJobId(a)}\tqueued\t${a}`,
      `${urlJobId(b)}\tqueued\t${b}`,
      `${urlJobId(a)}\tduplicate\t${a}`,
    ]);
    expect(r.stderr).toBe('gleaner: 2 queued, 1 duplicate\n');
    expect(await fetchQueue.getWaitingCount()).toBe(2);
  });

  it('reads URLs from stdin with -, and --json gives NDJSON', async () => {
    const r = await runCli(
      ['enqueue', '--json', '-'],
      env.config,
      'https://example.com/news/c.html\n\n# a comment\nhttps://example.com/news/a.html\n',
    );
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
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

  it('refuses a URL longer than the API limit (2,048 characters) with one line, and queues nothing', async () => {
    const before = await fetchQueue.getWaitingCount();
    const huge = `https://example.com/${'a'.repeat(2 * 1024 * 1024)}`;
    const r = await runCli(['enqueue', 'https://example.com/fine.html', huge], env.config);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^gleaner: URL is 2097172 characters long, the limit is 2048: 'https:\/\/example\.com\/a+…' \[E_INPUT\]\n$/);
    expect(r.stderr.length).toBeLessThan(300);
    expect(await fetchQueue.getWaitingCount()).toBe(before);
    const edge = `https://example.com/${'b'.repeat(2048 - 'https://example.com/'.length)}`;
    expect((await runCli(['enqueue', edge], env.config)).code).toBe(0);
  });

  it('refuses private and loopback addresses up front unless GLEANER_ALLOW_PRIVATE=1, saying how to allow them', async () => {
    const strict = { ...env.config, allowPrivateAddresses: false };
    const before = await fetchQueue.getWaitingCount();
    for (const url of ['http://127.0.0.1:8080/a.html', 'http://[::ffff:0:7f00:1]/b.html', 'http://localhost:9/c.html']) {
      const r = await runCli(['enqueue', url], strict);
      expect(r.code, url).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^gleaner: refusing .* is not a public address \(.*loopback\); set GLEANER_ALLOW_PRIVATE=1 to allow private and loopback addresses \[E_BLOCKED_ADDRESS\]\n$/,
      );
    }
    expect(await fetchQueue.getWaitingCount()).toBe(before);
    // a name that does not resolve is left to the fetcher (which will say why)
    expect((await runCli(['enqueue', 'https://news.example.invalid/x.html'], strict)).code).toBe(0);
    // allowed: queued
    expect((await runCli(['enqueue', 'http://127.0.0.1:8080/a.html'], env.config)).stdout).toMatch(/\tqueued\t/);
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
