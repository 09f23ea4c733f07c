#!/usr/bin/env node
// npm run bench:store [-- --sizes 10000,100000 --backends sqlite,postgres --concurrency 16 --limit N]
// Upserts per second and the time of indexed queries at each size, on both back ends, with
// synthetic records generated here. Runs the compiled store (npm run build first).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    concurrency: { type: 'string', default: '16' },
    pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    limit: { type: 'string' },
  },
});
const sizes = (values.limit ? [Number(values.limit)] : values.sizes.split(',').map(Number)).sort((a, b) => a - b);
const backends = values.backends.split(',');
const concurrency = Number(values.concurrency);
/** Records upserted one by one by the concurrent writers at each size; the rest go in bulk. */
const WINDOW = 2000;
const BULK = 500;
let stopping = false;
process.once('SIGINT', () => {
  stopping = true; // finish the current step, then drop the PostgreSQL schema / temp file
});

const { openStore } = await import('../dist/store/open.js');

// --- synthetic records -------------------------------------------------------------------------
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(42);
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const syll = [
  'ka',
  'lo',
  'mi',
  'ra',
  'den',
  'sa',
  'to',
  'vel',
  'ni',
  'bor',
  'ga',
  'lu',
  'mar',
  'tes',
  'zi',
  'on',
  'ha',
  'qu',
  'per',
  'dal',
];
const word = (n) => Array.from({ length: n }, () => pick(syll)).join('');
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const FIRST = Array.from({ length: 300 }, () => cap(word(2)));
const LAST = Array.from({ length: 700 }, () => cap(word(2 + Math.floor(rand() * 2))));
const ORGS = Array.from({ length: 300 }, () => `${cap(word(3))} ${pick(['Bank', 'Council', 'Party', 'Ministry', 'Institute', 'Union'])}`);
const COUNTRIES = [
  'NE',
  'ML',
  'NG',
  'BF',
  'FR',
  'TD',
  'SN',
  'GH',
  'US',
  'GB',
  'DE',
  'CN',
  'IN',
  'BR',
  'ZA',
  'KE',
  'EG',
  'MA',
  'DZ',
  'TN',
  'CI',
  'CM',
  'ET',
  'SD',
  'JP',
  'RU',
  'UA',
  'PL',
  'IT',
  'ES',
];
const PLACES = Array.from({ length: 400 }, () => ({ name: cap(word(3)), countryCode: pick(COUNTRIES) }));
const VOCAB = Array.from({ length: 3000 }, () => word(1 + Math.floor(rand() * 3)));
const HOSTS = Array.from({ length: 60 }, () => `${word(2)}.example`);

function synthetic(i) {
  // each record from its own seed, so synthetic(i) is the same record every time (retries)
  const rand = prng(i * 7919 + 1);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const word = (n) => Array.from({ length: n }, () => pick(syll)).join('');
  const people = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
    // one name in twenty is the same prominent person, so the example query has answers to find
    const last = rand() < 0.05 ? LAST[0] : pick(LAST);
    return { name: `${pick(FIRST)} ${last}`, aliases: [last], mentions: 1 + Math.floor(rand() * 4) };
  });
  const codes = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(COUNTRIES)))];
  const text = Array.from({ length: 5 }, () => Array.from({ length: 60 }, () => pick(VOCAB)).join(' ') + '.').join('\n\n');
  const published = new Date(Date.UTC(2022, 0, 1) + Math.floor(rand() * 730) * 86400000 + Math.floor(rand() * 86400000));
  const host = pick(HOSTS);
  return {
    url: `https://${host}/news/${i}-${word(2)}`,
    canonicalUrl: `https://${host}/news/${i}`,
    title: `${cap(pick(VOCAB))} ${pick(VOCAB)} ${pick(VOCAB)} ${i}`,
    byline: null,
    siteName: host,
    publishedAt: published.toISOString(),
    language: 'en',
    text,
    entities: {
      people: [...new Map(people.map((p) => [p.name, p])).values()],
      countries: codes.map((code) => ({ name: `Country ${code}`, code, mentions: 1 + Math.floor(rand() * 3) })),
      organizations: [{ name: pick(ORGS), aliases: [], mentions: 1 }],
      places: [{ ...pick(PLACES), mentions: 1 }],
      dates: [],
    },
    provenance: { contentHash: createHash('sha256').update(text).digest('hex'), pipelineVersion: 'gleaner/bench' },
  };
}

// --- run ---------------------------------------------------------------------------------------
async function timeQuery(fn, reps = 5) {
  await fn(); // warm
  const t0 = performance.now();
  let n = 0;
  for (let i = 0; i < reps; i++) n = await fn();
  return { ms: (performance.now() - t0) / reps, n };
}

