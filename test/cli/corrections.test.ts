// gleaner entities show|reject|retype|merge|alias|undo, gleaner corrections list|export|import and
// gleaner extract --lexicon, through main() against a temp SQLite store.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { processDocument } from '../../src/pipeline.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { runCli } from '../helpers/run-cli.js';

const FILE = fileURLToPath(new URL('../fixtures/entities/sahel-drought.txt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gleaner-cli-corrections-'));
const dbPath = join(dir, 'store.db');
const config = { ...loadConfig({}), dbPath, databaseUrl: null };
const cli = (args: string[], stdin = '') => runCli(args, config, stdin);
const names = (rec: { entities: Record<string, unknown> }) =>
  (['people', 'countries', 'organizations', 'places'] as const).flatMap((k) =>
    (rec.entities[k] as Array<{ name: string }>).map((e) => e.name),
  );

let store: Store;
let recordId: string;

beforeAll(async () => {
  store = await openStore({ dbPath });
  const rec = processDocument(readFileSync(FILE), {
    isText: true,
    url: 'https://news.example/sahel-drought',
    publishedAt: '2024-07-02T08:00:00Z',
  });
  recordId = (await store.upsert(rec)).id;
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gleaner entities / corrections', () => {
  it('rejects "Sahel", exports the lexicon, and extract --lexicon leaves it out', async () => {
    const before = await cli(['extract', FILE]);
    expect(names(JSON.parse(before.stdout))).toContain('Sahel');

    const reject = await cli(['entities', 'reject', 'Sahel', '--author', 'ana']);
    expect(reject.stderr).toBe('');
    expect(reject.code).toBe(0);
    expect(reject.stdout).toMatch(/rejected 'Sahel' everywhere; 1 record\(s\) changed/);

    const exported = await cli(['corrections', 'export']);
    expect(exported.code).toBe(0);
    const lexicon = JSON.parse(exported.stdout);
    expect(lexicon.corrections).toEqual([expect.objectContaining({ op: 'reject', name: 'Sahel', author: 'ana' })]);
    const file = join(dir, 'lexicon.json');
    writeFileSync(file, exported.stdout);

    const after = await cli(['extract', '--lexicon', file, FILE]);
    expect(after.code).toBe(0);
    const rec = JSON.parse(after.stdout);
    expect(names(rec)).not.toContain('Sahel');
    expect(names(rec)).toContain('Niamey');

    const stored = await cli(['records', 'show', recordId, '--json']);
    expect(names(JSON.parse(stored.stdout))).not.toContain('Sahel');
  });

  it('says so for a file that is not a lexicon', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"corrections": [{"op": "explode"}]}');
    const r = await cli(['extract', '--lexicon', bad, FILE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a lexicon file/);
  });

  it('shows an entity, retypes it, adds an alias, merges, lists and undoes corrections', async () => {
    const show = await cli(['entities', 'show', 'AES', '--json']);
    expect(show.code).toBe(0);
    const aes = JSON.parse(show.stdout);
    expect(aes).toMatchObject({ type: 'organization', name: 'Alliance of Sahel States', records: 1 });
    expect(aes.coEntities.map((c: { name: string }) => c.name)).toContain('Niger');

    const retype = await cli(['entities', 'retype', 'Leeds', 'organization', '--json']);
    expect(retype.code).toBe(0);
    const { correction } = JSON.parse(retype.stdout);
    expect((await cli(['entities', 'show', 'Leeds', '--json'])).stdout).toMatch(/"type":"organization"/);

    expect((await cli(['entities', 'alias', aes.id, 'Sahel Confederation'])).code).toBe(0);
    expect(JSON.parse((await cli(['entities', 'show', aes.id, '--json'])).stdout).aliases).toContain('Sahel Confederation');

    expect((await cli(['entities', 'merge', 'Niamey', 'Niger', '--type', 'place'])).code).toBe(0);

    const list = await cli(['corrections', 'list']);
    expect(list.stdout.trim().split('\n')).toHaveLength(4);
    expect(list.stdout).toMatch(/ {2}retype 'Leeds' → organization/);

    const undo = await cli(['entities', 'undo', correction.id]);
    expect(undo.code).toBe(0);
    expect((await cli(['entities', 'show', 'Leeds', '--json'])).stdout).toMatch(/"type":"place"/);
    expect((await cli(['corrections', 'list'])).stdout).toMatch(/undone .* by /);
  });

  it('imports a lexicon into another store once', async () => {
    const exported = (await cli(['corrections', 'export'])).stdout;
    const file = join(dir, 'shared.json');
    writeFileSync(file, exported);
    const otherDb = join(dir, 'other.db');
    const other = await openStore({ dbPath: otherDb });
    await other.upsert(processDocument(readFileSync(FILE), { isText: true, url: 'https://news.example/sahel-drought' }));
    await other.close();
    const oc = { ...config, dbPath: otherDb };
    const first = await runCli(['corrections', 'import', file], oc);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/imported 3 correction\(s\), 0 already stored/);
    expect((await runCli(['corrections', 'import', file], oc)).stdout).toMatch(/imported 0 correction\(s\), 3 already stored/);
    const rec = JSON.parse((await runCli(['records', 'list', '--json'], oc)).stdout.trim());
    expect(names(rec)).not.toContain('Sahel');
  });

  it('rejects usage errors with exit 2', async () => {
    expect((await cli(['entities', 'retype', 'Leeds'])).code).toBe(2);
    expect((await cli(['entities', 'retype', 'Leeds', 'planet'])).code).toBe(2);
    expect((await cli(['corrections', 'import'])).code).toBe(2);
    expect((await cli(['entities', 'show', 'Nobody At All'])).code).toBe(1);
  });
});
