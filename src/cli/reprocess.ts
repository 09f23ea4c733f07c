// gleaner reprocess [filters] [--all] — clean + extract again over the stored raw pages (after a
// pipeline upgrade or new corrections). Through the process queue when Redis answers (workers do
// the work; this waits for them), in this process otherwise. Idempotent: a record whose result is
// the same is 'unchanged'; same text with new metadata/entities is replaced in place; new text is a
// new revision. Progress on stderr, a summary on stdout.
import type { Writable } from 'node:stream';
import { InputError, ServiceUnavailableError, errorMessage } from '../errors.js';
import type { Config } from '../config.js';
import { processRaw, type ProcessInput } from '../queue/process-step.js';
import type { StoredRecord, Store, RecordFilter } from '../store/types.js';
import { type CliContext, parseCommandArgs, writeLine } from './context.js';
import { FILTER_HELP, FILTER_OPTIONS, filterFromFlags, openReviewStore } from './review.js';

const HELP = `Usage: gleaner reprocess [filters] [--all] [--in-process | --queue]

Runs clean + extract again over the raw pages of stored records (after a pipeline upgrade or new
corrections) and stores the results: same text → metadata and entities replaced in place (no new
revision); new text → a new revision; identical result → unchanged. Records without a stored raw
page (imported as JSON, or extracted from files) are skipped.

By default the work goes through the process queue when Redis answers (start 'gleaner worker'; this
command waits for the jobs and reports), and runs in this process when it does not.

${FILTER_HELP}
  --all              every stored record (needed when no filter is given)
  --in-process       never use the queue
  --queue            use the queue (fail when Redis does not answer)

Prints a progress bar on stderr and a summary on stdout:
  reprocessed N: C changed, U unchanged, F failed, S skipped (no raw page)
Through the queue, the command waits GLEANER_REPROCESS_WAIT_MS (default 30 min) for the workers;
then it stops waiting, says how many jobs are not done (they stay queued) and exits 1:
  reprocessed N: C changed, U unchanged, F failed, S skipped (no raw page), P pending
Exit status: 0 ok, 1 some records failed or are still pending, or a store/queue error, 2 usage error.
`;

export interface ReprocessSummary {
  total: number;
  changed: number;
  unchanged: number;
  failed: number;
  skipped: number;
  /** Through the queue: jobs not finished when the wait (GLEANER_REPROCESS_WAIT_MS) ended, by job state. */
  pending?: { jobs: number; waitedMs: number; states: Record<string, number> };
}

/** What a record's reprocess job needs: its raw page and how it was fetched. */
export function reprocessInput(r: StoredRecord): ProcessInput | null {
  const rawHash = r.provenance?.rawHash;
  if (!rawHash) return null;
  const url = r.url ?? r.canonicalUrl ?? '';
  return {
    url,
    finalUrl: url,
    rawHash,
    contentType: null,
    fetchedAt: r.provenance?.fetchedAt ?? r.createdAt,
    feedUrl: r.provenance?.feedUrl ?? null,
    feedItemId: r.provenance?.feedItemId ?? null,
    publishedAt: r.publishedAt,
    reprocess: { recordId: r.id },
  };
}

/** A one-line progress bar, redrawn in place on a terminal (one line per 10% otherwise). */
export class Progress {
  private lastTenth = -1;
  constructor(
    private readonly out: Writable & { isTTY?: boolean },
    private readonly total: number,
  ) {}

