#!/usr/bin/env node
// npm run bench — pages/second and peak memory of gleaner's clean, extract and both, next to
// @mozilla/readability + jsdom timed in the same run, on the extraction dev pages (mostly English);
// then extract and clean+extract on French texts (bench/fr-dev and bench/fr-test, plain text), so the
// French extractor's speed is reported next to the English one.
// Each system runs in its own child process (one core, sequential) so peak RSS is its own.
// 'gleaner CLI' is how a user runs it on a folder: `gleaner extract` on batches of --batch files,
// one process per batch, start-up and cold JIT included (wall clock; peak RSS is the largest call's).
//   node bench/pipeline.mjs [--data DIR] [--limit N] [--rounds R] [--batch N]
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
    rounds: { type: 'string', default: '2' },
    system: { type: 'string' },
    batch: { type: 'string', default: '50' },
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

async function runSystem(name, pages, rounds) {
  if (name === 'gleaner CLI') return runCli(pages, Number(values.batch));
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
      const articles = new Map(pages.map((p) => [p.id, clean(p.bytes, meta(p))]));
      fn = (p) => extract(articles.get(p.id));
    } else if (which === 'gleaner clean+extract') fn = (p) => processDocument(p.bytes, meta(p));
    else throw new Error(`unknown system ${name}`);
  }
  for (const p of pages.slice(0, 20)) fn(p); // warm-up: module init, lazy loads, JIT
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

const SYSTEMS = [
  'cheerio.load',
  'readability+jsdom',
  'gleaner clean',
  'gleaner extract',
  'gleaner clean+extract',
  'gleaner CLI',
  'gleaner extract fr',
  'gleaner clean+extract fr',
];
const pagesFor = (system, limit) => (system.endsWith(' fr') ? loadFrenchPages() : loadPages(values.data, { limit }));

if (values.system) {
  // child mode
  const pages = pagesFor(values.system, values.limit ? Number(values.limit) : undefined);
  const result = await runSystem(values.system, pages, Number(values.rounds));
  process.send(result);
} else {
  const pages = loadPages(values.data, { limit: values.limit ? Number(values.limit) : 0 });
  const mb = pages.reduce((s, p) => s + p.bytes.length, 0) / 1048576;
  console.log(
    `bench: ${pages.length} pages (${mb.toFixed(1)} MB of HTML), ${values.rounds} rounds, one process per system, sequential (one core each)`,
  );
  const results = [];
  for (const system of SYSTEMS) {
    const args = [
      '--system',
      system,
      '--data',
      values.data,
      '--rounds',
      values.rounds,
      '--batch',
      values.batch,
      ...(values.limit ? ['--limit', values.limit] : []),
    ];
    const result = await new Promise((resolveP, reject) => {
      const child = fork(fileURLToPath(import.meta.url), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let got = null;
      child.on('message', (m) => {
        got = m;
      });
      child.on('exit', (code) => (got ? resolveP(got) : reject(new Error(`${system} exited with ${code}`))));
    });
    results.push(result);
    const wordsPerPage = result.words ? `   ${Math.round(result.words / (result.pages / Number(values.rounds)))} words/page` : '';
    const rss = result.peakRssMb === null ? '    -' : result.peakRssMb.toFixed(0).padStart(5);
    console.log(
      `  ${result.name.padEnd(28)} ${result.pagesPerSec.toFixed(1).padStart(8)} pages/s   peak RSS ${rss} MB${wordsPerPage}${result.failures ? `   (${result.failures} ${system === 'gleaner CLI' ? 'calls failed' : 'pages threw'})` : ''}`,
    );
  }
  const by = Object.fromEntries(results.map((r) => [r.name, r]));
  const ref = by['readability+jsdom'].pagesPerSec;
  console.log('');
  console.log(`clean vs Readability+jsdom:          ${(by['gleaner clean'].pagesPerSec / ref).toFixed(1)}x (target >= 10x)`);
  console.log(
    `clean+extract vs Readability+jsdom:  ${(by['gleaner clean+extract'].pagesPerSec / ref).toFixed(1)}x (target >= 2x; >= 50 pages/s on one core)`,
  );
  const cli = results.find((r) => r.name.startsWith('gleaner CLI'));
  console.log(
    `CLI (batches of ${values.batch}) vs Readability+jsdom: ${(cli.pagesPerSec / ref).toFixed(1)}x (target >= 2x; start-up and cold JIT included)`,
  );
  console.log(
    `French (${loadFrenchPages().length} plain-text articles): extract ${by['gleaner extract fr'].pagesPerSec.toFixed(1)} pages/s, clean+extract ${by['gleaner clean+extract fr'].pagesPerSec.toFixed(1)} pages/s`,
  );
  console.log(
    `SUMMARY ${results.map((r) => `${r.name.replace(/[^a-z0-9+]+/gi, '_').replace(/_+$/, '')}=${r.pagesPerSec.toFixed(1)}`).join(' ')}`,
  );
}
