#!/usr/bin/env node
// npm run bench — pages/second and peak memory of gleaner's clean, extract and both, next to
// @mozilla/readability + jsdom timed in the same run, on the extraction dev pages (mostly English);
// then extract and clean+extract on French texts (bench/fr-dev and bench/fr-test, plain text), so the
// French extractor's speed is reported next to the English one.
// Each system runs in its own child process (one core, sequential) so peak RSS is its own.
// 'gleaner CLI' is how a user runs it on a folder: `gleaner extract` on batches of --batch files,
// one process per batch, start-up and cold JIT included (wall clock; peak RSS is the largest call's).
// In-process systems are measured as a long-running worker runs: warmed up, on pages they have not
// seen. The pages are split in two halves, each measured in its own process after a warm-up on
// --warmup pages of another set (--warmup-data, the older pages by default) and on the other half:
// the JIT, the lazily loaded parts (a language's date parser) and the per-word caches have seen
// pages like the measured ones, but not the measured pages themselves.
// Each system runs --repeat times, the systems taking turns, and the median is reported with the
// range: a shared machine's speed drifts by tens of percent over minutes.
//   node bench/pipeline.mjs [--data DIR] [--limit N] [--rounds R] [--batch N] [--repeat N]
//                           [--warmup-data DIR] [--warmup N] [--systems 'gleaner clean,readability+jsdom']
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadPages } from './pages.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(here, '../../shared/bench/extraction') },
    limit: { type: 'string' },
    // One pass: a second pass over the same pages would find per-word caches filled with their words.
    rounds: { type: 'string', default: '1' },
    system: { type: 'string' },
    batch: { type: 'string', default: '50' },
    repeat: { type: 'string', default: '3' },
    'warmup-data': { type: 'string', default: resolve(here, '../../shared/bench/extraction-2008') },
    warmup: { type: 'string', default: '50' },
    fold: { type: 'string' },
    systems: { type: 'string' },
  },
});

/** French articles as plain-text pages: the French dev and held-out sets. */
function loadFrenchPages() {
  const out = [];
  for (const set of ['fr-dev', 'fr-test']) {
    const file = join(here, set, 'ner.jsonl');
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const d = JSON.parse(line);
      out.push({ id: d.id, url: null, bytes: Buffer.from(d.text), text: true });
    }
  }
  return out;
}

function peakRssMb() {
  const m = readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 1048576;
}

