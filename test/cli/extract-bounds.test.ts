// gleaner extract on inputs that are too big or not text: files and stdin are read up to the byte
// cap + 1 and no further (a bigger input is a record flagged `truncated`, in bounded memory), and
// binary content is an E_BINARY error line, never a record. Memory is measured in a real child
// process (its own process.resourceUsage().maxRSS); the bound is behaviour, not speed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { readBounded } from '../../src/cli/read-input.js';
import { DEFAULT_CLEAN_LIMITS } from '../../src/clean/limits.js';
import { REPO_ROOT, ensureBuilt } from '../helpers/build.js';
import { runCli } from '../helpers/run-cli.js';
import { seededBytes } from '../helpers/seeded.js';

const MAX_RSS_KIB = 512 * 1024;
const config = loadConfig({});
let dir: string;

interface Measured {
  code: number | null;
  stdout: string;
  stderr: string;
  maxRssKiB: number;
}

/** `gleaner extract ARGS` in a child process; `feed` writes its stdin (with backpressure). */
function extractInChild(args: string[], feed?: (stdin: NodeJS.WritableStream) => Promise<void>): Promise<Measured> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'test/helpers/maxrss.mjs'), 'extract', ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.on('error', () => {}); // the child stops reading at the cap: EPIPE is expected
  if (feed) feed(child.stdin).catch(() => {});
  else child.stdin.end();
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const m = /maxRSS=(\d+)\s*$/.exec(stderr);
      resolve({ code, stdout, stderr: stderr.replace(/\n?maxRSS=\d+\s*$/, ''), maxRssKiB: m ? Number(m[1]) : Number.NaN });
    }),
  );
}

/** Writes `megabytes` of article-like HTML, stopping quietly when the reader hangs up. */
async function writeHtml(stdin: NodeJS.WritableStream, megabytes: number): Promise<void> {
  const para =
    '<p>The regional council met again on Friday and, after a long debate, agreed to publish the full report on the new tram line next week.</p>\n';
  const chunk = para.repeat(8000);
  let closed = false;
  stdin.on('error', () => (closed = true));
  stdin.write('<!doctype html><html><head><title>Council report</title></head><body><article>');
  for (let left = megabytes * 1024 * 1024; left > 0 && !closed; left -= chunk.length) {
    if (!stdin.write(chunk))
      await new Promise<void>((r) => {
        stdin.once('drain', r);
        stdin.once('error', r);
      });
  }
  if (!closed) stdin.end();
}

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'gleaner-bounds-'));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gleaner extract: bounded input', { timeout: 180_000 }, () => {
  it('/dev/zero: reads the cap + 1 bytes, answers E_BINARY, peak memory under 512 MB', async () => {
    const r = await extractInChild(['/dev/zero']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^gleaner: \/dev\/zero: .*binary content .*\[E_BINARY\]$/);
    expect(JSON.parse(r.stdout)).toMatchObject({ input: '/dev/zero', error: { code: 'E_BINARY' } });
    expect(r.maxRssKiB).toBeLessThan(MAX_RSS_KIB);
  });

  it('200 MB of HTML on stdin: one record flagged truncated, peak memory under 512 MB', async () => {
    const r = await extractInChild(['-'], (stdin) => writeHtml(stdin, 200));
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout);
    expect(record.flags.truncated).toBe(true);
    expect(record.text).toMatch(/^The regional council met again on Friday/);
    expect(r.maxRssKiB).toBeLessThan(MAX_RSS_KIB);
  });

  it('readBounded stops one byte past the cap and says whether there was more', async () => {
    const chunks = () => Readable.from([Buffer.from('abcd'), Buffer.from('efgh'), Buffer.from('ijkl')]);
    expect(await readBounded(chunks(), 12)).toEqual({ bytes: Buffer.from('abcdefghijkl'), truncated: false });
    expect(await readBounded(chunks(), 5)).toEqual({ bytes: Buffer.from('abcdef'), truncated: true });
    expect(DEFAULT_CLEAN_LIMITS.maxInputBytes).toBeGreaterThan(0);
  });
});

describe('gleaner extract: binary input', () => {
  it('1 MB of random bytes named x.bin or x.txt: an E_BINARY error line and exit 1, no record', async () => {
    const bytes = seededBytes(1024 * 1024, 2026);
    writeFileSync(join(dir, 'x.bin'), bytes);
    writeFileSync(join(dir, 'x.txt'), bytes);
    writeFileSync(join(dir, 'ok.txt'), 'Ministers from Niger and Chad met in Niamey on Tuesday to discuss the harvest.\n');
    const r = await runCli(['extract', join(dir, 'x.bin'), join(dir, 'ok.txt'), join(dir, 'x.txt')], config);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.error?.code ?? 'record')).toEqual(['E_BINARY', 'record', 'E_BINARY']);
    const errs = r.stderr.trim().split('\n');
    expect(errs).toHaveLength(2);
    expect(errs[0]).toBe(
      `gleaner: ${join(dir, 'x.bin')}: the input is binary content (${lines[0].error.message.match(/\((.*)\)/)[1]}), not text or HTML [E_BINARY]`,
    );
    expect(errs[1]).toMatch(/x\.txt: the input is binary content \(\d+\.\d% control characters\), not text or HTML \[E_BINARY\]$/);
  });

  it('a PDF on stdin is E_BINARY', async () => {
    const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n' + 'BT /F1 12 Tf (Quarterly report) Tj ET\n'.repeat(100);
    const r = await runCli(['extract', '-'], config, pdf);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('gleaner: -: the input is binary content (PDF document), not text or HTML [E_BINARY]\n');
  });
});