  update(s: ReprocessSummary): void {
    const done = s.changed + s.unchanged + s.failed + s.skipped;
    const width = 30;
    const filled = this.total ? Math.round((done / this.total) * width) : width;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total}  changed ${s.changed}  unchanged ${s.unchanged}  failed ${s.failed}  skipped ${s.skipped}`;
    if (this.out.isTTY) this.out.write(`\r${line}`);
    else {
      const tenth = this.total ? Math.floor((done / this.total) * 10) : 10;
      if (tenth !== this.lastTenth || done === this.total) this.out.write(`${line}\n`);
      this.lastTenth = tenth;
    }
  }

  end(): void {
    if (this.out.isTTY) this.out.write('\n');
  }
}

function tally(s: ReprocessSummary, status: string): void {
  if (status === 'unchanged') s.unchanged++;
  else s.changed++;
}

/** In this process: each record's raw page through the pipeline and back into the store. */
export async function reprocessLocally(
  store: Store,
  records: StoredRecord[],
  onProgress: (s: ReprocessSummary, failure?: string) => void,
): Promise<ReprocessSummary> {
  const s: ReprocessSummary = { total: records.length, changed: 0, unchanged: 0, failed: 0, skipped: 0 };
  for (const r of records) {
    const input = reprocessInput(r);
    if (!input) s.skipped++;
    else {
      try {
        tally(s, (await processRaw(store, input)).result.status);
      } catch (err) {
        s.failed++;
        onProgress(s, `${r.id}: ${errorMessage(err)}`);
        continue;
      }
    }
    onProgress(s);
  }
  return s;
}

/** Through the process queue: one job per record, then wait for the workers' results. */
async function reprocessViaQueue(
  config: Config,
  records: StoredRecord[],
  onProgress: (s: ReprocessSummary, failure?: string) => void,
): Promise<ReprocessSummary> {
  const { createWorkerConnection } = await import('../queue/connection.js');
  const { createProducer } = await import('../queue/producer.js');
  const { QUEUE_NAMES, JOB_NAMES } = await import('../queue/queues.js');
  const { QueueEvents } = await import('bullmq');
  // Redis down: createProducer rejects with a ServiceUnavailableError (the caller's fallback)
  const producer = await createProducer(config);
  const processQueue = producer.getQueues().find((q) => q.name === QUEUE_NAMES.process)!;
  const events = new QueueEvents(QUEUE_NAMES.process, {
    connection: createWorkerConnection({ url: config.redisUrl, cluster: config.redisCluster }),
    prefix: config.queuePrefix,
  });
  const s: ReprocessSummary = { total: records.length, changed: 0, unchanged: 0, failed: 0, skipped: 0 };
  try {
    await events.waitUntilReady();
    const run = Date.now().toString(36);
    const jobs = [];
    for (const r of records) {
      const input = reprocessInput(r);
      if (!input) {
        s.skipped++;
        continue;
      }
      jobs.push({ record: r, job: await processQueue.add(JOB_NAMES.process, input, { jobId: `reprocess-${r.id}-${run}` }) });
    }
    onProgress(s);
    // the workers may not drain the queue (none running, all busy elsewhere): the wait is bounded
    let waiting = true;
    const finished = new Set<number>();
    const all = Promise.all(
      jobs.map(async ({ record, job }, k) => {
        try {
          const result = (await job.waitUntilFinished(events)) as { status: string };
          if (!waiting) return;
          tally(s, result.status);
          onProgress(s);
        } catch (err) {
          if (!waiting) return;
          s.failed++;
          onProgress(s, `${record.id}: ${errorMessage(err)}`);
        } finally {
          if (waiting) finished.add(k);
        }
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), config.reprocessWaitMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      waiting = false;
      const left = jobs.filter((_, k) => !finished.has(k));
      const states: Record<string, number> = {};
      for (const state of await Promise.all(left.map(({ job }) => job.getState().catch(() => 'unknown'))))
        states[state] = (states[state] ?? 0) + 1;
      s.pending = { jobs: left.length, waitedMs: config.reprocessWaitMs, states };
    }
    return s;
  } finally {
    await Promise.allSettled([events.close(), producer.close()]);
  }
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const parsed = parseCommandArgs(
    ctx,
    'reprocess',
    HELP,
    argv,
    {
      ...FILTER_OPTIONS,
      all: { type: 'boolean', default: false },
      'in-process': { type: 'boolean', default: false },
      queue: { type: 'boolean', default: false },
    },
    { allowPositionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const v = parsed.values;
  const filter: RecordFilter = filterFromFlags(v);
  const filtered = Object.entries(filter).some(([k, x]) => x !== undefined && k !== 'limit' && k !== 'offset');
  if (!filtered && !v.all) throw new InputError('reprocess: give filters (see --help) or --all for every record');
  if (v['in-process'] && v.queue) throw new InputError('reprocess: --in-process and --queue exclude each other');
  const store = await openReviewStore(ctx, v.db);
  let summary: ReprocessSummary;
  try {
    const records = await store.list(filter);
    const progress = new Progress(ctx.stderr, records.length);
    const onProgress = (s: ReprocessSummary, failure?: string) => {
      if (failure) ctx.stderr.write(`${(ctx.stderr as { isTTY?: boolean }).isTTY ? '\n' : ''}gleaner: reprocess failed: ${failure}\n`);
      progress.update(s);
    };
    let viaQueue = false;
    if (!v['in-process'] && records.length) {
      try {
        summary = await reprocessViaQueue(ctx.config, records, onProgress);
        viaQueue = true;
      } catch (err) {
        if (v.queue || !(err instanceof ServiceUnavailableError)) throw err;
        ctx.stderr.write('gleaner: Redis does not answer: reprocessing in this process\n');
      }
    }
    if (!viaQueue) summary = await reprocessLocally(store, records, onProgress);
    progress.end();
  } finally {
    await store.close();
  }
  const pending = summary!.pending;
  if (pending) {
    const states = Object.entries(pending.states)
      .map(([state, n]) => `${n} ${state}`)
      .join(', ');
    ctx.stderr.write(
      `gleaner: reprocess: stopped waiting after ${Math.round(pending.waitedMs / 1000)} s (GLEANER_REPROCESS_WAIT_MS): ` +
        `${pending.jobs} of ${summary!.total - summary!.skipped} jobs not done (${states}). Are workers running ('gleaner worker')? ` +
        `The jobs stay queued and run when a worker takes them.\n`,
    );
  }
  await writeLine(
    ctx.stdout,
    `reprocessed ${summary!.total}: ${summary!.changed} changed, ${summary!.unchanged} unchanged, ${summary!.failed} failed, ${summary!.skipped} skipped (no raw page)` +
      (pending ? `, ${pending.jobs} pending` : ''),
  );
  return summary!.failed || pending ? 1 : 0;
}
