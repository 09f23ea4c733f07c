#!/usr/bin/env node
// Writes ner.jsonl and dates.jsonl (the shared scorer's formats) from docs.mjs, here and in
// ../fr-test (the held-out set):
//   node bench/fr-dev/build.mjs
//   node ../shared/bench/score.mjs ner --data bench/fr-dev/ner.jsonl --cmd "node bin/gleaner.js"
//   node ../shared/bench/score.mjs dates --data bench/fr-dev/dates.jsonl --cmd "node bin/gleaner.js"
import { writeFileSync } from 'node:fs';

for (const dir of ['../fr-dev/', '../fr-test/']) {
  const here = new URL(dir, import.meta.url).pathname;
  const { DOCS } = await import(`${here}docs.mjs`);
  const ner = [];
  const dates = [];
  for (const d of DOCS) {
    for (const list of [d.people, d.organizations, d.places]) {
      for (const n of list) if (!d.text.includes(n)) throw new Error(`${d.id}: gold name not in text: ${n}`);
    }
    ner.push({
      id: d.id,
      source: 'gleaner-fr-dev',
      text: d.text,
      gold: { people: d.people, organizations: d.organizations, places: d.places },
    });
    const gold = [];
    let from = 0;
    for (const [t, value] of d.dates) {
      // in order of appearance: each gold date is looked for after the previous one
      let at = d.text.indexOf(t, from);
      if (at < 0) at = d.text.indexOf(t);
      if (at < 0) throw new Error(`${d.id}: gold date not in text: ${t}`);
      gold.push({ start: at, end: at + t.length, text: t, type: 'DATE', value });
      from = at + t.length;
    }
    gold.sort((a, b) => a.start - b.start);
    dates.push({ id: d.id, corpus: 'gleaner-fr-dev', dct: d.dct, text: d.text, gold });
  }
  writeFileSync(`${here}ner.jsonl`, ner.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(`${here}dates.jsonl`, dates.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`wrote ${ner.length} documents to ${dir}ner.jsonl and dates.jsonl`);
}
