// Entity pages and the reviewers' correction forms. The forms are plain HTML POSTs (the pages run
// no script); like every write they pass the server's token check (security.ts: the token cookie
// from our own origin, or a bearer header) before they get here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import { NAMED_TYPES } from '../../extract/lexicon.js';
import type { CorrectionInput, Store } from '../../store/types.js';
import { errorPage, referrerPolicy } from '../pages/layout.js';
import { entityHref, entityIndexPage, entityPage, correctionsOf } from '../pages/entity.js';
import { ENTITY_ID } from '../params.js';
import { credentialOf } from '../security.js';
import type { ServerDeps } from '../types.js';
import { authorOf } from './entities-api.js';

/** Whether this reviewer holds the token (bearer or cookie): the correction forms are shown. */
export function mayWrite(req: FastifyRequest, token: string | null | undefined): boolean {
  return !token || credentialOf(req, token) !== null;
}

const FormBody = z.object({
  op: z.enum(['reject', 'retype', 'merge', 'alias', 'undo']),
  to: z.enum(NAMED_TYPES).optional(),
  into: z.string().trim().max(200).optional(),
  alias: z.string().trim().max(200).optional(),
  correction: z.string().trim().max(100).optional(),
  /** record page: reject in this record only */
  scope: z.enum(['record', 'everywhere']).optional(),
  /** record page: which entity of the record */
  entity: z.string().trim().max(100).optional(),
});

const IndexQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
  type: z.enum(NAMED_TYPES).optional().catch(undefined),
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0).default(0),
});

export async function entityPageRoutes(app: FastifyInstance, deps: ServerDeps, opts: { queues: boolean }): Promise<void> {
  const { store } = deps;
  const token = deps.config.apiToken;
  const { queues } = opts;
  const LIMIT = 50;

  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
  }

  app.get('/entities', async (req, reply) => {
    const q = IndexQuery.parse(req.query ?? {});
    const entities = await store.listEntities({ q: q.q, type: q.type, limit: LIMIT, offset: q.offset });
    return reply
      .type('text/html; charset=utf-8')
      .send(entityIndexPage({ q: q.q ?? '', type: q.type, entities, offset: q.offset, limit: LIMIT, queues }));
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/entities/:id', async (req, reply) => {
    reply.type('text/html; charset=utf-8');
    const entity = ENTITY_ID.test(req.params.id) ? await store.getEntity(req.params.id) : null;
    if (!entity) return reply.code(404).send(errorPage(404, `There is no entity with id ${req.params.id}.`, queues));
    if (entity.id !== req.params.id) return reply.redirect(entityHref(entity.id), 301);
    const [days, coEntities, records, total, corrections] = await Promise.all([
      store.entityDays(entity.id),
      store.coEntities(entity.id, 20),
      store.list({ entityId: entity.id, limit: 20 }),
      store.count({ entityId: entity.id }),
      store.listCorrections(),
    ]);
    const notice = typeof req.query.done === 'string' ? req.query.done.slice(0, 200) : undefined;
    const canCorrect = mayWrite(req, token);
    if (canCorrect) reply.header('referrer-policy', referrerPolicy({ forms: true }));
    return reply.send(
      entityPage({ entity, days, coEntities, records, total, corrections: correctionsOf(entity, corrections), canCorrect, queues, notice }),
    );
  });

  // A form POST: the token was checked by the access hook (it runs before every route).
  app.post<{ Params: { id: string } }>('/entities/:id/corrections', async (req, reply) => {
    const form = FormBody.parse(req.body ?? {});
    const entity = await store.getEntity(req.params.id);
    if (!entity)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(errorPage(404, `There is no entity with id ${req.params.id}.`, queues));
    const records = await applyForm(store, form, entity.id, authorOf(req));
    const done = records === null ? 'Correction undone.' : `${form.op} saved; ${records} record(s) changed.`;
    const after = (await store.getEntity(entity.id)) ?? entity;
    return reply.redirect(`${entityHref(after.id)}?done=${encodeURIComponent(done)}`, 303);
  });

  app.post<{ Params: { id: string } }>('/records/:id/corrections', async (req, reply) => {
    const form = FormBody.parse(req.body ?? {});
    const record = await store.get(req.params.id);
    if (!record)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send(errorPage(404, `There is no record with id ${req.params.id}.`, queues));
    if (!form.entity || !ENTITY_ID.test(form.entity)) throw new InputError('which entity? (entity id missing)');
    await applyForm(store, form, form.entity, authorOf(req), form.scope === 'record' ? record.id : undefined);
    return reply.redirect(`/records/${encodeURIComponent(record.id)}`, 303);
  });
}

/**
 * Undoes the form's correction (→ null) or adds the correction it describes (→ records changed);
 * `recordId` limits a reject to that record.
 */
async function applyForm(
  store: Store,
  form: z.infer<typeof FormBody>,
  entityId: string,
  author: string,
  recordId?: string,
): Promise<number | null> {
  if (form.op === 'undo') {
    if (!form.correction) throw new InputError('undo needs the correction id');
    await store.undoCorrection(form.correction, author);
    return null;
  }
  const input = formInput(form, entityId, author);
  if (input.op === 'reject' && recordId) input.recordId = recordId;
  return (await store.addCorrection(input)).records;
}

function formInput(form: z.infer<typeof FormBody>, entityId: string, author: string): CorrectionInput {
  switch (form.op) {
    case 'retype':
      if (!form.to) throw new InputError('retype needs the new type');
      return { op: 'retype', name: entityId, to: form.to, author };
    case 'merge':
      if (!form.into) throw new InputError('merge needs the entity to merge into');
      return { op: 'merge', name: entityId, into: form.into, author };
    case 'alias':
      if (!form.alias) throw new InputError('alias needs the other name');
      return { op: 'alias', name: entityId, alias: form.alias, author };
    default:
      return { op: 'reject', name: entityId, author };
  }
}
