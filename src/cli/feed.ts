// gleaner feed [--url URL] [--content] [--limit N] FILE|URL|- ...
// Previews a feed: one JSON object per item on stdout (NDJSON) with
// {"title","url","id","publishedAt","summary","author"}. An empty feed prints nothing and exits 0;
// input that is not a feed gives a one-line error and exit 1.
import { InputError, errorMessage } from '../errors.js';
import { DEFAULT_FETCH_OPTIONS, fetchUrl } from '../fetch/fetch.js';
import { readWhole } from './read-input.js';
import { parseFeed } from '../feed/index.js';
import { RobotsCache } from '../fetch/robots.js';
import { type CliContext, printError, readStdin, writeLine, parseCommandArgs } from './context.js';

const HELP = `Usage: gleaner feed [options] FILE|URL|- ...

Parses an RSS (0.9x, 1.0/RDF, 2.0), Atom (0.3, 1.0) or JSON Feed and prints one JSON object per
item on stdout: {"title","url","id","publishedAt","summary","author"}. Nothing is stored.
Several inputs are printed one after the other; a failed one is reported on stderr.

Options:
  --url URL        the feed's own URL when reading a file (base for relative links)
  --content        add each item's full "content" (HTML) when the feed has it
  --limit N        print at most N items
  --feed-info      print one first line {"feed": {"title","link","format","items"}}
  --ignore-robots  fetch a feed URL even if robots.txt disallows it
  -h, --help       this help

Exit status: 0 parsed (even with no items), 1 not a feed or not fetched, 2 usage error or unreadable file.
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, 'feed', HELP, argv, {
    url: { type: 'string' },
    content: { type: 'boolean', default: false },
    limit: { type: 'string' },
    'feed-info': { type: 'boolean', default: false },
    'ignore-robots': { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    printError(ctx, 'feed: give a FILE, URL or - (see gleaner feed --help)');
    return 2;
  }
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit === Infinity || (Number.isInteger(limit) && limit >= 0))) throw new InputError('--limit takes a whole number');
  if (values.url && positionals.length > 1) throw new InputError('--url applies to one input');
  // A preview fetches only the URL the operator typed, so a loopback or intranet feed is allowed here;
  // the address guard protects the workers, whose URLs come from feeds and API users.
  const allowPrivateAddresses = true;
  const robots = values['ignore-robots'] ? null : new RobotsCache({ userAgent: ctx.config.userAgent, allowPrivateAddresses });

  // Several inputs are previewed in turn; a failed one is reported and the others still print.
  let status = 0;
  for (const source of positionals) {
    let code: number;
    try {
      code = await previewOne(
        source,
        {
          url: values.url ?? null,
          limit,
          content: values.content ?? false,
          feedInfo: values['feed-info'] ?? false,
          robots,
          allowPrivateAddresses,
        },
        ctx,
      );
    } catch (err) {
      if (!(err instanceof InputError) || positionals.length === 1) throw err;
      printError(ctx, `${errorMessage(err)} [${err.code}]`);
      code = 2;
    }
    status = Math.max(status, code);
  }
  return status;
}

interface PreviewOptions {
  url: string | null;
  limit: number;
  content: boolean;
  feedInfo: boolean;
  robots: RobotsCache | null;
  allowPrivateAddresses: boolean;
}

async function previewOne(source: string, o: PreviewOptions, ctx: CliContext): Promise<number> {
  let bytes: Uint8Array;
  let url = o.url;
  let contentType: string | null = null;
  if (/^https?:\/\//i.test(source)) {
    if (o.robots) {
      const decision = await o.robots.check(source);
      if (!decision.allowed) {
        printError(ctx, `feed: ${source}: ${decision.reason ?? 'disallowed by robots.txt'} [E_ROBOTS]`);
        return 1;
      }
    }
    try {
      // any content type: feeds are served as text/xml, application/octet-stream, text/plain…; the parser decides
      const res = await fetchUrl(source, {
        userAgent: ctx.config.userAgent,
        allowPrivateAddresses: o.allowPrivateAddresses,
        acceptContentTypes: [],
      });
      bytes = res.body;
      url = o.url ?? res.url;
      contentType = res.contentType;
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'E_FETCH';
      printError(ctx, `feed: ${errorMessage(err)} [${code}]`);
      return 1;
    }
  } else {
    // The same cap as a fetched feed: more than that is an error, never an unbounded read.
    bytes = source === '-' ? await readStdin(ctx.stdin, DEFAULT_FETCH_OPTIONS.maxBytes, 'the feed on stdin') : await readSource(source);
  }

  let feed;
  try {
    feed = parseFeed(bytes, { url, contentType });
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'E_FEED';
    printError(ctx, `feed: ${source}: ${errorMessage(err)} [${code}]`);
    return 1;
  }
  if (o.feedInfo) {
    await writeLine(
      ctx.stdout,
      JSON.stringify({ feed: { title: feed.title, link: feed.link, format: feed.format, items: feed.items.length } }),
    );
  }
  for (const item of feed.items.slice(0, o.limit)) {
    const line: Record<string, unknown> = {
      title: item.title,
      url: item.url,
      id: item.id,
      publishedAt: item.publishedAt,
      summary: item.summary,
      author: item.author,
    };
    if (o.content) line.content = item.content ?? null;
    await writeLine(ctx.stdout, JSON.stringify(line));
  }
  return 0;
}

async function readSource(path: string): Promise<Uint8Array> {
  try {
    const buf = await readWhole({ path }, DEFAULT_FETCH_OPTIONS.maxBytes, `feed ${path}`);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (err) {
    if (err instanceof InputError && /larger than/.test(err.message)) throw err;
    throw new InputError(`feed: cannot read ${path}: ${errorMessage(err).replace(/^cannot read input: /, '')}`, { path });
  }
}
