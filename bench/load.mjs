#!/usr/bin/env node
// npm run bench:load [-- --articles N --workers W --chaos --hosts H --politeness MS]
//
// The scale-out set-up under load, on this machine: a local news site of N distinct articles
// (variants of the fixture pages: each has its own title, people, towns and numbers) served from H
// loopback hosts (127.0.0.2, 127.0.0.3, …), half reached through the hosts' RSS feeds and half
// enqueued as direct URLs; a private Redis with AOF (appendonly yes, appendfsync everysec,
// noeviction) on a free port; a fresh PostgreSQL database; W `gleaner worker` processes.
// With --chaos: SIGKILL a random worker every ~20 s and start a new one, and restart Redis once
// (SHUTDOWN, then start on the same AOF).
// It prints articles/s end to end, p50/p95 enqueue→stored latency, Redis peak memory, the database
// size and the ledger: lost (a URL with no record), duplicated (a URL with more than one record),
// failed (failed jobs). Everything it starts it stops; the shared Redis and database are not touched.
// Needs `npm run build`, redis-server on PATH and PostgreSQL (GLEANER_BENCH_PG, default
// postgres://postgres@127.0.0.1:5432/test: a database gleaner_load_<random> is created and dropped).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startOwnRedis } from '../test/helpers/redis-server.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '2' },
    hosts: { type: 'string', default: '50' },
    politeness: { type: 'string', default: '250' },
    'process-concurrency': { type: 'string', default: '1' },
    'fetch-concurrency': { type: 'string', default: '16' },
    'feed-share': { type: 'string', default: '0.5' },
    chaos: { type: 'boolean', default: false },
    'kill-every': { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '1800' },
    pg: { type: 'string', default: process.env.GLEANER_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const N = Number(values.articles);
const W = Number(values.workers);
const H = Math.min(Number(values.hosts), 250);
const FEED_SHARE = Number(values['feed-share']);
if (!existsSync(join(root, 'dist/cli/main.js'))) {
  console.error('bench:load: dist/ is missing; run npm run build first');
  process.exit(2);
}
const { default: pg } = await import('pg');
const { Redis } = await import('ioredis');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// mulberry32, seeded (--seed): which worker chaos kills, and when, repeat from run to run
const random = ((seed) => () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
})(Number(values.seed) >>> 0);
const log = (msg) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

// ---------------------------------------------------------------- the site: N distinct articles
const FIRST = [
  'Amina',
  'Boubacar',
  'Chloe',
  'Daniel',
  'Elena',
  'Fatou',
  'Gabriel',
  'Hawa',
  'Ibrahim',
  'Julia',
  'Karim',
  'Lena',
  'Moussa',
  'Nadia',
  'Omar',
  'Paula',
  'Rokia',
  'Samuel',
  'Tanya',
  'Yusuf',
];
const LAST = [
  'Diallo',
  'Okafor',
  'Fischer',
  'Traore',
  'Moreau',
  'Keita',
  'Lindqvist',
  'Haidara',
  'Novak',
  'Sangare',
  'Petrov',
  'Coulibaly',
  'Varga',
  'Ouedraogo',
  'Marchetti',
  'Toure',
  'Brennan',
  'Sissoko',
  'Kowalski',
  'Barry',
];
const TOWNS = [
  'Eastgate',
  'Northmoor',
  'Riverton',
  'Ashford',
  'Brixham',
  'Carlow',
  'Dunmore',
  'Elgin',
  'Fenwick',
  'Glenrock',
  'Harlow',
  'Ivybridge',
  'Kelso',
  'Lanark',
  'Moffat',
  'Nairn',
];
const TOPICS = [
  'reopens its harbour bridge',
  'opens a night library',
  'votes on a new budget',
  'celebrates a record harvest',
  'repairs its flood wall',
  'welcomes a new ferry line',
  'expands the school',
  'restores the old market hall',
];

