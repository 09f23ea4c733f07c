// The process worker's SANDBOXED processor: BullMQ runs this file in a worker thread, so that clean
// + extract (cheerio + compromise, CPU bound) never blocks the main thread that renews job locks
// (a blocked main thread makes jobs look stalled: bullmq #2857, #3078).
// Each thread opens its own store from the settings in workerData (see workers/process.ts).
import { workerData } from 'node:worker_threads';
import type { SandboxedJob } from 'bullmq';
import { openStore, type OpenStoreOptions } from '../../store/open.js';
import type { Store } from '../../store/types.js';
import { toJobError } from '../job-errors.js';
import type { ProcessJobData, ProcessJobResult } from '../queues.js';
import { processRaw } from '../process-step.js';

export interface SandboxSettings {
  store: OpenStoreOptions;
}

let store: Promise<Store> | null = null;

function settings(): SandboxSettings {
  const s = (workerData as { gleaner?: SandboxSettings } | undefined)?.gleaner;
  if (!s) throw new Error('process sandbox started without store settings (workerData.gleaner)');
  return s;
}

export default async function processJob(job: SandboxedJob<ProcessJobData>): Promise<ProcessJobResult> {
  try {
    store ??= openStore(settings().store);
    const { record, result, timings } = await processRaw(await store, job.data);
    return { recordId: result.id, status: result.status, title: record.title, timings };
  } catch (err) {
    throw toJobError(err);
  }
}
