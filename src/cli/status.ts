// gleaner status [--json] [--failed N]
// Queue counts, the latest failed jobs with their reasons (robots disallow, 404, too large, …) and
// the feed schedulers. Fails fast when Redis is not reachable.
import { createProducer } from '../queue/producer.js';
import { COUNTED_STATES, readStatus, type QueueStatus } from '../queue/status.js';
import { type CliContext, printError, parseCommandArgs } from './context.js';

const HELP = `Usage: gleaner status [--json] [--failed N]

Options:
  --failed N   failed jobs listed (latest first; default 20)
  --json       one JSON object: {queues, failed, schedulers, feedsLeft}
  -h, --help   this help
`;

function formatEvery(ms: number | null): string {
  if (!ms) return '-';
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const)
    if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

export function formatStatus(s: QueueStatus): string {
  const lines: string[] = [];
  const head = ['QUEUE', ...COUNTED_STATES.map((c) => c.toUpperCase()), 'WORKERS'];
  const rows = Object.entries(s.queues).map(([name, c]) => [name, ...COUNTED_STATES.map((k) => String(c[k] ?? 0)), String(c.workers)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows])
    lines.push(
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  lines.push('', `FAILED (${s.failed.length}${s.failed.length ? ', latest first' : ''})`);
  for (const f of s.failed)
    lines.push(
      `  ${f.queue}\t${f.jobId}\t${f.failedAt ?? '-'}\tattempts ${f.attemptsMade}\t${f.url ?? f.feedId ?? '-'}\n      ${f.reason}`,
    );
  if (s.feedsLeft.length) {
    lines.push('', `FEEDS WITH ITEMS LEFT (${s.feedsLeft.length}; a poll queues at most GLEANER_FEED_MAX_ITEMS new items)`);
    for (const f of s.feedsLeft)
      lines.push(`  ${f.feedId}\t${f.left} items left for the next poll\t${f.added} queued at ${f.polledAt ?? '-'}`);
  }
  lines.push('', `SCHEDULERS (${s.schedulers.length})`);
  for (const sc of s.schedulers)
    lines.push(`  ${sc.id}\tevery ${sc.pattern ?? formatEvery(sc.every)}\tnext ${sc.nextAt ?? '-'}\tfeed ${sc.feedId ?? '-'}`);
  return lines.join('\n') + '\n';
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(
    ctx,
    'status',
    HELP,
    argv,
    { json: { type: 'boolean', default: false }, failed: { type: 'string' } },
    { allowPositionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const failedLimit = parsed.values.failed === undefined ? 20 : Number(parsed.values.failed);
  if (!Number.isInteger(failedLimit) || failedLimit < 0) {
    printError(ctx, `status: --failed must be a whole number`);
    return 2;
  }
  const producer = await createProducer(ctx.config);
  try {
    const status = await readStatus(producer.getQueues(), { failedLimit: Math.max(1, failedLimit) });
    if (failedLimit === 0) status.failed = [];
    ctx.stdout.write(parsed.values.json ? JSON.stringify(status) + '\n' : formatStatus(status));
    return 0;
  } finally {
    await producer.close();
  }
}
