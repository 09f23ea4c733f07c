// The fetch worker's processor (I/O bound, high concurrency): robots, per-host gate, GET, raw bytes
// into the store, then a process job that carries only the content hash.
import type { Job, Queue } from 'bullmq';
import type { Logger } from '../../log.js';
import { HostBusy, toJobError } from '../job-errors.js';
import { processJobId } from '../job-ids.js';
import { JOB_NAMES, type FetchJobData, type ProcessJobData } from '../queues.js';
import { fetchPage, hostOf, type StepContext } from '../steps.js';
import type { StoreOutage } from '../store-outage.js';
import { heldSlot, parkJob } from './park.js';

export interface FetchResultSummary {
  rawHash: string;
  bytes: number;
  finalUrl: string;
  processJobId: string;
  status: number;
  /** Seconds from the start of the fetch step to the raw bytes stored. */
  seconds: number;
}

export function createFetchProcessor(ctx: StepContext, processQueue: Queue, logger: Logger, outage: StoreOutage) {
  return async (job: Job<FetchJobData>, token?: string): Promise<FetchResultSummary> => {
    const { url } = job.data;
    const log = logger.child({ queue: job.queueName, jobId: job.id, host: safeHost(url), url });
    try {
      // While the store is down a page could not be kept: do not fetch it (nor book its host's slot).
      outage.check();
      const started = performance.now();
      const page = await fetchPage(ctx, url, heldSlot(job));
      outage.ok();
      const data: ProcessJobData = {
        url,
        finalUrl: page.finalUrl,
        rawHash: page.rawHash,
        contentType: page.contentType,
        fetchedAt: page.fetchedAt,
        feedUrl: job.data.feedUrl ?? null,
        feedItemId: job.data.itemId ?? null,
        publishedAt: job.data.publishedAt ?? null,
      };
      const id = processJobId(url, page.rawHash);
      await addProcessJob(processQueue, id, data);
      log.debug({ bytes: page.bytes, rawHash: page.rawHash }, 'fetched');
      return {
        rawHash: page.rawHash,
        bytes: page.bytes,
        finalUrl: page.finalUrl,
        processJobId: id,
        status: page.status,
        seconds: (performance.now() - started) / 1000,
      };
    } catch (err) {
      if (err instanceof HostBusy) {
        // Park the job until its booked slot; this is not a failed attempt.
        log.debug({ waitMs: err.waitMs }, 'host busy, job parked until its slot');
        return parkJob(job, err, token);
      }
      if (outage.applies(err)) return outage.park(job, err, token);
      const jobErr = toJobError(err);
      log.warn({ attempt: job.attemptsMade + 1, err: jobErr.message }, 'fetch failed');
      throw jobErr;
    }
  };
}

/**
 * Adds the process job. The same page (URL + raw hash) may have a failed process job from before
 * (the fetch job was retried by hand): that one is replaced, or the page would never be processed.
 */
async function addProcessJob(processQueue: Queue, id: string, data: ProcessJobData): Promise<void> {
  await processQueue.add(JOB_NAMES.process, data, { jobId: id });
  if ((await processQueue.getJobState(id)) === 'failed') {
    await processQueue.remove(id);
    await processQueue.add(JOB_NAMES.process, data, { jobId: id });
  }
}

export function safeHost(url: string): string | null {
  try {
    return hostOf(url);
  } catch {
    return null;
  }
}
