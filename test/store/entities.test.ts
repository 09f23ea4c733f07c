// Entity identities and reviewers' corrections: the store contract, run on both back ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import type { Entities, GleanerRecord } from '../../src/record/schema.js';
import { contentHash } from '../../src/text/hash.js';
import type { Store } from '../../src/store/types.js';
import { BACKENDS } from './backends.js';

let n = 0;
/** A stored-looking record with the given entities (text mentions them so it reads like news). */
function article(entities: Partial<Entities>, opts: { day?: string; url?: string } = {}): GleanerRecord {
  const i = ++n;
  const all: Entities = { people: [], countries: [], organizations: [], places: [], dates: [], ...entities };
  const names = [...all.people, ...all.countries, ...all.organizations, ...all.places].map((e) => e.name);
  const text = `Report ${i}: ${names.join(', ')} were in the news today, officials said.`;
  return {
    url: opts.url ?? `https://news.example/story-${i}-${Math.random().toString(36).slice(2, 8)}`,
    title: `Story ${i}`,
    byline: null,
    siteName: 'News Example',
    publishedAt: `${opts.day ?? '2024-03-01'}T09:00:00Z`,
    language: 'en',
    text,
    entities: all,
    provenance: { contentHash: contentHash(text), pipelineVersion: 'test' },
  };
}

const person = (name: string, aliases: string[] = [], mentions = 1) => ({ name, aliases, mentions });
const org = person;
const country = (name: string, code: string, aliases: string[] = []) => ({
  name,
  code,
  mentions: 1,
  ...(aliases.length ? { aliases } : {}),
});
const place = (name: string, countryCode?: string) => ({ name, mentions: 1, ...(countryCode ? { countryCode } : {}) });

async function idsOf(
  store: Store,
  id: string,
  list: 'people' | 'countries' | 'organizations' | 'places',
): Promise<Array<{ name: string; id?: string }>> {
  const rec = await store.get(id);
  return rec!.entities[list].map((e) => ({ name: e.name, id: e.id }));
}

