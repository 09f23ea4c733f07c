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

  it('lets the first request go and makes the next one wait the gap', async () => {
    expect(await gate.reserve('a.example', 2_000)).toBe(0);
    const wait = await gate.reserve('a.example', 2_000);
    expect(wait).toBeGreaterThan(1_000);
    expect(wait).toBeLessThanOrEqual(2_000);
    // another host is independent
    expect(await gate.reserve('b.example', 2_000)).toBe(0);
  });

  it('a gap of 0 never blocks', async () => {
    expect(await gate.reserve('c.example', 0)).toBe(0);
    expect(await gate.reserve('c.example', 0)).toBe(0);
  });

  it('opens again once the gap has passed', async () => {
    expect(await gate.reserve('d.example', 150)).toBe(0);
    expect(await gate.reserve('d.example', 150)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 250));
    expect(await gate.reserve('d.example', 150)).toBe(0);
  });

  it('Retry-After pushes the host back for every worker, and never pulls it forward', async () => {
    const other = new HostGate(redis, { prefix }); // another worker process: same keys
    await gate.pushBack('e.example', 5_000);
    const wait = await other.reserve('e.example', 100);
    expect(wait).toBeGreaterThan(4_000);
    expect(await gate.pushBack('e.example', 1_000)).toBeGreaterThan(4_000);
    expect(await other.waitFor('e.example')).toBeGreaterThan(4_000);
    expect(await other.waitFor('never.example')).toBe(0);
  });

  it('caps absurd Retry-After values', async () => {
    const capped = new HostGate(redis, { prefix, maxPushBackMs: 10_000 });
    expect(await capped.pushBack('f.example', 7 * 24 * 3_600_000)).toBeLessThanOrEqual(10_000);
  });
});
