// Riding out a store outage without spending attempts (the "why" is in src/queue/README.md).
//
// A job whose store call fails because the store is unreachable or locked (StoreUnavailableError:
// refused, lost, timed out, SQLite busy) is parked: moved to `delayed` with its own backoff
// (1 s doubling to GLEANER_STORE_RETRY_MAX_MS, with jitter) and a DelayedError, which BullMQ does not
// count as an attempt. It keeps being parked until the store answers or until it has waited
// GLEANER_STORE_OUTAGE_MAX_MS in one outage; only then does the error count as a failed attempt.
//
// Each process (and each sandboxed worker thread) keeps a StoreHealth: after a failure, jobs do not
// touch the store again until a probe is due (one job every PROBE_EVERY_MS tries for real), so a
// backlog waiting out an outage costs Redis moves, not connection attempts against a dead database.
import { DelayedError } from 'bullmq';
import { StoreUnavailableError, errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import { isStoreUnavailable } from '../store/unavailable.js';

export interface StoreOutagePolicy {
  /** The first wait of a parked job (ms); it doubles at each try. */
  firstDelayMs: number;
  /** The longest wait between two tries (ms). */
  maxDelayMs: number;
  /** After waiting this long in one outage (ms), the store error fails the attempt. */
  maxOutageMs: number;
}

/** Kept in a parked job's data. */
export interface StoreWait {
  /** When this job first found the store unreachable in the current outage (epoch ms). */
  since: number;
  /** When it was last parked (epoch ms). */
  lastAt: number;
  tries: number;
}

/** What parking needs of a job: a BullMQ Job and a SandboxedJob both have it. */
export interface ParkableJob {
  data: { storeWait?: StoreWait };
  updateData(data: never): Promise<void>;
  moveToDelayed(timestamp: number, token?: string): Promise<void>;
}

/** While the store is known to be down, one job per this interval tries it for real. */
const PROBE_EVERY_MS = 2_000;
const JITTER = 0.25;

export function outagePolicy(config: { storeRetryMaxMs: number; storeOutageMaxMs: number }): StoreOutagePolicy {
  return {
    firstDelayMs: Math.min(1_000, config.storeRetryMaxMs),
    maxDelayMs: config.storeRetryMaxMs,
    maxOutageMs: config.storeOutageMaxMs,
  };
}

/** The wait before try number `tries` (1-based), with ±25 % jitter. */
export function parkDelayMs(policy: StoreOutagePolicy, tries: number): number {
  const base = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(tries - 1, 30));
  return Math.max(50, Math.round(base * (1 - JITTER + 2 * JITTER * Math.random())));
}

export class StoreOutage {
  private downSince: number | null = null;
  private nextProbeAt = 0;
  private lastError = '';

  constructor(
    readonly policy: StoreOutagePolicy,
    private readonly log: Logger,
    private readonly probeEveryMs = Math.min(PROBE_EVERY_MS, policy.maxDelayMs),
  ) {}

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** Throws StoreUnavailableError (to be parked) when the store is known down and no probe is due. */
  check(): void {
    if (this.downSince === null) return;
    const now = Date.now();
    if (now >= this.nextProbeAt) {
      this.nextProbeAt = now + this.probeEveryMs; // this job is the probe; the others keep waiting
      return;
    }
    throw new StoreUnavailableError(
      `the store has been unreachable for ${Math.round((now - this.downSince) / 1000)} s (${this.lastError}); waiting for it`,
      { gated: true },
    );
  }

  /** A store call worked. */
  ok(): void {
    if (this.downSince === null) return;
    this.log.warn({ downMs: Date.now() - this.downSince }, 'store reachable again; parked jobs resume');
    this.downSince = null;
  }

  /** True when `err` is an outage to wait out (rather than a failure of this job). */
  applies(err: unknown): boolean {
    return isStoreUnavailable(err);
  }

  /**
   * Parks the job for the store (DelayedError: not an attempt), or, once it has waited
   * maxOutageMs in this outage, throws the error as a StoreUnavailableError to fail the attempt.
   */
  async park(job: ParkableJob, err: unknown, token: string | undefined): Promise<never> {
    const now = Date.now();
    // Only a real try moves the next probe on; jobs turned away by check() must not, or with a
    // backlog cycling through the probe would never come.
    const gated = err instanceof StoreUnavailableError && err.context.gated === true;
    if (!gated) {
      if (this.downSince === null) {
        this.downSince = now;
        this.log.error({ err: errorMessage(err) }, 'store unreachable: jobs are parked, not failed, until it answers');
      }
      this.lastError = errorMessage(err);
      this.nextProbeAt = now + this.probeEveryMs;
    }
    const prev = job.data.storeWait;
    // a wait long past the longest backoff belongs to an earlier outage
    const same = prev && now - prev.lastAt < 2 * this.policy.maxDelayMs + 60_000;
    const wait: StoreWait = { since: same ? prev.since : now, lastAt: now, tries: same ? prev.tries + 1 : 1 };
    if (now - wait.since >= this.policy.maxOutageMs) {
      throw err instanceof StoreUnavailableError
        ? err
        : new StoreUnavailableError(`${errorMessage(err)} (waited ${Math.round((now - wait.since) / 1000)} s)`, {}, err);
    }
    const delay = parkDelayMs(this.policy, wait.tries);
    await job.updateData({ ...job.data, storeWait: wait } as never);
    await job.moveToDelayed(now + delay, token);
    this.log.debug({ tries: wait.tries, delayMs: delay, err: errorMessage(err) }, 'store unreachable: job parked');
    throw new DelayedError();
  }
}
