// OpenTelemetry traces, only when OTEL_EXPORTER_OTLP_ENDPOINT is set (or a test passes an exporter):
// BullMQ's own spans through its telemetry option (bullmq-otel: a producer span per job added, a
// consumer span per job processed, linked across queues), plus a span per pipeline stage of each
// article (fetch, clean, extract, store) under its job's consumer span. Off, nothing here is loaded: the
// OpenTelemetry packages are imported on demand.
import type { Context, Tracer } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Telemetry } from 'bullmq';

export interface Tracing {
  /** For BullMQ's Queue and Worker `telemetry` option. */
  telemetry: Telemetry<Context>;
  tracer: Tracer;
  /** The parent context a job carries (its producer span), for spans made after the fact. */
  jobContext(metadata: string | undefined): Context;
  /** Flushes and stops the exporter. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** OTLP/HTTP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT); traces go to `${endpoint}/v1/traces`. */
  endpoint?: string | null;
  /** Export here instead (tests: an InMemorySpanExporter); spans are exported one by one. */
  exporter?: SpanExporter;
  serviceName?: string;
}

export async function startTracing(opts: TracingOptions): Promise<Tracing | null> {
  if (!opts.endpoint && !opts.exporter) return null;
  const [{ context, trace }, { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor }, { resourceFromAttributes }, { BullMQOtel }] =
    await Promise.all([
      import('@opentelemetry/api'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/resources'),
      import('bullmq-otel'),
    ]);
  const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
  let processor;
  if (opts.exporter) processor = new SimpleSpanProcessor(opts.exporter);
  else {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    processor = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${opts.endpoint!.replace(/\/+$/, '')}/v1/traces` }));
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': opts.serviceName ?? 'gleaner' }),
    spanProcessors: [processor],
  });
  // Context propagation across awaits (BullMQ runs each job inside its consumer span's context).
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  const telemetry = new BullMQOtel({ tracerName: 'gleaner', version: '1' }) as unknown as Telemetry<Context>;
  return {
    telemetry,
    tracer: trace.getTracer('gleaner'),
    jobContext: (metadata) => (metadata ? telemetry.contextManager.fromMetadata(context.active(), metadata) : context.active()),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}
