// The store contract, run on both back ends.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline.js';
import { InputError } from '../../src/errors.js';
import { contentHash } from '../../src/text/hash.js';
import type { GleanerRecord } from '../../src/record/schema.js';
import type { RecordFilter, Store, StoredRecord } from '../../src/store/types.js';
import { BACKENDS, PG_URL, bulkAndOneByOne } from './backends.js';
import { ENGLISH_STOP_WORDS } from '../../src/store/stopwords.js';
import { sqliteMigrations } from '../../src/store/migrations/sqlite.js';
import { postgresMigrations } from '../../src/store/migrations/postgres.js';
import { seedRecord, seedRecords } from './seed.js';
import { withoutIds } from '../../src/store/entities.js';

/** Independent folding for the oracle: NFD, drop marks, lower case. */
const simple = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function withText(r: GleanerRecord, text: string, url?: string): GleanerRecord {
  return {
    ...r,
    url: url ?? r.url,
    canonicalUrl: url ? null : r.canonicalUrl,
    text,
    provenance: { ...r.provenance!, contentHash: contentHash(text) },
  };
}

/** What a filter should return, computed from the seed records directly. */
function oracle(records: GleanerRecord[], f: RecordFilter): GleanerRecord[] {
  const names = (r: GleanerRecord, type?: string) => {
    const out: string[] = [];
    const e = r.entities;
    if (!type || type === 'person') for (const p of e.people) out.push(p.name, ...p.aliases, p.name.split(' ').at(-1)!);
    if (!type || type === 'country') for (const c of e.countries) out.push(c.name, ...(c.aliases ?? []));
    if (!type || type === 'organization') for (const o of e.organizations) out.push(o.name, ...o.aliases);
    if (!type || type === 'place') for (const p of e.places) out.push(p.name, ...(p.aliases ?? []));
    return out.map(simple);
  };
  let out = records.filter((r) => {
    const ents = f.entity === undefined ? [] : Array.isArray(f.entity) ? f.entity : [f.entity];
    if (ents.some((n) => !names(r, f.type).includes(simple(n)))) return false;
    if (f.type && !ents.length && names(r, f.type).length === 0) return false;
    const codes = f.country === undefined ? [] : Array.isArray(f.country) ? f.country : [f.country];
    if (codes.some((c) => !r.entities.countries.some((x) => x.code === c.toUpperCase()))) return false;
    if (f.since && !(r.publishedAt! >= new Date(f.since).toISOString())) return false;
    if (f.language && r.language !== f.language.toLowerCase()) return false;
    if (f.source && new URL(r.canonicalUrl ?? r.url!).hostname.replace(/^www\./, '') !== f.source) return false;
    if (f.query) {
      const hay = simple(`${r.title} ${r.text}`).replace(/[^a-z0-9]+/g, ' ');
      if (!f.query.split(' ').every((w) => ` ${hay} `.includes(` ${simple(w)} `))) return false;
    }
    return true;
  });
  if (f.until) {
    // `until` names a whole period: until 2023-09 keeps all of September.
    const u = f.until;
    out = out.filter((r) => r.publishedAt!.slice(0, u.length) <= u);
  }
  return out.sort((a, b) => (a.publishedAt! < b.publishedAt! ? 1 : a.publishedAt! > b.publishedAt! ? -1 : 0));
}

const urls = (rs: Array<{ canonicalUrl?: string | null; url: string | null }>) => rs.map((r) => r.canonicalUrl ?? r.url);

