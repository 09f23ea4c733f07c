// The fixture server itself: the behaviours other tests rely on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixture-server.js';

let s: FixtureServer;
beforeAll(async () => {
  s = await startFixtureServer();
});
afterAll(async () => {
  await s.close();
});

describe('fixture server', () => {
  it('plays a status sequence and repeats the last one', async () => {
    s.route('/flaky', [{ status: 503, headers: { 'retry-after': '1' } }, { body: 'ok' }]);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await fetch(s.url('/flaky'));
      await r.arrayBuffer();
      statuses.push(r.status);
    }
    expect(statuses).toEqual([503, 200, 200]);
    expect(s.hits('/flaky')).toBe(3);
  });

  it('serves files under fixtures/ with validators and answers 304', async () => {
    const r = await fetch(s.url('/sahel-alliance.txt'));
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('Sahel');
    const etag = r.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fetch(s.url('/sahel-alliance.txt'), { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    const missing = await fetch(s.url('/no/such/file'));
    expect(missing.status).toBe(404);
  });

  it('streams generated bodies and follows redirect chains', async () => {
    s.route('/gen', { generateBytes: 300_000 });
    const r = await fetch(s.url('/gen'));
    expect((await r.arrayBuffer()).byteLength).toBe(300_000);
    const start = s.redirectChain('/hop', 3, '/gen');
    const followed = await fetch(start);
    expect(followed.url).toBe(s.url('/gen'));
  });
});

describe('fixture server reset', () => {
  it('forgets routes, hits and requests', async () => {
    s.route('/temp', { body: 'x' });
    await (await fetch(s.url('/temp'))).arrayBuffer();
    s.reset();
    expect(s.hits('/temp')).toBe(0);
    expect(s.requests).toHaveLength(0);
    const r = await fetch(s.url('/temp'));
    await r.arrayBuffer();
    expect(r.status).toBe(404);
  });
});
