// The review pages: server-rendered HTML, no script.
import type { FastifyInstance } from 'fastify';
import { GleanerError } from '../../errors.js';
import { FACET_SAMPLE, sampleFacets, storeFacets, type Facets } from '../facets.js';
import type { StoredRecord } from '../../store/types.js';
import { PageRecordsQuery, describeIssues, hasFilter, toFilter, type RecordsQuery } from '../params.js';
import { errorPage, referrerPolicy } from '../pages/layout.js';
import { listPage } from '../pages/list.js';
import { recordPage } from '../pages/record.js';
import { STYLESHEET } from '../pages/style.js';
import type { ServerDeps } from '../types.js';
import { mayWrite } from './entities.js';

export async function pageRoutes(app: FastifyInstance, deps: ServerDeps, opts: { queues: boolean }): Promise<void> {
  const { store } = deps;
  const { queues } = opts;

  app.get('/assets/gleaner.css', async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET),
  );

  app.get('/', async (req, reply) => {
    reply.type('text/html; charset=utf-8');
    const parsed = PageRecordsQuery.safeParse(req.query);
    if (!parsed.success) {
      const fallback: RecordsQuery = { limit: 25, offset: 0 };
      return reply.code(400).send(
        listPage({
          query: fallback,
          records: [],
          total: 0,
          facets: null,
          queues,
          error: `Bad parameters: ${describeIssues(parsed.error)}`,
        }),
      );
    }
    const q = parsed.data;
    const filter = toFilter(q);
    try {
      const total = await store.count({ ...filter, limit: undefined, offset: undefined });
      let records: StoredRecord[];
      let facets: Facets;
      if (!hasFilter(q)) {
        [records, facets] = await Promise.all([store.list(filter), storeFacets(store)]);
      } else {
        // One query serves both the facet sample and, usually, the page itself (same order).
        const sampleSize = deps.facetSample ?? FACET_SAMPLE;
        const sample = await store.list({ ...filter, limit: sampleSize, offset: 0 });
        const end = q.offset + q.limit;
        records = sample.length < sampleSize || end <= sample.length ? sample.slice(q.offset, end) : await store.list(filter);
        facets = sampleFacets(sample, total);
      }
      return reply.send(listPage({ query: q, records, total, facets, queues }));
    } catch (err) {
      // The store rejects what zod cannot judge (e.g. a date that does not exist): show it on the page.
      if (err instanceof GleanerError && err.code === 'E_INPUT') {
        return reply.code(400).send(listPage({ query: q, records: [], total: 0, facets: null, queues, error: err.message }));
      }
      throw err;
    }
  });

  app.get<{ Params: { id: string } }>('/records/:id', async (req, reply) => {
    reply.type('text/html; charset=utf-8');
    const record = await store.get(req.params.id);
    if (!record) return reply.code(404).send(errorPage(404, `There is no record with id ${req.params.id}.`, queues));
    const canCorrect = mayWrite(req, deps.config.apiToken);
    if (canCorrect) reply.header('referrer-policy', referrerPolicy({ forms: true }));
    return reply.send(recordPage(record, { queues, canCorrect }));
  });
}
