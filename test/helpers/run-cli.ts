// Runs `gleaner <args>` in this process (through src/cli/main.ts) with captured stdout/stderr, or as
// a real child process (`node bin/gleaner.js`) when the exit path itself is under test.
import { execFile } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { join } from 'node:path';
import type { Config } from '../../src/config.js';
import { main } from '../../src/cli/main.js';
import { REPO_ROOT } from './build.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], config: Config, stdin = ''): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await main(args, { config, stdout: out, stderr: err, stdin: Readable.from([stdin]) });
  return { code, stdout, stderr };
}

export function runBin(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(REPO_ROOT, 'bin/gleaner.js'), ...args],
      { env, cwd: REPO_ROOT, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}
