// Per-host politeness shared by every worker on every machine: Redis holds, per host, the next time
// a request may start. BullMQ's own limiter is per queue, not per host, so this is ours.
//
// A worker asks `reserve(host, gapMs)`: 0 means "go, and the next request to this host waits gapMs";
// a positive answer is how long to wait, and the caller parks the job (moveToDelayed + DelayedError)
// instead of holding a concurrency slot. A 429/503 with Retry-After pushes the host's time further
// out with `pushBack`, so every worker respects it, not only the one that got the answer.
// Time comes from the Redis server (TIME), so that workers with skewed clocks agree.
import type { Redis } from 'ioredis';

const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextAt > now then return nextAt - now end
local gap = tonumber(ARGV[1])
redis.call('SET', KEYS[1], now + gap, 'PX', gap + 60000)
return 0
`;

const PUSH_BACK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
local wanted = now + tonumber(ARGV[1])
if wanted > nextAt then
  redis.call('SET', KEYS[1], wanted, 'PX', tonumber(ARGV[1]) + 60000)
  return wanted - now
end
return nextAt - now
`;

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
    private readonly redis: Redis,
    opts: HostGateOptions,
  ) {
    this.prefix = opts.prefix;
    this.maxPushBackMs = opts.maxPushBackMs ?? 6 * 60 * 60 * 1000;
  }

  key(host: string): string {
    return `${this.prefix}:gleaner:host:${host.toLowerCase()}`;
  }

  /** 0 = the caller may request now (and holds the host for gapMs); otherwise ms to wait. */
  async reserve(host: string, gapMs: number): Promise<number> {
    const wait = await this.redis.eval(RESERVE, 1, this.key(host), String(Math.max(0, Math.round(gapMs))));
    return Number(wait);
  }

  /** Nobody requests `host` for the next delayMs (Retry-After). Returns the resulting wait. */
  async pushBack(host: string, delayMs: number): Promise<number> {
    const ms = Math.min(Math.max(0, Math.round(delayMs)), this.maxPushBackMs);
    return Number(await this.redis.eval(PUSH_BACK, 1, this.key(host), String(ms)));
  }

  /** ms until the host may be requested again (0 when free). */
  async waitFor(host: string): Promise<number> {
    const pttl = await this.redis.pttl(this.key(host));
    if (pttl <= 0) return 0;
    const [sec, micro] = (await this.redis.time()) as [string | number, string | number];
    const now = Number(sec) * 1000 + Math.floor(Number(micro) / 1000);
    const nextAt = Number(await this.redis.get(this.key(host)));
    return Math.max(0, nextAt - now);
  }
}
