// Per-host politeness shared by every worker on every machine. BullMQ's own limiter is per queue,
// not per host, so this is ours. Redis holds, per host:
//   host:<h>   the next free start time (ms). `reserve` BOOKS the next slot (max(now, next free))
//              and moves the next free time one gap further, so N jobs for one host get N distinct
//              slots and each is parked once, until its own slot (moveToDelayed + DelayedError),
//              instead of all waking whenever the host frees up.
//   block:<h>  "stay away until" set from a 429/503 Retry-After (`pushBack`). It also moves the next
//              free time, and a job waking for a slot booked earlier checks it and books again.
//   last:<h>   when the host last saw us: the real start of the last request (`start`), then its
//              end (`finish`). A booked slot says when a job may wake, but it can leave late (a busy
//              event loop, BullMQ promoting delayed jobs late) and the next one on time: two requests
//              closer than the gap. `start` refuses to begin within a gap of that mark and returns the
//              (short) wait instead; the gap runs from the end of the previous request.
//   busy:<h>   a request to the host is in flight (set by `start`, cleared by `finish`, expires after
//              IN_FLIGHT_TTL_MS if its worker died): with a gap, the next one waits for it to end. A
//              start mark alone let a request that reached the server late (a stalled event loop)
//              arrive 63 ms before the next one under a 400 ms gap.
// Time comes from the Redis server (TIME), so that workers with skewed clocks agree on slots.
import type { RedisClient } from './connection.js';

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

// KEYS: host, block; ARGV: gap → ms until the booked slot (0 = now)
const RESERVE = `${NOW}
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
local blockUntil = tonumber(redis.call('GET', KEYS[2]) or '0')
local slot = math.max(now, nextAt, blockUntil)
local gap = tonumber(ARGV[1])
redis.call('SET', KEYS[1], slot + gap, 'PX', slot + gap - now + 60000)
return slot - now
`;

// KEYS: last, busy; ARGV: gap, flight ttl → 0 and the start recorded, or ms to wait: a gap after
// the last mark, and — with a gap — never while another request to the host is still in flight
const START = `${NOW}
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local gap = tonumber(ARGV[1])
local wait = last + gap - now
if gap > 0 and redis.call('EXISTS', KEYS[2]) == 1 then return math.max(wait, 50) end
if wait > 0 then return wait end
redis.call('SET', KEYS[1], now, 'PX', gap + 60000)
if gap > 0 then redis.call('SET', KEYS[2], '1', 'PX', tonumber(ARGV[2])) end
return 0
`;

// KEYS: last, busy; ARGV: gap → the request has ended: the next one starts a gap after now at the earliest
const FINISH = `${NOW}
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if now > last then redis.call('SET', KEYS[1], now, 'PX', tonumber(ARGV[1]) + 60000) end
redis.call('DEL', KEYS[2])
return 0
`;

// KEYS: host, block; ARGV: ms → ms until the host may be requested again
const PUSH_BACK = `${NOW}
local ms = tonumber(ARGV[1])
local wanted = now + ms
local blockUntil = tonumber(redis.call('GET', KEYS[2]) or '0')
if wanted > blockUntil then
  redis.call('SET', KEYS[2], wanted, 'PX', ms + 60000)
  blockUntil = wanted
end
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if blockUntil > nextAt then
  redis.call('SET', KEYS[1], blockUntil, 'PX', blockUntil - now + 60000)
  nextAt = blockUntil
end
return nextAt - now
`;

// KEYS: block → ms the host is still blocked for (0 = not blocked)
const BLOCKED = `${NOW}
local blockUntil = tonumber(redis.call('GET', KEYS[1]) or '0')
if blockUntil > now then return blockUntil - now end
return 0
`;

// KEYS: host → ms until the next free slot (0 = free now)
const WAIT = `${NOW}
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextAt > now then return nextAt - now end
return 0
`;

/**
 * How long an unfinished request keeps its host busy: longer than a fetch may take (its total
 * timeout), so that a worker killed mid-request blocks its host for this long at most.
 */
export const IN_FLIGHT_TTL_MS = 65_000;

export interface HostGateOptions {
  /** Key namespace, usually the queue prefix. */
  prefix: string;
  /** Longest wait a server may impose through Retry-After (a bogus "wait a week" is capped). */
  maxPushBackMs?: number;
}

export class HostGate {
  private readonly prefix: string;
  private readonly maxPushBackMs: number;

  constructor(
    private readonly redis: RedisClient,
    opts: HostGateOptions,
  ) {
    this.prefix = opts.prefix;
    this.maxPushBackMs = opts.maxPushBackMs ?? 6 * 60 * 60 * 1000;
  }

  key(host: string): string {
    return `${this.prefix}:gleaner:host:${host.toLowerCase()}`;
  }

  lastKey(host: string): string {
    return `${this.prefix}:gleaner:last:${host.toLowerCase()}`;
  }

  busyKey(host: string): string {
    return `${this.prefix}:gleaner:busy:${host.toLowerCase()}`;
  }

  blockKey(host: string): string {
    return `${this.prefix}:gleaner:block:${host.toLowerCase()}`;
  }

  /** Books the next slot for `host` (the one after it starts gapMs later). Returns ms until the slot. */
  async reserve(host: string, gapMs: number): Promise<number> {
    return Number(await this.redis.eval(RESERVE, 2, this.key(host), this.blockKey(host), String(Math.max(0, Math.round(gapMs)))));
  }

  /**
   * Called right before a request leaves: records its start and returns 0, unless the last request
   * to `host` started (or ended) less than gapMs ago, or — with a gap — is still in flight; then it
   * records nothing and returns the ms to wait. A polite host sees one request at a time.
   */
  async start(host: string, gapMs: number): Promise<number> {
    const gap = String(Math.max(0, Math.round(gapMs)));
    return Number(await this.redis.eval(START, 2, this.lastKey(host), this.busyKey(host), gap, String(IN_FLIGHT_TTL_MS)));
  }

  /** Called when a request to `host` has ended (answered or failed): the gap runs from now. */
  async finish(host: string, gapMs: number): Promise<void> {
    await this.redis.eval(FINISH, 2, this.lastKey(host), this.busyKey(host), String(Math.max(0, Math.round(gapMs))));
  }

  /** Nobody requests `host` for the next delayMs (Retry-After). Returns ms until the next free slot. */
  async pushBack(host: string, delayMs: number): Promise<number> {
    const ms = Math.min(Math.max(0, Math.round(delayMs)), this.maxPushBackMs);
    return Number(await this.redis.eval(PUSH_BACK, 2, this.key(host), this.blockKey(host), String(ms)));
  }

  /** ms the host is still blocked by a Retry-After (0 when not). */
  async blockedFor(host: string): Promise<number> {
    return Number(await this.redis.eval(BLOCKED, 1, this.blockKey(host)));
  }

  /** ms until the host's next free slot (0 when free). */
  async waitFor(host: string): Promise<number> {
    return Number(await this.redis.eval(WAIT, 1, this.key(host)));
  }
}
