// `gleaner serve` as a real process: prints the URL to open (with the token it made up), serves the
// store's records, guards writes, the dashboard and the Host header, refuses a non-loopback bind
// without a configured token, works with and without Redis, and shuts down cleanly on SIGTERM/SIGINT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { ensureBuilt } from '../helpers/build.js';
import { makeQueueEnv, type QueueTestEnv } from '../helpers/queue-env.js';
import { runBin } from '../helpers/run-cli.js';
import { getWithHost, serveProcess as serve } from '../helpers/serve-process.js';
import { handBuiltRecords } from '../server/seed.js';

describe('gleaner serve', () => {
  let env: QueueTestEnv;
  const title = handBuiltRecords()[0].title!;

  beforeAll(async () => {
    await ensureBuilt();
    env = makeQueueEnv({ GLEANER_LOG_LEVEL: 'info' });
    delete env.env.GLEANER_API_TOKEN;
    delete env.env.GLEANER_HOST;
    delete env.env.GLEANER_ALLOWED_HOSTS;
    const store = await openStore({ dbPath: env.config.dbPath });
    for (const r of handBuiltRecords()) await store.upsert(r);
    await store.close();
  });

  afterAll(async () => {
    await env?.cleanup();
  });

  it('prints the URL with a token it made, serves records, the API and the dashboard, and stops on SIGTERM', async () => {
    const s = await serve([], env.env);
    try {
      expect(s.printed).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
      expect(s.stdout()).toContain('queue dashboard /queues');
      const home = await fetch(s.url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain(title);
      expect(await (await fetch(`${s.url}healthz`)).json()).toMatchObject({ ok: true, queue: 'up' });
      const api = await (await fetch(`${s.url}api/records?country=FJ`)).json();
      expect(api.total).toBe(1);
      // The dashboard and writes need the token.
      expect((await fetch(`${s.url}queues`)).status).toBe(401);
      expect((await fetch(`${s.url}queues/api/queues`)).status).toBe(401);
      const enqueue = (headers: Record<string, string>) =>
        fetch(`${s.url}api/enqueue`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ urls: ['https://news.example/serve-test'] }),
        });
      expect((await enqueue({})).status).toBe(401);
      expect((await enqueue({ authorization: `Bearer ${s.token}` })).status).toBe(202);
      // The printed URL trades the token for a cookie and sends the browser to the clean URL.
      const visit = await fetch(s.printed, { redirect: 'manual' });
      expect(visit.status).toBe(302);
      expect(visit.headers.get('location')).toBe('/');
      const cookie = visit.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const board = await fetch(`${s.url}queues/api/queues`, { headers: { cookie: cookie.split(';')[0] } });
      expect(board.status).toBe(200);
      expect((await board.json()).queues.map((q: { name: string }) => q.name).sort()).toEqual(['feeds', 'fetch', 'process']);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exit).toBe(0);
    expect(s.stderr()).toMatch(/shutting down/);
  });

  it('answers 403 to a Host that is not loopback, the bind address or GLEANER_ALLOWED_HOSTS', async () => {
    const s = await serve(['--no-queue'], { ...env.env, GLEANER_ALLOWED_HOSTS: 'review.example.org' });
    try {
      const port = new URL(s.url).port;
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `review.example.org:${port}`]) {
        expect((await getWithHost(`${s.url}api/records`, host)).status, host).toBe(200);
      }
      for (const host of [`rebind.attacker.example:${port}`, `attacker.example`, `192.0.2.1:${port}`]) {
        const res = await getWithHost(`${s.url}api/records`, host, { authorization: `Bearer ${s.token}` });
        expect(res.status, host).toBe(403);
        expect(JSON.parse(res.body).error.code).toBe('E_FORBIDDEN_HOST');
      }
      expect((await getWithHost(`${s.url}healthz`, `attacker.example:${port}`)).status).toBe(403);
      // No Host at all is refused too (Node's HTTP server answers 400 before we see it).
      expect((await getWithHost(`${s.url}api/records`, null)).status).toBeGreaterThanOrEqual(400);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exit).toBe(0);
  });

  it('refuses a non-loopback bind without GLEANER_API_TOKEN: one line, exit 2, nothing served', async () => {
    for (const [args, extra] of [
      [[], { GLEANER_HOST: '0.0.0.0' }],
      [['--host', '0.0.0.0'], {}],
      [['--host', '::'], {}],
    ] as Array<[string[], Record<string, string>]>) {
      const run = await runBin(['serve', '--port', '0', '--no-queue', ...args], { ...env.env, ...extra });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/not loopback.*GLEANER_API_TOKEN/);
    }
  });

  it('on a non-loopback bind with a token, prints no secret and asks every page for the token', async () => {
    const token = 'configured-' + 'x'.repeat(24);
    const s = await serve(['--no-queue'], { ...env.env, GLEANER_HOST: '0.0.0.0', GLEANER_API_TOKEN: token });
    try {
      expect(s.token).toBeNull();
      expect(s.stdout()).not.toContain(token);
      expect(s.url).toMatch(/^http:\/\/localhost:\d+\/$/);
      for (const path of ['', 'api/records', 'api/entities']) {
        expect((await fetch(`${s.url}${path}`)).status, path).toBe(401);
        expect((await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).status, path).toBe(200);
      }
      expect((await fetch(`${s.url}healthz`)).status).toBe(200);
      const visit = await fetch(`${s.url}?token=${token}`, { redirect: 'manual' });
      expect(visit.status).toBe(302);
      expect((await fetch(s.url, { headers: { cookie: visit.headers.get('set-cookie')!.split(';')[0] } })).status).toBe(200);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exit).toBe(0);
  });

  it('serves without Redis when it is unreachable: queue endpoints answer 503; SIGINT stops it', async () => {
    const s = await serve([], { ...env.env, GLEANER_REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      expect(s.stdout()).not.toContain('/queues');
      expect(s.stderr()).toMatch(/serving without the queue/);
      expect((await fetch(s.url)).status).toBe(200);
      expect((await fetch(`${s.url}queues`, { headers: { authorization: `Bearer ${s.token}` } })).status).toBe(404);
      const enq = await fetch(`${s.url}api/enqueue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
        body: JSON.stringify({ urls: ['https://news.example/x'] }),
      });
      expect(enq.status).toBe(503);
      expect((await enq.json()).error.code).toBe('E_UNAVAILABLE');
    } finally {
      s.child.kill('SIGINT');
    }
    expect(await s.exit).toBe(0);
  });

  it('--no-queue skips Redis entirely', async () => {
    const s = await serve(['--no-queue', '--host', '127.0.0.1'], env.env);
    try {
      expect(await (await fetch(`${s.url}healthz`)).json()).toMatchObject({ ok: true, queue: 'disabled' });
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exit).toBe(0);
  });

  it('rejects a bad port with exit 2, and prints help', async () => {
    const bad = await runBin(['serve', '--port', 'http'], env.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port/);
    const help = await runBin(['serve', '--help'], env.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: gleaner serve/);
  });
});
