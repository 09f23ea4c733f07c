// Placeholder until the command lands; replaced by its owner.
import type { CliContext } from './context.js';
import { printError } from './context.js';

export async function run(_argv: string[], ctx: CliContext): Promise<number> {
  printError(ctx, 'entities: not available yet');
  return 1;
}