/** `gleaner extract` on batches of files, one process per batch, as a user runs it on a folder. */
function runCli(pages, batch) {
  const dir = mkdtempSync(join(tmpdir(), 'gleaner-bench-'));
  const bin = resolve(here, '../bin/gleaner.js');
  try {
    const files = pages.map((p) => {
      const file = join(dir, `${p.id}.html`);
      writeFileSync(file, p.bytes);
      return file;
    });
    let failures = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < files.length; i += batch) {
      const chunk = files.slice(i, i + batch);
      try {
        execFileSync(process.execPath, [bin, 'extract', ...chunk], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
      } catch {
        failures++;
      }
    }
    const secs = Number(process.hrtime.bigint() - start) / 1e9;
    // Peak RSS is the children's, not measured here: the in-process rows give the memory.
    return {
      name: `gleaner CLI (batches of ${batch})`,
      failures,
      pages: files.length,
      secs,
      pagesPerSec: files.length / secs,
      peakRssMb: null,
      words: 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Warm-up pages for the half `fold` of `pages`: another set's (English pages only) and the other half. */
function warmupPages(system, pages, fold) {
  const dir = values['warmup-data'];
  const other = system.endsWith(' fr') || !existsSync(join(dir, 'html')) ? [] : loadPages(dir, { limit: Number(values.warmup) });
  return [...other, ...pages.filter((_, i) => i % 2 !== fold)];
}

async function runSystem(name, allPages, rounds, fold) {
  if (name === 'gleaner CLI') return runCli(allPages, Number(values.batch));
  const pages = allPages.filter((_, i) => i % 2 === fold);
  const warm = warmupPages(name, allPages, fold);
  let failures = 0;
  const dist = resolve(here, '../dist');
  let fn;
  if (name === 'cheerio.load') {
    const cheerio = await import('cheerio');
    fn = (p) => cheerio.load(p.bytes.toString('utf8'));
  } else if (name === 'readability+jsdom') {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const { Readability } = await import('@mozilla/readability');
    const virtualConsole = new VirtualConsole();
    fn = (p) => {
      // jsdom throws on some real pages (CSS it cannot parse): that page counts, with no output.
      try {
        const dom = new JSDOM(p.bytes, { url: p.url ?? 'https://example.com/', virtualConsole });
        const out = new Readability(dom.window.document).parse();
        dom.window.close();
        return out?.textContent ?? '';
      } catch {
        failures++;
        return '';
      }
    };
  } else {
    const { clean } = await import(join(dist, 'clean/index.js'));
    const { extract } = await import(join(dist, 'extract/index.js'));
    const { processDocument } = await import(join(dist, 'pipeline.js'));
    const meta = (p) => ({ url: p.url, fileName: p.text ? `${p.id}.txt` : `${p.id}.html`, isText: !!p.text });
    const which = name.replace(/ fr$/, '');
    if (which === 'gleaner clean') fn = (p) => clean(p.bytes, meta(p));
    else if (which === 'gleaner extract') {
      // extract alone: on articles cleaned beforehand (not timed)
      const articles = new Map([...warm, ...pages].map((p) => [p, clean(p.bytes, meta(p))]));
      fn = (p) => extract(articles.get(p));
    } else if (which === 'gleaner clean+extract') fn = (p) => processDocument(p.bytes, meta(p));
    else throw new Error(`unknown system ${name}`);
  }
  for (const p of warm) fn(p); // warm-up: module init, lazy loads, JIT
  failures = 0; // pages that threw while warming up are not the measured pages'
  let words = 0;
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++)
    for (const p of pages) {
      const out = fn(p);
      if (r === 0 && out && typeof out === 'object' && typeof out.text === 'string') words += out.text.split(/\s+/).length;
    }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  return { name, failures, pages: pages.length * rounds, secs, pagesPerSec: (pages.length * rounds) / secs, peakRssMb: peakRssMb(), words };
}

const ALL_SYSTEMS = [
  'cheerio.load',
  'readability+jsdom',
  'gleaner clean',
  'gleaner extract',
  'gleaner clean+extract',
  'gleaner CLI',
  'gleaner extract fr',
  'gleaner clean+extract fr',
];
// --systems: a subset (Readability always runs: the ratios are to it).
const SYSTEMS = values.systems
  ? ALL_SYSTEMS.filter((s) => s === 'readability+jsdom' || values.systems.split(',').includes(s))
  : ALL_SYSTEMS;
const pagesFor = (system, limit) => (system.endsWith(' fr') ? loadFrenchPages() : loadPages(values.data, { limit }));

/** One run of a system in its own child process (one half of the pages for in-process systems). */
function runChild(system, fold) {
  const args = [
    '--system',
    system,
    ...(fold === undefined ? [] : ['--fold', String(fold)]),
    '--data',
    values.data,
    '--rounds',
    values.rounds,
    '--batch',
    values.batch,
    '--warmup-data',
    values['warmup-data'],
    '--warmup',
    values.warmup,
    ...(values.limit ? ['--limit', values.limit] : []),
  ];
  return new Promise((resolveP, reject) => {
    const child = fork(fileURLToPath(import.meta.url), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let got = null;
    child.on('message', (m) => {
      got = m;
    });
    child.on('exit', (code) => (got ? resolveP(got) : reject(new Error(`${system} exited with ${code}`))));
  });
}

/** One run of a system: the CLI over all pages; an in-process system over each half in turn. */
async function runOnce(system) {
  if (system === 'gleaner CLI') return runChild(system);
  const halves = [await runChild(system, 0), await runChild(system, 1)];
  const pages = halves[0].pages + halves[1].pages;
  const secs = halves[0].secs + halves[1].secs;
  return {
    ...halves[0],
    pages,
    secs,
    pagesPerSec: pages / secs,
    peakRssMb: Math.max(halves[0].peakRssMb, halves[1].peakRssMb),
    failures: halves[0].failures + halves[1].failures,
    words: halves[0].words + halves[1].words,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The runs of one system as one row: median pages/s, the range, the largest peak RSS. */
function summarise(runs) {
  const rates = runs.map((r) => r.pagesPerSec);
  const rss = runs.map((r) => r.peakRssMb).filter((x) => x !== null);
  return {
    ...runs[0],
    pagesPerSec: median(rates),
    min: Math.min(...rates),
    max: Math.max(...rates),
    peakRssMb: rss.length ? Math.max(...rss) : null,
    failures: Math.max(...runs.map((r) => r.failures)),
  };
}

if (values.system) {
  // child mode
  const pages = pagesFor(values.system, values.limit ? Number(values.limit) : undefined);
  const result = await runSystem(values.system, pages, Number(values.rounds), Number(values.fold ?? 0));
  process.send(result);
} else {
  const pages = loadPages(values.data, { limit: values.limit ? Number(values.limit) : 0 });
  const mb = pages.reduce((s, p) => s + p.bytes.length, 0) / 1048576;
  const repeat = Math.max(1, Number(values.repeat));
  const warmFrom = existsSync(join(values['warmup-data'], 'html')) ? `${values.warmup} pages of ${values['warmup-data']} and` : '';
  console.log(
    `bench: ${pages.length} pages (${mb.toFixed(1)} MB of HTML), ${values.rounds} rounds, one process per system, sequential (one core each)`,
  );
  console.log(
    `  in-process systems: each half of the pages measured after a warm-up on ${warmFrom} the other half; each system run ${repeat}x in turn: median pages/s [min-max]`,
  );
  const runs = new Map(SYSTEMS.map((s) => [s, []]));
  for (let r = 0; r < repeat; r++) {
    for (const system of SYSTEMS) runs.get(system).push(await runOnce(system));
    process.stderr.write(`  run ${r + 1}/${repeat} done\n`);
  }
  const results = SYSTEMS.map((system) => summarise(runs.get(system)));
  results.forEach((result, k) => {
    const system = SYSTEMS[k];
    const wordsPerPage = result.words ? `   ${Math.round(result.words / (result.pages / Number(values.rounds)))} words/page` : '';
    const rss = result.peakRssMb === null ? '    -' : result.peakRssMb.toFixed(0).padStart(5);
    const range = repeat > 1 ? ` [${result.min.toFixed(1)}-${result.max.toFixed(1)}]`.padEnd(14) : '';
    console.log(
      `  ${result.name.padEnd(28)} ${result.pagesPerSec.toFixed(1).padStart(8)} pages/s${range}   peak RSS ${rss} MB${wordsPerPage}${result.failures ? `   (${result.failures} ${system === 'gleaner CLI' ? 'calls failed' : 'pages threw'})` : ''}`,
    );
  });
  const by = Object.fromEntries(results.map((r) => [r.name, r]));
  // Ratios to Readability per repeat (both measured in the same minutes), then their median.
  const ratio = (system) => median(runs.get(system).map((run, i) => run.pagesPerSec / runs.get('readability+jsdom')[i].pagesPerSec));
  console.log('');
  const has = (system) => runs.has(system);
  if (has('gleaner clean')) console.log(`clean vs Readability+jsdom:          ${ratio('gleaner clean').toFixed(1)}x (target >= 10x)`);
  if (has('gleaner clean+extract'))
    console.log(
      `clean+extract vs Readability+jsdom:  ${ratio('gleaner clean+extract').toFixed(1)}x (target >= 2x); ${by['gleaner clean+extract'].pagesPerSec.toFixed(1)} pages/s (target >= 50 on one core)`,
    );
  if (has('gleaner CLI'))
    console.log(
      `CLI (batches of ${values.batch}) vs Readability+jsdom: ${ratio('gleaner CLI').toFixed(1)}x (target >= 2x; start-up and cold JIT included)`,
    );
  if (has('gleaner extract fr') && has('gleaner clean+extract fr'))
    console.log(
      `French (${loadFrenchPages().length} plain-text articles): extract ${by['gleaner extract fr'].pagesPerSec.toFixed(1)} pages/s, clean+extract ${by['gleaner clean+extract fr'].pagesPerSec.toFixed(1)} pages/s`,
    );
  // Each repeat's pages/s, so drift over the run shows.
  for (const system of SYSTEMS)
    console.log(
      `  runs ${system}: ${runs
        .get(system)
        .map((r) => r.pagesPerSec.toFixed(1))
        .join(', ')}`,
    );
  console.log(
    `SUMMARY ${results.map((r) => `${r.name.replace(/[^a-z0-9+]+/gi, '_').replace(/_+$/, '')}=${r.pagesPerSec.toFixed(1)}`).join(' ')}`,
  );
}
