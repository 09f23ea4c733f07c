// A bulk import links entities exactly like the same records upserted one by one: same entities
// (names, aliases, codes, counts, first/last seen) and the same links from each record, on both back
// ends. The records are built to meet every resolution rule: bare surnames and acronyms with one,
// several or one dominant full name, bare names stored before their full name (merged later),
// countries under several names, records changed or copied in the same batch.
import { describe, expect, it } from 'vitest';
import type { Entities, GleanerRecord } from '../../src/record/schema.js';
import type { Store } from '../../src/store/types.js';
import { contentHash } from '../../src/text/hash.js';
import { BACKENDS, bulkAndOneByOne } from './backends.js';

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// full names (one common, one rare per shared surname), bare surnames, and a surname no full name has
const FULL = [
  { name: 'Amina Diallo', alias: 'Diallo', weight: 6 },
  { name: 'Moussa Diallo', alias: 'Diallo', weight: 1 },
  { name: 'Ousmane Keita', alias: 'Keita', weight: 2 },
  { name: 'Fatou Keita', alias: null, weight: 2 },
  { name: 'Ibrahim Traoré', alias: 'Traoré', weight: 2 },
  { name: 'Léa Marchand', alias: null, weight: 1 },
];
const BARE = ['Diallo', 'Keita', 'Traoré', 'Sow', 'Marchand'];
const ORGS = [
  { name: 'African Union', aliases: ['AU'] },
  { name: 'Economic Community of West African States', aliases: ['ECOWAS'] },
  { name: 'ECOWAS', aliases: [] },
  { name: 'AU', aliases: [] },
  { name: 'Sahel Grain Board', aliases: [] },
];
const COUNTRIES = [
  { name: 'Mali', code: 'ML' },
  { name: 'Republic of Mali', code: 'ML' },
  { name: 'Niger', code: 'NE' },
  { name: 'Senegal', code: 'SN' },
];
const PLACES = [{ name: 'Bamako', countryCode: 'ML' }, { name: 'Niamey', countryCode: 'NE' }, { name: 'Dakar' }];

function entitiesFor(rand: () => number): Entities {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const weighted = () => {
    let r = rand() * FULL.reduce((a, p) => a + p.weight, 0);
    for (const p of FULL) if ((r -= p.weight) < 0) return p;
    return FULL[0];
  };
  const people = new Map<string, Entities['people'][number]>();
  for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
    if (rand() < 0.35) {
      const name = pick(BARE);
      people.set(name, { name, aliases: [], mentions: 1 + Math.floor(rand() * 3) });
    } else {
      const p = weighted();
      people.set(p.name, { name: p.name, aliases: p.alias && rand() < 0.6 ? [p.alias] : [], mentions: 1 + Math.floor(rand() * 3) });
    }
  }
  const orgs = new Map<string, Entities['organizations'][number]>();
  for (let k = Math.floor(rand() * 3); k > 0; k--) {
    const o = pick(ORGS);
    orgs.set(o.name, { name: o.name, aliases: o.aliases, mentions: 1 });
  }
  const countries = new Map<string, Entities['countries'][number]>();
  for (let k = 1 + Math.floor(rand() * 2); k > 0; k--) {
    const c = pick(COUNTRIES);
    countries.set(c.code, { name: c.name, code: c.code, mentions: 1 + Math.floor(rand() * 2) });
  }
  const places = rand() < 0.5 ? [{ ...pick(PLACES), mentions: 1 }] : [];
  return { people: [...people.values()], countries: [...countries.values()], organizations: [...orgs.values()], places, dates: [] };
}

function record(i: number, rand: () => number, opts: { url?: string; text?: string } = {}): GleanerRecord {
  const entities = entitiesFor(rand);
  const names = [...entities.people, ...entities.organizations].map((e) => e.name).join(', ');
  const text = opts.text ?? `Dispatch ${i}: ${names} met in the capital on ${1 + (i % 28)} March, officials said.`;
  return {
    url: opts.url ?? `https://sahel-wire.example/news/${i}`,
    title: `Dispatch ${i}`,
    byline: null,
    siteName: 'Sahel Wire',
    publishedAt: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`,
    language: 'en',
    text,
    entities,
    provenance: { contentHash: contentHash(text), pipelineVersion: 'test' },
  };
}

/** 150 records: new ones, then changes of earlier ones (other text and entities), copies and exact repeats mixed in. */
function batch(): GleanerRecord[] {
  const rand = prng(7);
  const out: GleanerRecord[] = [];
  for (let i = 0; i < 120; i++) out.push(record(i, rand));
  for (let i = 0; i < 15; i++) out.splice(40 + i * 5, 0, record(i * 3, rand, { url: `https://sahel-wire.example/news/${i * 3}` }));
  for (let i = 0; i < 10; i++) out.push({ ...out[i * 7], url: `https://aggregator.example/copy/${i}`, canonicalUrl: null });
  for (let i = 0; i < 5; i++) out.push(out[i * 11]);
  return out;
}

/** The entity tables as names: entities (without ids) and each record's links. */
async function entityTables(store: Store, records: GleanerRecord[]) {
  const entities = (await store.listEntities({ limit: 10_000 }))
    .map(({ id: _id, ...e }) => e)
    .sort((a, b) => `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`));
  const names = new Map<string, string>();
  const nameOf = async (id: string | undefined) => {
    if (!id) return 'no id';
    if (!names.has(id)) {
      const e = await store.getEntity(id);
      names.set(id, e ? `${e.type}:${e.name}` : 'missing');
    }
    return names.get(id)!;
  };
  const links: Record<string, string[]> = {};
  for (const url of new Set(records.map((r) => r.url!))) {
    const rec = await store.get(url);
    const e = rec!.entities;
    links[url] = [];
    for (const x of [...e.people, ...e.countries, ...e.organizations, ...e.places]) links[url].push(`${x.name} → ${await nameOf(x.id)}`);
  }
  return { entities, links };
}

describe.each(BACKENDS)('bulk entity linking on $name', (backend) => {
  const stores = bulkAndOneByOne(backend);

  it('links entities exactly as one-by-one upserts do', async () => {
    const { bulk, oneByOne } = stores;
    const records = batch();
    // two bulk calls: the second resolves against what the first stored
    const got = [...(await bulk.upsertMany(records.slice(0, 70))), ...(await bulk.upsertMany(records.slice(70)))];
    const expected = [];
    for (const r of records) expected.push(await oneByOne.upsert(r));
    expect(got.map((r) => r.status)).toEqual(expected.map((r) => r.status));

    const a = await entityTables(bulk, records);
    const b = await entityTables(oneByOne, records);
    expect(a.entities).toEqual(b.entities);
    expect(a.links).toEqual(b.links);
    // the rules were met: bare surnames and acronyms joined their only full name (stored before
    // or after them), a surname two full names share stayed an entity of its own, countries by code
    const links = new Set(Object.values(a.links).flat());
    for (const joined of [
      'Marchand → person:Léa Marchand',
      'Traoré → person:Ibrahim Traoré',
      'AU → organization:African Union',
      'ECOWAS → organization:Economic Community of West African States',
      'Keita → person:Keita',
      'Republic of Mali → country:Mali',
    ])
      expect(links).toContain(joined);
    expect(a.entities.find((e) => e.name === 'Léa Marchand')?.aliases).toContain('Marchand');
  });
});
