// Query parameters of the API and the review page, validated with zod and turned into the store's
// RecordFilter. Forms submit empty fields, so '' means "not given".
import { z } from 'zod';
import { MAX_URL_LENGTH } from '../fetch/url-policy.js';
import type { EntityType, RecordFilter } from '../store/types.js';

export const ENTITY_TYPES = ['person', 'country', 'organization', 'place', 'date'] as const satisfies readonly EntityType[];

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

/** One value or a repeated key (`?entity=a&entity=b`), blanks dropped; undefined when nothing is left. */
function list<T extends z.ZodType<string>>(item: T, max = 10) {
  return z.preprocess(
    (v) => {
      const arr = (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(blank).filter((x) => x !== undefined);
      return arr.length ? arr : undefined;
    },
    z.array(item).max(max, `at most ${max} values`).optional(),
  );
}

const isoDate = z
  .string()
  .max(40)
  .refine(
    (v) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) || (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))),
    'must be an ISO date: 2023, 2023-09, 2023-09-16 or a full timestamp',
  );

/** An entity id as the store makes them (e + base-36). */
export const ENTITY_ID = /^e[0-9a-z]{1,40}$/;

function int(min: number, max: number, def: number) {
  return z.preprocess(
    blank,
    z.coerce.number().int('must be a whole number').min(min, `must be ≥ ${min}`).max(max, `must be ≤ ${max}`).default(def),
  );
}

const fields = {
  entity: list(z.string().max(200)),
  entityId: list(z.string().regex(ENTITY_ID, 'must be an entity id (e…)')),
  type: z.preprocess(blank, z.enum(ENTITY_TYPES, { error: `must be one of ${ENTITY_TYPES.join(', ')}` }).optional()),
  country: list(
    z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as NE')
      .transform((c) => c.toUpperCase()),
  ),
  since: z.preprocess(blank, isoDate.optional()),
  until: z.preprocess(blank, isoDate.optional()),
  source: z.preprocess(blank, z.string().max(253).optional()),
  language: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[A-Za-z]{2,3}$/, 'must be an ISO 639-1 code such as fr')
      .transform((l) => l.toLowerCase())
      .optional(),
  ),
  q: z.preprocess(blank, z.string().max(500).optional()),
  offset: int(0, 1_000_000, 0),
};

/** `GET /api/records`: unknown parameters are an error, so a typo does not silently widen a query. */
export const ApiRecordsQuery = z.strictObject({ ...fields, limit: int(1, 200, 20) });

/** The review page: unknown parameters are ignored. */
export const PageRecordsQuery = z.object({ ...fields, limit: int(1, 100, 25) });

export const ApiEntitiesQuery = z.strictObject({
  type: fields.type,
  since: fields.since,
  until: fields.until,
  limit: int(1, 500, 50),
});

export type RecordsQuery = z.infer<typeof ApiRecordsQuery>;

export function toFilter(q: RecordsQuery): RecordFilter {
  return {
    entity: q.entity,
    entityId: q.entityId,
    type: q.type,
    country: q.country,
    since: q.since,
    until: q.until,
    source: q.source,
    language: q.language,
    query: q.q,
    limit: q.limit,
    offset: q.offset,
  };
}

/** Whether anything narrows the list (pagination aside). */
export function hasFilter(q: RecordsQuery): boolean {
  return Boolean(
    q.entity?.length || q.entityId?.length || q.type || q.country?.length || q.since || q.until || q.source || q.language || q.q,
  );
}

const httpUrl = z
  .string()
  .trim()
  .max(MAX_URL_LENGTH, `at most ${MAX_URL_LENGTH} characters`)
  .refine((u) => {
    try {
      const p = new URL(u);
      return p.protocol === 'http:' || p.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

export const EnqueueBody = z.strictObject({
  urls: z.array(httpUrl).min(1, 'give at least one URL').max(1000, 'at most 1000 URLs per request'),
});

export const FeedBody = z.strictObject({
  url: httpUrl,
  /** Poll interval such as 15m or 1h; the producer parses and checks it. */
  every: z.string().trim().min(1).max(32).optional(),
});

/** "limit: must be ≤ 200; country.0: must be an ISO …" */
export function describeIssues(err: z.ZodError): string {
  return err.issues
    .map((i) => {
      const path = i.path.join('.');
      if (i.code === 'unrecognized_keys')
        return `unknown parameter${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `'${k}'`).join(', ')}`;
      return path ? `${path}: ${i.message}` : i.message;
    })
    .join('; ');
}
