// Parking a job whose host is busy: the slot it booked at the host gate goes into its data (valid
// for this attempt only), and the job waits in `delayed` until then. Not a failed attempt.
import { DelayedError, type Job } from 'bullmq';
import type { HostBusy } from '../job-errors.js';
import type { ParkedSlot } from '../queues.js';
import type { SlotHold } from '../steps.js';

export async function parkJob(job: Job<{ slot?: ParkedSlot }>, busy: HostBusy, token: string | undefined): Promise<never> {
  const at = Date.now() + busy.waitMs;
  await job.updateData({ ...job.data, slot: { host: busy.host, at, attempt: job.attemptsMade } });
  await job.moveToDelayed(at, token);
  throw new DelayedError();
}

/** The slot this job booked before it was parked, when it belongs to the current attempt. */
export function heldSlot(job: Job<{ slot?: ParkedSlot }>): SlotHold | null {
  const s = job.data.slot;
  return s && s.attempt === job.attemptsMade ? { host: s.host, at: s.at } : null;
}
