// OpenTelemetry traces through the real queues, exported to an in-memory exporter: BullMQ's spans
// (bullmq-otel) and a span per pipeline stage, all stages of one article in the trace that started
// when its fetch job ran. Without an endpoint, tracing is off.
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing, type Tracing } from '../../src/metrics/tracing.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { waitFor } from '../helpers/queue-env.js';
import { startQueueRig, type QueueRig } from '../helpers/queue-rig.js';
import { articleUrl } from '../helpers/site.js';

describe('tracing', { timeout: 300_000 }, () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let rig: QueueRig;
  let server: FixtureServer;

  beforeAll(async () => {
    tracing = (await startTracing({ exporter, serviceName: 'gleaner-test' }))!;
    server = await startFixtureServer();
    rig = await startQueueRig({ workers: { tracing, queues: ['fetch', 'process'] } });
  }, 240_000);
  afterAll(async () => {
    await rig?.close();
    await server?.close();
    await tracing?.shutdown();
  });

  it('is off without an endpoint', async () => {
    expect(await startTracing({ endpoint: null })).toBeNull();
  });

  it("records BullMQ spans and one span per stage, each under its job's consumer span", async () => {
    const url = articleUrl(server, 'harbour-bridge-reopens.html');
    await rig.producer.enqueueUrls([url]);
    await waitFor('the record', async () => (await rig.store.get(url)) !== null, 120_000);
    const spans = await waitFor(
      'the store span',
      () => {
        const all = exporter.getFinishedSpans();
        return all.some((s) => s.name === 'gleaner.store') ? all : null;
      },
      30_000,
    );
    const byName = (name: string): ReadableSpan[] => spans.filter((s) => s.name === name);
    for (const stage of ['fetch', 'clean', 'extract', 'store']) {
      const [span] = byName(`gleaner.${stage}`);
      expect(span, stage).toBeDefined();
      expect(span!.attributes['gleaner.url']).toBe(url);
      expect(span!.resource.attributes['service.name']).toBe('gleaner-test');
    }
    // BullMQ's own spans: each job processed (a consumer span), the process job added from inside
    // the fetch job; every stage span is a child of the consumer span of its job
    const consumer = (queue: string) => spans.find((s) => s.name.startsWith('process ') && s.attributes['bullmq.queue.name'] === queue);
    const names = spans.map((s) => s.name).join(', ');
    expect(consumer('fetch'), names).toBeDefined();
    expect(consumer('process'), names).toBeDefined();
    expect(
      spans.some((s) => s.name.startsWith('add ') && s.attributes['bullmq.queue.name'] === 'process'),
      names,
    ).toBe(true);
    const parentOf = (span: ReadableSpan) => (span as unknown as { parentSpanContext?: { spanId: string } }).parentSpanContext?.spanId;
    expect(parentOf(byName('gleaner.fetch')[0]!)).toBe(consumer('fetch')!.spanContext().spanId);
    for (const stage of ['clean', 'extract', 'store'])
      expect(parentOf(byName(`gleaner.${stage}`)[0]!), stage).toBe(consumer('process')!.spanContext().spanId);
    // stages are laid end to end
    const end = (name: string) => byName(name)[0]!.endTime;
    const start = (name: string) => byName(name)[0]!.startTime;
    expect(start('gleaner.extract')).toEqual(end('gleaner.clean'));
  });
});
