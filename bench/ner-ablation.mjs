#!/usr/bin/env node
// npm run bench:ner-ablation — what each name-type feature (src/extract/names/features.ts) is worth:
// the entity scores with all features on, then with each one switched off in turn, on the shared
// NER dev sets, scored with the shared metric (../shared/bench/ner/metric.mjs), in-process on the
// built dist/ (run `npm run build` first). Texts go through clean() as `gleaner extract --text` does.
// --lang fr: the French table (src/extract/fr/features.ts) on bench/fr-dev and bench/fr-test.
//   node bench/ner-ablation.mjs [--lang en|fr] [--data FILE.jsonl]... [--limit N] [--features a,b,...]
//   node bench/ner-ablation.mjs --explain FILE.txt      # each name's scores and the features that fired
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    shared: { type: 'string', default: resolve(root, '../shared') },
    data: { type: 'string', multiple: true },
    limit: { type: 'string' },
    features: { type: 'string' },
    explain: { type: 'string' },
    lang: { type: 'string', default: 'en' },
  },
});
if (!['en', 'fr'].includes(values.lang)) {
  console.error(`ner-ablation: --lang is en or fr, not ${values.lang}`);
  process.exit(2);
}
const french = values.lang === 'fr';
const dist = (p) => pathToFileURL(resolve(root, 'dist', p)).href;
const { clean } = await import(dist('clean/index.js'));
const { extractNames } = await import(dist('extract/entities.js'));
const { extractFrenchNames } = await import(dist('extract/fr/names.js'));
const FEATURE_NAMES = french
  ? (await import(dist('extract/fr/features.js'))).FR_FEATURE_NAMES
  : (await import(dist('extract/names/features.js'))).FEATURE_NAMES;
const extractAll = french ? extractFrenchNames : extractNames;

if (values.explain && french) {
  console.error('ner-ablation: --explain reads English texts only');
  process.exit(2);
}
if (values.explain) {
  await explain(readFileSync(values.explain, 'utf8'));
  process.exit(0);
}

const shared = resolve(values.shared);
const metricFile = resolve(shared, 'bench/ner/metric.mjs');
if (!existsSync(metricFile)) {
  console.error(`ner-ablation: no metric at ${metricFile} (pass --shared DIR)`);
  process.exit(2);
}
const { TYPES, newCounts, addDoc, prf } = await import(pathToFileURL(metricFile).href);
const defaultSets = french
  ? [resolve(root, 'bench/fr-dev/ner.jsonl'), resolve(root, 'bench/fr-test/ner.jsonl')]
  : [resolve(shared, 'bench/ner/conll2003-dev.jsonl'), resolve(shared, 'bench/ner/gum-news-dev.jsonl')];
const sets = values.data ?? defaultSets;
const limit = values.limit ? Number(values.limit) : 0;
const features = values.features ? values.features.split(',') : FEATURE_NAMES;
for (const f of features) {
  if (!FEATURE_NAMES.includes(f)) {
    console.error(`ner-ablation: unknown feature ${f} (known: ${FEATURE_NAMES.join(', ')})`);
    process.exit(2);
  }
}

const names = (arr) => (arr || []).flatMap((x) => [x.name, ...(x.aliases || [])]).filter(Boolean);
const f1 = (c) => (100 * prf(c).F1).toFixed(1);

for (const file of sets) {
  let docs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  if (limit) docs = docs.slice(0, limit);
  // Cleaning does not depend on the features: once per document.
  const articles = docs.map((d) => clean(d.text, { isText: true }));
  const run = (off) => {
    const counts = newCounts();
    articles.forEach((a, i) => {
      const e = extractAll(a.text, { title: a.title ?? null, featuresOff: off });
      addDoc(counts, docs[i].gold, {
        people: names(e.people),
        organizations: names(e.organizations),
        places: [...names(e.countries), ...names(e.places)],
      });
    });
    return counts;
  };
  console.log(`\n=== ${file.split('/').slice(-2).join('/')} (${docs.length} docs)`);
  console.log(`${'feature off'.padEnd(28)} ${TYPES.map((t) => `${t}_F1`.padStart(7)).join(' ')}  ALL_F1  ΔALL`);
  const t0 = performance.now();
  const base = run([]);
  const secs = (performance.now() - t0) / 1000;
  const row = (label, c) => `${label.padEnd(28)} ${TYPES.map((t) => f1(c[t]).padStart(7)).join(' ')}  ${f1(c.ALL).padStart(6)}`;
  console.log(`${row('(none)', base)}       (${secs.toFixed(1)} s)`);
  for (const f of features) {
    const c = run([f]);
    const delta = 100 * (prf(c.ALL).F1 - prf(base.ALL).F1);
    console.log(`${row(f, c)}  ${(delta >= 0 ? '+' : '') + delta.toFixed(1)}`);
  }
}

/** Each candidate name in one text: its type scores and the features that fired, then the record. */
async function explain(text) {
  const { explainNames } = await import(dist('extract/entities.js'));
  for (const m of explainNames(text)) {
    const s = Object.entries(m.scores)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k} ${+v.toFixed(2)}`)
      .join(', ');
    console.log(`${m.text}\t${s || '-'}\t${m.evidence.join(' ')}`);
  }
  const e = extractNames(text);
  const list = (arr) => arr.map((x) => (x.code ? `${x.name} (${x.code})` : x.name)).join('; ');
  console.log(
    `\npeople: ${list(e.people)}\norganizations: ${list(e.organizations)}\ncountries: ${list(e.countries)}\nplaces: ${list(e.places)}`,
  );
}
