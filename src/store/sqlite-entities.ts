// The entity and correction side of the SQLite store (the logic is shared: entities.ts).
import type Database from 'better-sqlite3';
import { EMPTY_LEXICON, type Lexicon } from '../extract/lexicon.js';
import type { Entities } from '../record/schema.js';
import { runSync, type Sql, type Step } from './entity-sql.js';
import { backfill, currentLexiconVersion, loadLexicon, relinkRecord, withoutIds } from './entities.js';
import { LinkBatch } from './link-batch.js';

/** Entities a kept LinkBatch may hold before it is dropped for a fresh one (memory bound). */
const KEPT_ENTITIES = 50_000;

export class SqliteEntities {
  private lexicon: Lexicon = EMPTY_LEXICON;
  private loadedVersion = -1;
  /** The last write batch's LinkBatch, flushed, and the data_version it was true at (see batch()). */
  private kept: { links: LinkBatch; dataVersion: number } | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly stmt: (sql: string) => Database.Statement,
  ) {}

  readonly exec = (q: Sql): Array<Record<string, unknown>> => {
    const st = this.stmt(q.sql);
    const params = (q.params ?? []) as unknown[];
    if (st.reader) return st.all(...params) as Array<Record<string, unknown>>;
    st.run(...params);
    return [];
  };

  run<T>(step: Step<T>): T {
    return runSync(step, this.exec);
  }

  /** A write transaction around a step (corrections, backfill). */
  write<T>(step: () => Step<T>): T {
    this.forgetBatch(); // corrections, merges and refreshes rewrite entity rows the kept cache holds
    try {
      return this.db.transaction(() => this.run(step())).immediate();
    } finally {
      this.forgetBatch();
    }
  }

  /** The store's lexicon, reloaded when its version moved (checked once per write batch). */
  refreshLexicon(): Lexicon {
    const version = this.run(currentLexiconVersion());
    if (version !== this.loadedVersion) {
      this.lexicon = this.run(loadLexicon());
      this.loadedVersion = version;
    }
    return this.lexicon;
  }

  /**
   * A write transaction's entity state: lookups cached, link/term/count writes kept for flush.
   * Call inside the transaction. The previous transaction's LinkBatch is reused (its lookups are
   * still true once it was flushed and committed) unless another connection committed since
   * (PRAGMA data_version moved), or forgetBatch() was called: a transaction of small group-committed
   * upserts otherwise asked the store again for every entity of every record.
   */
  batch(): LinkBatch {
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    const kept = this.kept;
    if (kept && kept.dataVersion === dataVersion && kept.links.known.byId.size < KEPT_ENTITIES) return kept.links;
    // new entities wait for flush, written once with their final counts (see LinkBatch.deferCreates)
    const links = new LinkBatch('sqlite', true);
    this.kept = { links, dataVersion };
    return links;
  }

  /** Drops the kept LinkBatch: its transaction rolled back, or entity rows were rewritten outside it. */
  forgetBatch(): void {
    this.kept = null;
  }

  /**
   * A record's entities as stored: corrected by the lexicon and linked to entity ids (its earlier
   * links replaced). Returns the corrected entities with ids, and the entities as given (extracted).
   * Link, term and count writes wait in `batch` for flush.
   */
  prepare(
    recordId: string,
    entities: Entities,
    seen: string,
    replace: boolean,
    batch: LinkBatch,
  ): { entities: Entities; extracted: string } {
    const extracted = withoutIds(entities);
    const { linked } = this.run(relinkRecord('sqlite', recordId, extracted, this.lexicon, seen, replace, batch));
    return { entities: linked, extracted: JSON.stringify(extracted) };
  }

  flush(batch: LinkBatch): void {
    this.run(batch.flush());
  }

  /** Links records stored before entity ids existed. */
  backfill(): number {
    if (!this.db.prepare('SELECT 1 FROM records WHERE extracted IS NULL LIMIT 1').get()) return 0;
    return this.write(() => backfill('sqlite'));
  }
}
