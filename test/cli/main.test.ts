// The CLI entry point as a real process: what happens around the commands (the pipe closing early).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureBuilt } from '../helpers/build.js';

describe('gleaner (process)', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'gleaner-main-'));
    writeFileSync(join(dir, 'note.txt'), 'Ministers from Niger and Chad met in Niamey on Tuesday to discuss the harvest and the roads.\n');
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('closes quietly when the reader of stdout goes away (gleaner … | head -1)', async () => {
    const inputs = Array.from({ length: 400 }, () => join(dir, 'note.txt'));
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/gleaner.js'), 'extract', ...inputs], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // read the first line, then hang up, as head -1 does
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error|at .*\.js/);
    expect(code).toBe(0);
  });
});
