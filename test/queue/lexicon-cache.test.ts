// Workers refresh the store's lexicon when its version moves, checking at most every N ms.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LexiconCache } from '../../src/queue/lexicon-cache.js';
import { processRaw } from '../../src/queue/process-step.js';
import { sha256Hex } from '../../src/text/hash.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';

const dir = mkdtempSync(join(tmpdir(), 'gleaner-lexicon-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The process step on fixtures/entities/sahel-drought.txt, fetched from `url`. */
async function processFixture(store: Store, url: string) {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/entities/sahel-drought.txt', import.meta.url))));
  const rawHash = sha256Hex(bytes);
  await store.putRaw(rawHash, bytes, 'text/plain');
  return processRaw(store, { url, finalUrl: url, rawHash, contentType: 'text/plain', fetchedAt: '2024-07-02T08:00:00Z' });
}

describe('LexiconCache', () => {
  it('reloads the lexicon only when the version moved, and checks at most every N ms', async () => {
    const store = await openStore({ dbPath: join(dir, 'a.db') });
    let clock = 0;
    let versionChecks = 0;
    const counted = { lexicon: () => store.lexicon(), lexiconVersion: () => (versionChecks++, store.lexiconVersion()) };
    const cache = new LexiconCache(counted, 1000, () => clock);
    expect((await cache.get()).corrections).toEqual([]);
    await store.addCorrection({ op: 'reject', name: 'Sahel', author: 'ana' });
    clock = 500;
    expect((await cache.get()).corrections).toEqual([]); // not checked yet
    expect(versionChecks).toBe(1);
    clock = 1500;
    expect((await cache.get()).corrections.map((c) => c.name)).toEqual(['Sahel']);
    expect(versionChecks).toBe(2);
    await store.close();
  });

  it('a failed check is not a check: the next call asks the store again instead of keeping no lexicon', async () => {
    const store = await openStore({ dbPath: join(dir, 'd.db') });
    await store.addCorrection({ op: 'reject', name: 'Sahel', author: 'ana' });
    let down = true;
    const flaky = {
      lexicon: () => store.lexicon(),
      lexiconVersion: async () => {
        if (down) throw new Error('the store is away');
        return store.lexiconVersion();
      },
    };
    const cache = new LexiconCache(flaky, 1000, () => 0);
    await expect(cache.get()).rejects.toThrow('the store is away');
    down = false;
    expect((await cache.get()).corrections.map((c) => c.name)).toEqual(['Sahel']);
    await store.close();
  });

  it('the process step extracts with the store corrections', async () => {
    const store = await openStore({ dbPath: join(dir, 'b.db') });
    await store.addCorrection({ op: 'retype', name: 'Leeds', to: 'organization', author: 'ana' });
    const { record } = await processFixture(store, 'https://news.example/a');
    expect(record.entities.places.map((p) => p.name)).not.toContain('Leeds');
    expect(record.entities.organizations.map((o) => o.name)).toContain('Leeds');
    await store.close();
  });

  it('a record the worker extracted while a correction held gets its extraction back on undo', async () => {
    const store = await openStore({ dbPath: join(dir, 'c.db') });
    const { correction } = await store.addCorrection({ op: 'reject', name: 'Leeds', author: 'ana' });
    const { result } = await processFixture(store, 'https://news.example/b');
    expect((await store.get(result.id))!.entities.places.map((p) => p.name)).not.toContain('Leeds');
    await store.undoCorrection(correction.id, 'ana');
    expect((await store.get(result.id))!.entities.places.map((p) => p.name)).toContain('Leeds');
    await store.close();
  });
});
