// A redis-server of our own (never the shared one) on a free port, in a temp directory, with AOF
// (appendonly yes, appendfsync everysec, noeviction): for fault tests that must not disturb other
// tests' Redis, and for bench/load.mjs. Plain JavaScript (types in redis-server.d.mts) so that the
// bench can use it too.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** @param {number} port @param {string} dir */
function spawnRedis(port, dir) {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir];
  args.push('--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction', '--save', '');
  return spawn('redis-server', args, { stdio: 'ignore' });
}

/** Until the server accepts connections and has loaded its AOF (20 s at most). */
async function untilReady(port) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const r = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => {});
    try {
      await r.connect();
      if (/loading:0/.test(await r.info('persistence'))) return;
    } catch {
      // not up yet
    } finally {
      r.disconnect();
    }
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start within 20 s`);
    await sleep(100);
  }
}

const running = (proc) => proc.exitCode === null && proc.signalCode === null;
const exitOf = (proc) => new Promise((r) => (running(proc) ? proc.once('exit', () => r()) : r()));

export async function startOwnRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-redis-'));
  const port = await freePort();
  let proc = spawnRedis(port, dir);
  await untilReady(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    get pid() {
      return proc.pid;
    },
    async restart(downMs = 0) {
      const exited = exitOf(proc);
      const r = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 0 });
      r.on('error', () => {});
      await r.call('SHUTDOWN').catch(() => {}); // the connection drops as the server exits
      r.disconnect();
      await exited;
      await sleep(downMs);
      proc = spawnRedis(port, dir);
      await untilReady(port);
    },
    async stop() {
      if (running(proc)) {
        const exited = exitOf(proc);
        proc.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
