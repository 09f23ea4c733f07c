// gleaner corrections list|export|import — reviewers' corrections as a shareable lexicon file.
//   gleaner corrections export > lexicon.json      the active corrections
//   gleaner corrections import lexicon.json        adds those not stored yet, applies them
//   gleaner extract --lexicon lexicon.json FILE    extraction with them, no store needed
import { InputError, errorMessage } from '../errors.js';
import { parseLexicon } from '../extract/lexicon.js';
import { type CliContext, parseCommandArgs, printError, writeLine } from './context.js';
import { readWhole } from './read-input.js';

/** A lexicon is read whole, up to this size. */
export const MAX_LEXICON_BYTES = 16 * 1024 * 1024;
import { displayText, openReviewStore } from './review.js';

const HELP = `Usage: gleaner corrections <list|export|import> [options]

  list [--json]          every correction, oldest first, with author, time and whether undone
  export                 the active corrections as a lexicon (JSON) on stdout
  import FILE|-          adds the corrections of a lexicon file that the store does not have yet
                         (by id) and applies them to stored records

Options:
  --db PATH|URL          the store: a SQLite file or a postgres:// URL
  -h, --help             this help

Exit status: 0 ok, 1 store error, 2 usage error.
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub || sub === '--help' || sub === '-h' || sub === 'help') {
    ctx.stdout.write(HELP);
    return sub ? 0 : 2;
  }
  if (!['list', 'export', 'import'].includes(sub)) {
    printError(ctx, `corrections: unknown subcommand '${sub}' (expected list, export or import)`);
    return 2;
  }
  const parsed = parseCommandArgs(ctx, `corrections ${sub}`, HELP, rest, {
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if ((sub === 'import') !== (positionals.length === 1) || positionals.length > 1) {
    printError(ctx, `corrections ${sub}: ${sub === 'import' ? 'expected one FILE' : 'takes no arguments'}`);
    return 2;
  }
  let lexicon;
  if (sub === 'import') {
    const path = positionals[0];
    let body: string;
    try {
      body = (await readWhole(path === '-' ? { stdin: ctx.stdin } : { path }, MAX_LEXICON_BYTES, `lexicon ${path}`)).toString('utf8');
    } catch (err) {
      throw new InputError(`cannot read ${path}: ${errorMessage(err)}`);
    }
    lexicon = readLexicon(body, path);
  }
  const store = await openReviewStore(ctx, values.db);
  try {
    if (sub === 'export') {
      ctx.stdout.write(JSON.stringify(await store.lexicon(), null, 2) + '\n');
      return 0;
    }
    if (sub === 'import') {
      const added = await store.importCorrections(lexicon!);
      await writeLine(ctx.stdout, `imported ${added} correction(s), ${lexicon!.corrections.length - added} already stored`);
      return 0;
    }
    const all = await store.listCorrections();
    for (const c of all) {
      if (values.json) await writeLine(ctx.stdout, JSON.stringify({ ...c.correction, undoneAt: c.undoneAt, undoneBy: c.undoneBy }));
      else {
        const x = c.correction as Record<string, unknown>;
        const detail = x.to
          ? ` → ${x.to}`
          : x.into
            ? ` → ${displayText(String(x.into))}`
            : x.alias
              ? ` + ${displayText(String(x.alias))}`
              : '';
        await writeLine(
          ctx.stdout,
          `${c.correction.id}  ${c.correction.at}  ${displayText(c.correction.author)}  ${c.correction.op}${c.correction.type ? ` ${c.correction.type}` : ''} '${displayText(c.correction.name)}'${detail}${c.correction.recordId ? ` (record ${c.correction.recordId})` : ''}${c.undoneAt ? `  [undone ${c.undoneAt} by ${displayText(c.undoneBy)}]` : ''}`,
        );
      }
    }
    if (!all.length && !values.json) await writeLine(ctx.stdout, 'no corrections');
    return 0;
  } finally {
    await store.close();
  }
}

/** A lexicon file's text, checked (InputError naming the file when it is not one). */
export function readLexicon(body: string, path: string) {
  try {
    return parseLexicon(JSON.parse(body));
  } catch (err) {
    throw new InputError(`${path} is not a lexicon file (as written by 'gleaner corrections export'): ${errorMessage(err).split('\n')[0]}`);
  }
}