function fixtureTemplates() {
  const files = [
    ...readdirSync(join(root, 'fixtures/site/articles'))
      .filter((f) => f.endsWith('.html') && !f.startsWith('slow'))
      .map((f) => join(root, 'fixtures/site/articles', f)),
    ...['jsonld-newsarticle', 'main-element', 'byline-updated'].map((d) => join(root, 'fixtures/articles', d, 'source.html')),
  ].filter(existsSync);
  return files.map((f) => readFileSync(f, 'utf8')).filter((html) => /<h1[^>]*>/i.test(html));
}

function articleHtml(templates, i) {
  const pick = (list, k) => list[(i * 7 + k * 13 + Math.floor(i / list.length)) % list.length];
  const person = `${pick(FIRST, 1)} ${pick(LAST, 2)}`;
  const other = `${pick(FIRST, 3)} ${pick(LAST, 5)}`;
  const town = pick(TOWNS, 4);
  const title = `${town} ${pick(TOPICS, 6)} (report ${i})`;
  const extra = [
    `<p>Report number ${i}: ${person}, who chairs the ${town} works committee, said on Monday that ${1000 + i} households would benefit from the plan.</p>`,
    `<p>${other} told reporters in ${town} that the council had set aside ${(i % 97) + 3} million for the work, and that ${person.split(' ')[1]} would present the accounts in ${2020 + (i % 5)}.</p>`,
  ].join('\n');
  // no canonical link or og:url: each variant is its own article at its own URL
  let html = templates[i % templates.length]
    .replace(/<link[^>]+rel=["']?canonical[^>]*>/gi, '')
    .replace(/<meta[^>]+og:url[^>]*>/gi, '')
    .replace(/"mainEntityOfPage":\s*"[^"]*",?/g, '');
  html = html.replace(/<title>[\s\S]*?<\/title>/i, `<title>${title}</title>`);
  html = html.replace(/(<meta property="og:title" content=")[^"]*"/i, `$1${title}"`);
  html = html.replace(/("headline":")[^"]*"/, `$1${title}"`);
  html = html.replace(/(<h1[^>]*>)[\s\S]*?(<\/h1>)/i, `$1${title}$2`);
  // the new paragraphs go right after the first paragraph that follows the headline
  const h1 = html.search(/<\/h1>/i);
  const firstP = html.indexOf('</p>', html.indexOf('<p', h1) + 1);
  return firstP > 0 ? `${html.slice(0, firstP + 4)}\n${extra}${html.slice(firstP + 4)}` : html;
}

function feedXml(host, items) {
  const rows = items
    .map(
      (i) =>
        `<item><title>Report ${i}</title><link>http://${host}:${sitePort}/news/${i}.html</link><guid isPermaLink="false">load-${i}</guid><pubDate>Tue, 02 Jul 2024 10:00:00 GMT</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Host ${host}</title><link>http://${host}:${sitePort}/</link>\n${rows}\n</channel></rss>`;
}

const hostOf = (i) => `127.0.0.${2 + (i % H)}`;
const urlOf = (i) => `http://${hostOf(i)}:${sitePort}/news/${i}.html`;
const viaFeed = (i) => i < Math.round(N * FEED_SHARE);

let sitePort = 0;
const feedFirstServed = new Map(); // host → ms when its feed was first served (the enqueue time of its items)
const pageHits = new Map(); // article index → GETs

async function startSite(templates) {
  const feedItems = new Map();
  for (let i = 0; i < N; i++) if (viaFeed(i)) (feedItems.get(hostOf(i)) ?? feedItems.set(hostOf(i), []).get(hostOf(i))).push(i);
  const handler = (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    if (req.url === '/robots.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (req.url === '/feed.xml') {
      if (!feedFirstServed.has(host)) feedFirstServed.set(host, Date.now());
      const etag = `"feed-${host}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
      return res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feedXml(host, feedItems.get(host) ?? []));
    }
    const m = /^\/news\/(\d+)\.html$/.exec(req.url ?? '');
    if (m && Number(m[1]) < N) {
      const i = Number(m[1]);
      pageHits.set(i, (pageHits.get(i) ?? 0) + 1);
      return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(templates, i));
    }
    res.writeHead(404).end('not found');
  };
  // one listener per loopback address (the whole of 127.0.0.0/8 is on lo): H polite hosts
  const servers = [];
  for (let h = 0; h < H; h++) {
    const srv = createHttpServer(handler);
    srv.keepAliveTimeout = 5_000;
    await new Promise((res, rej) => srv.once('error', rej).listen(sitePort, `127.0.0.${2 + h}`, res));
    if (!sitePort) sitePort = srv.address().port;
    servers.push(srv);
  }
  return { feedHosts: [...feedItems.keys()], close: () => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))) };
}

// ---------------------------------------------------------------- where the CPU goes
// CPU seconds (user + system) of a process from /proc/<pid>/stat; worker threads count in their process.
const TICK = 100; // USER_HZ on Linux
function cpuSeconds(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return 0;
  }
}
function pidsOf(name) {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
}
/** CPU seconds by role, summed over the processes seen so far (dead workers keep their last reading). */
class CpuLedger {
  last = new Map();
  sample(role, pids) {
    for (const pid of pids) this.last.set(`${role}:${pid}`, cpuSeconds(pid) || this.last.get(`${role}:${pid}`) || 0);
  }
  total(role) {
    let t = 0;
    for (const [k, v] of this.last) if (k.startsWith(`${role}:`)) t += v;
    return t;
  }
}

// ---------------------------------------------------------------- the run
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const templates = fixtureTemplates();
  const redis = await startOwnRedis();
  const redisUrl = redis.url;
  const dbName = `gleaner_load_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: values.pg });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = values.pg.replace(/\/[^/?]+(\?|$)/, `/${dbName}$1`);
  const site = await startSite(templates);
  log(
    `site: ${N} articles on ${H} hosts (port ${sitePort}), ${Math.round(FEED_SHARE * 100)} % through feeds; redis ${redisUrl} (AOF); postgres ${dbName}; ${W} workers${values.chaos ? '; chaos on' : ''}`,
  );

  const env = {
    ...process.env,
    GLEANER_REDIS_URL: redisUrl,
    GLEANER_DATABASE_URL: dbUrl,
    GLEANER_QUEUE_PREFIX: 'gleaner',
    GLEANER_ALLOW_PRIVATE: '1',
    GLEANER_POLITENESS_MS: values.politeness,
    GLEANER_FETCH_CONCURRENCY: values['fetch-concurrency'],
    GLEANER_PROCESS_CONCURRENCY: values['process-concurrency'],
    GLEANER_LOCK_MS: '15000',
    GLEANER_BACKOFF_MS: '1000',
    GLEANER_LOG_LEVEL: 'warn',
  };
  const cli = join(root, 'bin/gleaner.js');
  const workers = new Set();
  let killed = 0;
  const startWorker = () => {
    const p = spawn(process.execPath, [cli, 'worker'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errTail = '';
    p.stderr.on('data', (d) => (errTail = (errTail + d).slice(-2000)));
    p.on('exit', (code, sig) => {
      workers.delete(p);
      if (code && !p.killedOnPurpose) log(`worker ${p.pid} exited ${code ?? sig}: ${errTail.trim().split('\n').at(-1)}`);
    });
    workers.add(p);
    return p;
  };
  // The schema is created by the first store open; start one worker first so the others do not race it.
  startWorker();
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  pool.on('error', () => {});
  admin.on('error', () => {});
  for (let i = 0; i < 200; i++) {
    try {
      await pool.query('SELECT 1 FROM records LIMIT 1');
      break;
    } catch {
      await sleep(100);
    }
  }
  for (let w = 1; w < W; w++) startWorker();

  // enqueue: direct URLs through the producer, feeds through `feeds add`
  const { createProducer } = await import(join(root, 'dist/queue/producer.js'));
  const { loadConfig } = await import(join(root, 'dist/config.js'));
  const producer = await createProducer(loadConfig(env));
  const enqueuedAt = new Map();
  const t0 = Date.now();
  for (const host of site.feedHosts) await producer.addFeed(`http://${host}:${sitePort}/feed.xml`, '30s');
  const direct = [];
  for (let i = 0; i < N; i++) if (!viaFeed(i)) direct.push(i);
  for (let k = 0; k < direct.length; k += 500) {
    const batch = direct.slice(k, k + 500);
    const at = Date.now();
    await producer.enqueueUrls(batch.map(urlOf));
    for (const i of batch) enqueuedAt.set(i, at);
  }
  await producer.close();
  log(`enqueued ${direct.length} URLs and ${site.feedHosts.length} feeds in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // chaos: kill a random worker every ~kill-every s and start another; restart Redis once
  let chaosTimer = null;
  let redisRestarted = false;
  let peakRedis = 0;
  const redisInfo = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => 500 });
  redisInfo.on('error', () => {});
  const cpu = new CpuLedger();
  const cpuBase = { postgres: pidsOf('postgres').reduce((a, p) => a + cpuSeconds(p), 0) };
  const memTimer = setInterval(async () => {
    cpu.sample(
      'workers',
      [...workers].map((p) => p.pid),
    );
    cpu.sample('redis', [redis.pid]);
    cpu.sample('postgres', pidsOf('postgres'));
    cpu.sample('bench', [process.pid]);
    try {
      const m = /used_memory_peak:(\d+)/.exec(await redisInfo.info('memory'));
      if (m) peakRedis = Math.max(peakRedis, Number(m[1]));
    } catch {
      /* restarting */
    }
  }, 1_000);
  if (values.chaos) {
    const every = Number(values['kill-every']) * 1000;
    const tick = async () => {
      const list = [...workers];
      if (list.length) {
        const victim = list[Math.floor(random() * list.length)];
        victim.killedOnPurpose = true;
        victim.kill('SIGKILL');
        killed++;
        log(`chaos: SIGKILL worker ${victim.pid}`);
        startWorker();
      }
      if (!redisRestarted && Date.now() - t0 > 2.5 * every) {
        redisRestarted = true;
        log('chaos: Redis SHUTDOWN and restart (AOF)');
        await redis.restart(2_000);
      }
      chaosTimer = setTimeout(tick, every * (0.75 + random() * 0.5));
    };
    chaosTimer = setTimeout(tick, every);
  }

  // wait for every URL to have a record, or for the queues to stay idle for 20 s, or the timeout
  const { Queue } = await import('bullmq');
  const watch = ['fetch', 'process'].map(
    (name) => new Queue(name, { connection: { url: redisUrl, maxRetriesPerRequest: 1 }, prefix: 'gleaner' }),
  );
  for (const q of watch) q.on('error', () => {});
  const deadline = t0 + Number(values.timeout) * 1000;
  let stored = 0;
  let lastLog = 0;
  let idleSince = 0;
  while (Date.now() < deadline) {
    stored = Number((await pool.query('SELECT count(*) AS n FROM records')).rows[0].n);
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`stored ${stored}/${N} (${(stored / ((Date.now() - t0) / 1000)).toFixed(1)} articles/s), workers ${workers.size}`);
    }
    if (stored >= N) break;
    let busy = 1;
    try {
      busy = 0;
      for (const q of watch)
        busy += Object.values(await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children')).reduce(
          (a, b) => a + b,
          0,
        );
    } catch {
      busy = 1; // Redis restarting
    }
    if (busy || feedFirstServed.size < site.feedHosts.length) idleSince = 0;
    else if (!idleSince) idleSince = Date.now();
    else if (Date.now() - idleSince > 20_000) {
      log('queues idle for 20 s with records missing: stopping');
      break;
    }
    await sleep(1_000);
  }
  await Promise.all(watch.map((q) => q.close()));
  const tEnd = Date.now();
  clearTimeout(chaosTimer);
  clearInterval(memTimer);

  // the ledger
  const rows = (await pool.query('SELECT url, created_at FROM records')).rows;
  const byUrl = new Map();
  for (const r of rows) byUrl.set(r.url, [...(byUrl.get(r.url) ?? []), new Date(r.created_at).getTime()]);
  const latencies = [];
  let lost = 0;
  let duplicated = 0;
  for (let i = 0; i < N; i++) {
    const got = byUrl.get(urlOf(i));
    if (!got) lost++;
    else {
      if (got.length > 1) duplicated++;
      const from = viaFeed(i) ? feedFirstServed.get(hostOf(i)) : enqueuedAt.get(i);
      if (from) latencies.push(got[0] - from);
    }
  }
  const counts = {};
  const stages = {};
  let failed = 0;
  for (const name of ['feeds', 'fetch', 'process']) {
    const q = new Queue(name, { connection: { url: redisUrl }, prefix: 'gleaner' });
    counts[name] = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
    // time in queue (created → started) and at work (started → finished), from the kept completed jobs
    const done = await q.getJobs(['completed'], 0, 999);
    if (done.length) {
      const wait = done.map((j) => j.processedOn - j.timestamp).sort((a, b) => a - b);
      const work = done.map((j) => j.finishedOn - j.processedOn).sort((a, b) => a - b);
      stages[name] =
        `wait p50 ${(percentile(wait, 50) / 1000).toFixed(2)} s, work p50 ${(percentile(work, 50) / 1000).toFixed(3)} s / p95 ${(percentile(work, 95) / 1000).toFixed(3)} s`;
    }
    failed += counts[name].failed;
    if (counts[name].failed) {
      const jobs = await q.getFailed(0, 4);
      for (const j of jobs) log(`failed ${name} job ${j.id}: ${j.failedReason}`);
    }
    await q.close();
  }
  const dbSize = Number((await pool.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b);
  const refetched = [...pageHits.values()].filter((n) => n > 1).length;
  latencies.sort((a, b) => a - b);
  const secs = (tEnd - t0) / 1000;

  console.log(
    `bench:load — ${N} articles, ${W} workers (process concurrency ${values['process-concurrency']} each), ${H} hosts, politeness ${values.politeness} ms${values.chaos ? `, chaos: ${killed} workers killed, Redis restarted ${redisRestarted ? 'once' : 'never'}` : ''}`,
  );
  console.log(`throughput      ${(stored / secs).toFixed(1)} articles/s end to end (${stored} stored in ${secs.toFixed(0)} s)`);
  console.log(
    `latency         p50 ${(percentile(latencies, 50) / 1000).toFixed(1)} s, p95 ${(percentile(latencies, 95) / 1000).toFixed(1)} s (enqueue or feed poll → stored)`,
  );
  console.log(`redis peak      ${(peakRedis / 1048576).toFixed(1)} MB`);
  console.log(`postgres size   ${(dbSize / 1048576).toFixed(1)} MB`);
  const cores = (role) => (role === 'postgres' ? cpu.total(role) - cpuBase.postgres : cpu.total(role)) / secs;
  console.log(
    `cpu (cores)     workers ${cores('workers').toFixed(2)}, redis ${cores('redis').toFixed(2)}, postgres ${cores('postgres').toFixed(2)}, this script + site ${cores('bench').toFixed(2)} (of ${availableParallelism()})`,
  );
  console.log(`pages fetched more than once: ${refetched} (retries after a kill)`);
  for (const [name, line] of Object.entries(stages)) console.log(`${name.padEnd(16)}${line}`);
  console.log(`queues          ${JSON.stringify(counts)}`);
  console.log(`lost=${lost} duplicated=${duplicated} failed=${failed}`);

  // tear down
  for (const p of workers) {
    p.killedOnPurpose = true;
    p.kill('SIGTERM');
  }
  await Promise.all([...workers].map((p) => new Promise((r) => (p.exitCode !== null ? r() : p.once('exit', r)))));
  redisInfo.disconnect();
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  await site.close();
  await redis.stop();
  process.exitCode = lost || duplicated || failed ? 1 : 0;
}

main().catch((err) => {
  console.error(`bench:load: ${err?.stack ?? err}`);
  process.exit(2);
});
