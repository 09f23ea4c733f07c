// A failed article can be tried again: `gleaner enqueue` queues a URL that was fetched but never
// stored (its process job failed) instead of calling it a duplicate, and `gleaner retry` sends failed
// jobs back (all, or by error code, per queue) through real queues, workers and a local site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlJobId } from '../../src/queue/job-ids.js';
import { readStatus } from '../../src/queue/status.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { waitFor } from '../helpers/queue-env.js';
import { startQueueRig, type QueueRig } from '../helpers/queue-rig.js';
import { runCli } from '../helpers/run-cli.js';
import { articlePage } from '../helpers/site.js';

const html = { 'content-type': 'text/html; charset=utf-8' };
const notAnArticle = '<html><head><title>Photos</title></head><body><nav><a href="/">Home</a></nav><img src="a.jpg"></body></html>';

describe('retrying failed articles', { timeout: 300_000 }, () => {
  let rig: QueueRig;
  let server: FixtureServer;

  const state = (queue: 'fetch' | 'process', id: string) => rig.runtime.queues[queue].getJobState(id);
  const failedIn = async (queue: 'fetch' | 'process') =>
    (await readStatus(rig.producer.getQueues(), { failedLimit: 50 })).failed.filter((f) => f.queue === queue);

  beforeAll(async () => {
    server = await startFixtureServer();
    rig = await startQueueRig();
  }, 240_000);

  afterAll(async () => {
    await rig?.close();
    await server?.close();
  });

  it('enqueue queues again a URL whose fetch completed but whose process job failed', async () => {
    const url = server.url('/news/late-article.html');
    server.route('/news/late-article.html', [
      { body: notAnArticle, headers: html },
      { body: articlePage('Tram line opens a week late'), headers: html },
    ]);
    const first = await runCli(['enqueue', url], rig.env.config);
    expect(first.stdout).toBe(`${urlJobId(url)}\tqueued\t${url}\n`);
    await waitFor('the process job to fail', async () => (await failedIn('process')).some((f) => f.url === url), 60_000);
    expect(await state('fetch', urlJobId(url))).toBe('completed');
    expect(await rig.store.get(url)).toBeNull();

    const again = await runCli(['enqueue', url], rig.env.config);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${urlJobId(url)}\tqueued\t${url}\n`);
    await waitFor('the record', async () => (await rig.store.get(url))?.title === 'Tram line opens a week late', 60_000);

    // with a record stored, the URL is a duplicate again
    const third = await runCli(['enqueue', url], rig.env.config);
    expect(third.stdout).toBe(`${urlJobId(url)}\tduplicate\t${url}\n`);
  });

  it('a URL still on its way through the process queue stays a duplicate', async () => {
    const url = server.url('/news/on-its-way.html');
    server.route('/news/on-its-way.html', { body: articlePage('Bridge repairs start on Monday'), headers: html });
    await rig.runtime.workers.find((w) => w.name === 'process')!.pause();
    try {
      await rig.producer.enqueueUrls([url]);
      await waitFor('the fetch', async () => (await state('fetch', urlJobId(url))) === 'completed', 60_000);
      expect((await rig.producer.enqueueUrls([url]))[0]!.status).toBe('duplicate');
    } finally {
      rig.runtime.workers.find((w) => w.name === 'process')!.resume();
    }
    await waitFor('the record', async () => (await rig.store.get(url)) !== null, 60_000);
  });

  it('gleaner retry --code sends back only the failed jobs with that code, and they complete', async () => {
    const gone = server.url('/news/back-again.html');
    const photo = server.url('/news/photo-page.html');
    server.route('/news/back-again.html', [{ status: 404 }, { body: articlePage('Museum reopens its north wing'), headers: html }]);
    server.route('/news/photo-page.html', { body: notAnArticle, headers: html });
    await rig.producer.enqueueUrls([gone, photo]);
    await waitFor('the 404 to fail', async () => (await state('fetch', urlJobId(gone))) === 'failed', 60_000);
    await waitFor('the photo page to fail', async () => (await failedIn('process')).some((f) => f.url === photo), 60_000);
    expect((await failedIn('fetch')).find((f) => f.url === gone)?.reason).toMatch(/^E_HTTP: /);

    const r = await runCli(['retry', '--code', 'E_HTTP'], rig.env.config);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1 failed job retried (feeds 0, fetch 1, process 0)\n');
    await waitFor('the record', async () => (await rig.store.get(gone))?.title === 'Museum reopens its north wing', 60_000);
    expect(await state('fetch', urlJobId(gone))).toBe('completed');
    // the E_NOT_ARTICLE failures were left alone
    expect((await failedIn('process')).some((f) => f.url === photo)).toBe(true);
  });

  it('gleaner retry --queue process --all retries every failed process job with one bulk retry', async () => {
    const before = await failedIn('process');
    expect(before.length).toBeGreaterThanOrEqual(1);
    const attempts = new Map(before.map((f) => [f.jobId, f.attemptsMade]));
    const r = await runCli(['retry', '--queue', 'process', '--all', '--json'], rig.env.config);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ retried: before.length, queues: { process: before.length } });
    // they ran again (and, being no articles, failed again with one more attempt)
    await waitFor(
      'the retried jobs to fail again',
      async () => {
        const now = await failedIn('process');
        return now.length === before.length && now.every((f) => f.attemptsMade === attempts.get(f.jobId)! + 1);
      },
      60_000,
    );
  });

  it('usage errors: neither --code nor --all, both, an unknown queue or code', async () => {
    for (const args of [[], ['--all', '--code', 'E_HTTP'], ['--queue', 'pages', '--all'], ['--code', 'http']]) {
      const r = await runCli(['retry', ...args], rig.env.config);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^gleaner: retry: /);
    }
  });
});
