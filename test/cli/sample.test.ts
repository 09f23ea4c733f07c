// The project's first promise: the bundled sample gives the record in ../shared/samples.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const checker = `${root}../shared/samples/check-record.mjs`;
const expected = `${root}../shared/samples/sahel-alliance.expected.json`;

describe('sample article (fixtures/sahel-alliance.txt)', () => {
  const out = execFileSync(
    'node',
    [`${root}bin/gleaner.js`, 'extract', '--published-at', '2023-09-17T10:00:00Z', `${root}fixtures/sahel-alliance.txt`],
    { encoding: 'utf8' },
  );
  const record = JSON.parse(out.trim());

  it('prints one record', () => {
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(record.publishedAt).toBe('2023-09-17T10:00:00Z');
  });

  // The checker lives beside the repository (../shared/samples), not in it: skipped (and counted
  // as skipped) in a clone without it.
  it.runIf(existsSync(checker))('passes every check of the shared sample checker (exit 0, "N passed, 0 failed")', () => {
    // spawnSync, so that a crash (exit ≠ 0, a stack trace, no summary line) fails the test.
    const run = spawnSync('node', [checker, expected], { input: out, encoding: 'utf8' });
    const detail = `checker exit ${run.status}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
    expect(
      run.stdout.split('\n').filter((l) => l.startsWith('miss:')),
      detail,
    ).toEqual([]);
    expect(run.stdout, detail).toMatch(/^[1-9]\d* passed, 0 failed$/m);
    expect(run.status, detail).toBe(0);
  });

  it('keeps the article and drops the boilerplate', () => {
    const exp = JSON.parse(readFileSync(`${root}fixtures/sahel-alliance.expected.json`, 'utf8'));
    for (const s of exp.text.include) expect(record.text).toContain(s);
    for (const s of exp.text.exclude) expect(record.text).not.toContain(s);
  });
});

describe('French sample article (fixtures/alliance-sahel-fr.txt)', () => {
  const frExpected = `${root}../shared/samples/alliance-sahel-fr.expected.json`;
  const out = execFileSync(
    'node',
    [`${root}bin/gleaner.js`, 'extract', '--published-at', '2024-07-08T09:00:00Z', `${root}fixtures/alliance-sahel-fr.txt`],
    { encoding: 'utf8' },
  );
  const record = JSON.parse(out.trim());

  it('is read as French and says which extractors ran', () => {
    expect(record.language).toBe('fr');
    expect(record.extraction).toEqual({ language: 'fr', entities: 'fr', dates: 'fr' });
  });

  it.runIf(existsSync(checker) && existsSync(frExpected))(
    'passes every check of the shared sample checker (exit status 0, "0 failed")',
    () => {
      const run = spawnSync('node', [checker, frExpected], { input: out, encoding: 'utf8' });
      expect(run.stdout.split('\n').filter((l) => l.startsWith('miss:'))).toEqual([]);
      expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);
      expect(run.status).toBe(0);
    },
  );

  it('keeps the article and drops the French boilerplate', () => {
    const exp = JSON.parse(readFileSync(`${root}fixtures/alliance-sahel-fr.expected.json`, 'utf8'));
    for (const s of exp.text.include) expect(record.text).toContain(s);
    for (const s of exp.text.exclude) expect(record.text).not.toContain(s);
  });
});
