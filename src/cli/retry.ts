// gleaner retry [--queue fetch|process|feeds] (--code E_… | --all) [--json]
// Moves failed jobs back to waiting so the workers try them again; prints how many per queue.
import { InputError } from '../errors.js';
import { createProducer } from '../queue/producer.js';
import { ALL_QUEUES, type QueueName } from '../queue/queues.js';
import { ERROR_CODE, retryFailed } from '../queue/retry.js';
import { type CliContext, writeLine, parseCommandArgs } from './context.js';

const HELP = `Usage: gleaner retry [--queue fetch|process|feeds] (--code E_… | --all) [--json]

Moves failed jobs back to the queue so the workers try them again (BullMQ's own retry), and prints
how many per queue. A retried job gets one more attempt. 'gleaner status' lists failed jobs with
their reasons; the reason starts with the error code (E_TIMEOUT, E_HTTP, E_STORE_UNAVAILABLE, …).

Options:
  --queue Q    only this queue (default: all three)
  --code E_…   only failed jobs whose reason has this error code
  --all        every failed job (of the queue(s) chosen)
  --json       one JSON object: {"retried", "queues": {name: count}}
  -h, --help   this help
`;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(
    ctx,
    'retry',
    HELP,
    argv,
    {
      queue: { type: 'string' },
      code: { type: 'string' },
      all: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    { allowPositionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const { queue, code, all, json } = parsed.values;
  if (queue !== undefined && !ALL_QUEUES.includes(queue as QueueName))
    throw new InputError(`retry: unknown queue '${queue}' (use ${ALL_QUEUES.join(', ')})`);
  if (code !== undefined && !ERROR_CODE.test(code))
    throw new InputError(`retry: --code takes an error code such as E_TIMEOUT (got '${code}')`);
  if (!all && code === undefined) throw new InputError('retry: say which failed jobs: --code E_… or --all');
  if (all && code !== undefined) throw new InputError('retry: --all and --code exclude each other');

  const producer = await createProducer(ctx.config);
  try {
    const queues = producer.getQueues().filter((q) => queue === undefined || q.name === queue);
    const outcome = await retryFailed(queues, producer.redis, { code });
    const total = outcome.reduce((n, o) => n + o.retried, 0);
    if (json)
      await writeLine(ctx.stdout, JSON.stringify({ retried: total, queues: Object.fromEntries(outcome.map((o) => [o.queue, o.retried])) }));
    else
      await writeLine(
        ctx.stdout,
        `${total} failed job${total === 1 ? '' : 's'} retried (${outcome.map((o) => `${o.queue} ${o.retried}`).join(', ')})`,
      );
    return 0;
  } finally {
    await producer.close();
  }
}
