// Full-text search stems each record like its language: PostgreSQL indexes French records with the
// 'french' configuration, English with 'english', others word for word ('simple'), and matches each
// record with the query stemmed the same way. SQLite's FTS5 has one stemmer (Porter, English) for
// every language; on plurals like these the two agree (README, "Search").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GleanerRecord } from '../../src/record/schema.js';
import type { Store } from '../../src/store/types.js';
import { contentHash } from '../../src/text/hash.js';
import pg from 'pg';
import Database from 'better-sqlite3';
import { fold } from '../../src/text/fold.js';
import { BACKENDS, PG_URL } from './backends.js';

function article(slug: string, language: string, title: string, text: string): GleanerRecord {
  return {
    url: `https://presse.example/${slug}`,
    title,
    byline: null,
    siteName: 'Presse Example',
    publishedAt: '2024-05-02T08:00:00Z',
    language,
    text,
    entities: { people: [], countries: [], organizations: [], places: [], dates: [] },
    provenance: { contentHash: contentHash(text), pipelineVersion: 'test' },
  };
}

const FRENCH = article(
  'scrutin',
  'fr',
  'Le scrutin municipal reporté',
  'La commission a reporté une élection municipale de Dosso à la fin du mois, faute de bulletins imprimés et de liste électorale à temps.',
);
const ENGLISH = article(
  'vote',
  'en',
  'Council vote delayed',
  'The commission delayed the council election in Dosso to the end of the month after ballots were not printed in time.',
);
const ELIDED = article(
  'investiture',
  'fr',
  "L'investiture d'Assimi Goïta",
  "La Cour constitutionnelle a validé l'élection et reçu le serment d'Assimi Goïta, qu'elle a proclamé vainqueur.",
);
const GERMAN = article(
  'wahl',
  'de',
  'Kommunalwahl verschoben',
  'Die Kommission hat die Kommunalwahl in Dosso auf das Monatsende verschoben, weil die Stimmzettel fehlten.',
);

describe.each(BACKENDS)('search by language on $name', (backend) => {
  const where = backend.create();
  let store: Store;
  beforeAll(async () => {
    store = await where.open();
    await store.upsertMany([FRENCH, ENGLISH, GERMAN]);
  });
  afterAll(async () => {
    await store.close();
    await where.cleanup();
  });

  const found = async (query: string) => (await store.list({ query })).map((r) => r.url).sort();

  it('finds a French record by the plural of a word it holds in the singular (élections → élection)', async () => {
    expect(await found('élections')).toEqual([FRENCH.url, ENGLISH.url].sort());
    expect(await found('municipales')).toEqual([FRENCH.url]);
  });

  it('stems French like French on PostgreSQL; SQLite stems every language like English (électoral → électorale)', async () => {
    // 'french' gives both 'electoral'; Porter (SQLite) and 'english' give 'elector' and 'electoral'
    expect(await found('électoral')).toEqual(backend.name === 'postgres' ? [FRENCH.url] : []);
    expect(await found('électorale')).toEqual([FRENCH.url]);
  });

  it("finds a word behind an elision or a possessive (l'élection, d'Assimi)", async () => {
    await store.upsertMany([ELIDED]);
    expect(await found('élection validé')).toEqual([ELIDED.url]);
    expect(await found('Assimi')).toEqual([ELIDED.url]);
    expect(await found('investiture')).toEqual([ELIDED.url]);
  });

  it('searches across languages: one query finds records of each language', async () => {
    expect(await found('Dosso')).toEqual([FRENCH.url, ENGLISH.url, GERMAN.url].sort());
    expect(await found('Dosso -commission')).toEqual([GERMAN.url]);
    expect(await found('Kommunalwahl OR ballots')).toEqual([ENGLISH.url, GERMAN.url].sort());
  });

  it('keeps the index of a record whose language changed in step with it', async () => {
    const stored = (await store.get(GERMAN.url!))!;
    await store.refresh(stored.id, { ...GERMAN, language: 'fr' });
    expect(await found('Kommunalwahl')).toEqual([GERMAN.url]);
    expect(await found('Dosso')).toEqual([FRENCH.url, ENGLISH.url, GERMAN.url].sort());
  });
});

describe('SQLite stores indexed before apostrophes split words', () => {
  const where = BACKENDS.find((b) => b.name === 'sqlite')!.create();
  afterAll(() => where.cleanup());

  it('are indexed again, once, on open', async () => {
    let store = await where.open();
    await store.upsertMany([ELIDED, ENGLISH]);
    await store.close();
    // what an older version wrote: "l'élection" indexed as one word, and no note that it was redone
    const db = new Database(where.location.dbPath!);
    db.exec(`INSERT INTO records_fts (records_fts) VALUES ('delete-all'); DELETE FROM store_meta WHERE key = 'fts_version'`);
    const ins = db.prepare('INSERT INTO records_fts (rowid, title, body) VALUES (?, ?, ?)');
    for (const r of db.prepare(`SELECT seq, data FROM records`).all() as Array<{ seq: number; data: string }>) {
      const rec = JSON.parse(r.data) as GleanerRecord;
      ins.run(r.seq, fold(rec.title ?? ''), fold(rec.text));
    }
    db.close();
    store = await where.open();
    expect((await store.list({ query: 'investiture Assimi' })).map((r) => r.url)).toEqual([ELIDED.url]);
    expect((await store.list({ query: 'ballots' })).map((r) => r.url)).toEqual([ENGLISH.url]);
    await store.close();
  });
});

describe('PostgreSQL stores indexed before records used their language', () => {
  const where = BACKENDS.find((b) => b.name === 'postgres')!.create();
  afterAll(() => where.cleanup());

  it('index their French records again with the French configuration, once, on open', async () => {
    let store = await where.open();
    await store.upsertMany([FRENCH, ENGLISH]);
    await store.close();
    // what an older version wrote: every vector stemmed as English, and no note that it was redone
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    const s = `"${where.location.pgSchema}"`;
    await c.query(
      `UPDATE ${s}.records SET fts = to_tsvector('english', title || ' ' || (data->>'text')); DELETE FROM ${s}.store_meta WHERE key = 'fts_version'`,
    );
    await c.end();
    store = await where.open();
    expect((await store.list({ query: 'électoral' })).map((r) => r.url)).toEqual([FRENCH.url]);
    expect((await store.list({ query: 'ballots' })).map((r) => r.url)).toEqual([ENGLISH.url]);
    await store.close();
  });
});
