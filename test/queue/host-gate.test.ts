import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { HostGate } from '../../src/queue/host-gate.js';
import { REDIS_URL, deleteKeys } from '../helpers/queue-env.js';
import { randomBytes } from 'node:crypto';

describe('HostGate (Redis next-allowed-time per host)', () => {
  const prefix = `gltest-${randomBytes(5).toString('hex')}`;
  let redis: Redis;
  let gate: HostGate;
  beforeAll(() => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    gate = new HostGate(redis, { prefix });
  });
  afterAll(async () => {
    redis.disconnect();
    await deleteKeys(REDIS_URL, `${prefix}:*`);
  });

  it('books distinct slots: the first request goes now, the next ones a gap apart', async () => {
    expect(await gate.reserve('a.example', 2_000)).toBe(0);
    const second = await gate.reserve('a.example', 2_000);
    const third = await gate.reserve('a.example', 2_000);
    expect(second).toBeGreaterThan(1_000);
    expect(second).toBeLessThanOrEqual(2_000);
    // the third slot is one more gap further: every parked job has its own time
    expect(third - second).toBeGreaterThan(1_000);
    expect(third - second).toBeLessThanOrEqual(2_000);
    // another host is independent
    expect(await gate.reserve('b.example', 2_000)).toBe(0);
  });

  it('start: no request begins within a gap of the last real start, nor while one is in flight', async () => {
    expect(await gate.start('s.example', 1_000)).toBe(0);
    // a job whose slot came while the one before left late: it must wait the rest of the gap
    const wait = await gate.start('s.example', 1_000);
    expect(wait).toBeGreaterThan(500);
    expect(wait).toBeLessThanOrEqual(1_000);
    // nothing was recorded by the refused start; but the first request has not ended: still busy
    await new Promise((r) => setTimeout(r, wait + 20));
    expect(await gate.start('s.example', 1_000)).toBeGreaterThanOrEqual(50);
    await gate.finish('s.example', 1_000);
    // the gap now runs from its end
    expect(await gate.start('s.example', 1_000)).toBeGreaterThan(900);
    expect(await gate.start('t.example', 1_000)).toBe(0);
    // without a gap there is no gate at all: requests to one host may overlap
    expect(await gate.start('u.example', 0)).toBe(0);
    expect(await gate.start('u.example', 0)).toBe(0);
  });

  it('finish: the gap runs from the end of the last request', async () => {
    expect(await gate.start('v.example', 600)).toBe(0);
    await new Promise((r) => setTimeout(r, 700)); // the request took 700 ms
    expect(await gate.start('w.example', 600)).toBe(0); // (another host, untouched)
    await gate.finish('v.example', 600);
    // counted from the start the gap would be over; from the end it has just begun
    const wait = await gate.start('v.example', 600);
    expect(wait).toBeGreaterThan(300);
    expect(wait).toBeLessThanOrEqual(600);
  });

  it('a gap of 0 never blocks', async () => {
    expect(await gate.reserve('c.example', 0)).toBe(0);
    expect(await gate.reserve('c.example', 0)).toBe(0);
  });

  it('is free again once the booked slots have passed', async () => {
    expect(await gate.reserve('d.example', 1_500)).toBe(0);
    expect(await gate.waitFor('d.example')).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_600));
    expect(await gate.waitFor('d.example')).toBe(0);
    expect(await gate.reserve('d.example', 1_500)).toBe(0);
  });

  it('Retry-After pushes the host back for every worker, and never pulls it forward', async () => {
    const other = new HostGate(redis, { prefix }); // another worker process: same keys
    await gate.pushBack('e.example', 5_000);
    expect(await other.blockedFor('e.example')).toBeGreaterThan(4_000);
    const wait = await other.reserve('e.example', 100);
    expect(wait).toBeGreaterThan(4_000);
    expect(await gate.pushBack('e.example', 1_000)).toBeGreaterThan(4_000);
    expect(await other.blockedFor('e.example')).toBeGreaterThan(4_000);
    expect(await other.waitFor('e.example')).toBeGreaterThan(4_000);
    expect(await other.waitFor('never.example')).toBe(0);
    expect(await other.blockedFor('never.example')).toBe(0);
  });

  it('a Retry-After moves slots booked before it', async () => {
    expect(await gate.reserve('g.example', 1_000)).toBe(0);
    expect(await gate.reserve('g.example', 1_000)).toBeGreaterThan(0); // a job parked for ~1 s
    await gate.pushBack('g.example', 3_000);
    // that job wakes, sees the block and books again: after the Retry-After
    expect(await gate.blockedFor('g.example')).toBeGreaterThan(2_500);
    expect(await gate.reserve('g.example', 1_000)).toBeGreaterThan(2_000);
  });

  it('caps absurd Retry-After values', async () => {
    const capped = new HostGate(redis, { prefix, maxPushBackMs: 10_000 });
    // Capped, not dropped: the host is still pushed back by (almost exactly) the cap.
    const wait = await capped.pushBack('f.example', 7 * 24 * 3_600_000);
    expect(wait).toBeLessThanOrEqual(10_000);
    expect(wait).toBeGreaterThan(9_000);
    expect(await capped.blockedFor('f.example')).toBeGreaterThan(9_000);
  });
});
