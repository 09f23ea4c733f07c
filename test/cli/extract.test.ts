// gleaner extract: the offline CLI contract (NDJSON in input order, stdin, manifests, bad inputs).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runCli } from '../helpers/run-cli.js';

const config = loadConfig({});
let dir: string;
const path = (name: string) => join(dir, name);
const records = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

const PAGE = `<!doctype html><html lang="en"><head><title>Convoy reaches Gao after three-day journey | Sahel Wire</title>
<meta property="og:site_name" content="Sahel Wire"><meta property="article:published_time" content="2024-02-10T08:00:00Z"></head>
<body><nav><a href="/">Home</a><a href="/world">World</a></nav><article><h1>Convoy reaches Gao after three-day journey</h1>
<p>A supply convoy of forty trucks reached Gao in northern Mali on Friday after a three-day journey from Sevare, officials said.</p>
<p>The convoy carried food and medicine for displaced families, according to the regional governor's office.</p>
<p>Aid groups have warned that road travel in the region remains dangerous after several attacks on vehicles last year.</p>
</article><div class="share">Share on Facebook</div></body></html>`;

const TEXT = `Ministers from Niger and Chad met in N'Djamena on Tuesday to discuss border security.

The talks followed an attack near the border in January, the ministers said.`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gleaner-extract-'));
  writeFileSync(path('page.html'), PAGE);
  writeFileSync(path('note.txt'), TEXT);
  writeFileSync(path('empty.txt'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gleaner extract', () => {
  it('prints one record per input, in input order, HTML and text told apart', async () => {
    const { code, stdout } = await runCli(['extract', path('page.html'), path('note.txt')], config);
    expect(code).toBe(0);
    const [page, note] = records(stdout);
    expect(page.title).toBe('Convoy reaches Gao after three-day journey');
    expect(page.siteName).toBe('Sahel Wire');
    expect(page.publishedAt).toBe('2024-02-10T08:00:00Z');
    expect(page.text).toContain('A supply convoy of forty trucks reached Gao');
    expect(page.text).not.toContain('Share on Facebook');
    expect(page.entities.countries.map((c: { code: string }) => c.code)).toContain('ML');
    expect(note.text).toContain('Ministers from Niger and Chad');
    expect(note.entities.countries.map((c: { code: string }) => c.code).sort()).toEqual(['NE', 'TD']);
  });

  it('reads stdin for - and resolves relative dates against --published-at', async () => {
    const { code, stdout } = await runCli(['extract', '--published-at', '2024-03-08T12:00:00Z', '-'], config, TEXT);
    expect(code).toBe(0);
    const [rec] = records(stdout);
    expect(rec.publishedAt).toBe('2024-03-08T12:00:00Z');
    expect(rec.entities.dates).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'Tuesday', value: '2024-03-05' })]));
  });

  it('reports a missing file by name, keeps its place with an error line, and still prints the others', async () => {
    const { code, stdout, stderr } = await runCli(['extract', path('page.html'), path('missing.html'), path('note.txt')], config);
    expect(code).toBe(1);
    const lines = records(stdout);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toEqual({ input: path('missing.html'), error: { code: 'E_INPUT', message: 'cannot read input: no such file' } });
    expect(lines[2].text).toContain('Ministers from Niger and Chad');
    expect(stderr).toMatch(/missing\.html: cannot read input: no such file \[E_INPUT\]/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('gives an empty file an empty record flagged empty, with a warning', async () => {
    const { code, stdout, stderr } = await runCli(['extract', path('empty.txt')], config);
    expect(code).toBe(0);
    const [rec] = records(stdout);
    expect(rec.text).toBe('');
    expect(rec.flags).toEqual({ empty: true, emptyReason: 'no-text' });
    expect(stderr).toMatch(/empty\.txt: no article text found \(the page has no text\)/);
  });

  it('takes a manifest with a URL and date per input', async () => {
    writeFileSync(
      path('manifest.ndjson'),
      [
        JSON.stringify({
          path: path('note.txt'),
          url: 'https://news.example.org/chad-niger',
          publishedAt: '2024-03-08T12:00:00Z',
          text: true,
        }),
        JSON.stringify({ path: path('page.html') }),
      ].join('\n'),
    );
    const { code, stdout } = await runCli(['extract', '--manifest', path('manifest.ndjson')], config);
    expect(code).toBe(0);
    const [note, page] = records(stdout);
    expect(note.url).toBe('https://news.example.org/chad-niger');
    expect(note.publishedAt).toBe('2024-03-08T12:00:00Z');
    expect(page.title).toBe('Convoy reaches Gao after three-day journey');
  });

  it('rejects usage errors with exit 2 and one line', async () => {
    const noFiles = await runCli(['extract'], config);
    expect(noFiles.code).toBe(2);
    const badDate = await runCli(['extract', '--published-at', 'last tuesday', path('note.txt')], config);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--published-at: 'last tuesday' is not an ISO-8601 date/);
    const badFlag = await runCli(['extract', '--nope', path('note.txt')], config);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints its help', async () => {
    const { code, stdout } = await runCli(['extract', '--help'], config);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: gleaner extract/);
  });
});
