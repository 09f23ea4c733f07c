// gleaner records / gleaner entities, run through main() against a seeded temp SQLite store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/open.js';
import { contentHash } from '../../src/text/hash.js';
import type { Store } from '../../src/store/types.js';
import { seedRecord, seedRecords } from '../store/seed.js';

class Capture extends Writable {
  chunks: string[] = [];
  constructor(readonly columns?: number) {
    super();
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(chunk.toString());
    cb();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

const dir = mkdtempSync(join(tmpdir(), 'gleaner-cli-records-'));
const dbPath = join(dir, 'store.db');
let store: Store;

async function cli(args: string[], opts: { columns?: number; db?: string } = {}) {
  const stdout = new Capture(opts.columns);
  const stderr = new Capture();
  const config = { ...loadConfig({}), dbPath: opts.db ?? dbPath, databaseUrl: null };
  const code = await main(args, { config, stdout, stderr, stdin: Readable.from([]) });
  return { code, out: stdout.text, err: stderr.text };
}

/** A small RFC 4180 reader, enough to check the export round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const HOSTILE_TITLE = 'Breaking: "talks", day 2\u001b[2J\u001b[31m red';
const HOSTILE_TEXT = 'First line, with a comma.\n\nSecond "quoted" line\r\nand a formula =SUM(A1:A9) in it.';

beforeAll(async () => {
  store = await openStore({ dbPath });
  for (const r of seedRecords(100)) await store.upsert(r);
  const base = seedRecord(500);
  await store.upsert({
    ...base,
    url: 'https://odd.example/story',
    canonicalUrl: null,
    title: HOSTILE_TITLE,
    text: HOSTILE_TEXT,
    provenance: { ...base.provenance!, contentHash: contentHash(HOSTILE_TEXT) },
  });
  const changed = seedRecord(5);
  const text2 = changed.text + '\n\nCorrection: an earlier version misspelled a name.';
  await store.upsert({ ...changed, text: text2, provenance: { ...changed.provenance!, contentHash: contentHash(text2) } });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gleaner records list', () => {
  it('prints an aligned table, newest first, 20 rows by default, with a footer', async () => {
    const { code, out, err } = await cli(['records', 'list'], { columns: 100 });
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+PUBLISHED\s+SOURCE\s+COUNTRIES\s+TITLE$/);
    expect(lines).toHaveLength(22);
    expect(lines[21]).toBe('1-20 of 101 records (--limit/--offset for more)');
    const titleAt = lines[0].indexOf('TITLE');
    const rows = lines.slice(1, 21);
    for (const l of rows) {
      expect(l.length).toBeLessThanOrEqual(100);
      expect(l[titleAt - 1]).toBe(' ');
      expect(l[titleAt]).not.toBe(' ');
    }
    const expected = await store.list({ limit: 20 });
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(expected.map((r) => r.id));
    const dates = rows.map((l) => l.split(/\s+/)[1]);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('truncates titles to the terminal width', async () => {
    const { out } = await cli(['records', 'list', '--limit', '3'], { columns: 90 });
    const lines = out.trimEnd().split('\n');
    for (const l of lines.slice(1, 4)) expect([...l].length).toBeLessThanOrEqual(90);
    expect(lines.slice(1, 4).some((l) => l.endsWith('…'))).toBe(true);
  });

  it('answers the one-query example with the same records as the store', async () => {
    const args = ['--entity', 'Goita', '--type', 'person', '--country', 'NE', '--since', '2023-09', '--until', '2023-09'];
    const { code, out } = await cli(['records', 'list', ...args, '--json']);
    expect(code).toBe(0);
    const got = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const expected = await store.list({ entity: 'Goita', type: 'person', country: 'NE', since: '2023-09', until: '2023-09', limit: 20 });
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });

  it('takes repeated and comma-separated countries, source, limit and offset', async () => {
    const { out } = await cli([
      'records',
      'list',
      '--country',
      'NE,ml',
      '--source',
      'sahel-courier.example',
      '--limit',
      '3',
      '--offset',
      '1',
      '--json',
    ]);
    const got = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    const expected = await store.list({ country: ['NE', 'ML'], source: 'sahel-courier.example', limit: 3, offset: 1 });
    expect(got).toEqual(expected.map((r) => r.id));
    const again = await cli([
      'records',
      'list',
      '--country',
      'NE',
      '--country',
      'ML',
      '--source',
      'sahel-courier.example',
      '--limit',
      '3',
      '--offset',
      '1',
      '--json',
    ]);
    expect(again.out).toBe(out);
  });

  it('filters by the language detected from the text (--language fr)', async () => {
    const { code, out } = await cli(['records', 'list', '--language', 'fr', '--limit', '100', '--json']);
    expect(code).toBe(0);
    const got = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((r: { language: string }) => r.language === 'fr')).toBe(true);
    expect(got.map((r: { id: string }) => r.id)).toEqual((await store.list({ language: 'fr', limit: 100 })).map((r) => r.id));
    const bad = await cli(['records', 'list', '--language', 'french!']);
    expect(bad.code).toBe(2);
  });

  it('strips terminal escape sequences from page text in tables', async () => {
    const { out } = await cli(['records', 'list', '--source', 'odd.example'], { columns: 200 });
    expect(out).not.toContain('\u001b');
    expect(out).toContain('Breaking: "talks", day 2');
  });

  it('lists the records linked to an entity id, and says so for a malformed one', async () => {
    const goita = (await store.getEntity('Goita', 'person'))!;
    expect(goita.records).toBeGreaterThan(1);
    const { code, out } = await cli(['records', 'list', '--entity-id', goita.id, '--limit', '500', '--json']);
    expect(code).toBe(0);
    const got = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(got).toHaveLength(goita.records);
    expect(got).toEqual(await store.list({ entity: 'Goita', type: 'person' }));
    for (const r of got) expect(r.entities.people.map((p: { id: string }) => p.id)).toContain(goita.id);
    const bad = await cli(['records', 'list', '--entity-id', 'Goita']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/entity id/);
  });

  it('says so when nothing matches', async () => {
    const { code, out } = await cli(['records', 'list', '--entity', 'Nobody Atall']);
    expect(code).toBe(0);
    expect(out).toBe('no matching records\n');
  });
});

describe('gleaner records search', () => {
  it('finds records by free text with the same results as the store', async () => {
    const { code, out } = await cli(['records', 'search', 'harvest -Chad', '--country', 'NE', '--json']);
    expect(code).toBe(0);
    const got = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    const expected = await store.list({ query: 'harvest -Chad', country: 'NE', limit: 20 });
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(expected.map((r) => r.id));
  });

  it('needs text to search for', async () => {
    const { code, err } = await cli(['records', 'search']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

describe('gleaner records show', () => {
  it('shows a record by URL for people, with entities and text', async () => {
    const r = seedRecord(8);
    const { code, out } = await cli(['records', 'show', r.url!]);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe(r.title);
    expect(out).toContain(r.canonicalUrl!);
    for (const p of r.entities.people) expect(out).toContain(p.name);
    for (const c of r.entities.countries) expect(out).toContain(`${c.name} ${c.code}`);
    expect(out).toContain(r.text);
  });

  it('prints the stored record as JSON by id, with revisions on request', async () => {
    const stored = await store.get(seedRecord(5).canonicalUrl!);
    const { out } = await cli(['records', 'show', stored!.id, '--json']);
    expect(JSON.parse(out)).toEqual(stored);
    const withRevs = JSON.parse((await cli(['records', 'show', stored!.id, '--json', '--revisions'])).out);
    expect(withRevs.revisions.map((v: { revision: number }) => v.revision)).toEqual([1, 2]);
    const human = (await cli(['records', 'show', stored!.id, '--revisions'])).out;
    expect(human).toMatch(/Revisions\n\s+1 .*\n\s+2 /);
  });

  it('exits 1 with a one-line message when there is no such record', async () => {
    const { code, out, err } = await cli(['records', 'show', 'https://nowhere.example/a']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^gleaner: records show: no record .*nowhere\.example.*\n$/);
  });
});

describe('gleaner records export', () => {
  it('writes every matching record as NDJSON, past the list default limit', async () => {
    const { code, out } = await cli(['records', 'export', '--format', 'ndjson']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines.map((l) => JSON.parse(l).id)).toEqual((await store.list()).map((r) => r.id));
  });

  it('writes properly quoted CSV that reads back to the stored values', async () => {
    const { code, out } = await cli(['records', 'export', '--format', 'csv', '--since', '2023-08-01']);
    expect(code).toBe(0);
    const rows = parseCsv(out);
    const header = rows[0];
    expect(header.slice(0, 4)).toEqual(['id', 'url', 'canonical_url', 'title']);
    const expected = await store.list({ since: '2023-08-01' });
    expect(rows).toHaveLength(expected.length + 1);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const col = (name: string) => header.indexOf(name);
    const odd = rows.find((r) => r[col('url')] === 'https://odd.example/story')!;
    expect(odd[col('title')]).toBe(HOSTILE_TITLE);
    expect(odd[col('text')]).toBe(HOSTILE_TEXT);
    const first = expected[0];
    expect(rows[1][col('id')]).toBe(first.id);
    expect(rows[1][col('countries')]).toBe(first.entities.countries.map((c) => c.code).join('; '));
    expect(rows[1][col('people')]).toBe(first.entities.people.map((p) => p.name).join('; '));
  });

  it('stops quietly when the reader goes away (| head)', async () => {
    let writes = 0;
    const closing = new Writable({
      write(_chunk, _enc, cb) {
        writes++;
        if (writes === 3) {
          const err = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
          cb(err);
        } else cb();
      },
    });
    const stderr = new Capture();
    const config = { ...loadConfig({}), dbPath, databaseUrl: null };
    const code = await main(['records', 'export', '--format', 'ndjson'], { config, stdout: closing, stderr, stdin: Readable.from([]) });
    expect(code).toBe(0);
    expect(stderr.text).toBe('');
    expect(writes).toBeLessThan(10);
  });

  it('rejects an unknown format', async () => {
    const { code, err } = await cli(['records', 'export', '--format', 'xml']);
    expect(code).toBe(2);
    expect(err).toMatch(/--format must be ndjson or csv/);
  });
});

describe('gleaner entities top', () => {
  it('prints the most mentioned entities as a table and as JSON lines', async () => {
    const expected = await store.topEntities({ type: 'country', limit: 4 });
    const json = await cli(['entities', 'top', '--type', 'country', '--limit', '4', '--json']);
    expect(json.code).toBe(0);
    expect(
      json.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(expected.map((e) => ({ type: e.type, name: e.name, code: e.code, articles: e.articles, mentions: e.mentions })));
    const table = await cli(['entities', 'top', '--type', 'countries', '--limit', '4']);
    const lines = table.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TYPE\s+NAME\s+CODE\s+ARTICLES\s+MENTIONS$/);
    expect(lines).toHaveLength(5);
    lines.slice(1).forEach((l, i) => {
      expect(l).toContain(expected[i].name);
      expect(l.trim().split(/\s+/).slice(-2).map(Number)).toEqual([expected[i].articles, expected[i].mentions]);
      expect(l.length).toBe(lines[0].length);
    });
  });

  it('filters by date', async () => {
    const { out } = await cli(['entities', 'top', '--since', '2023-10-01', '--type', 'person', '--json']);
    const got = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(got).toEqual((await store.topEntities({ since: '2023-10-01', type: 'person' })).map((e) => ({ ...e, code: e.code ?? null })));
    const all = (await store.topEntities({ type: 'person' })).reduce((a, e) => a + e.articles, 0);
    expect(got.reduce((a, e) => a + e.articles, 0)).toBeLessThan(all);
  });
});

describe('usage errors and the store location', () => {
  const usage: Array<[string, string[]]> = [
    ['unknown subcommand', ['records', 'frobnicate']],
    ['no subcommand', ['records']],
    ['entities without subcommand', ['entities']],
    ['unknown option', ['records', 'list', '--colour']],
    ['bad type', ['records', 'list', '--type', 'animal']],
    ['bad limit', ['records', 'list', '--limit', 'ten']],
    ['bad date', ['records', 'list', '--since', 'last week']],
    ['bad country', ['records', 'list', '--country', 'Niger']],
    ['show without id', ['records', 'show']],
    ['entities bad subcommand', ['entities', 'bottom']],
    ['entities bad type', ['entities', 'top', '--type', 'animal']],
  ];
  it.each(usage)('%s exits 2 with one line on stderr', async (_what, args) => {
    const { code, out, err } = await cli(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^gleaner: [^\n]+\n$/);
  });

  it('exits 1 when the configured SQLite store does not exist, and does not create it', async () => {
    const missing = join(dir, 'missing', 'x.db');
    const { code, err } = await cli(['records', 'list'], { db: missing });
    expect(code).toBe(1);
    expect(err).toMatch(/no store at .*missing/);
    expect((await cli(['entities', 'top'], { db: missing })).code).toBe(1);
  });

  it('--db overrides the configured store', async () => {
    const { code, out } = await cli(['records', 'list', '--db', dbPath, '--json', '--limit', '2'], { db: join(dir, 'elsewhere.db') });
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(2);
  });
});
