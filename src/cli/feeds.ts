// gleaner feeds add FEED_URL [--every 15m] | list | remove ID | poll ID
// Each feed has one BullMQ Job Scheduler (feed-<id>): upserted on add/change, removed on delete.
import { InputError } from '../errors.js';
import { createProducer, type FeedWithSchedule } from '../queue/producer.js';
import { DEFAULT_FEED_EVERY } from '../queue/queues.js';
import { type CliContext, printError, writeLine, parseCommandArgs } from './context.js';

const HELP = `Usage: gleaner feeds <command> [options]

Commands:
  add FEED_URL [--every 15m]   register a feed (or change its interval) and schedule its polls
  list                         registered feeds, their last poll and the next one
  remove ID|FEED_URL           stop polling a feed and forget it
  poll ID|FEED_URL             poll a feed once, now (the workers do it)

Options:
  --every INTERVAL   poll interval: 30s, 15m, 1h, 1d (default ${DEFAULT_FEED_EVERY})
  --json             JSON output
  -h, --help         this help
`;

function iso(ms: number | null): string {
  return ms ? new Date(ms).toISOString() : '-';
}

function feedLine(f: FeedWithSchedule): string {
  return [f.id, f.every ?? '-', f.lastStatus ?? '-', f.lastPolledAt ?? '-', iso(f.nextPollAt), f.url].join('\t');
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(ctx, 'feeds', HELP, argv, {
    every: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (typeof parsed === 'number') return parsed;
  const [sub, ...args] = parsed.positionals;
  if (parsed.values.help || !sub) {
    ctx.stdout.write(HELP);
    return sub || parsed.values.help ? 0 : 2;
  }
  const json = parsed.values.json;
  const need = (n: number, what: string) => {
    if (args.length !== n) throw new InputError(`feeds ${sub}: expected ${what}`);
  };
  if (!['add', 'list', 'remove', 'poll'].includes(sub)) throw new InputError(`feeds: unknown command '${sub}' (add, list, remove, poll)`);
  if (sub === 'add') need(1, 'one FEED_URL');
  if (sub === 'remove' || sub === 'poll') need(1, 'one feed ID or URL');
  if (sub === 'list') need(0, 'no arguments');

  const producer = await createProducer(ctx.config);
  try {
    switch (sub) {
      case 'add': {
        const feed = await producer.addFeed(args[0]!, parsed.values.every ?? DEFAULT_FEED_EVERY);
        await writeLine(ctx.stdout, json ? JSON.stringify(feed) : `${feed.id}\t${feed.every}\t${feed.url}`);
        return 0;
      }
      case 'list': {
        const feeds = await producer.listFeeds();
        if (json) for (const f of feeds) await writeLine(ctx.stdout, JSON.stringify(f));
        else {
          await writeLine(ctx.stdout, ['ID', 'EVERY', 'LAST', 'LAST POLLED', 'NEXT POLL', 'URL'].join('\t'));
          for (const f of feeds) await writeLine(ctx.stdout, feedLine(f));
        }
        return 0;
      }
      case 'remove': {
        const removed = await producer.removeFeed(args[0]!);
        if (!removed) {
          printError(ctx, `feeds remove: no feed '${args[0]}'`);
          return 1;
        }
        await writeLine(ctx.stdout, json ? JSON.stringify({ removed: args[0] }) : `removed\t${args[0]}`);
        return 0;
      }
      default: {
        const r = await producer.pollFeed(args[0]!);
        await writeLine(ctx.stdout, json ? JSON.stringify(r) : `${r.jobId}\tqueued\t${r.feedId}`);
        return 0;
      }
    }
  } finally {
    await producer.close();
  }
}
