// Prometheus metrics (prom-client): what one gleaner process counts, named after Prometheus
// conventions (`gleaner_…_total` counters, `_seconds` histograms, base units, few label values).
// Workers fill them from BullMQ's job events (workers/observe.ts); `gleaner serve` and
// `gleaner worker --metrics-port` expose them with the queues' own metrics (metricsText).
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Stages timed per article: fetch (robots + politeness-free GET + raw bytes stored), clean, extract, store (upsert). */
export const STAGES = ['fetch', 'clean', 'extract', 'store', 'feed_poll'] as const;
export type Stage = (typeof STAGES)[number];

export interface GleanerMetrics {
  registry: Registry;
  stageSeconds: Histogram<'stage'>;
  records: Counter<'outcome'>;
  failures: Counter<'queue' | 'code'>;
  fetchResponses: Counter<'status'>;
  fetchBytes: Counter;
  feedPolls: Counter<'result'>;
  feedItems: Counter;
}

export function createMetrics(opts: { defaultMetrics?: boolean } = {}): GleanerMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    stageSeconds: new Histogram({
      name: 'gleaner_stage_duration_seconds',
      help: 'Time one article (or one feed poll) spent in a pipeline stage',
      labelNames: ['stage'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    records: new Counter({
      name: 'gleaner_records_total',
      help: 'Articles upserted into the store, by outcome (inserted, updated, unchanged, syndicated…)',
      labelNames: ['outcome'],
      registers,
    }),
    failures: new Counter({
      name: 'gleaner_job_failures_total',
      help: 'Failed job attempts, by queue and error code',
      labelNames: ['queue', 'code'],
      registers,
    }),
    fetchResponses: new Counter({
      name: 'gleaner_fetch_responses_total',
      help: 'Page fetches, by HTTP status (or error code when there was no response)',
      labelNames: ['status'],
      registers,
    }),
    fetchBytes: new Counter({ name: 'gleaner_fetch_bytes_total', help: 'Bytes of page bodies fetched', registers }),
    feedPolls: new Counter({
      name: 'gleaner_feed_polls_total',
      help: 'Feed polls, by result (new_items, no_new_items, not_modified, failed)',
      labelNames: ['result'],
      registers,
    }),
    feedItems: new Counter({ name: 'gleaner_feed_new_items_total', help: 'New feed items turned into fetch jobs', registers }),
  };
}

/** Something that can export its metrics in the Prometheus text format (a BullMQ Queue). */
export interface PrometheusSource {
  exportPrometheusMetrics(globalVariables?: Record<string, string>): Promise<string>;
}

/**
 * The registry's metrics, then each queue's (BullMQ's `bullmq_job_count{queue,state}`). Every queue
 * repeats the HELP/TYPE lines of the same family, which the text format allows only once.
 */
export async function metricsText(metrics: GleanerMetrics, queues: PrometheusSource[] = []): Promise<string> {
  const parts = [await metrics.registry.metrics()];
  const seen = new Set<string>();
  for (const queue of queues) {
    let text: string;
    try {
      text = await queue.exportPrometheusMetrics();
    } catch {
      continue; // Redis away: the process metrics still answer
    }
    parts.push(
      text
        .split('\n')
        .filter((line) => {
          if (!line.startsWith('# ')) return line.trim() !== '';
          if (seen.has(line)) return false;
          seen.add(line);
          return true;
        })
        .join('\n'),
    );
  }
  return parts.map((p) => p.trimEnd()).join('\n') + '\n';
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
