import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProducer, type Producer } from '../../src/queue/producer.js';
import { urlJobId } from '../../src/queue/job-ids.js';
import { ServiceUnavailableError } from '../../src/errors.js';
import { makeQueueEnv, type QueueTestEnv } from '../helpers/queue-env.js';
import { REPO_ROOT, ensureBuilt } from '../helpers/build.js';

describe('producer', () => {
  let env: QueueTestEnv;
  let producer: Producer;

  beforeAll(async () => {
    env = makeQueueEnv();
    producer = await createProducer(env.config);
  });
  afterAll(async () => {
    await producer?.close();
    await env?.cleanup();
  });

  it('enqueues a URL under url-<sha256> and reports a re-submit as a duplicate', async () => {
    const url = 'https://news.example.org/2024/05/story.html?utm_source=x#top';
    const [first] = await producer.enqueueUrls([url]);
    expect(first).toEqual({ url: 'https://news.example.org/2024/05/story.html?utm_source=x#top', jobId: urlJobId(url), status: 'queued' });
    expect(first!.jobId).toMatch(/^url-[0-9a-f]{64}$/);
    // the same page without tracking noise is the same job
    const [again] = await producer.enqueueUrls(['https://NEWS.example.org/2024/05/story.html']);
    expect(again!.status).toBe('duplicate');
    expect(again!.jobId).toBe(first!.jobId);
    const fetchQueue = producer.getQueues().find((q) => q.name === 'fetch')!;
    expect(await fetchQueue.getWaitingCount()).toBe(1);
    const job = await fetchQueue.getJob(first!.jobId);
    expect(job?.data.url).toBe(url);
    expect(job?.opts.attempts).toBe(5);
  });

  it('re-queues a URL whose last job failed', async () => {
    const url = 'https://news.example.org/failed-once';
    const [first] = await producer.enqueueUrls([url]);
    const fetchQueue = producer.getQueues().find((q) => q.name === 'fetch')!;
    // make it fail the way a worker would: take it and move it to failed
    const token = 'test-token';
    const { Worker, UnrecoverableError } = await import('bullmq');
    const w = new Worker('fetch', null, { connection: { url: env.config.redisUrl }, prefix: env.prefix, autorun: false });
    let taken = await w.getNextJob(token);
    while (taken && taken.id !== first!.jobId) {
      await taken.moveToDelayed(Date.now() + 60_000, token);
      taken = await w.getNextJob(token);
    }
    expect(taken?.id).toBe(first!.jobId);
    await taken!.moveToFailed(new UnrecoverableError('E_HTTP: HTTP 404'), token);
    await w.close();
    expect(await fetchQueue.getJobState(first!.jobId)).toBe('failed');
    const [retry] = await producer.enqueueUrls([url]);
    expect(retry!.status).toBe('queued');
    expect(await fetchQueue.getJobState(first!.jobId)).toBe('waiting');
  });

  it('refuses non-http URLs with an input error', async () => {
    await expect(producer.enqueueUrls(['ftp://example.org/x'])).rejects.toThrow(/only http/);
    await expect(producer.enqueueUrls(['not a url'])).rejects.toThrow(/not a URL/);
  });

  it('manages a Job Scheduler per feed: upsert on add and change, remove on delete', async () => {
    const feeds = producer.getQueues().find((q) => q.name === 'feeds')!;
    const added = await producer.addFeed('https://news.example.org/rss.xml', '10m');
    expect(added.schedulerId).toBe(`feed-${added.id}`);
    let s = await feeds.getJobScheduler(added.schedulerId);
    expect(s?.every).toBe(600_000);
    // changing the interval updates the same scheduler
    await producer.addFeed('https://news.example.org/rss.xml', '1h');
    expect(await feeds.getJobSchedulersCount()).toBe(1);
    s = await feeds.getJobScheduler(added.schedulerId);
    expect(s?.every).toBe(3_600_000);
    const list = await producer.listFeeds();
    expect(list.map((f) => [f.id, f.every])).toEqual([[added.id, '1h']]);
    const poll = await producer.pollFeed(added.id);
    expect(await feeds.getJobState(poll.jobId)).toBe('waiting');
    expect(await producer.removeFeed(added.id)).toBe(true);
    expect(await feeds.getJobSchedulersCount()).toBe(0);
    expect(await producer.listFeeds()).toEqual([]);
    expect(await producer.removeFeed(added.id)).toBe(false);
  });

  it('fails fast with one clear error when Redis is down', async () => {
    const started = Date.now();
    const err = await createProducer({ ...env.config, redisUrl: 'redis://127.0.0.1:1' }, { connectTimeoutMs: 2_000 }).catch((e) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect(err.message).toBe('Redis is not reachable at redis://127.0.0.1:1');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('leaves nothing behind that keeps the process alive when Redis is down', async () => {
    // In a child process, so that its timers and sockets are the only ones: right after the
    // refusal, no ioredis reconnect or "destroy the stream" timer and no socket may be left
    // (one held every command that fell back or failed 2 s past its end).
    await ensureBuilt();
    const script = `
      import { writeSync } from 'node:fs';
      const { connectProducer } = await import(${JSON.stringify(join(REPO_ROOT, 'dist/queue/connection.js'))});
      const err = await connectProducer('redis://127.0.0.1:1').catch((e) => e);
      setImmediate(() => writeSync(1, JSON.stringify({ error: err.code, left: process.getActiveResourcesInfo() })));`;
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '-e', script], { timeout: 60_000 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    const { error, left } = JSON.parse(out) as { error: string; left: string[] };
    expect(error).toBe('E_UNAVAILABLE');
    // the setImmediate itself and the stdio pipes of execFile are all that may be there
    expect(left.filter((r) => r !== 'Immediate' && r !== 'PipeWrap')).toEqual([]);
  }, 90_000);
});
