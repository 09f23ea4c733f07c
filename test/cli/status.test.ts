import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/types.js';
import { startWorkers, type WorkerRuntime } from '../../src/queue/workers/index.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { makeQueueEnv, waitFor, type QueueTestEnv } from '../helpers/queue-env.js';
import { runCli } from '../helpers/run-cli.js';
import { ensureBuilt } from '../helpers/build.js';
import { urlJobId } from '../../src/queue/job-ids.js';

describe('gleaner status', { timeout: 300_000 }, () => {
  let env: QueueTestEnv;
  let server: FixtureServer;
  let store: Store;
  let runtime: WorkerRuntime;

  beforeAll(async () => {
    await ensureBuilt();
    env = makeQueueEnv();
    server = await startFixtureServer();
    server.robots('User-agent: *\nDisallow: /drafts/\n');
    store = await openStore({ dbPath: env.config.dbPath });
    runtime = await startWorkers(env.config, { logger: createLogger('silent', { pretty: false }), store, queues: ['fetch', 'process'] });
  }, 240_000);
  afterAll(async () => {
    await runtime?.close(10_000);
    await store?.close();
    await server?.close();
    await env?.cleanup();
  });

  it('shows counts, failed jobs with their reasons and the schedulers', async () => {
    const ok = server.url('/site/articles/library-night-opening.html');
    const draft = server.url('/drafts/embargoed.html');
    const gone = server.url('/site/articles/deleted-story.html');
    expect((await runCli(['enqueue', ok, draft, gone], env.config)).code).toBe(0);
    expect((await runCli(['feeds', 'add', server.url('/site/feed.xml'), '--every', '1h'], env.config)).code).toBe(0);
    await waitFor(
      'two failures and one record',
      async () => (await runtime.queues.fetch.getFailedCount()) === 2 && (await store.count()) === 1,
      60_000,
    );

    const r = await runCli(['status'], env.config);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^QUEUE\s+WAITING\s+ACTIVE\s+DELAYED\s+PRIORITIZED\s+COMPLETED\s+FAILED\s+WORKERS$/);
    expect(lines.find((l) => l.startsWith('fetch'))).toMatch(/^fetch\s+0\s+0\s+0\s+0\s+1\s+2\s+1$/);
    expect(lines.find((l) => l.startsWith('process'))).toMatch(/^process\s+0\s+0\s+0\s+0\s+1\s+0\s+1$/);
    expect(r.stdout).toContain('FAILED (2, latest first)');
    expect(r.stdout).toMatch(new RegExp(`${urlJobId(draft)}\\t.*\\n\\s+E_ROBOTS: robots\\.txt disallows`));
    expect(r.stdout).toMatch(new RegExp(`${urlJobId(gone)}\\t.*\\n\\s+E_HTTP: HTTP 404`));
    expect(r.stdout).toMatch(/SCHEDULERS \(1\)\n\s+feed-[0-9a-f]{12}\tevery 1h\tnext \d{4}-/);

    const j = await runCli(['status', '--json'], env.config);
    const s = JSON.parse(j.stdout);
    expect(s.queues.fetch).toMatchObject({ completed: 1, failed: 2, waiting: 0 });
    expect(s.failed.map((f: { url: string }) => f.url).sort()).toEqual([draft, gone].sort());
    expect(s.failed.every((f: { attemptsMade: number }) => f.attemptsMade === 1)).toBe(true);
    expect(s.schedulers).toHaveLength(1);
    expect(s.schedulers[0].every).toBe(3_600_000);
  });

  it('fails fast when Redis is down', async () => {
    const r = await runCli(['status'], { ...env.config, redisUrl: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('gleaner: Redis is not reachable at redis://127.0.0.1:1 [E_UNAVAILABLE]\n');
  });
});
