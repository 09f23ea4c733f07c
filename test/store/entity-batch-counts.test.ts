// One bulk batch that creates an entity several records mention (one of them changed in the same
// batch, one copied), next to an entity stored before: the new entity is written once with its
// final counts, the stored one has its counts moved. Both must come out as one-by-one upserts
// leave them, and as counted by hand.
import { describe, expect, it } from 'vitest';
import type { Entities, GleanerRecord } from '../../src/record/schema.js';
import type { Store } from '../../src/store/types.js';
import { contentHash } from '../../src/text/hash.js';
import { BACKENDS, bulkAndOneByOne } from './backends.js';

const NEW = 'Talia Vornesk';
const STORED = 'Quarry Workers Guild';

function entities(people: Array<{ name: string; aliases?: string[]; mentions: number }>, orgMentions: number): Entities {
  return {
    people: people.map((p) => ({ name: p.name, aliases: p.aliases ?? [], mentions: p.mentions })),
    organizations: orgMentions ? [{ name: STORED, aliases: [], mentions: orgMentions }] : [],
    countries: [],
    places: [],
    dates: [],
  };
}

function record(n: number, day: number, ents: Entities, text = `Bulletin ${n}: the guild met on day ${day}.`): GleanerRecord {
  return {
    url: `https://valley-post.example/bulletin/${n}`,
    title: `Bulletin ${n}`,
    byline: null,
    siteName: 'Valley Post',
    publishedAt: `2024-05-${String(day).padStart(2, '0')}T08:00:00Z`,
    language: 'en',
    text,
    entities: ents,
    provenance: { contentHash: contentHash(text), pipelineVersion: 'test' },
  };
}

const seed = record(0, 2, entities([], 1));
const batch: GleanerRecord[] = [
  record(1, 9, entities([{ name: NEW, mentions: 2 }], 1)),
  record(2, 4, entities([{ name: NEW, aliases: ['Vornesk'], mentions: 3 }], 0)),
  record(3, 20, entities([{ name: NEW, mentions: 1 }], 2)),
  // record 1 again with other text: its link to the new entity (still pending) is replaced
  record(1, 11, entities([{ name: NEW, mentions: 5 }], 0), 'Bulletin 1, revised: the guild did not meet.'),
  // a copy of record 3 under another URL
  { ...record(3, 20, entities([{ name: NEW, mentions: 1 }], 2)), url: 'https://mirror.example/b3' },
];

async function entityState(store: Store) {
  const out = [];
  for (const name of [NEW, STORED]) {
    const e = await store.getEntity(name);
    expect(e, name).not.toBeNull();
    const { id, ...rest } = e!;
    out.push({ ...rest, days: await store.entityDays(id) });
  }
  return out;
}

describe.each(BACKENDS)('new entities of one batch on $name', (backend) => {
  const stores = bulkAndOneByOne(backend);

  it('are written with the counts one-by-one upserts give them', async () => {
    const { bulk, oneByOne } = stores;
    for (const s of [bulk, oneByOne]) await s.upsert(seed);
    const got = await bulk.upsertMany(batch);
    const expected = [];
    for (const r of batch) expected.push(await oneByOne.upsert(r));
    expect(got.map((r) => [r.status, r.revision])).toEqual(expected.map((r) => [r.status, r.revision]));

    const [fresh, stored] = await entityState(bulk);
    expect(await entityState(oneByOne)).toEqual([fresh, stored]);
    // by hand: records 1 (revised: 5), 2 (3), 3 (1) and the copy of 3 (1)
    expect(fresh).toMatchObject({
      name: NEW,
      records: 4,
      mentions: 10,
      firstSeen: '2024-05-04T08:00:00.000Z',
      lastSeen: '2024-05-20T08:00:00.000Z',
    });
    expect(fresh.aliases).toContain('Vornesk');
    expect(fresh.days).toEqual([
      { day: '2024-05-04', records: 1, mentions: 3 },
      { day: '2024-05-11', records: 1, mentions: 5 },
      { day: '2024-05-20', records: 2, mentions: 2 },
    ]);
    // the seed (1), record 3 and its copy (2 each); record 1 dropped it when revised
    expect(stored).toMatchObject({
      name: STORED,
      records: 3,
      mentions: 5,
      firstSeen: '2024-05-02T08:00:00.000Z',
      lastSeen: '2024-05-20T08:00:00.000Z',
    });
  });
});
