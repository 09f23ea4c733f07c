// gleaner's command-line entry point. Commands are loaded lazily so that `gleaner extract` does not
// pay for BullMQ, fastify or database drivers at start-up.
import { loadConfig } from '../config.js';
import { GleanerError, errorMessage } from '../errors.js';
import { type CliContext, printError } from './context.js';

type Command = { run(argv: string[], ctx: CliContext): Promise<number> };

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  extract: { summary: 'clean + extract local files (HTML or text) to NDJSON records, offline', load: () => import('./extract.js') },
  ingest: { summary: 'fetch URLs or feeds, extract and store, in one process (no Redis)', load: () => import('./ingest.js') },
  feed: { summary: "preview a feed's items (file or URL) as NDJSON", load: () => import('./feed.js') },
  feeds: { summary: 'manage polled feeds: add | list | remove | poll', load: () => import('./feeds.js') },
  enqueue: { summary: 'queue URLs for the workers', load: () => import('./enqueue.js') },
  worker: { summary: 'run the queue workers until SIGTERM/SIGINT', load: () => import('./worker.js') },
  retry: { summary: 'send failed jobs back to their queue: --code E_… or --all', load: () => import('./retry.js') },
  status: { summary: 'queue counts, failed jobs with reasons, schedulers', load: () => import('./status.js') },
  records: { summary: 'review stored records: list | show | search | export', load: () => import('./records.js') },
  entities: {
    summary: 'entities across stored records: top | show | reject | retype | merge | alias | undo',
    load: () => import('./entities.js'),
  },
  reprocess: {
    summary: 'clean + extract again over stored raw pages (pipeline upgrade, new corrections)',
    load: () => import('./reprocess.js'),
  },
  corrections: {
    summary: "reviewers' corrections: list | export > lexicon.json | import lexicon.json",
    load: () => import('./corrections.js'),
  },
  serve: { summary: 'the HTTP API, the review page and the queue dashboard', load: () => import('./serve.js') },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: gleaner <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'gleaner <command> --help' for a command's options.\n`;
}

/**
 * `gleaner … | head`: when the reader goes away, stop quietly as Unix tools do, instead of an
 * unhandled EPIPE stack trace (or a wait for a 'drain' that never comes).
 */
export function exitQuietlyOnEpipe(stream: NodeJS.WritableStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') return exit(0);
    throw err;
  });
}

export async function main(argv: string[], ctx?: Partial<CliContext>): Promise<number> {
  if (!ctx?.stdout) exitQuietlyOnEpipe(process.stdout);
  const context: CliContext = {
    config: ctx?.config ?? loadConfig(),
    stdout: ctx?.stdout ?? process.stdout,
    stderr: ctx?.stderr ?? process.stderr,
    stdin: ctx?.stdin ?? process.stdin,
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    context.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    const { PIPELINE_VERSION } = await import('../version.js');
    context.stdout.write(`${PIPELINE_VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    printError(context, `unknown command '${name}' (try 'gleaner --help')`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, context);
  } catch (err) {
    printError(context, err instanceof GleanerError ? `${err.message} [${err.code}]` : errorMessage(err));
    return err instanceof GleanerError && err.code === 'E_INPUT' ? 2 : 1;
  }
}
