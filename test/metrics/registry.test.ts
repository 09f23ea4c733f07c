// The metrics text: gleaner's own families follow Prometheus naming, and the queues' families appear
// once each (HELP/TYPE) however many queues export them.
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createMetrics, metricsText } from '../../src/metrics/registry.js';
import { parsePrometheus } from '../helpers/prometheus.js';
import { REDIS_URL, deleteKeys } from '../helpers/queue-env.js';

const prefix = `gltest-${randomBytes(5).toString('hex')}`;

describe('metricsText', () => {
  const queues = ['fetch', 'process'].map((name) => new Queue(name, { connection: { url: REDIS_URL }, prefix }));
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.close()));
    await deleteKeys(REDIS_URL, `${prefix}:*`);
  });

  it('names counters *_total and durations *_seconds, and lists each family once', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.records.inc({ outcome: 'inserted' }, 2);
    metrics.stageSeconds.observe({ stage: 'clean' }, 0.02);
    await queues[0]!.add('fetch', { url: 'https://example.org/a' });
    const { samples, types } = parsePrometheus(await metricsText(metrics, queues));
    for (const [name, type] of types) {
      expect(name, name).toMatch(/^(gleaner|bullmq)_/);
      if (type === 'counter') expect(name).toMatch(/_total$/);
      if (type === 'histogram') expect(name).toMatch(/_seconds$/);
    }
    expect(samples.get('gleaner_records_total{outcome="inserted"}')).toBe(2);
    expect(samples.get('gleaner_stage_duration_seconds_count{stage="clean"}')).toBe(1);
    expect(samples.get('bullmq_job_count{queue="fetch",state="waiting"}')).toBe(1);
    expect(samples.get('bullmq_job_count{queue="process",state="waiting"}')).toBe(0);
  });

  it('still answers with the process metrics when Redis is away', async () => {
    const metrics = createMetrics();
    const gone = new Queue('fetch', {
      connection: { url: 'redis://127.0.0.1:1', maxRetriesPerRequest: 0, retryStrategy: () => null },
      prefix,
    });
    gone.on('error', () => {});
    const text = await metricsText(metrics, [gone]);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).not.toContain('bullmq_job_count');
    await gone.close().catch(() => {});
  });
});
