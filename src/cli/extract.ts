// gleaner extract [--url URL] [--published-at ISO] [--text] FILE...
// gleaner extract --manifest FILE|-
// One NDJSON record per input on stdout, in input order. A bad input gives a one-line error on
// stderr and an error line {"input", "error"} in its place; the others still come out (exit 1).
import { InputError, GleanerError, errorMessage } from '../errors.js';
import { processDocument } from '../pipeline.js';
import { whyEmpty } from '../clean/empty.js';
import { MAX_LEXICON_BYTES, readLexicon } from './corrections.js';
import { DEFAULT_CLEAN_LIMITS } from '../clean/limits.js';
import { type CliContext, printError, writeLine, parseCommandArgs } from './context.js';
import { readBounded, readFileBounded, readWhole } from './read-input.js';

/** A manifest is a list of paths: it is read whole, up to this size. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const HELP = `Usage: gleaner extract [options] FILE...

Cleans and extracts each FILE (HTML or plain text; '-' reads stdin) and prints one JSON record per
input on stdout (NDJSON), in input order. No network, no Redis, no database.

Options:
  --url URL            the page's URL (one input only; resolves relative links, canonical URL)
  --published-at ISO   publication date; overrides a date found in the page and anchors
                       relative dates ("on Saturday")
  --text               treat every input as plain text, even if it looks like HTML
  --manifest FILE      read inputs from NDJSON lines {"path", "url", "publishedAt", "text"}
                       ('-' for stdin); all fields but path are optional
  --max-words N        words of text sent to entity extraction (default 20000)
  --lexicon FILE       reviewers' corrections to apply (from 'gleaner corrections export')
  -h, --help           this help

Exit status: 0 all inputs done, 1 some inputs failed (each named on stderr), 2 usage error.
`;

interface InputSpec {
  path: string;
  url: string | null;
  publishedAt: string | null;
  isText: boolean;
}

export function parseIsoDate(value: string, what: string): string {
  const t = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) throw new InputError(`${what}: '${value}' is not an ISO-8601 date`);
  return value;
}

function parseManifest(body: string, source: string): InputSpec[] {
  const specs: InputSpec[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      throw new InputError(`${source}:${i + 1}: not a JSON object`);
    }
    const o = obj as Record<string, unknown>;
    if (!o || typeof o !== 'object' || typeof o.path !== 'string') throw new InputError(`${source}:${i + 1}: needs a "path" string`);
    specs.push({
      path: o.path,
      url: typeof o.url === 'string' ? o.url : null,
      publishedAt: typeof o.publishedAt === 'string' ? parseIsoDate(o.publishedAt, `${source}:${i + 1}`) : null,
      isText: o.text === true,
    });
  });
  return specs;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, 'extract', HELP, argv, {
    url: { type: 'string' },
    'published-at': { type: 'string' },
    text: { type: 'boolean', default: false },
    manifest: { type: 'string' },
    'max-words': { type: 'string' },
    lexicon: { type: 'string' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const publishedAt = values['published-at'] ? parseIsoDate(values['published-at'], '--published-at') : null;
  const maxWords = values['max-words'] ? Number(values['max-words']) : undefined;
  if (maxWords !== undefined && !(Number.isInteger(maxWords) && maxWords > 0))
    throw new InputError('--max-words takes a positive whole number');

  const lexicon = values.lexicon
    ? readLexicon(
        (await readWhole({ path: values.lexicon }, MAX_LEXICON_BYTES, `lexicon ${values.lexicon}`)).toString('utf8'),
        values.lexicon,
      )
    : undefined;

  let specs: InputSpec[];
  if (values.manifest) {
    const source = values.manifest === '-' ? { stdin: ctx.stdin } : { path: values.manifest };
    const body = (await readWhole(source, MAX_MANIFEST_BYTES, `manifest ${values.manifest}`)).toString('utf8');
    specs = parseManifest(body, values.manifest);
  } else {
    if (positionals.length === 0) {
      printError(ctx, 'extract: no input files (see gleaner extract --help)');
      return 2;
    }
    if (values.url && positionals.length > 1) throw new InputError('--url applies to one input; use --manifest for several');
    specs = positionals.map((path) => ({ path, url: values.url ?? null, publishedAt, isText: values.text ?? false }));
  }
  if (publishedAt) for (const s of specs) s.publishedAt ??= publishedAt;

  let failures = 0;
  for (const spec of specs) {
    try {
      // Never more than the clean step's byte cap + 1: a bigger input becomes a truncated record.
      const cap = DEFAULT_CLEAN_LIMITS.maxInputBytes;
      const { bytes } = spec.path === '-' ? await readBounded(ctx.stdin, cap) : await readFileBounded(spec.path, cap);
      const record = processDocument(
        new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        {
          url: spec.url,
          publishedAt: spec.publishedAt,
          isText: spec.isText,
          fileName: spec.path === '-' ? null : spec.path,
        },
        { extract: { maxWords, lexicon } },
      );
      if (record.text === '') printError(ctx, `${spec.path}: no article text found${whyEmpty(record.flags)}`);
      await writeLine(ctx.stdout, JSON.stringify(record));
    } catch (err) {
      failures++;
      const code = err instanceof GleanerError ? err.code : 'E_INTERNAL';
      printError(ctx, `${spec.path}: ${errorMessage(err)} [${code}]`);
      await writeLine(ctx.stdout, JSON.stringify({ input: spec.path, error: { code, message: errorMessage(err) } }));
    }
  }
  return failures ? 1 : 0;
}
