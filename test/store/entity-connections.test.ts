// Two connections to one store: what one writes between the other's write batches is seen by the
// other's entity linking (SQLite keeps its entity lookups from one write batch to the next).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entities, GleanerRecord } from '../../src/record/schema.js';
import { contentHash } from '../../src/text/hash.js';
import type { Store } from '../../src/store/types.js';
import { BACKENDS } from './backends.js';

let n = 0;
function article(people: string[]): GleanerRecord {
  const i = ++n;
  const entities: Entities = {
    people: people.map((name) => ({ name, aliases: [], mentions: 1 })),
    countries: [],
    organizations: [],
    places: [],
    dates: [],
  };
  const text = `Report ${i}: ${people.join(' and ')} spoke to reporters on the harbour road this morning.`;
  return {
    url: `https://harbour.example/news/${i}`,
    title: `Harbour report ${i}`,
    byline: null,
    siteName: 'Harbour Example',
    publishedAt: '2024-05-02T08:00:00Z',
    language: 'en',
    text,
    entities,
    provenance: { contentHash: contentHash(text), pipelineVersion: 'test' },
  };
}

describe.each(BACKENDS)('two connections on $name', (backend) => {
  let a: Store;
  let b: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const created = backend.create();
    cleanup = created.cleanup;
    a = await created.open();
    b = await created.open();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await cleanup();
  });

  it("links a bare surname by the counts the other connection's records moved", async () => {
    // a knows both full names with one record each: a bare "Asante" would be ambiguous
    await a.upsertMany([article(['Efua Asante']), article(['Kojo Asante'])]);
    // b makes Efua Asante dominant (4 records against 1)
    for (let k = 0; k < 3; k++) await b.upsert(article(['Efua Asante']));
    const bare = await a.upsert(article(['Asante']));
    const efua = (await a.getEntity('Efua Asante', 'person'))!;
    expect(efua.records).toBe(5);
    expect((await a.get(bare.id))!.entities.people.map((p) => p.id)).toEqual([efua.id]);
  });
});
