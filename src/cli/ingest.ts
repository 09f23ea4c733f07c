// gleaner ingest URL|FEED_URL...
// The whole pipeline in one process, no Redis: fetch (robots, politeness, retries), clean, extract,
// store, and print each record as NDJSON on stdout. Progress and failures go to stderr.
import { InputError } from '../errors.js';
import { createLogger } from '../log.js';
import { type CliContext, MAX_URL_LIST_BYTES, printError, readStdin, writeLine, parseCommandArgs } from './context.js';

const HELP = `Usage: gleaner ingest [options] URL|FEED_URL...
       gleaner ingest [options] -            (one URL per line on stdin)

Fetches each URL (a feed URL brings in its items not seen before), cleans and extracts it, stores
the record and prints it as one JSON line on stdout. No Redis needed; the store is used.

Options:
  --quiet      no progress lines on stderr
  -h, --help   this help

Exit status: 0 all done, 1 some URLs failed (each named on stderr), 2 usage error.
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, 'ingest', HELP, argv, { quiet: { type: 'boolean', default: false } });
  if (typeof parsed === 'number') return parsed;
  const targets: string[] = [];
  for (const p of parsed.positionals) {
    if (p === '-')
      targets.push(...(await readStdin(ctx.stdin, MAX_URL_LIST_BYTES, 'the URL list on stdin')).toString('utf8').split(/\r?\n/));
    else targets.push(p);
  }
  const urls = targets.map((t) => t.trim()).filter((t) => t && !t.startsWith('#'));
  if (urls.length === 0) throw new InputError('ingest: no URLs given (try gleaner ingest --help)');
  for (const u of urls) {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(u).protocol);
    } catch {
      /* reported below */
    }
    if (!ok) throw new InputError(`ingest: not an http(s) URL: '${u}'`);
  }

  const quiet = parsed.values.quiet;
  const progress = (line: string) => {
    if (!quiet) ctx.stderr.write(`gleaner: ${line}\n`);
  };
  const { openStore, storeOptions } = await import('../store/open.js');
  const { ingestLocal } = await import('../queue/ingest-local.js');
  const store = await openStore(storeOptions(ctx.config));
  try {
    const totals = await ingestLocal(urls, {
      store,
      config: ctx.config,
      logger: createLogger(ctx.config.logLevel),
      async onEvent(e) {
        if (e.kind === 'record' && e.record) {
          await writeLine(ctx.stdout, JSON.stringify({ id: e.upsert?.id, status: e.upsert?.status, ...e.record }));
          progress(`${e.upsert?.status ?? 'stored'} ${e.url}`);
        } else if (e.kind === 'feed')
          progress(`feed ${e.url}: ${e.items} items${e.left ? `, ${e.left} left for the next run (GLEANER_FEED_MAX_ITEMS)` : ''}`);
        else if (e.kind === 'skipped') progress(`seen before ${e.url}`);
        else if (e.kind === 'failed') printError(ctx, `${e.url}: ${e.error}`);
      },
    });
    progress(`${totals.stored} stored, ${totals.skipped} seen before, ${totals.failed} failed`);
    return totals.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
