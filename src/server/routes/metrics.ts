// GET /metrics: Prometheus metrics of the web process (process/heap defaults) and of the queues
// (BullMQ's job counts by state, completed/failed totals). Like every read, it needs the token when
// the server listens off loopback (the access hook in security.ts).
import type { FastifyInstance } from 'fastify';
import { createMetrics, metricsText, METRICS_CONTENT_TYPE, type GleanerMetrics } from '../../metrics/registry.js';
import type { ServerDeps } from '../types.js';

export async function metricsRoutes(app: FastifyInstance, deps: ServerDeps, metrics: GleanerMetrics = createMetrics()): Promise<void> {
  app.get('/metrics', async (_request, reply) => {
    const text = await metricsText(metrics, deps.producer?.getQueues() ?? []);
    return reply.type(METRICS_CONTENT_TYPE).send(text);
  });
}
