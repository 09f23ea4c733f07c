// The process worker's SANDBOXED processor: BullMQ runs this file in a worker thread, so that clean
// + extract (cheerio + compromise, CPU bound) never blocks the main thread that renews job locks
// (a blocked main thread makes jobs look stalled: bullmq #2857, #3078).
// Each thread opens its own store from the settings in workerData (see workers/index.ts). A failed
// open is never kept (reopeningStore): the next job opens again, so the thread recovers by itself.
import { workerData } from 'node:worker_threads';
import type { SandboxedJob } from 'bullmq';
import { createLogger, type Logger } from '../../log.js';
import { openStore, reopeningStore, type OpenStoreOptions } from '../../store/open.js';
import type { Store } from '../../store/types.js';
import { toJobError } from '../job-errors.js';
import type { ProcessJobData, ProcessJobResult } from '../queues.js';
import { processRaw } from '../process-step.js';
import { StoreOutage, type StoreOutagePolicy } from '../store-outage.js';

export interface SandboxSettings {
  store: OpenStoreOptions;
  outage: StoreOutagePolicy;
  logLevel: string;
}

let store: Store | null = null;
let outage: StoreOutage | null = null;
let logger: Logger | null = null;

function settings(): SandboxSettings {
  const s = (workerData as { gleaner?: SandboxSettings } | undefined)?.gleaner;
  if (!s) throw new Error('process sandbox started without store settings (workerData.gleaner)');
  return s;
}

export default async function processJob(job: SandboxedJob<ProcessJobData>, token?: string): Promise<ProcessJobResult> {
  logger ??= createLogger(settings().logLevel, { pretty: false }).child({ queue: 'process', thread: 'sandbox' });
  outage ??= new StoreOutage(settings().outage, logger);
  store ??= reopeningStore(() => openStore(settings().store));
  try {
    outage.check();
    const { record, result, timings } = await processRaw(store, job.data);
    outage.ok();
    return { recordId: result.id, status: result.status, title: record.title, timings };
  } catch (err) {
    if (outage.applies(err)) return outage.park(job as never, err, token);
    throw toJobError(err);
  }
}
