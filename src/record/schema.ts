// The one record schema. The CLI output, the database rows, the HTTP API and the published JSON
// Schema (schema/record.schema.json) all come from here.
import { z } from 'zod';

/** Character offsets [start, end) of each mention in `text`, for highlighting. */
export const Spans = z.array(z.tuple([z.number().int(), z.number().int()]));

/**
 * The entity's id in the store (stored records only): the same real-world entity has the same id in
 * every record. See `gleaner entities show ID` and /entities/ID.
 */
export const EntityId = z.string().regex(/^e[0-9a-z]+$/);

export const Person = z.object({
  id: EntityId.optional(),
  name: z.string(),
  aliases: z.array(z.string()),
  mentions: z.number().int().nonnegative(),
  spans: Spans.optional(),
});

export const Country = z.object({
  id: EntityId.optional(),
  name: z.string(),
  /** ISO 3166-1 alpha-2 */
  code: z.string().regex(/^[A-Z]{2}$/),
  aliases: z.array(z.string()).optional(),
  mentions: z.number().int().nonnegative(),
  spans: Spans.optional(),
});

export const Organization = z.object({
  id: EntityId.optional(),
  name: z.string(),
  aliases: z.array(z.string()),
  mentions: z.number().int().nonnegative(),
  spans: Spans.optional(),
});

export const Place = z.object({
  id: EntityId.optional(),
  name: z.string(),
  aliases: z.array(z.string()).optional(),
  /** ISO 3166-1 alpha-2 of the country the place lies in, when known. */
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  mentions: z.number().int().nonnegative(),
  spans: Spans.optional(),
});

export const DateMention = z.object({
  text: z.string(),
  /**
   * ISO-8601 at the known precision (2023, 2023-07, 2023-09-16), or null when unresolvable
   * ("now", "recently"). Coarser periods use the ISO/TimeML forms: weeks 2023-W37 (weekend
   * 2023-W37-WE), quarters 2023-Q3, halves 2023-H1, seasons 2023-SP|SU|FA|WI, decades 199
   * (the 1990s), centuries 19 (the 20th century).
   */
  value: z.string().nullable(),
  mentions: z.number().int().nonnegative(),
  spans: Spans.optional(),
});

export const Entities = z.object({
  people: z.array(Person),
  countries: z.array(Country),
  organizations: z.array(Organization),
  places: z.array(Place),
  dates: z.array(DateMention),
});

/** What ran on the record: the text's language and the extractors chosen for it. */
export const Extraction = z.object({
  /** ISO 639-1 code detected from the text (metadata decides only for short texts); null when unknown. */
  language: z.string().nullable(),
  /**
   * The name extractor: 'en' or 'fr' (people, organizations, places, countries); 'countries' when
   * only country names of the text's language were matched; null when none ran.
   */
  entities: z.string().nullable(),
  /** The date grammar or chrono-node locale used (a language code), or null when none. */
  dates: z.string().nullable(),
});

export const QualityFlags = z.object({
  /** Only a consent/cookie wall was left once boilerplate was removed. */
  consentWall: z.boolean().optional(),
  /** The page looks like a paywall teaser. */
  paywall: z.boolean().optional(),
  /** An input cap (bytes, DOM depth, paragraphs, NLP words) cut the input. */
  truncated: z.boolean().optional(),
  /** No article body could be found. */
  empty: z.boolean().optional(),
  /**
   * Why the body is empty: the page has no text at all, only links (navigation, an index page), too
   * little running text for an article, or only a consent wall.
   */
  emptyReason: z.enum(['no-text', 'links-only', 'too-short', 'consent-wall']).optional(),
  /** publishedAt has a time of day but the page gave no zone: it is local time somewhere, not UTC. */
  publishedZoneUnknown: z.boolean().optional(),
});

/** What `clean()` returns: the article and its metadata, before entity extraction. */
export const Article = z.object({
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable().optional(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  /**
   * The people named in the byline, one name each ("Jane Doe and John Roe" → two); agencies left
   * out. Always set by clean(); optional so that records stored before it still parse.
   */
  authors: z.array(z.string()).optional(),
  siteName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  modifiedAt: z.string().nullable().optional(),
  language: z.string().nullable(),
  description: z.string().nullable().optional(),
  /** Article body: paragraphs separated by a blank line. */
  text: z.string(),
  wordCount: z.number().int().nonnegative().optional(),
  flags: QualityFlags.optional(),
});

export const Provenance = z.object({
  feedUrl: z.string().nullable().optional(),
  feedItemId: z.string().nullable().optional(),
  fetchedAt: z.string().nullable().optional(),
  /** sha256 of the normalised article text: the dedup key for syndicated copies. */
  contentHash: z.string().optional(),
  /** sha256 of the raw bytes the record was made from. */
  rawHash: z.string().nullable().optional(),
  pipelineVersion: z.string(),
});

export const GleanerRecord = Article.extend({
  entities: Entities,
  extraction: Extraction.optional(),
  provenance: Provenance.optional(),
});

export type Person = z.infer<typeof Person>;
export type Country = z.infer<typeof Country>;
export type Organization = z.infer<typeof Organization>;
export type Place = z.infer<typeof Place>;
export type DateMention = z.infer<typeof DateMention>;
export type Entities = z.infer<typeof Entities>;
export type QualityFlags = z.infer<typeof QualityFlags>;
export type Extraction = z.infer<typeof Extraction>;
export type Article = z.infer<typeof Article>;
export type Provenance = z.infer<typeof Provenance>;
export type GleanerRecord = z.infer<typeof GleanerRecord>;

export function emptyEntities(): Entities {
  return { people: [], countries: [], organizations: [], places: [], dates: [] };
}
