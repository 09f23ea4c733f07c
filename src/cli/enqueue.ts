// gleaner enqueue URL... | -
// Adds one fetch job per URL (job id url-<sha256(canonical URL)>) and prints, per URL:
//   <job id> <TAB> queued|duplicate <TAB> <url>      (or NDJSON with --json)
// Fails fast, with one line and exit 1, when Redis is not reachable.
import { InputError } from '../errors.js';
import { createProducer } from '../queue/producer.js';
import { type CliContext, MAX_URL_LIST_BYTES, readStdin, writeLine, parseCommandArgs } from './context.js';

const HELP = `Usage: gleaner enqueue [--json] URL...
       gleaner enqueue [--json] -          (one URL per line on stdin)

Queues article URLs for 'gleaner worker'. Prints the job id and whether the URL was queued or is a
duplicate of a job already queued or done recently. A URL whose last job failed is queued again.

Options:
  --json       one JSON object per URL: {"url", "jobId", "status"}
  -h, --help   this help
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, 'enqueue', HELP, argv, { json: { type: 'boolean', default: false } });
  if (typeof parsed === 'number') return parsed;
  let urls: string[] = [];
  for (const p of parsed.positionals) {
    if (p === '-') urls.push(...(await readStdin(ctx.stdin, MAX_URL_LIST_BYTES, 'the URL list on stdin')).toString('utf8').split(/\r?\n/));
    else urls.push(p);
  }
  urls = urls.map((u) => u.trim()).filter((u) => u && !u.startsWith('#'));
  if (urls.length === 0) throw new InputError('enqueue: no URLs given (try gleaner enqueue --help)');
  const producer = await createProducer(ctx.config);
  try {
    const results = await producer.enqueueUrls(urls);
    for (const r of results) await writeLine(ctx.stdout, parsed.values.json ? JSON.stringify(r) : `${r.jobId}\t${r.status}\t${r.url}`);
    const dup = results.filter((r) => r.status === 'duplicate').length;
    ctx.stderr.write(`gleaner: ${results.length - dup} queued, ${dup} duplicate\n`);
    return 0;
  } finally {
    await producer.close();
  }
}
