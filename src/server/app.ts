// Builds the fastify instance from injected dependencies: the store, optionally the queue producer
// (then the enqueue endpoints and Bull Board are live), and the configuration. No I/O of its own
// beyond what those do; `gleaner serve` opens them, tests pass their own.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { Queue } from 'bullmq';
import { GleanerError, errorMessage } from '../errors.js';
import { DASHBOARD_PATH, mountBullBoard } from './bull-board.js';
import { describeIssues } from './params.js';
import { errorPage } from './pages/layout.js';
import { apiRoutes } from './routes/api.js';
import { metricsRoutes } from './routes/metrics.js';
import { entityApiRoutes } from './routes/entities-api.js';
import { entityPageRoutes } from './routes/entities.js';
import { pageRoutes } from './routes/pages.js';
import { accessPolicy, generateToken, installAccessControl, securityHeaders } from './security.js';
import type { ServerDeps } from './types.js';

const STATUS_BY_CODE: Record<string, number> = {
  E_INPUT: 400,
  E_BLOCKED_ADDRESS: 400,
  E_UNAUTHORIZED: 401,
  E_FORBIDDEN: 403,
  E_FORBIDDEN_HOST: 403,
  E_UNAVAILABLE: 503,
  E_CONFIG: 500,
};

/** Requests answered in JSON (errors included); the rest get HTML pages. */
function isApi(url: string): boolean {
  return url.startsWith('/api/') || url === '/api' || url === '/healthz' || url.startsWith(`${DASHBOARD_PATH}/api/`);
}

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  queues: boolean,
  extra: Record<string, unknown> = {},
) {
  if (isApi(request.url))
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send({ error: { code, message, ...extra } });
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(errorPage(status, message, queues));
}

/**
 * A Queue without an 'error' listener prints every failed reconnect to stderr. The server logs the
 * first error of an outage and then one a minute; requests meanwhile get a 503.
 */
function watchQueueErrors(queues: Queue[], logger: ServerDeps['logger']): void {
  let last = 0;
  for (const queue of queues) {
    queue.on('error', (err: Error) => {
      const now = Date.now();
      if (now - last < 60_000) return;
      last = now;
      logger?.warn(
        { queue: queue.name, err: errorMessage(err) },
        'queue connection error: Redis is unreachable, queue endpoints answer 503',
      );
    });
  }
}

/**
 * Without a configured token the app makes one nobody was given: writes and the dashboard are then
 * closed (fail safe). `gleaner serve` passes the token it printed.
 */
export async function buildApp(given: ServerDeps): Promise<FastifyInstance> {
  const deps: ServerDeps = { ...given, config: { ...given.config, apiToken: given.config.apiToken || generateToken() } };
  const policy = accessPolicy({ token: deps.config.apiToken!, bindHost: deps.config.host, allowedHosts: deps.config.allowedHosts });
  const app: FastifyInstance = deps.logger
    ? (Fastify({ loggerInstance: deps.logger, bodyLimit: 1 << 20 }) as unknown as FastifyInstance)
    : Fastify({ logger: false, bodyLimit: 1 << 20 });
  const queues = deps.producer?.getQueues() ?? [];
  const dashboard = queues.length > 0;
  watchQueueErrors(queues, deps.logger);

  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0];
    for (const [name, value] of Object.entries(securityHeaders(path))) if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });

  const sendGleanerError = (request: FastifyRequest, reply: FastifyReply, err: GleanerError) => {
    const status = STATUS_BY_CODE[err.code] ?? 500;
    if (status >= 500) request.log.error({ err }, 'request failed');
    if (status === 401) reply.header('www-authenticate', 'Bearer realm="gleaner"');
    return sendError(request, reply, status, err.code, err.message, dashboard, status === 503 ? { retryable: true } : {});
  };

  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    if (err instanceof ZodError) {
      return sendError(request, reply, 400, 'E_INPUT', describeIssues(err), dashboard, {
        issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    if (err instanceof GleanerError) return sendGleanerError(request, reply, err);
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return sendError(request, reply, status, (err as FastifyError).code ?? 'E_REQUEST', err.message, dashboard);
    }
    request.log.error({ err }, 'request failed');
    return sendError(request, reply, 500, 'E_INTERNAL', 'internal error (see the server log)', dashboard);
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, 404, 'E_NOT_FOUND', `nothing at ${request.method} ${request.url.split('?')[0]}`, dashboard),
  );

  await installAccessControl(app, policy, sendGleanerError);
  await apiRoutes(app, deps);
  await pageRoutes(app, deps, { queues: dashboard });
  await metricsRoutes(app, deps);
  await entityApiRoutes(app, deps);
  await entityPageRoutes(app, deps, { queues: dashboard });
  if (dashboard) await mountBullBoard(app, queues);
  return app;
}
