// The store interface: one contract, two implementations (SQLite embedded default, PostgreSQL for
// teams). Workers, the CLI and the server only ever see this.
import type { GleanerRecord } from '../record/schema.js';
import type { Correction, Lexicon } from '../extract/lexicon.js';
import type { CorrectionInput, EntityQuery, StoredCorrection, StoredEntity } from './entities.js';

export type { CorrectionInput, EntityQuery, StoredCorrection, StoredEntity } from './entities.js';

export interface StoredRecord extends GleanerRecord {
  /** Stable record id (string; opaque to callers). */
  id: string;
  /** Revision number, 1 for the first version. */
  revision: number;
  /** When this record was first stored / last changed (ISO). */
  createdAt: string;
  updatedAt: string;
  /** When the record is a syndicated copy: the id of the record with the same content. */
  syndicatedFrom?: string | null;
}

export type UpsertStatus = 'inserted' | 'updated' | 'unchanged' | 'syndicated';

export interface UpsertResult {
  id: string;
  status: UpsertStatus;
  revision: number;
}

export type EntityType = 'person' | 'country' | 'organization' | 'place' | 'date';

export interface RecordFilter {
  /** Entity name, alias or (people) surname; case and accents ignored. Several: all must match. */
  entity?: string | string[];
  /** The type the entities above must have; alone: records with any entity of this type. */
  type?: EntityType;
  /** Entity id(s) (see `entities show`): records linked to that entity. Several: all must match. */
  entityId?: string | string[];
  /** ISO 3166-1 alpha-2 code(s) of countries mentioned (country entities). Several: all must match. */
  country?: string | string[];
  /** publishedAt ≥ since; ≤ the end of the period `until` names (2023, 2023-09, 2023-09-30 or a timestamp). */
  since?: string;
  until?: string;
  /** Host of the record's URL, or a subdomain of it (www. ignored). */
  source?: string;
  /** The record's language (ISO 639-1, as detected from its text: `language` in the record). */
  language?: string;
  /** Full-text query over title and text: words all required, "phrases", a OR b, -word. Ranks results. */
  query?: string;
  /** No limit when undefined. Order: newest published first (best match first with `query`). */
  limit?: number;
  offset?: number;
}

export interface EntityCount {
  /** The entity's id, when known (facets link to its page). */
  id?: string;
  type: EntityType;
  name: string;
  code?: string | null;
  mentions: number;
  articles: number;
}

export interface FeedState {
  id: string;
  url: string;
  every: string | null;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastStatus: number | null;
  title: string | null;
}

export interface Store {
  /**
   * Insert or update by canonical URL (falls back to url, then to the content hash); idempotent.
   * Same content again → 'unchanged'; new content → 'updated' (previous version kept as a revision);
   * same content as another record under a new URL → 'syndicated' (syndicatedFrom = that record).
   * Throws InputError when the record does not match the schema, StoreError (retryable) on DB errors.
   */
  upsert(record: GleanerRecord): Promise<UpsertResult>;
  /**
   * Many records at once (bulk import), in as few transactions as the back end allows; results in
   * input order. All are validated before anything is written. Safe to retry (upserts are idempotent).
   */
  upsertMany(records: GleanerRecord[]): Promise<UpsertResult[]>;
  /** By id or by URL (canonical or original). */
  get(idOrUrl: string): Promise<StoredRecord | null>;
  /** Every version of a record, oldest first; the last is the current one. */
  revisions(id: string): Promise<StoredRecord[]>;
  list(filter?: RecordFilter): Promise<StoredRecord[]>;
  count(filter?: RecordFilter): Promise<number>;
  topEntities(opts?: { type?: EntityType; since?: string; until?: string; limit?: number }): Promise<EntityCount[]>;
  /** Seen-before checks used to skip feed items. */
  hasUrl(url: string): Promise<boolean>;
  hasFeedItem(feedUrl: string, itemId: string): Promise<boolean>;
  markFeedItem(feedUrl: string, itemId: string, url: string): Promise<void>;
  /** Raw page bytes, keyed by sha256; job data carries the hash, never the HTML. */
  putRaw(hash: string, body: Uint8Array, contentType: string | null): Promise<void>;
  getRaw(hash: string): Promise<{ body: Uint8Array; contentType: string | null } | null>;
  /** Feed registry and conditional-GET state. */
  saveFeed(feed: FeedState): Promise<void>;
  getFeed(idOrUrl: string): Promise<FeedState | null>;
  listFeeds(): Promise<FeedState[]>;
  removeFeed(id: string): Promise<boolean>;
  /** An entity by id (a merged id gives the entity it became) or by name/alias (most seen first). */
  getEntity(ref: string, type?: EntityType): Promise<StoredEntity | null>;
  /** Entities with records, most seen first; `q` matches the start of a name or alias. */
  listEntities(query?: EntityQuery): Promise<StoredEntity[]>;
  /** Records linked to the entity per day (YYYY-MM-DD of publication, else of storing), oldest first. */
  entityDays(id: string): Promise<Array<{ day: string; records: number; mentions: number }>>;
  /** Entities sharing the most records with it. */
  coEntities(id: string, limit?: number): Promise<Array<{ entity: StoredEntity; records: number }>>;
  /** Stores a correction and applies it to stored records at once; `records`: how many changed. */
  addCorrection(input: CorrectionInput): Promise<{ correction: Correction; records: number }>;
  undoCorrection(id: string, author: string): Promise<{ correction: Correction; records: number }>;
  /** Every correction, oldest first, undone ones included. */
  listCorrections(): Promise<StoredCorrection[]>;
  /** The active corrections: what extraction applies (`extract(article, { lexicon })`). */
  lexicon(): Promise<Lexicon>;
  /** Increases with every correction and undo; cheap, for refreshing a cached lexicon. */
  lexiconVersion(): Promise<number>;
  /**
   * A stored record made again from its raw page (`gleaner reprocess`): same text → metadata and
   * entities replaced in place ('updated', same revision) or 'unchanged'; new text → as upsert.
   */
  refresh(id: string, record: GleanerRecord): Promise<UpsertResult>;
  /** Adds a lexicon's corrections that are not stored yet (by id), applying each; returns how many. */
  importCorrections(lexicon: Lexicon): Promise<number>;
  close(): Promise<void>;
}
