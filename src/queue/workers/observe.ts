// Feeds the Prometheus metrics from BullMQ's job events, in the worker's main thread: the sandboxed
// process threads report their stage timings in the job's return value, so no metric lives in a
// thread that Prometheus cannot see.
import type { Job, Worker } from 'bullmq';
import type { GleanerMetrics } from '../../metrics/registry.js';
import type { Tracing } from '../../metrics/tracing.js';
import type { FeedPollResult } from '../steps.js';
import { QUEUE_NAMES, type ProcessJobResult } from '../queues.js';
import type { FetchResultSummary } from './fetch.js';

/** The `E_…` code a failure reason starts with (job-errors.ts puts it there), else a coarse class. */
export function failureCode(message: string): string {
  const m = /^(E_[A-Z0-9_]+)/.exec(message);
  if (m) return m[1]!;
  if (/stalled more than allowable limit/i.test(message)) return 'E_STALLED';
  return 'E_OTHER';
}

export function observeWorkers(metrics: GleanerMetrics, workers: Worker[], tracing: Tracing | null = null): void {
  for (const worker of workers) {
    worker.on('failed', (job: Job | undefined, err: Error) => {
      const code = failureCode(err.message);
      metrics.failures.inc({ queue: worker.name, code });
      if (worker.name === QUEUE_NAMES.fetch) {
        const status = /\bHTTP (\d{3})\b/.exec(err.message)?.[1];
        metrics.fetchResponses.inc({ status: status ?? code });
      }
      if (worker.name === QUEUE_NAMES.feeds && job) metrics.feedPolls.inc({ result: 'failed' });
    });
    worker.on('completed', (job: Job) => {
      const value: unknown = job.returnvalue;
      if (!value || typeof value !== 'object') return;
      if (worker.name === QUEUE_NAMES.fetch) observeFetch(metrics, value as FetchResultSummary);
      else if (worker.name === QUEUE_NAMES.process) observeProcess(metrics, value as ProcessJobResult);
      else if (worker.name === QUEUE_NAMES.feeds) observeFeedPoll(metrics, value as Partial<FeedPollResult>, job);
      if (tracing) traceStages(tracing, job, worker.name, value);
    });
  }
}

function observeFetch(metrics: GleanerMetrics, r: FetchResultSummary): void {
  if (typeof r.status === 'number') metrics.fetchResponses.inc({ status: String(r.status) });
  if (typeof r.bytes === 'number') metrics.fetchBytes.inc(r.bytes);
  if (typeof r.seconds === 'number') metrics.stageSeconds.observe({ stage: 'fetch' }, r.seconds);
}

function observeProcess(metrics: GleanerMetrics, r: ProcessJobResult): void {
  if (r.status) metrics.records.inc({ outcome: r.status });
  for (const stage of ['clean', 'extract', 'store'] as const) {
    const s = r.timings?.[stage];
    if (typeof s === 'number') metrics.stageSeconds.observe({ stage }, s);
  }
}

function observeFeedPoll(metrics: GleanerMetrics, r: Partial<FeedPollResult>, job: Job): void {
  if (typeof r.status !== 'number') return; // skipped: the feed was removed
  metrics.feedPolls.inc({ result: r.notModified ? 'not_modified' : r.added ? 'new_items' : 'no_new_items' });
  if (r.added) metrics.feedItems.inc(r.added);
  if (job.processedOn && job.finishedOn) metrics.stageSeconds.observe({ stage: 'feed_poll' }, (job.finishedOn - job.processedOn) / 1000);
}

/**
 * A span per stage under the job's trace. The process stages ran in a sandbox thread, which has no
 * tracer; they are recorded here from their measured durations, laid end to end from the moment the
 * job started (clean, extract, store), and the fetch stage ends when the job did.
 */
function traceStages(tracing: Tracing, job: Job, queue: string, value: object): void {
  const parent = tracing.jobContext(job.opts.telemetry?.metadata);
  const attributes = {
    'gleaner.queue': queue,
    'gleaner.job_id': String(job.id),
    'gleaner.url': String((job.data as { url?: string }).url ?? ''),
  };
  const span = (name: string, startMs: number, seconds: number) =>
    tracing.tracer
      .startSpan(`gleaner.${name}`, { startTime: startMs, attributes: { ...attributes, 'gleaner.stage': name } }, parent)
      .end(startMs + seconds * 1000);
  if (queue === QUEUE_NAMES.fetch) {
    const r = value as FetchResultSummary;
    if (typeof r.seconds === 'number' && job.finishedOn) span('fetch', job.finishedOn - r.seconds * 1000, r.seconds);
  } else if (queue === QUEUE_NAMES.process) {
    const t = (value as ProcessJobResult).timings;
    let at = job.processedOn ?? Date.now();
    for (const stage of ['clean', 'extract', 'store'] as const) {
      const s = t?.[stage];
      if (typeof s !== 'number') continue;
      span(stage, at, s);
      at += s * 1000;
    }
  }
}