describe.each(BACKENDS)('store on $name', (backend) => {
  describe('upsert', () => {
    const where = backend.create();
    let store: Store;
    beforeAll(async () => {
      store = await where.open();
    });
    afterAll(async () => {
      await store.close();
      await where.cleanup();
    });

    it('stores 100 articles once even when the same batch runs twice', async () => {
      const seeds = seedRecords(100);
      const first = [];
      for (const r of seeds) first.push(await store.upsert(r));
      expect(first.every((r) => r.status === 'inserted' && r.revision === 1)).toBe(true);
      const second = [];
      for (const r of seeds) second.push(await store.upsert(r));
      expect(second.map((r) => r.status)).toEqual(seeds.map(() => 'unchanged'));
      expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
      expect(await store.count()).toBe(100);
      expect(new Set(first.map((r) => r.id)).size).toBe(100);
    });

    it('keeps the previous revision when an article changes', async () => {
      const original = seedRecord(7);
      const before = await store.get(original.canonicalUrl!);
      expect(before?.text).toBe(original.text);
      const changed = withText(original, original.text + '\n\nUpdate: the meeting was postponed to Friday.');
      changed.url = original.url;
      changed.canonicalUrl = original.canonicalUrl;
      const res = await store.upsert(changed);
      expect(res).toEqual({ id: before!.id, status: 'updated', revision: 2 });
      expect(await store.count()).toBe(100);
      const revs = await store.revisions(res.id);
      expect(revs.map((r) => r.revision)).toEqual([1, 2]);
      expect(revs[0].text).toBe(original.text);
      expect(revs[1].text).toContain('postponed to Friday');
      const now = await store.get(res.id);
      expect(now?.revision).toBe(2);
      expect(now?.text).toContain('postponed to Friday');
      expect(now?.createdAt).toBe(before?.createdAt);
      // the same change again is not a third revision
      expect((await store.upsert(changed)).status).toBe('unchanged');
      expect(await store.revisions(res.id)).toHaveLength(2);
      // the full-text index follows the new text
      expect(urls(await store.list({ query: 'postponed' }))).toEqual([original.canonicalUrl]);
    });

    it('links a syndicated copy under another URL to the original instead of duplicating it', async () => {
      const original = seedRecord(11);
      const orig = await store.get(original.canonicalUrl!);
      const copy = { ...original, url: 'https://partner-paper.example/wire/sahel-11', canonicalUrl: null, title: 'Wire copy' };
      const res = await store.upsert(copy);
      expect(res.status).toBe('syndicated');
      expect(res.id).not.toBe(orig!.id);
      const stored = await store.get('https://partner-paper.example/wire/sahel-11');
      expect(stored?.syndicatedFrom).toBe(orig!.id);
      expect(stored?.title).toBe('Wire copy');
      // a second copy links to the first original, not to the copy
      const res2 = await store.upsert({ ...copy, url: 'https://third.example/a/sahel' });
      expect(res2.status).toBe('syndicated');
      expect((await store.get(res2.id))?.syndicatedFrom).toBe(orig!.id);
      // retrying the copy is unchanged
      expect((await store.upsert(copy)).status).toBe('unchanged');
      expect(await store.count()).toBe(102);
    });

    it('keys a record without URL by its content hash', async () => {
      const base = seedRecord(200);
      const noUrl = {
        ...withText(base, 'A statement read on national radio about the curfew in the capital.'),
        url: null,
        canonicalUrl: null,
      };
      const a = await store.upsert(noUrl);
      const b = await store.upsert(noUrl);
      expect(a.status).toBe('inserted');
      expect(b).toEqual({ ...a, status: 'unchanged' });
      expect((await store.get(a.id))?.text).toBe(noUrl.text);
      await expect(store.count()).resolves.toBe(103);
    });

    it('finds a record stored under its URL when it comes back with a canonical URL', async () => {
      const base = withText(
        seedRecord(300),
        'Flood waters receded along the river banks on Tuesday, officials said.',
        'https://m.rivernews.example/flood?ref=rss',
      );
      const first = await store.upsert(base);
      const again = await store.upsert({ ...base, canonicalUrl: 'https://rivernews.example/flood' });
      expect(again).toEqual({ ...first, status: 'unchanged' });
      expect(await store.hasUrl('https://m.rivernews.example/flood?ref=rss')).toBe(true);
      expect(await store.hasUrl('https://m.rivernews.example/flood?ref=rss#comments')).toBe(true);
      expect(await store.hasUrl('https://rivernews.example/other')).toBe(false);
    });

    it('gets by id, canonical URL or original URL, and null for unknown', async () => {
      const r = seedRecord(3);
      const byCanonical = await store.get(r.canonicalUrl!);
      expect(byCanonical).not.toBeNull();
      expect((await store.get(r.url!))?.id).toBe(byCanonical!.id);
      const byId = (await store.get(byCanonical!.id)) as StoredRecord;
      expect(byId.title).toBe(r.title);
      // the stored record keeps the extracted entities and gains their entity ids
      expect(withoutIds(byId.entities)).toEqual(r.entities);
      expect(byId.entities.people.every((p) => /^e[0-9a-z]+$/.test(p.id!))).toBe(true);
      expect(byId.provenance).toEqual(r.provenance);
      expect(byId.syndicatedFrom).toBeNull();
      expect(Date.parse(byId.createdAt)).not.toBeNaN();
      expect(await store.get('https://nowhere.example/x')).toBeNull();
      expect(await store.get('r0000000000000000000')).toBeNull();
    });

    it('upserts many records at once, with retries, copies and changes inside the batch', async () => {
      const a = withText(seedRecord(600), 'Parliament approved the budget after a long night session.', 'https://bulk.example/a');
      const aChanged = withText(a, 'Parliament approved the amended budget after a long night session.', 'https://bulk.example/a');
      const b = { ...a, url: 'https://bulk-copy.example/a' };
      const before = await store.count();
      const results = await store.upsertMany([a, a, b, aChanged]);
      expect(results.map((r) => r.status)).toEqual(['inserted', 'unchanged', 'syndicated', 'updated']);
      expect(results[1].id).toBe(results[0].id);
      expect(results[3]).toEqual({ id: results[0].id, status: 'updated', revision: 2 });
      expect((await store.get(results[2].id))?.syndicatedFrom).toBe(results[0].id);
      expect(await store.count()).toBe(before + 2);
      expect((await store.upsertMany([a, b, aChanged])).map((r) => r.status)).toEqual(['updated', 'unchanged', 'updated']);
      expect(await store.upsertMany([])).toEqual([]);
    });

    it('writes nothing from a batch with an invalid record', async () => {
      const before = await store.count();
      const good = withText(seedRecord(700), 'A ferry resumed service across the lake on Monday.', 'https://bulk.example/ferry');
      const bad = { ...seedRecord(701), url: 'https://bulk.example/bad', entities: null } as unknown as GleanerRecord;
      await expect(store.upsertMany([good, bad])).rejects.toBeInstanceOf(InputError);
      expect(await store.count()).toBe(before);
      expect(await store.hasUrl('https://bulk.example/ferry')).toBe(false);
    });

    it('rejects a record that does not match the schema', async () => {
      const bad = { ...seedRecord(1), entities: { people: [{ name: 'X' }] } } as unknown as GleanerRecord;
      await expect(store.upsert(bad)).rejects.toBeInstanceOf(InputError);
    });
  });

  describe('records from the pipeline', () => {
    const where = backend.create();
    let store: Store;
    beforeAll(async () => {
      store = await where.open();
    });
    afterAll(async () => {
      await store.close();
      await where.cleanup();
    });

    it('stores the sample article once, revises it when edited, and links a wire copy', async () => {
      const page = readFileSync(new URL('../../fixtures/sahel-alliance.txt', import.meta.url));
      const meta = { url: 'https://sahel-courier.example/2023/09/alliance', publishedAt: '2023-09-17T10:00:00Z', isText: true };
      const record = processDocument(new Uint8Array(page), meta);
      const first = await store.upsert(record);
      expect(first.status).toBe('inserted');
      expect((await store.upsert(processDocument(new Uint8Array(page), meta))).status).toBe('unchanged');
      const stored = await store.get(meta.url);
      expect(withoutIds(stored!.entities)).toEqual(record.entities);
      expect([...stored!.entities.people, ...stored!.entities.countries].every((e) => /^e[0-9a-z]+$/.test(e.id!))).toBe(true);
      expect(stored?.provenance?.contentHash).toBe(record.provenance?.contentHash);
      const edited = processDocument(
        new Uint8Array(Buffer.concat([page, Buffer.from('\n\nThis article was updated to add a statement from the ministry.\n')])),
        meta,
      );
      expect(await store.upsert(edited)).toEqual({ id: first.id, status: 'updated', revision: 2 });
      const wire = processDocument(new Uint8Array(page), { ...meta, url: 'https://wire.example/sahel/123' });
      const copy = await store.upsert(wire);
      expect(copy.status).toBe('syndicated');
      // the copy has the first version's text, which now lives only in the original's revisions
      expect((await store.get(copy.id))?.syndicatedFrom).toBe(first.id);
      expect(await store.count()).toBe(2);
      const country = record.entities.countries[0];
      if (country) expect((await store.list({ country: country.code })).map((r) => r.id)).toContain(first.id);
    });
  });

  describe('bulk upserts', () => {
    const stores = bulkAndOneByOne(backend);

    it('gives the same results as one-by-one upserts for a mixed batch of 250', async () => {
      const { bulk, oneByOne } = stores;
      const seeds = seedRecords(150);
      const copies = seeds.slice(0, 40).map((r, i) => ({ ...r, canonicalUrl: null, url: `https://aggregator.example/item/${i}` }));
      const changed = seeds.slice(20, 60).map((r) => withText(r, r.text + ' (updated)', r.canonicalUrl!));
      // interleave so that copies and changes come after their originals but mixed with others
      const batch = [
        ...seeds.slice(0, 100),
        ...copies.slice(0, 20),
        ...seeds.slice(100),
        ...changed,
        ...copies.slice(20),
        ...seeds.slice(0, 10),
      ];
      const got = await bulk.upsertMany(batch);
      const expected = [];
      for (const r of batch) expected.push(await oneByOne.upsert(r));
      expect(got.map((r) => [r.status, r.revision])).toEqual(expected.map((r) => [r.status, r.revision]));
      expect(await bulk.count()).toBe(await oneByOne.count());
      const statuses = got.reduce<Record<string, number>>((a, r) => ((a[r.status] = (a[r.status] ?? 0) + 1), a), {});
      expect(statuses).toEqual({ inserted: 150, syndicated: 40, updated: 40, unchanged: 10 });
      // a copy of a record changed in the same batch still links to it
      for (let i = 0; i < 40; i++)
        expect((await bulk.get(`https://aggregator.example/item/${i}`))?.syndicatedFrom).toBe((await bulk.get(seeds[i].canonicalUrl!))?.id);
    });
  });

  describe('concurrent writers', () => {
    const where = backend.create();
    let stores: Store[];
    beforeAll(async () => {
      stores = [await where.open(), await where.open()];
    });
    afterAll(async () => {
      for (const s of stores) await s.close();
      await where.cleanup();
    });

    it('leaves one record when many workers upsert the same URL at once', async () => {
      const r = seedRecord(42);
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => stores[i % 2].upsert(r)));
      expect(new Set(results.map((x) => x.id)).size).toBe(1);
      expect(results.filter((x) => x.status === 'inserted')).toHaveLength(1);
      expect(results.filter((x) => x.status === 'unchanged')).toHaveLength(11);
      expect(await stores[0].count()).toBe(1);
    });

    it('links every racing copy of the same text to one original', async () => {
      const r = seedRecord(43);
      const copies = Array.from({ length: 8 }, (_, i) => ({ ...r, canonicalUrl: null, url: `https://outlet-${i}.example/story` }));
      const results = await Promise.all(copies.map((c, i) => stores[i % 2].upsert(c)));
      expect(results.filter((x) => x.status === 'inserted')).toHaveLength(1);
      expect(results.filter((x) => x.status === 'syndicated')).toHaveLength(7);
      const originalId = results.find((x) => x.status === 'inserted')!.id;
      for (const x of results.filter((y) => y.status === 'syndicated'))
        expect((await stores[1].get(x.id))?.syndicatedFrom).toBe(originalId);
    });
  });

  describe('filters on a seeded store', () => {
    const where = backend.create();
    let store: Store;
    const seeds = seedRecords(100);
    beforeAll(async () => {
      store = await where.open();
      for (const r of seeds) await store.upsert(r);
    });
    afterAll(async () => {
      await store.close();
      await where.cleanup();
    });

    const cases: Array<[string, RecordFilter]> = [
      ['an entity by full name', { entity: 'Abdourahamane Tiani' }],
      ['an entity by alias', { entity: 'ECOWAS' }],
      ['a person by surname, without the diacritic', { entity: 'Goita', type: 'person' }],
      ['two entities, both required', { entity: ['Tiani', 'Niamey'] }],
      ['a type alone', { type: 'person' }],
      ['an entity under the wrong type', { entity: 'Niamey', type: 'person' }],
      ['a country code', { country: 'NE' }],
      ['two country codes', { country: ['ne', 'BF'] }],
      ['since a day', { since: '2023-10-15' }],
      ['until a month (inclusive)', { until: '2023-08' }],
      ['a source host (www. ignored)', { source: 'sahel-courier.example' }],
      ['a language (as detected from the text)', { language: 'fr' }],
      ['a language and a country', { language: 'FR', country: 'NE' }],
      ['a full-text word', { query: 'harvest' }],
      ['full-text words in title and body', { query: 'Niger flood' }],
      ['the one-query example', { entity: 'Goita', type: 'person', country: 'NE', since: '2023-09-01', until: '2023-09-30' }],
    ];
    it.each(cases)('%s', async (_what, filter) => {
      const expected = urls(oracle(seeds, filter));
      const got = await store.list(filter);
      if (filter.query) expect(new Set(urls(got))).toEqual(new Set(expected));
      else expect(urls(got)).toEqual(expected);
      expect(await store.count(filter)).toBe(expected.length);
    });

    it('has non-trivial answers for the example query', async () => {
      const filter: RecordFilter = { entity: 'Goita', type: 'person', country: 'NE', since: '2023-09-01', until: '2023-09-30' };
      const got = await store.list(filter);
      expect(got.length).toBeGreaterThan(0);
      expect(got.length).toBeLessThan(10);
      for (const r of got) {
        expect(r.publishedAt!.slice(0, 7)).toBe('2023-09');
        expect(r.entities.countries.map((c) => c.code)).toContain('NE');
        expect(r.entities.people.map((p) => p.name)).toContain('Assimi Goïta');
      }
    });

    it('pages with limit and offset in a stable order', async () => {
      const all = await store.list({ country: 'ML' });
      const pages = [
        ...(await store.list({ country: 'ML', limit: 5 })),
        ...(await store.list({ country: 'ML', limit: 5, offset: 5 })),
        ...(await store.list({ country: 'ML', offset: 10 })),
      ];
      expect(pages.map((r) => r.id)).toEqual(all.map((r) => r.id));
      expect(await store.list({ country: 'ML', limit: 0 })).toEqual([]);
    });

    it('searches phrases, alternatives and exclusions', async () => {
      const phrase = await store.list({ query: '"trade summit"' });
      expect(phrase.length).toBeGreaterThan(0);
      expect(phrase.every((r) => r.text.includes('trade summit'))).toBe(true);
      const either = await store.list({ query: 'flood OR harvest' });
      expect(new Set(urls(either))).toEqual(
        new Set([...urls(oracle(seeds, { query: 'flood' })), ...urls(oracle(seeds, { query: 'harvest' }))]),
      );
      const without = await store.list({ query: 'harvest -Chad' });
      expect(without.length).toBeGreaterThan(0);
      expect(without.every((r) => r.text.includes('harvest') && !r.text.includes('Chad'))).toBe(true);
      // stemming: "forecasts" finds "forecast"
      expect((await store.list({ query: 'forecasts' })).length).toBe(oracle(seeds, { query: 'forecast' }).length);
      // title matches rank first
      const ranked = await store.list({ query: 'Chad' });
      const firstNonTitle = ranked.findIndex((r) => !r.title!.includes('Chad'));
      expect(firstNonTitle).toBeGreaterThan(0);
      expect(ranked.slice(firstNonTitle).every((r) => !r.title!.includes('Chad'))).toBe(true);
    });

    it('answers stop-word-only queries and pure negations the same way on both back ends', async () => {
      // nothing searchable (stop words only): no record, not every record
      for (const query of ['the', 'of the', '"the of"', 'the OR a', '-the', '!!!']) {
        expect(await store.list({ query }), query).toEqual([]);
        expect(await store.count({ query }), query).toBe(0);
      }
      // stop words beside real words are ignored
      expect(new Set(urls(await store.list({ query: 'the harvest' })))).toEqual(new Set(urls(oracle(seeds, { query: 'harvest' }))));
      // only exclusions: every record matching none of them, in the default order
      const withChad = urls(oracle(seeds, { query: 'chad' }));
      expect(withChad.length).toBeGreaterThan(0);
      const notChad = await store.list({ query: '-Chad' });
      expect(new Set(urls(notChad))).toEqual(new Set(seeds.map((r) => r.canonicalUrl!).filter((u) => !withChad.includes(u))));
      expect(urls(notChad)).toEqual(urls(await store.list({})).filter((u) => !withChad.includes(u)));
      expect(await store.count({ query: '-Chad -the' })).toBe(notChad.length);
      const neither = await store.count({ query: '-Chad -harvest' });
      expect(neither).toBe(seeds.length - new Set([...withChad, ...urls(oracle(seeds, { query: 'harvest' }))]).size);
      // and with other filters
      expect(urls(await store.list({ query: '-Chad', country: 'NE' }))).toEqual(
        urls(await store.list({ country: 'NE' })).filter((u) => !withChad.includes(u)),
      );
    });

    if (backend.name === 'postgres') {
      it("drops exactly PostgreSQL's english stop words", async () => {
        const { Client } = (await import('pg')).default;
        const client = new Client({ connectionString: PG_URL });
        await client.connect();
        try {
          const words = [...ENGLISH_STOP_WORDS];
          const { rows } = await client.query<{ w: string }>(
            `SELECT w FROM unnest($1::text[]) AS w WHERE to_tsvector('english', w) <> ''::tsvector`,
            [words],
          );
          expect(rows.map((r) => r.w)).toEqual([]);
          const kept = await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM unnest($1::text[]) AS w WHERE to_tsvector('english', w) = ''::tsvector`,
            [['harvest', 'niger', 'flood', 'summit', 'report']],
          );
          expect(kept.rows[0]!.n).toBe(0);
        } finally {
          await client.end();
        }
      });
    }

    it('rejects bad filter values with an InputError', async () => {
      await expect(store.list({ country: 'Niger' })).rejects.toBeInstanceOf(InputError);
      await expect(store.list({ since: 'last tuesday' })).rejects.toBeInstanceOf(InputError);
      await expect(store.list({ limit: -1 })).rejects.toBeInstanceOf(InputError);
      await expect(store.list({ type: 'animal' as never })).rejects.toBeInstanceOf(InputError);
    });

    it('counts the most mentioned entities with their article counts', async () => {
      const top = await store.topEntities({ limit: 100 });
      // oracle: articles per (type, name) from the seed
      const count = new Map<string, { articles: number; mentions: number }>();
      for (const r of seeds) {
        const e = r.entities;
        const items = [
          ...e.people.map((p) => ['person', p.name, p.mentions] as const),
          ...e.countries.map((c) => ['country', c.name, c.mentions] as const),
          ...e.organizations.map((o) => ['organization', o.name, o.mentions] as const),
          ...e.places.map((p) => ['place', p.name, p.mentions] as const),
        ];
        for (const [type, name, mentions] of items) {
          const k = `${type}:${name}`;
          const c = count.get(k) ?? { articles: 0, mentions: 0 };
          c.articles++;
          c.mentions += mentions;
          count.set(k, c);
        }
      }
      expect(top).toHaveLength(count.size);
      for (const t of top) expect({ articles: t.articles, mentions: t.mentions }).toEqual(count.get(`${t.type}:${t.name}`));
      for (let i = 1; i < top.length; i++) expect(top[i - 1].articles).toBeGreaterThanOrEqual(top[i].articles);
      expect(top.find((t) => t.name === 'Niger')?.code).toBe('NE');
      expect(top.find((t) => t.name === 'Niamey')?.code).toBe('NE');

      const people = await store.topEntities({ type: 'person', limit: 3 });
      expect(people).toHaveLength(3);
      expect(people.every((p) => p.type === 'person')).toBe(true);

      const october = await store.topEntities({ type: 'country', since: '2023-10-01', limit: 50 });
      const octSeeds = seeds.filter((r) => r.publishedAt! >= '2023-10-01');
      for (const t of october) expect(t.articles).toBe(octSeeds.filter((r) => r.entities.countries.some((c) => c.code === t.code)).length);
      expect((await store.topEntities({ type: 'date' })).every((d) => d.type === 'date')).toBe(true);
    });
  });

  describe('raw pages, feeds and feed items', () => {
    const where = backend.create();
    let store: Store;
    beforeAll(async () => {
      store = await where.open();
    });
    afterAll(async () => {
      await store.close();
      await where.cleanup();
    });

    it('keeps raw bytes by hash, first write wins', async () => {
      const body = new Uint8Array([0x3c, 0x68, 0x31, 0x3e, 0xe9, 0x00, 0xff]);
      await store.putRaw('abc123', body, 'text/html; charset=windows-1252');
      await store.putRaw('abc123', new Uint8Array([1]), 'text/plain');
      const got = await store.getRaw('abc123');
      expect(Array.from(got!.body)).toEqual(Array.from(body));
      expect(got!.contentType).toBe('text/html; charset=windows-1252');
      expect(await store.getRaw('missing')).toBeNull();
    });

    it('saves, updates, lists and removes feeds', async () => {
      const feed = {
        id: 'sahel',
        url: 'https://sahel-courier.example/rss.xml',
        every: '15m',
        etag: null,
        lastModified: null,
        lastPolledAt: null,
        lastStatus: null,
        title: null,
      };
      await store.saveFeed(feed);
      await store.saveFeed({ ...feed, id: 'wire', url: 'https://westwire.example/feed' });
      await store.saveFeed({
        ...feed,
        etag: '"v2"',
        lastModified: 'Tue, 12 Sep 2023 08:00:00 GMT',
        lastPolledAt: '2023-09-12T08:01:00Z',
        lastStatus: 200,
        title: 'Sahel Courier',
      });
      expect(await store.getFeed('sahel')).toEqual({
        ...feed,
        etag: '"v2"',
        lastModified: 'Tue, 12 Sep 2023 08:00:00 GMT',
        lastPolledAt: '2023-09-12T08:01:00Z',
        lastStatus: 200,
        title: 'Sahel Courier',
      });
      expect((await store.getFeed('https://westwire.example/feed'))?.id).toBe('wire');
      expect((await store.listFeeds()).map((f) => f.id)).toEqual(['sahel', 'wire']);
      expect(await store.removeFeed('wire')).toBe(true);
      expect(await store.removeFeed('wire')).toBe(false);
      expect(await store.getFeed('wire')).toBeNull();
    });

    it('remembers feed items seen', async () => {
      expect(await store.hasFeedItem('https://a.example/rss', 'guid-1')).toBe(false);
      await store.markFeedItem('https://a.example/rss', 'guid-1', 'https://a.example/1');
      await store.markFeedItem('https://a.example/rss', 'guid-1', 'https://a.example/1');
      expect(await store.hasFeedItem('https://a.example/rss', 'guid-1')).toBe(true);
      expect(await store.hasFeedItem('https://b.example/rss', 'guid-1')).toBe(false);
    });

    it('applies migrations once and reopens an existing store', async () => {
      const again = await where.open();
      expect(await again.getFeed('sahel')).not.toBeNull();
      const versions = await (again as unknown as { migrations(): number[] | Promise<number[]> }).migrations();
      const defined = (backend.name === 'sqlite' ? sqliteMigrations : postgresMigrations).map((m) => m.version);
      expect(versions).toEqual(defined);
      expect(defined[0]).toBe(1);
      await again.close();
    });
  });
});
