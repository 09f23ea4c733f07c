// The entity and correction side of the PostgreSQL store (the logic is shared: entities.ts).
import type pg from 'pg';
import { applyLexicon, EMPTY_LEXICON, type Lexicon } from '../extract/lexicon.js';
import type { Entities } from '../record/schema.js';
import { numberPlaceholders, runAsync, type Sql, type Step } from './entity-sql.js';
import { backfill, CountSink, currentLexiconVersion, linkRecord, loadLexicon, unlinkRecord, withoutIds } from './entities.js';

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

  /** As SqliteEntities.prepare; entity count changes go to `sink` (flushed once per transaction, in id order). */
  async prepare(
    c: pg.PoolClient,
    recordId: string,
    entities: Entities,
    seen: string,
    replace: boolean,
    sink: CountSink,
  ): Promise<{ entities: Entities; extracted: string }> {
    const extracted = withoutIds(entities);
    const { entities: corrected, applied } = applyLexicon(structuredClone(extracted), this.lexicon, { recordId });
    if (replace) {
      await this.run(c, unlinkRecord(recordId, sink));
      await c.query('DELETE FROM correction_hits WHERE record_id = $1', [recordId]);
    }
    const linked = await this.run(c, linkRecord('postgres', recordId, structuredClone(corrected), seen, sink));
    if (applied.length) {
      await c.query('INSERT INTO correction_hits (correction_id, record_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [
        applied,
        recordId,
      ]);
    }
    return { entities: linked, extracted: JSON.stringify(extracted) };
  }

  flush(c: pg.PoolClient, sink: CountSink): Promise<void> {
    return this.run(c, sink.flush());
  }

  backfillStep(): Step<number> {
    return backfill('postgres');
  }
}
