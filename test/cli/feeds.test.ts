import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { makeQueueEnv, type QueueTestEnv } from '../helpers/queue-env.js';
import { runCli } from '../helpers/run-cli.js';
import { feedIdFor } from '../../src/queue/job-ids.js';

describe('gleaner feeds', () => {
  let env: QueueTestEnv;
  let feedsQueue: Queue;
  const feedUrl = 'https://news.example.org/world/rss.xml';
  beforeAll(() => {
    env = makeQueueEnv();
    feedsQueue = new Queue('feeds', { connection: { url: env.config.redisUrl }, prefix: env.prefix });
  });
  afterAll(async () => {
    await feedsQueue?.close();
    await env?.cleanup();
  });

  it('add registers the feed and upserts one Job Scheduler; add again changes the interval', async () => {
    const id = feedIdFor(feedUrl);
    let r = await runCli(['feeds', 'add', feedUrl, '--every', '10m'], env.config);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${id}\t10m\t${feedUrl}\n`);
    expect((await feedsQueue.getJobScheduler(`feed-${id}`))?.every).toBe(600_000);
    r = await runCli(['feeds', 'add', feedUrl, '--every', '2h'], env.config);
    expect(r.code).toBe(0);
    expect(await feedsQueue.getJobSchedulersCount()).toBe(1);
    expect((await feedsQueue.getJobScheduler(`feed-${id}`))?.every).toBe(7_200_000);
  });

  it('add refuses a loopback feed URL up front (one line, exit ≠ 0) unless private addresses are allowed', async () => {
    const before = await feedsQueue.getJobSchedulersCount();
    const r = await runCli(['feeds', 'add', 'http://127.0.0.1:8080/rss.xml'], { ...env.config, allowPrivateAddresses: false });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^gleaner: refusing http:\/\/127\.0\.0\.1:8080\/rss\.xml: 127\.0\.0\.1 is not a public address \(loopback\); set GLEANER_ALLOW_PRIVATE=1 .* \[E_BLOCKED_ADDRESS\]\n$/,
    );
    const long = await runCli(['feeds', 'add', `https://news.example.org/${'x'.repeat(3000)}`], env.config);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/the limit is 2048/);
    expect(await feedsQueue.getJobSchedulersCount()).toBe(before);
  });

  it('list shows the feeds with their next poll, as a table or JSON', async () => {
    const r = await runCli(['feeds', 'list'], env.config);
    expect(r.code).toBe(0);
    const [head, row, ...rest] = r.stdout.trim().split('\n');
    expect(head).toBe('ID\tEVERY\tLAST\tLAST POLLED\tNEXT POLL\tURL');
    expect(rest).toEqual([]);
    const cells = row!.split('\t');
    expect(cells[0]).toBe(feedIdFor(feedUrl));
    expect(cells[1]).toBe('2h');
    expect(cells[4]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(cells[5]).toBe(feedUrl);
    const j = await runCli(['feeds', 'list', '--json'], env.config);
    const feed = JSON.parse(j.stdout.trim());
    expect(feed).toMatchObject({ id: feedIdFor(feedUrl), url: feedUrl, every: '2h', schedulerId: `feed-${feedIdFor(feedUrl)}` });
  });

  it('poll adds one poll job now, by id or by URL', async () => {
    const r = await runCli(['feeds', 'poll', feedUrl], env.config);
    expect(r.code).toBe(0);
    const [jobId, status, feedId] = r.stdout.trim().split('\t');
    expect(status).toBe('queued');
    expect(feedId).toBe(feedIdFor(feedUrl));
    const job = await feedsQueue.getJob(jobId!);
    expect(job?.name).toBe('poll');
    expect(job?.data).toEqual({ feedId: feedIdFor(feedUrl) });
  });

  it('remove deletes the feed and its scheduler; unknown ids and bad input are errors', async () => {
    const id = feedIdFor(feedUrl);
    let r = await runCli(['feeds', 'remove', id], env.config);
    expect(r.code).toBe(0);
    expect(await feedsQueue.getJobSchedulersCount()).toBe(0);
    expect((await runCli(['feeds', 'list', '--json'], env.config)).stdout).toBe('');
    r = await runCli(['feeds', 'remove', id], env.config);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`gleaner: feeds remove: no feed '${id}'\n`);
    r = await runCli(['feeds', 'poll', 'nope'], env.config);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no feed 'nope'/);
    r = await runCli(['feeds', 'add', feedUrl, '--every', 'often'], env.config);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read interval 'often'/);
    r = await runCli(['feeds', 'frobnicate'], env.config);
    expect(r.code).toBe(2);
  });
});