async function runBackend(name) {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-bench-'));
  const schema = `gleaner_bench_${randomBytes(4).toString('hex')}`;
  const store =
    name === 'sqlite' ? await openStore({ dbPath: join(dir, 'bench.db') }) : await openStore({ databaseUrl: values.pg, pgSchema: schema });
  const rows = [];
  let inserted = 0;
  const surname = LAST[0];
  try {
    for (const size of sizes) {
      if (stopping) break;
      // 1. workers: `concurrency` writers upserting one record each, like queue workers sharing the store
      const window = Math.min(WINDOW, size - inserted);
      let t0 = performance.now();
      const cpu0 = process.cpuUsage();
      let next = inserted;
      const end = inserted + window;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < end && !stopping) await store.upsert(synthetic(next++));
        }),
      );
      const rate = window / ((performance.now() - t0) / 1000);
      inserted = end;
      // 2. bulk: the rest with upsertMany (an import)
      t0 = performance.now();
      const bulkCount = size - inserted;
      while (inserted < size && !stopping) {
        const n = Math.min(BULK, size - inserted);
        await store.upsertMany(Array.from({ length: n }, (_, k) => synthetic(inserted + k)));
        inserted += n;
        if (process.stderr.isTTY) process.stderr.write(`\r${name}: ${inserted}/${size}`);
      }
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      const bulkRate = bulkCount ? bulkCount / ((performance.now() - t0) / 1000) : null;
      const cpu = process.cpuUsage(cpu0);
      const cpuPerRecord = (cpu.user + cpu.system) / 1000 / (size - (end - window));
      if (stopping) break;
      const retry = await timeQuery(async () => ((await store.upsert(synthetic(0))).status === 'unchanged' ? 1 : 0), 20);
      const example = await timeQuery(
        async () =>
          (await store.list({ entity: surname, type: 'person', country: 'NE', since: '2023-09-01', until: '2023-12-31', limit: 50 }))
            .length,
      );
      const entity = await timeQuery(async () => (await store.list({ entity: surname, limit: 50 })).length);
      const entityCount = await timeQuery(async () => store.count({ entity: surname }));
      const country = await timeQuery(
        async () => (await store.list({ country: 'ML', since: '2023-06', until: '2023-06', limit: 50 })).length,
      );
      const fts = await timeQuery(async () => (await store.list({ query: `${VOCAB[5]} ${VOCAB[17]}`, limit: 20 })).length);
      const top = await timeQuery(async () => (await store.topEntities({ type: 'person', limit: 20 })).length, 3);
      rows.push({
        backend: name,
        records: size,
        rate,
        bulkRate,
        cpuPerRecord,
        retry,
        example,
        entity,
        entityCount,
        country,
        fts,
        top,
        bytes: name === 'sqlite' ? statSync(join(dir, 'bench.db')).size + walSize(dir) : null,
      });
      printRow(rows.at(-1));
    }
  } finally {
    if (name === 'postgres') await store.dropSchema();
    else await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function walSize(dir) {
  try {
    return statSync(join(dir, 'bench.db-wal')).size;
  } catch {
    return 0;
  }
}

const COLS = [
  'backend',
  'records',
  'upserts/s',
  'bulk/s',
  'node cpu ms/rec',
  'retry ms',
  'example ms (n)',
  'entity ms (n)',
  'count ms (n)',
  'country+month ms (n)',
  'search ms (n)',
  'top people ms',
  'file MB',
];
const fmt = (q) => `${q.ms.toFixed(2)} (${q.n})`;
function printRow(r) {
  const cells = [
    r.backend,
    String(r.records),
    r.rate.toFixed(0),
    r.bulkRate === null ? '-' : r.bulkRate.toFixed(0),
    r.cpuPerRecord.toFixed(2),
    r.retry.ms.toFixed(2),
    fmt(r.example),
    fmt(r.entity),
    fmt(r.entityCount),
    fmt(r.country),
    fmt(r.fts),
    r.top.ms.toFixed(1),
    r.bytes === null ? '-' : (r.bytes / 1e6).toFixed(0),
  ];
  console.log(cells.map((c, i) => c.padStart(Math.max(COLS[i].length, 8))).join('  '));
}

console.log(`store bench: sizes ${sizes.join(', ')}; node ${process.version}`);
console.log(`upserts/s = ${WINDOW} records by ${concurrency} concurrent writers (upsert); bulk/s = the rest by upsertMany(${BULK})`);
console.log('node cpu ms/rec = CPU time of this process per record written (PostgreSQL server CPU not included)');
console.log('example = --entity <surname> --type person --country NE --since 2023-09-01 --until 2023-12-31 (the one-query example)');
console.log(COLS.map((c) => c.padStart(Math.max(c.length, 8))).join('  '));
for (const b of backends) await runBackend(b);
