// Tests that run compiled code (the sandboxed process worker, `node bin/gleaner.js`) call
// ensureBuilt() first: it rebuilds dist/ when a source file is newer, one test file at a time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(new URL('../../', import.meta.url).pathname);
const MARKER = join(REPO_ROOT, 'dist/queue/workers/process-sandbox.js');
const LOCK = join(REPO_ROOT, 'node_modules/.gleaner-build.lock');
const STAGING = join(REPO_ROOT, 'node_modules/.gleaner-build-staging');

/** Moves every file of `from` into `to`, one rename each, so a reader never sees a half-written file. */
function moveTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isDirectory()) moveTree(src, dst);
    else renameSync(src, dst);
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function stale(): boolean {
  try {
    return statSync(MARKER).mtimeMs < newestMtime(join(REPO_ROOT, 'src'));
  } catch {
    return true;
  }
}

export async function ensureBuilt(): Promise<void> {
  if (!stale()) return;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // another test file is building; a lock older than 2 minutes is left over from a crash
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmdirSync(LOCK);
      } catch {
        /* gone already */
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another build');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (stale()) {
      // Build beside dist/ and move the files in: other test files (and other people's) may be
      // running dist/ code right now.
      rmSync(STAGING, { recursive: true, force: true });
      try {
        execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', STAGING], { cwd: REPO_ROOT, stdio: 'pipe' });
      } catch (err) {
        // tsc exits non-zero on type errors elsewhere but still emits; the staged marker tells
        if (!statSync(join(STAGING, 'queue/workers/process-sandbox.js'), { throwIfNoEntry: false })) throw err;
      }
      moveTree(STAGING, join(REPO_ROOT, 'dist'));
      rmSync(STAGING, { recursive: true, force: true });
    }
  } finally {
    rmdirSync(LOCK);
  }
}
