// The JSON API: records, entities, the record schema, health, and (with Redis) the queue endpoints.
import type { FastifyInstance } from 'fastify';
import { GleanerError, ServiceUnavailableError, errorMessage } from '../../errors.js';
import { redactRedisUrl } from '../../queue/connection.js';
import { recordJsonSchema } from '../../record/json-schema.js';
import type { QueueProducer, ServerDeps } from '../types.js';
import { ApiEntitiesQuery, ApiRecordsQuery, EnqueueBody, FeedBody, toFilter } from '../params.js';
import { requireToken } from '../security.js';

function redisTarget(deps: ServerDeps): string {
  return deps.config.redisUrl ? redactRedisUrl(deps.config.redisUrl) : 'the configured URL';
}

/** Errors ioredis raises when the connection is gone (the producer fails fast instead of queueing). */
const CONNECTION_ERROR =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed|Stream isn't writeable|enableOfflineQueue|max retries|Reached the max retries/i;

/**
 * Runs a queue operation. Without a producer (Redis was down or not configured at start-up), or
 * when the connection is lost, the caller gets a 503 with one clear line instead of a 500.
 */
async function withQueue<T>(deps: ServerDeps, fn: (producer: QueueProducer) => Promise<T>): Promise<T> {
  const producer = deps.producer;
  if (!producer) {
    throw new ServiceUnavailableError(
      'the job queue (Redis)',
      `${redisTarget(deps)}: the server started without it; start Redis and restart \`gleaner serve\``,
    );
  }
  try {
    return await fn(producer);
  } catch (err) {
    if (err instanceof GleanerError) throw err;
    const status = producer.redis?.status;
    if (CONNECTION_ERROR.test(errorMessage(err)) || (status !== undefined && status !== 'ready')) {
      throw new ServiceUnavailableError('the job queue (Redis)', redisTarget(deps), err);
    }
    throw err;
  }
}

/** 'disabled' without a producer; otherwise whether its Redis connection answers a PING within 1 s. */
async function pingQueue(deps: ServerDeps): Promise<'up' | 'down' | 'disabled' | 'unknown'> {
  if (!deps.producer) return 'disabled';
  const redis = deps.producer.redis;
  if (!redis) return 'unknown';
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 1_000);
      }),
    ]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

export async function apiRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { store } = deps;
  const schema = recordJsonSchema();

  app.get('/healthz', async (_req, reply) => {
    let storeOk = true;
    let storeError: string | undefined;
    try {
      await store.list({ limit: 1 });
    } catch (err) {
      storeOk = false;
      storeError = errorMessage(err);
    }
    const queue = await pingQueue(deps);
    return reply.code(storeOk ? 200 : 503).send({ ok: storeOk, store: storeOk ? 'ok' : 'error', storeError, queue });
  });

  app.get('/api', async () => ({
    name: 'gleaner',
    endpoints: {
      'GET /api/records': 'records; filters entity, type, country, since, until, source, language, q; limit (≤ 200), offset; returns total',
      'GET /api/records/:id': 'one record by id (or URL)',
      'GET /api/records/:id/revisions': 'earlier versions of a record',
      'GET /api/records?entityId=ID': 'records linked to an entity (any name it goes by)',
      'GET /api/entities': 'top entities; type, since, until, limit',
      'GET /api/entities/search': 'entities (ids, names, aliases, counts); q (name prefix), type, limit, offset',
      'GET /api/entities/:id': 'one entity with its records per day and the entities seen with it',
      'GET /api/corrections': "reviewers' corrections, undone ones included",
      'GET /api/lexicon': 'the active corrections, as `gleaner corrections export` writes them',
      'POST /api/corrections':
        '{"op": "reject"|"retype"|"merge"|"alias", "name": NAME|ID, "type"?, "to"?, "code"?, "into"?, "alias"?, "recordId"?} (bearer token when set)',
      'POST /api/corrections/:id/undo': 'undo a correction (bearer token when set)',
      'POST /api/lexicon': 'import a lexicon: corrections not stored yet are added and applied (bearer token when set)',
      'GET /api/schema': 'the record JSON Schema',
      'POST /api/enqueue': '{"urls": [...]} → fetch jobs (needs Redis and the token)',
      'POST /api/feeds': '{"url", "every"} → a polled feed (needs Redis and the token)',
      'GET /healthz': 'store and queue health',
    },
    queue: deps.producer ? 'enabled' : 'disabled',
  }));

  app.get('/api/schema', async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(schema));

  app.get('/api/records', async (req) => {
    const q = ApiRecordsQuery.parse(req.query);
    const filter = toFilter(q);
    const [records, total] = await Promise.all([store.list(filter), store.count({ ...filter, limit: undefined, offset: undefined })]);
    return { total, limit: q.limit, offset: q.offset, records };
  });

  app.get<{ Params: { id: string } }>('/api/records/:id', async (req, reply) => {
    const record = await store.get(req.params.id);
    if (!record) return reply.code(404).send({ error: { code: 'E_NOT_FOUND', message: `no record with id ${req.params.id}` } });
    return record;
  });

  app.get<{ Params: { id: string } }>('/api/records/:id/revisions', async (req, reply) => {
    const record = await store.get(req.params.id);
    if (!record) return reply.code(404).send({ error: { code: 'E_NOT_FOUND', message: `no record with id ${req.params.id}` } });
    return { id: record.id, revisions: await store.revisions(record.id) };
  });

  app.get('/api/entities', async (req) => {
    const q = ApiEntitiesQuery.parse(req.query);
    return { entities: await store.topEntities({ type: q.type, since: q.since, until: q.until, limit: q.limit }) };
  });

  // The global access hook already asks every POST for the token; this keeps these two closed
  // even if that rule changes.
  const auth = requireToken(deps.config.apiToken!);

  app.post('/api/enqueue', { preHandler: auth }, async (req, reply) => {
    const body = EnqueueBody.parse(req.body);
    const jobs = await withQueue(deps, (p) => p.enqueueUrls(body.urls));
    return reply.code(202).send({ jobs });
  });

  app.post('/api/feeds', { preHandler: auth }, async (req, reply) => {
    const body = FeedBody.parse(req.body);
    const feed = await withQueue(deps, (p) => p.addFeed(body.url, body.every));
    return reply.code(201).send({ feed });
  });
}
