// A throw-away three-master Redis Cluster for tests: three `redis-server --cluster-enabled yes`
// processes on free ports in a temp dir, joined with `redis-cli --cluster create`. Nothing on disk
// survives; the shared Redis on 6379 is never touched.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './redis-server.mjs';

const run = promisify(execFile);

export interface RedisClusterFixture {
  ports: number[];
  /** Seed URLs, comma-separated, as GLEANER_REDIS_URL takes them with GLEANER_REDIS_CLUSTER=1. */
  url: string;
  /** `redis-cli -p PORT ARGS…` on one node. */
  cli(port: number, ...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

/** Free ports whose cluster bus ports (port + 10000) are also below 65536. */
async function clusterPorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < n) {
    const p = await freePort();
    if (p + 10_000 < 65_536 && !ports.includes(p)) ports.push(p);
  }
  return ports;
}

export async function startRedisCluster(masters = 3): Promise<RedisClusterFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-cluster-'));
  const ports = await clusterPorts(masters);
  const procs: ChildProcess[] = [];
  const cli = async (port: number, ...args: string[]) => (await run('redis-cli', ['-p', String(port), ...args])).stdout.trim();
  const stop = async () => {
    for (const p of procs) p.kill('SIGKILL');
    await Promise.all(procs.map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const proc = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--cluster-node-timeout',
          '5000',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
        ],
        { stdio: 'ignore' },
      );
      procs.push(proc);
    }
    for (const port of ports) await waitUntil(async () => (await cli(port, 'ping')) === 'PONG', `redis on ${port}`);
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    for (const port of ports)
      await waitUntil(async () => (await cli(port, 'cluster', 'info')).includes('cluster_state:ok'), `cluster state ok on ${port}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { ports, url: ports.map((p) => `redis://127.0.0.1:${p}`).join(','), cli, stop };
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
