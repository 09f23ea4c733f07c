// Maps gleaner's typed errors onto BullMQ's retry semantics: a non-retryable GleanerError (404/410,
// robots disallow, not an article, too large, blocked address, bad content type) becomes an
// UnrecoverableError and fails at once; anything else is retried with backoff. The message starts
// with the error code, which is what `gleaner status` shows as the failure reason.
import { UnrecoverableError } from 'bullmq';
import { failureReason, isRetryable } from './steps.js';

export function toJobError(err: unknown): Error {
  const reason = failureReason(err);
  if (!isRetryable(err)) {
    const e = new UnrecoverableError(reason);
    // An own property, so the reason survives the trip out of a sandboxed worker thread.
    Object.defineProperty(e, 'name', { value: 'UnrecoverableError', enumerable: true, writable: true });
    return e;
  }
  const e = new Error(reason);
  if (err instanceof Error && err.stack) e.stack = `${e.name}: ${reason}\n${err.stack.split('\n').slice(1).join('\n')}`;
  return e;
}

/** Thrown by the queue politeness gate: the host is busy for `waitMs`; park the job, do not fail it. */
export class HostBusy extends Error {
  constructor(
    readonly host: string,
    readonly waitMs: number,
  ) {
    super(`host ${host} is busy for ${waitMs} ms`);
    this.name = 'HostBusy';
  }
}
