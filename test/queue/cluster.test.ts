// gleaner on a Redis Cluster (three masters started by the test): the queue prefix carries a hash
// tag, so every key of the installation — BullMQ's and the host gate's — lands in one slot, and
// enqueue, the feed scheduler, processing and per-host politeness work as on a single Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterSafePrefix } from '../../src/config.js';
import { processDocument } from '../../src/pipeline.js';
import { emptyEntities } from '../../src/record/schema.js';
import { sha256Hex as sha256 } from '../../src/text/hash.js';
import { clusterNodes } from '../../src/queue/connection.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { waitFor } from '../helpers/queue-env.js';
import { runCli } from '../helpers/run-cli.js';
import { startQueueRig, type QueueRig } from '../helpers/queue-rig.js';
import { startRedisCluster, type RedisClusterFixture } from '../helpers/redis-cluster.js';
import { articlePage, articleUrl, serveSiteFeed, SITE_ARTICLES } from '../helpers/site.js';

const html = { 'content-type': 'text/html; charset=utf-8' };
const TOWNS = ['Ashford', 'Brixham', 'Carlow', 'Dunmore', 'Elgin'];
const GAP_MS = 400;

describe('cluster settings', () => {
  it('wraps a prefix in a hash tag only on a cluster, and keeps a tag the operator chose', () => {
    expect(clusterSafePrefix('gleaner', true)).toBe('{gleaner}');
    expect(clusterSafePrefix('gleaner', false)).toBe('gleaner');
    expect(clusterSafePrefix('team-{news}', true)).toBe('team-{news}');
  });
  it('reads seed nodes from comma-separated URLs', () => {
    expect(clusterNodes('redis://10.0.0.1:7000, redis://10.0.0.2:7001,10.0.0.3')).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: '10.0.0.2', port: 7001 },
      { host: '10.0.0.3', port: 6379 },
    ]);
  });
});

describe('queues on a three-master Redis Cluster', { timeout: 300_000 }, () => {
  let cluster: RedisClusterFixture;
  let rig: QueueRig;
  let server: FixtureServer;

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    server = await startFixtureServer();
    for (const [i, town] of TOWNS.entries())
      server.route(`/news/${i}.html`, { body: articlePage(`${town} opens a new library`, town), headers: html });
    rig = await startQueueRig({
      envOverrides: {
        GLEANER_REDIS_URL: cluster.url,
        GLEANER_REDIS_CLUSTER: '1',
        GLEANER_POLITENESS_MS: String(GAP_MS),
        GLEANER_FETCH_CONCURRENCY: '8',
      },
      workers: { lockDurationMs: 10_000 },
    });
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await server?.close();
    await cluster?.stop();
  });

  it('uses a hash-tagged prefix', () => {
    expect(rig.env.config.queuePrefix).toBe(`{${rig.env.prefix}}`);
  });

  it('enqueues, fetches politely and stores; a second submission is a duplicate', async () => {
    const urls = TOWNS.map((_, i) => server.url(`/news/${i}.html`));
    const results = await rig.producer.enqueueUrls(urls);
    expect(results.map((r) => r.status)).toEqual(urls.map(() => 'queued'));
    await waitFor('five records', async () => (await rig.store.count()) === urls.length, 120_000);
    for (const [i, town] of TOWNS.entries()) expect((await rig.store.get(urls[i]!))?.title).toBe(`${town} opens a new library`);
    // the host gate's Lua scripts ran on the cluster: the i-th request to the host comes no earlier
    // than i gaps after the first (slots are booked one gap apart; a request may only leave late)
    const times = server.requests
      .filter((r) => r.path.startsWith('/news/'))
      .map((r) => r.at)
      .sort((a, b) => a - b);
    expect(times).toHaveLength(TOWNS.length);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[0]!, `request ${i}`).toBeGreaterThanOrEqual(i * GAP_MS - 50);
    const again = await rig.producer.enqueueUrls([urls[0]!]);
    expect(again[0]!.status).toBe('duplicate');
  });

  it('runs a feed through its Job Scheduler', async () => {
    const feedUrl = serveSiteFeed(server);
    await rig.producer.addFeed(feedUrl, '2s');
    for (const name of SITE_ARTICLES) {
      await waitFor(`record ${name}`, async () => (await rig.store.get(articleUrl(server, name))) !== null, 120_000);
    }
    const schedulers = await rig.runtime.queues.feeds.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
  });

  it('reprocesses stored records through the process queue', async () => {
    const body = new TextEncoder().encode('Officials in Niamey met on Monday to discuss the harvest in Niger, the ministry said.');
    const rawHash = sha256(body);
    await rig.store.putRaw(rawHash, body, 'text/plain');
    const fresh = processDocument(body, { isText: true, url: 'https://reprocess.example/harvest' });
    const { id } = await rig.store.upsert({
      ...fresh,
      entities: emptyEntities(),
      provenance: { ...fresh.provenance!, pipelineVersion: '0.0.1' },
    });
    const r = await runCli(['reprocess', '--source', 'reprocess.example', '--queue'], rig.env.config);
    expect(r.stderr).not.toMatch(/failed:|does not answer/);
    expect(r.stdout).toBe('reprocessed 1: 1 changed, 0 unchanged, 0 failed, 0 skipped (no raw page)\n');
    expect((await rig.store.get(id))!.entities.places.map((p) => p.name)).toContain('Niamey');
  });

  it('keeps every key of the installation in one hash slot, on one node', async () => {
    const tag = rig.env.prefix;
    const slot = await cluster.cli(cluster.ports[0]!, 'cluster', 'keyslot', tag);
    let total = 0;
    const nodesWithKeys: number[] = [];
    for (const port of cluster.ports) {
      const keys = (await cluster.cli(port, '--scan', '--pattern', `*${tag}*`)).split('\n').filter(Boolean);
      if (keys.length) nodesWithKeys.push(port);
      total += keys.length;
      for (const key of keys.slice(0, 50)) expect(await cluster.cli(port, 'cluster', 'keyslot', key), key).toBe(slot);
    }
    expect(total).toBeGreaterThan(10); // queues, jobs, scheduler, host gate
    expect(nodesWithKeys).toHaveLength(1);
    const hostKeys = await cluster.cli(nodesWithKeys[0]!, '--scan', '--pattern', `*${tag}*:gleaner:host:*`);
    expect(hostKeys).toContain('gleaner:host:127.0.0.1');
  });
});