describe.each(BACKENDS)('entities on $name', (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const b = backend.create();
    cleanup = b.cleanup;
    store = await b.open();
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  describe('one identity per entity', () => {
    it('joins a bare surname in one record to the full name in another, whichever comes first', async () => {
      const a = await store.upsert(article({ people: [person('Trump')] }));
      const b = await store.upsert(article({ people: [person('Donald Trump', ['Trump'])] }));
      const c = await store.upsert(article({ people: [person('Trump')] }));
      const [ia] = await idsOf(store, a.id, 'people');
      const [ib] = await idsOf(store, b.id, 'people');
      const [ic] = await idsOf(store, c.id, 'people');
      expect(ib.id).toMatch(/^e[0-9a-z]+$/);
      expect(ic.id).toBe(ib.id);
      // the first record's bare entity was merged into the full name; its JSON carries the new id
      expect(ia.id).toBe(ib.id);
      const e = await store.getEntity('Trump', 'person');
      expect(e).toMatchObject({ id: ib.id, type: 'person', name: 'Donald Trump', records: 3, mentions: 3 });
      expect(e!.aliases).toContain('Trump');
      expect(await store.count({ entityId: ib.id })).toBe(3);
    });

    it('keeps a bare surname apart when two full names share it equally', async () => {
      await store.upsert(article({ people: [person('Maria Okafor', ['Okafor'])] }));
      await store.upsert(article({ people: [person('James Okafor', ['Okafor'])] }));
      const bare = await store.upsert(article({ people: [person('Okafor')] }));
      const [ib] = await idsOf(store, bare.id, 'people');
      const maria = await store.getEntity('Maria Okafor');
      const james = await store.getEntity('James Okafor');
      expect(new Set([ib.id, maria!.id, james!.id]).size).toBe(3);
      expect((await store.getEntity(ib.id!))!.name).toBe('Okafor');
    });

    it('joins a bare surname to a clearly dominant full name', async () => {
      for (let i = 0; i < 6; i++) await store.upsert(article({ people: [person('Abdou Kassoum', ['Kassoum'])] }));
      await store.upsert(article({ people: [person('Fatima Kassoum', ['Kassoum'])] }));
      const bare = await store.upsert(article({ people: [person('Kassoum')] }));
      const [ib] = await idsOf(store, bare.id, 'people');
      expect(ib.id).toBe((await store.getEntity('Abdou Kassoum'))!.id);
    });

    it('keeps a bare name apart when the record names another full name with it', async () => {
      for (let i = 0; i < 6; i++) await store.upsert(article({ people: [person('Lina Verhoeven', ['Verhoeven'])] }));
      const r = await store.upsert(article({ people: [person('Paul Verhoeven'), person('Verhoeven')] }));
      const ids = await idsOf(store, r.id, 'people');
      const lina = (await store.getEntity('Lina Verhoeven'))!.id;
      expect(ids.find((p) => p.name === 'Verhoeven')!.id).not.toBe(lina);
    });

    it('makes U.S., US and United States one country entity named United States', async () => {
      const a = await store.upsert(article({ countries: [country('U.S.', 'US')] }));
      const b = await store.upsert(article({ countries: [country('US', 'US')] }));
      const c = await store.upsert(article({ countries: [country('United States', 'US', ['U.S.'])] }));
      const ids = await Promise.all([a, b, c].map(async (r) => (await idsOf(store, r.id, 'countries'))[0].id));
      expect(new Set(ids).size).toBe(1);
      const e = await store.getEntity(ids[0]!);
      expect(e).toMatchObject({ type: 'country', name: 'United States', code: 'US', records: 3 });
      expect((await store.getEntity('U.S.'))!.id).toBe(ids[0]);
    });

    it('joins AES and Alliance of Sahel States, either order', async () => {
      const a = await store.upsert(article({ organizations: [org('AES')] }));
      const b = await store.upsert(article({ organizations: [org('Alliance of Sahel States', ['AES'])] }));
      const c = await store.upsert(article({ organizations: [org('AES')] }));
      const ids = await Promise.all([a, b, c].map(async (r) => (await idsOf(store, r.id, 'organizations'))[0].id));
      expect(new Set(ids).size).toBe(1);
      expect((await store.getEntity('AES'))!.name).toBe('Alliance of Sahel States');
      expect(await store.count({ entityId: ids[0]! })).toBe(3);
      expect(await store.count({ entity: 'AES' })).toBe(3);
    });

    it('counts records and mentions, first and last seen, per day, and co-occurring entities', async () => {
      await store.upsert(article({ people: [person('Oumar Sanogo', [], 2)], places: [place('Kidal', 'ML')] }, { day: '2024-05-02' }));
      await store.upsert(article({ people: [person('Oumar Sanogo', [], 3)], places: [place('Kidal', 'ML')] }, { day: '2024-05-09' }));
      await store.upsert(article({ people: [person('Oumar Sanogo', [], 1)] }, { day: '2024-05-09' }));
      const e = (await store.getEntity('Oumar Sanogo'))!;
      expect(e).toMatchObject({ records: 3, mentions: 6, firstSeen: '2024-05-02T09:00:00.000Z', lastSeen: '2024-05-09T09:00:00.000Z' });
      expect(await store.entityDays(e.id)).toEqual([
        { day: '2024-05-02', records: 1, mentions: 2 },
        { day: '2024-05-09', records: 2, mentions: 4 },
      ]);
      const co = await store.coEntities(e.id);
      expect(co.map((c) => [c.entity.name, c.records])).toEqual([['Kidal', 2]]);
      expect((await store.listEntities({ q: 'sano' })).map((x) => x.name)).toEqual(['Oumar Sanogo']);
      expect((await store.listEntities({ type: 'place', q: 'kid' })).map((x) => x.name)).toEqual(['Kidal']);
    });

    it('re-links a changed record: counts move, ids stay', async () => {
      const url = 'https://news.example/changing';
      const first = await store.upsert(article({ people: [person('Idrissa Maiga')] }, { url }));
      const before = (await store.getEntity('Idrissa Maiga'))!;
      expect(before.records).toBe(1);
      await store.upsert(article({ people: [person('Salif Traore')] }, { url }));
      expect((await store.getEntity(before.id))!.records).toBe(0);
      expect((await store.getEntity('Salif Traore'))!.records).toBe(1);
      expect((await idsOf(store, first.id, 'people'))[0].name).toBe('Salif Traore');
    });

    it('keeps the existing filters working and rejects a malformed entity id', async () => {
      expect(await store.count({ entity: 'Donald Trump', type: 'person' })).toBe(1);
      expect(await store.count({ entity: 'Trump', type: 'person' })).toBe(3);
      expect(await store.count({ country: 'US' })).toBe(3);
      await expect(store.count({ entityId: 'not an id' })).rejects.toThrow(/entity id/);
    });
  });

  describe('refresh (reprocess)', () => {
    it('replaces metadata and entities in place for the same text, is idempotent, and revises on new text', async () => {
      const url = 'https://news.example/refreshed';
      const base = article({ people: [person('Amadou Sy')] }, { url });
      const { id } = await store.upsert(base);
      const redone = {
        ...base,
        title: 'A better title',
        entities: { ...base.entities, people: [person('Amadou Sy')], places: [place('Kayes', 'ML')] },
      };
      expect(await store.refresh(id, redone)).toEqual({ id, status: 'updated', revision: 1 });
      const rec = (await store.get(id))!;
      expect(rec.title).toBe('A better title');
      expect(rec.entities.places.map((p) => [p.name, typeof p.id])).toEqual([['Kayes', 'string']]);
      expect((await store.getEntity('Kayes'))!.records).toBe(1);
      expect((await store.getEntity('Amadou Sy'))!.records).toBe(1);
      expect(await store.refresh(id, redone)).toEqual({ id, status: 'unchanged', revision: 1 });
      expect((await store.getEntity('Amadou Sy'))!.records).toBe(1);
      const text = base.text + ' More news later.';
      const changed = { ...redone, text, provenance: { ...base.provenance!, contentHash: contentHash(text) } };
      expect(await store.refresh(id, changed)).toMatchObject({ id, status: 'updated', revision: 2 });
    });
  });

  describe('corrections', () => {
    it('rejects a name everywhere, at once, and undoes it', async () => {
      const a = await store.upsert(article({ places: [place('Sahel')], countries: [country('Mali', 'ML')] }));
      await store.upsert(article({ places: [place('Sahel')] }));
      expect(await store.count({ entity: 'Sahel' })).toBe(2);
      const { correction, records } = await store.addCorrection({ op: 'reject', name: 'Sahel', author: 'ana' });
      expect(records).toBe(2);
      expect(correction).toMatchObject({ op: 'reject', name: 'Sahel', author: 'ana' });
      expect(Date.parse(correction.at)).not.toBeNaN();
      expect(await store.count({ entity: 'Sahel' })).toBe(0);
      expect((await store.get(a.id))!.entities.places).toEqual([]);
      expect((await store.topEntities({ type: 'place', limit: 100 })).map((t) => t.name)).not.toContain('Sahel');
      // a later record with that name is corrected on the way in
      await store.upsert(article({ places: [place('Sahel')] }));
      expect(await store.count({ entity: 'Sahel' })).toBe(0);
      // and extraction with the store's lexicon leaves it out
      const lexicon = await store.lexicon();
      expect(lexicon.corrections.map((c) => c.op)).toContain('reject');
      const entities = extract(
        { text: 'Drought spread across the Sahel this year, farmers in Mali said.', publishedAt: null },
        { lexicon },
      );
      expect(entities.places.map((p) => p.name)).not.toContain('Sahel');

      await store.undoCorrection(correction.id, 'ben');
      expect(await store.count({ entity: 'Sahel' })).toBe(3);
      const listed = (await store.listCorrections()).find((c) => c.correction.id === correction.id)!;
      expect(listed.undoneBy).toBe('ben');
      expect((await store.lexicon()).corrections.map((c) => c.id)).not.toContain(correction.id);
    });

    it('rejects a name in one record only', async () => {
      const a = await store.upsert(article({ organizations: [org('Harmattan Group')] }));
      const b = await store.upsert(article({ organizations: [org('Harmattan Group')] }));
      await store.addCorrection({ op: 'reject', name: 'Harmattan Group', recordId: a.id, author: 'ana' });
      expect((await store.get(a.id))!.entities.organizations).toEqual([]);
      expect((await store.get(b.id))!.entities.organizations.map((o) => o.name)).toEqual(['Harmattan Group']);
      expect((await store.getEntity('Harmattan Group'))!.records).toBe(1);
      // a record-scoped correction is not part of what extraction applies
      const entities = extract(
        { text: 'Shares of Harmattan Group rose. Harmattan Group said profits doubled.', publishedAt: null },
        { lexicon: await store.lexicon() },
      );
      expect(entities.organizations.map((o) => o.name)).toContain('Harmattan Group');
    });

    it('retypes an entity: facets change, its id leads to the new one, new records follow, undo restores', async () => {
      const a = await store.upsert(article({ people: [person('Chelsea')], countries: [country('France', 'FR')] }));
      await store.upsert(article({ people: [person('Chelsea')] }));
      const old = (await store.getEntity('Chelsea', 'person'))!;
      expect(await store.count({ entity: 'Chelsea', type: 'person' })).toBe(2);
      const { correction } = await store.addCorrection({ op: 'retype', name: old.id, to: 'organization', author: 'ana' });
      expect(correction).toMatchObject({ type: 'person', name: 'Chelsea', to: 'organization' });
      expect(await store.count({ entity: 'Chelsea', type: 'person' })).toBe(0);
      expect(await store.count({ entity: 'Chelsea', type: 'organization' })).toBe(2);
      const rec = (await store.get(a.id))!;
      expect(rec.entities.people).toEqual([]);
      expect(rec.entities.organizations.map((o) => o.name)).toEqual(['Chelsea']);
      const now = (await store.getEntity(old.id))!;
      expect(now).toMatchObject({ type: 'organization', name: 'Chelsea', records: 2 });
      expect(rec.entities.organizations[0].id).toBe(now.id);
      expect(await store.count({ entityId: old.id })).toBe(2);
      const later = await store.upsert(article({ people: [person('Chelsea')] }));
      expect((await store.get(later.id))!.entities.organizations.map((o) => o.id)).toEqual([now.id]);

      await store.undoCorrection(correction.id, 'ana');
      expect(await store.count({ entity: 'Chelsea', type: 'person' })).toBe(3);
      expect((await store.getEntity(old.id))!).toMatchObject({ id: old.id, type: 'person', records: 3 });
    });

    it('merges one entity into another and adds an alias, with undo', async () => {
      const a = await store.upsert(article({ people: [person('Jose')] }));
      await store.upsert(article({ people: [person('Jose Mourinho', ['Mourinho'])] }));
      await store.upsert(article({ people: [person('Jose Mourinho', ['Mourinho'])] }));
      const jose = (await store.getEntity('Jose', 'person'))!;
      const full = (await store.getEntity('Jose Mourinho'))!;
      expect(jose.id).not.toBe(full.id);
      const merge = await store.addCorrection({ op: 'merge', name: 'Jose', into: 'Jose Mourinho', author: 'ana' });
      expect((await store.getEntity(jose.id))!.id).toBe(full.id);
      expect((await store.getEntity(full.id))!.records).toBe(3);
      expect((await store.get(a.id))!.entities.people.map((p) => [p.name, p.id])).toEqual([['Jose Mourinho', full.id]]);

      const b = await store.upsert(article({ people: [person('The Special One')] }));
      const alias = await store.addCorrection({ op: 'alias', name: 'Jose Mourinho', alias: 'The Special One', author: 'ana' });
      expect((await store.get(b.id))!.entities.people.map((p) => p.id)).toEqual([full.id]);
      expect((await store.getEntity(full.id))!.aliases).toContain('The Special One');
      expect((await store.getEntity(full.id))!.records).toBe(4);

      await store.undoCorrection(alias.correction.id, 'ana');
      await store.undoCorrection(merge.correction.id, 'ana');
      expect((await store.getEntity(jose.id))!).toMatchObject({ id: jose.id, name: 'Jose', records: 1 });
      expect((await store.get(b.id))!.entities.people.map((p) => p.name)).toEqual(['The Special One']);
    });

    it('exports the active corrections as a lexicon and imports them into another store once', async () => {
      await store.addCorrection({ op: 'reject', name: 'Sahel', author: 'ana' });
      const lexicon = await store.lexicon();
      expect(lexicon.version).toBeGreaterThan(0);
      const other = backend.create();
      const s2 = await other.open();
      try {
        await s2.upsert(article({ places: [place('Sahel')], people: [person('Chelsea')] }));
        expect(await s2.importCorrections(JSON.parse(JSON.stringify(lexicon)))).toBe(lexicon.corrections.length);
        expect(await s2.importCorrections(lexicon)).toBe(0);
        expect(await s2.count({ entity: 'Sahel' })).toBe(0);
        expect((await s2.lexicon()).corrections.map((c) => c.id)).toEqual(lexicon.corrections.map((c) => c.id));
      } finally {
        await s2.close();
        await other.cleanup();
      }
    });
  });
});
