// The JSON API of entities and reviewers' corrections. Reads follow the server's read policy;
// every correction is a write and needs the token (security.ts); the author is "api" unless the
// access layer names the token's holder.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NAMED_TYPES } from '../../extract/lexicon.js';
import { Lexicon } from '../../extract/lexicon.js';
import type { CorrectionInput } from '../../store/types.js';
import type { ServerDeps } from '../types.js';
import { requireToken } from '../security.js';

const Ref = z.string().trim().min(1).max(200);
const Type = z.enum(NAMED_TYPES).optional();
const RecordId = z.string().trim().min(1).max(100).optional();

export const CorrectionBody = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('reject'), name: Ref, type: Type, recordId: RecordId }),
  z.strictObject({
    op: z.literal('retype'),
    name: Ref,
    type: Type,
    to: z.enum(NAMED_TYPES),
    code: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((c) => c.toUpperCase())
      .optional(),
    recordId: RecordId,
  }),
  z.strictObject({ op: z.literal('merge'), name: Ref, type: Type, into: Ref }),
  z.strictObject({ op: z.literal('alias'), name: Ref, type: Type, alias: Ref }),
]);

export const EntityListQuery = z.strictObject({
  q: z.string().max(200).optional(),
  type: Type,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Who made a correction: the token holder's name when the auth layer gives one, else "api". */
export function authorOf(req: FastifyRequest): string {
  const named = (req as FastifyRequest & { tokenName?: string }).tokenName;
  return typeof named === 'string' && named ? named : 'api';
}

export async function entityApiRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { store } = deps;
  const auth = requireToken(deps.config.apiToken!);
  const notFound = (what: string) => ({ error: { code: 'E_NOT_FOUND', message: what } });

  app.get('/api/entities/search', async (req) => {
    const q = EntityListQuery.parse(req.query);
    return { entities: await store.listEntities({ q: q.q, type: q.type, limit: q.limit, offset: q.offset }) };
  });

  app.get<{ Params: { id: string } }>('/api/entities/:id', async (req, reply) => {
    const entity = await store.getEntity(req.params.id);
    if (!entity) return reply.code(404).send(notFound(`no entity ${req.params.id}`));
    const [days, coEntities] = await Promise.all([store.entityDays(entity.id), store.coEntities(entity.id, 20)]);
    return { entity, days, coEntities };
  });

  app.get('/api/corrections', async () => ({ corrections: await store.listCorrections() }));

  app.get('/api/lexicon', async () => store.lexicon());

  app.post('/api/corrections', { preHandler: auth }, async (req, reply) => {
    const body = CorrectionBody.parse(req.body);
    const result = await store.addCorrection({ ...body, author: authorOf(req) } as CorrectionInput);
    return reply.code(201).send(result);
  });

  app.post<{ Params: { id: string } }>('/api/corrections/:id/undo', { preHandler: auth }, async (req) =>
    store.undoCorrection(req.params.id, authorOf(req)),
  );

  app.post('/api/lexicon', { preHandler: auth }, async (req) => ({ imported: await store.importCorrections(Lexicon.parse(req.body)) }));
}
