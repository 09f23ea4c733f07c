// What every CLI command receives: configuration and the output streams (tests pass their own).
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../errors.js';
import type { Config } from '../config.js';

export interface CliContext {
  config: Config;
  stdout: Writable;
  stderr: Writable;
  stdin: NodeJS.ReadableStream;
}

/** Writes one line and waits for the stream to drain when it is full (big batches on a pipe). */
export async function writeLine(out: Writable, line: string): Promise<void> {
  if (!out.write(line + '\n')) await new Promise<void>((resolve) => out.once('drain', resolve));
}

/** A one-line error on stderr, prefixed with the program name. */
export function printError(ctx: CliContext, message: string): void {
  ctx.stderr.write(`gleaner: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
}

/** Most bytes of a URL list read from stdin (`enqueue -`, `ingest -`): ~300,000 URLs. */
export const MAX_URL_LIST_BYTES = 64 * 1024 * 1024;

/** All of stdin, up to `maxBytes`; more is a one-line InputError (never an unbounded buffer). */
export async function readStdin(stdin: NodeJS.ReadableStream, maxBytes: number, what = 'stdin'): Promise<Buffer> {
  const { readWhole } = await import('./read-input.js');
  return readWhole({ stdin }, maxBytes, what);
}

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
type ParsedValues<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true }>>['values'];

const HELP_OPTION = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * parseArgs for a command, with the shared conventions: `-h/--help` prints `help` (exit 0) and a
 * bad flag is a one-line usage error (exit 2). Returns the parsed arguments, or the exit code.
 */
export function parseCommandArgs<O extends ParseArgsOptionsConfig>(
  ctx: CliContext,
  command: string,
  help: string,
  argv: string[],
  options: O,
  opts: { allowPositionals?: boolean } = {},
): { values: ParsedValues<O & typeof HELP_OPTION>; positionals: string[] } | number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: opts.allowPositionals ?? true, options: { ...options, ...HELP_OPTION } });
  } catch (err) {
    printError(ctx, `${command}: ${errorMessage(err)}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    ctx.stdout.write(help);
    return 0;
  }
  return parsed as { values: ParsedValues<O & typeof HELP_OPTION>; positionals: string[] };
}
