// A redis-server of the test's own (never the shared one) on a free port, in a temp directory, for
// fault tests that must not disturb other tests' Redis.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { waitFor } from './queue-env.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface OwnRedis {
  port: number;
  url: string;
  /** Its data directory (the AOF lives there). */
  dir: string;
  /** SHUTDOWN (Redis writes its AOF and exits), then a new redis-server on the same port and directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function spawnRedis(port: number, dir: string): ChildProcess {
  return spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
}

async function untilReady(port: number): Promise<void> {
  await waitFor(
    'redis-server to accept connections',
    async () => {
      const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      r.on('error', () => {});
      try {
        await r.connect();
        return (await r.ping()) === 'PONG';
      } finally {
        r.disconnect();
      }
    },
    20_000,
    100,
  );
}

function running(proc: ChildProcess): boolean {
  return proc.exitCode === null && proc.signalCode === null;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-redis-'));
  const port = await freePort();
  let proc = spawnRedis(port, dir);
  await untilReady(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    async restart() {
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      const r = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
      r.on('error', () => {});
      await r.call('SHUTDOWN').catch(() => {}); // the connection drops as the server exits
      r.disconnect();
      await exited;
      proc = spawnRedis(port, dir);
      await untilReady(port);
    },
    async stop() {
      if (running(proc)) {
        const exited = new Promise<void>((r) => proc.once('exit', () => r()));
        proc.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
