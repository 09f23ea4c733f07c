// One subcommand dispatcher for the command groups (records, entities): help, missing and unknown
// subcommands answer the same way in both.
import { describe, expect, it } from 'vitest';
import { runSubcommand } from '../../src/cli/review.js';
import type { CliContext } from '../../src/cli/context.js';
import { loadConfig } from '../../src/config.js';

function context() {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => ({ write: (s: string) => (into.push(s), true) }) as unknown as NodeJS.WritableStream;
  const ctx = { config: loadConfig({}), stdout: sink(out), stderr: sink(err), stdin: process.stdin } as unknown as CliContext;
  return { ctx, out, err };
}

describe('runSubcommand', () => {
  const subs = {
    top: async (rest: string[]) => (rest.length ? 7 : 0),
    show: async (_rest: string[], sub: string) => (sub === 'show' ? 3 : 1),
  };

  it('runs the named subcommand with the remaining arguments', async () => {
    const { ctx } = context();
    expect(await runSubcommand('entities', ['top', '--json'], ctx, 'HELP\n', subs)).toBe(7);
    expect(await runSubcommand('entities', ['show'], ctx, 'HELP\n', subs)).toBe(3);
  });

  it('prints the help for --help, -h and help', async () => {
    for (const h of ['--help', '-h', 'help']) {
      const { ctx, out } = context();
      expect(await runSubcommand('records', [h], ctx, 'HELP\n', subs)).toBe(0);
      expect(out.join('')).toBe('HELP\n');
    }
  });

  it('a missing or unknown subcommand is a usage error naming the choices', async () => {
    const missing = context();
    expect(await runSubcommand('records', [], missing.ctx, 'HELP\n', subs)).toBe(2);
    expect(missing.err.join('')).toBe("gleaner: records: missing subcommand: top, show (see 'gleaner records --help')\n");
    const unknown = context();
    expect(await runSubcommand('entities', ['toString'], unknown.ctx, 'HELP\n', subs)).toBe(2);
    expect(unknown.err.join('')).toBe("gleaner: entities: unknown subcommand 'toString' (expected top, show)\n");
  });
});
