// `gleaner serve` as a real process: prints its URL, serves the store's records, works with and
// without Redis, and shuts down cleanly on SIGTERM/SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { ensureBuilt, REPO_ROOT } from '../helpers/build.js';
import { makeQueueEnv, type QueueTestEnv } from '../helpers/queue-env.js';
import { runBin } from '../helpers/run-cli.js';
import { handBuiltRecords } from '../server/seed.js';

interface Served {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function serve(args: string[], env: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/gleaner.js'), 'serve', '--port', '0', ...args], { env, cwd: REPO_ROOT });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within 30 s; stderr: ${err}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], stdout: () => out, stderr: () => err, exit });
      }
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before printing its URL; stderr: ${err}`));
    });
  });
}

describe('gleaner serve', () => {
  let env: QueueTestEnv;
  const title = handBuiltRecords()[0].title!;

  beforeAll(async () => {
    await ensureBuilt();
    env = makeQueueEnv({ GLEANER_LOG_LEVEL: 'info' });
    const store = await openStore({ dbPath: env.config.dbPath });
    for (const r of handBuiltRecords()) await store.upsert(r);
    await store.close();
  });

  afterAll(async () => {
    await env?.cleanup();
  });

  it('prints its URL, serves records, the API and the dashboard, and stops on SIGTERM', async () => {
    const s = await serve([], env.env);
    try {
      expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(s.stdout()).toContain('queue dashboard /queues');
      const home = await fetch(s.url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain(title);
      expect(await (await fetch(`${s.url}healthz`)).json()).toMatchObject({ ok: true, queue: 'up' });
      expect((await fetch(`${s.url}queues`)).status).toBe(200);
      const api = await (await fetch(`${s.url}api/records?country=FJ`)).json();
      expect(api.total).toBe(1);
      const enq = await fetch(`${s.url}api/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ urls: ['https://news.example/serve-test'] }) });
      expect(enq.status).toBe(202);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exit).toBe(0);
    expect(s.stderr()).toMatch(/shutting down/);
  });

  it('serves without Redis when it is unreachable: queue endpoints answer 503; SIGINT stops it', async () => {
    const s = await serve([], { ...env.env, GLEANER_REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      expect(s.stdout()).not.toContain('/queues');
      expect(s.stderr()).toMatch(/serving without the queue/);
      expect((await fetch(s.url)).status).toBe(200);
      expect((await fetch(`${s.url}queues`)).status).toBe(404);
      const enq = await fetch(`${s.url}api/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ urls: ['https://news.example/x'] }) });
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
