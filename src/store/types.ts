// The store interface: one contract, two implementations (SQLite embedded default, PostgreSQL for
// teams). Workers, the CLI and the server only ever see this.
import type { GleanerRecord } from './schema.js';

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
  /** Entity name or alias (case-insensitive). Several: all must match. */
  entity?: string | string[];
  type?: EntityType;
  /** ISO 3166-1 alpha-2 country code(s) mentioned. */
  country?: string | string[];
  /** publishedAt ≥ since, ≤ until (ISO dates). */
  since?: string;
  until?: string;
  /** Host of the record's URL (www. ignored). */
  source?: string;
  /** Full-text query over title and text. */
  query?: string;
  limit?: number;
  offset?: number;
}

export interface EntityCount {
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
  /** Insert or update by canonical URL (falls back to url); idempotent. */
  upsert(record: GleanerRecord): Promise<UpsertResult>;
  /** By id or by URL (canonical or original). */
  get(idOrUrl: string): Promise<StoredRecord | null>;
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
  close(): Promise<void>;
}
