// observeWorkers turns BullMQ job events into metrics and, when tracing is on, stage spans. The two
// are independent: turning tracing on must not stop any metric from being counted. A real BullMQ
// worker on Redis, named like the feeds queue, completes jobs that return feed-poll results.
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Queue, Worker } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics, type GleanerMetrics } from '../../../src/metrics/registry.js';
import { startTracing, type Tracing } from '../../../src/metrics/tracing.js';
import { QUEUE_NAMES } from '../../../src/queue/queues.js';
import { observeWorkers } from '../../../src/queue/workers/observe.js';
import { deleteKeys, REDIS_URL, waitFor } from '../../helpers/queue-env.js';

const connection = { url: REDIS_URL, maxRetriesPerRequest: null };

async function counted(metrics: GleanerMetrics, name: string): Promise<Record<string, number>> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const out: Record<string, number> = {};
  for (const v of (metric?.values ?? []) as Array<{ value: number; labels: Record<string, string | number> }>) {
    out[Object.values(v.labels).join(',') || '-'] = v.value;
  }
  return out;
}

describe('observeWorkers on the feeds queue', { timeout: 60_000 }, () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function pollTwice(tracing: Tracing | null): Promise<GleanerMetrics> {
    const prefix = `gltest-observe-${randomBytes(5).toString('hex')}`;
    cleanups.push(() => deleteKeys(REDIS_URL, `${prefix}:*`));
    const queue = new Queue(QUEUE_NAMES.feeds, { connection, prefix });
    cleanups.push(() => queue.close());
    const results = [
      { feedId: 'f1', status: 200, notModified: false, items: 5, added: 3, skipped: 2, left: 0 },
      { feedId: 'f1', status: 304, notModified: true, items: 0, added: 0, skipped: 0, left: 0 },
    ];
    const worker = new Worker(QUEUE_NAMES.feeds, async (job) => results[job.data.n as number], { connection, prefix });
    cleanups.push(() => worker.close());
    const metrics = createMetrics({ defaultMetrics: false });
    observeWorkers(metrics, [worker], tracing);
    await queue.add('poll', { n: 0 });
    await queue.add('poll', { n: 1 });
    await waitFor(
      'two polls counted',
      async () => {
        const polls = await counted(metrics, 'gleaner_feed_polls_total');
        return Object.values(polls).reduce((a, b) => a + b, 0) >= 2 ? true : null;
      },
      20_000,
    );
    return metrics;
  }

  it('counts feed polls and new items without tracing', async () => {
    const metrics = await pollTwice(null);
    expect(await counted(metrics, 'gleaner_feed_polls_total')).toEqual({ new_items: 1, not_modified: 1 });
    expect(await counted(metrics, 'gleaner_feed_new_items_total')).toEqual({ '-': 3 });
  });

  it('counts them the same with tracing on', async () => {
    const tracing = (await startTracing({ exporter: new InMemorySpanExporter(), serviceName: 'gleaner-test' }))!;
    cleanups.push(() => tracing.shutdown());
    const metrics = await pollTwice(tracing);
    expect(await counted(metrics, 'gleaner_feed_polls_total')).toEqual({ new_items: 1, not_modified: 1 });
    expect(await counted(metrics, 'gleaner_feed_new_items_total')).toEqual({ '-': 3 });
  });
});
