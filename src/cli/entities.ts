// gleaner entities top — the most mentioned entities across stored records, with article counts;
// gleaner entities show|reject|retype|merge|alias|undo — one entity, and reviewers' corrections.
import { parseArgs } from 'node:util';
import { errorMessage } from '../errors.js';
import { type CliContext, printError } from './context.js';
import { CORRECTION_HELP, CORRECTION_SUBCOMMANDS, runCorrection } from './entity-corrections.js';
import {
  Output,
  firstSentence,
  formatTable,
  openReviewStore,
  parseCount,
  parseEntityType,
  runSubcommand,
  terminalWidth,
} from './review.js';

const HELP = `Usage: gleaner entities top [options]
       gleaner entities show|reject|retype|merge|alias|undo ... (below)

The entities mentioned in the most articles (then by mentions). Countries are counted by ISO code;
other entities by name (case and accents ignored). Dates are left out unless --type date.

Options:
  --type T           person | country | organization | place | date
  --since DATE       only articles published on or after DATE (2023, 2023-09, 2023-09-16)
  --until DATE       only articles published up to the end of DATE
  --limit N          how many (default 20)
  --json             one JSON object per line: {type, name, code, articles, mentions}
  --db PATH|URL      the store: a SQLite file or a postgres:// URL
  -h, --help         this help

${CORRECTION_HELP}
Exit status: 0 ok, 1 store error (or no such entity), 2 usage error.
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const corrections = Object.fromEntries(
    CORRECTION_SUBCOMMANDS.map((sub) => [sub, (rest: string[]) => runCorrection(sub, rest, ctx, HELP)]),
  );
  return runSubcommand('entities', argv, ctx, HELP, { top: (rest) => top(rest, ctx), ...corrections });
}

/** gleaner entities top [options] */
async function top(rest: string[], ctx: CliContext): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      allowPositionals: false,
      options: {
        type: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    printError(ctx, `entities top: ${firstSentence(errorMessage(err))}`);
    return 2;
  }
  if (values.help) {
    ctx.stdout.write(HELP);
    return 0;
  }
  const opts = {
    type: parseEntityType(values.type),
    since: values.since,
    until: values.until,
    limit: parseCount(values.limit, '--limit') ?? 20,
  };
  const store = await openReviewStore(ctx, values.db);
  try {
    const top = await store.topEntities(opts);
    const out = new Output(ctx.stdout);
    if (values.json) {
      for (const t of top)
        if (
          !(await out.write(
            JSON.stringify({ type: t.type, name: t.name, code: t.code ?? null, articles: t.articles, mentions: t.mentions }) + '\n',
          ))
        )
          break;
      return 0;
    }
    if (!top.length) {
      await out.write('no entities\n');
      return 0;
    }
    await out.write(
      formatTable(
        [
          { header: 'TYPE' },
          { header: 'NAME', flex: true },
          { header: 'CODE' },
          { header: 'ARTICLES', right: true },
          { header: 'MENTIONS', right: true },
        ],
        top.map((t) => [t.type, t.name, t.code ?? '', String(t.articles), String(t.mentions)]),
        terminalWidth(ctx.stdout),
      ),
    );
    return 0;
  } finally {
    await store.close();
  }
}
