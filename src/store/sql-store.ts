// The read side of the Store contract, the same on both SQL back ends: each method runs a shared
// step (shared-sql.ts, entities.ts). A back end supplies its dialect and how it runs a step; it
// keeps its own writes (upserts, corrections), transactions and lifecycle.
import type { Lexicon } from '../extract/lexicon.js';
import * as ent from './entities.js';
import type { Dialect, Step } from './entity-sql.js';
import { normaliseFilter } from './query.js';
import * as sq from './shared-sql.js';
import type { EntityCount, EntityType, FeedState, RecordFilter, StoredRecord } from './types.js';

export abstract class SqlStoreReads {
  protected abstract readonly dialect: Dialect;

  /** Runs a step outside any write transaction; driver errors become StoreError (InputError passes). */
  protected abstract read<T>(op: string, step: Step<T>, context?: Record<string, unknown>): T | Promise<T>;

  async get(idOrUrl: string): Promise<StoredRecord | null> {
    return this.read('get', sq.getRecord(idOrUrl));
  }

  async revisions(id: string): Promise<StoredRecord[]> {
    return this.read('revisions', sq.recordRevisions(id));
  }

  async list(filter: RecordFilter = {}): Promise<StoredRecord[]> {
    const f = normaliseFilter(filter);
    return this.read('list', sq.listRecords(this.dialect, f));
  }

  async count(filter: RecordFilter = {}): Promise<number> {
    const f = normaliseFilter({ ...filter, limit: undefined, offset: undefined });
    return this.read('count', sq.countRecords(this.dialect, f));
  }

  async topEntities(opts: sq.TopEntityOptions = {}): Promise<EntityCount[]> {
    return this.read('topEntities', sq.topEntities(this.dialect, opts));
  }

  async hasUrl(url: string): Promise<boolean> {
    return this.read('hasUrl', sq.hasUrl(url));
  }

  async hasFeedItem(feedUrl: string, itemId: string): Promise<boolean> {
    return this.read('hasFeedItem', sq.hasFeedItem(feedUrl, itemId));
  }

  async markFeedItem(feedUrl: string, itemId: string, url: string): Promise<void> {
    return this.read('markFeedItem', sq.markFeedItem(this.dialect, feedUrl, itemId, url));
  }

  async putRaw(hash: string, body: Uint8Array, contentType: string | null): Promise<void> {
    return this.read('putRaw', sq.putRaw(this.dialect, hash, body, contentType));
  }

  async getRaw(hash: string): Promise<{ body: Uint8Array; contentType: string | null } | null> {
    return this.read('getRaw', sq.getRaw(hash));
  }

  async saveFeed(feed: FeedState): Promise<void> {
    return this.read('saveFeed', sq.saveFeed(feed), { feed: feed.id, url: feed.url });
  }

  async getFeed(idOrUrl: string): Promise<FeedState | null> {
    return this.read('getFeed', sq.getFeed(idOrUrl));
  }

  async listFeeds(): Promise<FeedState[]> {
    return this.read('listFeeds', sq.listFeeds());
  }

  async removeFeed(id: string): Promise<boolean> {
    return this.read('removeFeed', sq.removeFeed(id));
  }

  async getEntity(ref: string, type?: EntityType): Promise<ent.StoredEntity | null> {
    return this.read('getEntity', ent.findEntity(ref, type === 'date' ? undefined : type));
  }

  async listEntities(query: ent.EntityQuery = {}): Promise<ent.StoredEntity[]> {
    return this.read('listEntities', ent.listEntities(query));
  }

  async entityDays(id: string): Promise<Array<{ day: string; records: number; mentions: number }>> {
    return this.read('entityDays', ent.entityDays(id));
  }

  async coEntities(id: string, limit?: number): Promise<Array<{ entity: ent.StoredEntity; records: number }>> {
    return this.read('coEntities', ent.coEntities(id, limit));
  }

  async listCorrections(): Promise<ent.StoredCorrection[]> {
    return this.read('listCorrections', ent.listCorrections());
  }

  async lexicon(): Promise<Lexicon> {
    return this.read('lexicon', ent.loadLexicon());
  }

  async lexiconVersion(): Promise<number> {
    return this.read('lexiconVersion', ent.currentLexiconVersion());
  }
}
