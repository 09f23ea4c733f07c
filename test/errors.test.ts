// One list of error codes: every `E_…` literal in src/ is in ERROR_CODES, with a meaning.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, GleanerError } from '../src/errors.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('error codes', () => {
  it('every code has a meaning', () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^E_[A-Z_]+$/);
      expect(meaning.length).toBeGreaterThan(10);
    }
    expect(new GleanerError('E_STORE', 'x').code).toBe('E_STORE');
  });

  it('every E_… literal in src/ is listed in ERROR_CODES', () => {
    const src = new URL('../src', import.meta.url).pathname;
    const used = new Set<string>();
    for (const file of sources(src)) for (const m of readFileSync(file, 'utf8').matchAll(/'(E_[A-Z][A-Z_]+)'/g)) used.add(m[1]!);
    expect([...used].filter((c) => !(c in ERROR_CODES))).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });
});
