// What every CLI command receives: configuration and the output streams (tests pass their own).
import type { Writable } from 'node:stream';
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

export async function readStdin(stdin: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
