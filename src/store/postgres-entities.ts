// The entity and correction side of the PostgreSQL store (the logic is shared: entities.ts).
import type pg from 'pg';
import { applyLexicon, EMPTY_LEXICON, type Lexicon } from '../extract/lexicon.js';
import type { Entities } from '../record/schema.js';
import { numberPlaceholders, runAsync, type Sql, type Step } from './entity-sql.js';
import { backfill, currentLexiconVersion, entityPairs, loadLexicon, relinkRecord, withoutIds } from './entities.js';
import { LinkBatch } from './link-batch.js';

type Queryable = pg.Pool | pg.PoolClient;

export class PostgresEntities {
  private lexicon: Lexicon = EMPTY_LEXICON;
  private loadedVersion = -1;

  run<T>(on: Queryable, step: Step<T>): Promise<T> {
    return runAsync(
      step,
      async (q: Sql) => (await on.query(numberPlaceholders(q.sql), (q.params ?? []) as unknown[])).rows as Array<Record<string, unknown>>,
    );
  }

  /** The store's lexicon, reloaded when its version moved (checked in each write transaction). */
  async refreshLexicon(on: Queryable): Promise<Lexicon> {
    const version = await this.run(on, currentLexiconVersion());
    if (version !== this.loadedVersion) {
      this.lexicon = await this.run(on, loadLexicon());
      this.loadedVersion = version;
    }
    return this.lexicon;
  }

  /** A write transaction's entity state: lookups cached, link/term/count writes kept for flush. */
  batch(opts: { deferCreates?: boolean } = {}): LinkBatch {
    return new LinkBatch('postgres', opts.deferCreates);
  }

  /** Lane names of a record's entities (as given, and as the lexicon corrects them): see upsertMany. */
  namesOf(entities: Entities, lexicon: Lexicon): string[] {
    const corrected = applyLexicon(withoutIds(entities), lexicon).entities;
    return [...entityPairs(entities), ...entityPairs(corrected)].map(([type, key]) => `entity:${type}:${key}`);
  }

  /** Looks up, in one round trip, what linking these records' entities will ask for. */
  lookAhead(c: pg.PoolClient, batch: LinkBatch, all: Entities[]): Promise<void> {
    return this.run(c, batch.lookup(all.flatMap(entityPairs)));
  }

  /** As SqliteEntities.prepare; link, term and count writes wait in `batch` for flush (once per transaction). */
  async prepare(
    c: pg.PoolClient,
    recordId: string,
    entities: Entities,
    seen: string,
    replace: boolean,
    batch: LinkBatch,
  ): Promise<{ entities: Entities; extracted: string }> {
    const extracted = withoutIds(entities);
    const { linked } = await this.run(c, relinkRecord('postgres', recordId, extracted, this.lexicon, seen, replace, batch));
    return { entities: linked, extracted: JSON.stringify(extracted) };
  }

  flush(c: pg.PoolClient, batch: LinkBatch): Promise<void> {
    return this.run(c, batch.flush());
  }

  backfillStep(): Step<number> {
    return backfill('postgres');
  }
}
