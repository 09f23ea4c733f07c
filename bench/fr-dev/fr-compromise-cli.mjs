#!/usr/bin/env node
// fr-compromise out of the box, behind the same CLI contract as `gleaner extract` (one NDJSON
// record per input file), so the shared scorer can measure it on the French dev set:
//   node ../shared/bench/score.mjs ner --data bench/fr-dev/ner.jsonl --cmd "node bench/fr-dev/fr-compromise-cli.mjs"
// People, places and organizations are its .people(), .places() and .organizations() matches;
// it has no date resolution, so dates stay empty.
import { readFileSync } from 'node:fs';
import nlp from 'fr-compromise';

const files = process.argv.slice(2).filter((a, i, all) => a !== 'extract' && !a.startsWith('--') && all[i - 1] !== '--published-at');
const clean = (s) => s.replace(/^[\s,.;:«»"“”()]+|[\s,.;:«»"“”()]+$/gu, '');
const uniq = (list) => [...new Set(list.map(clean).filter(Boolean))].map((name) => ({ name, aliases: [], mentions: 1 }));
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const doc = nlp(text);
  const entities = {
    people: uniq(doc.people().out('array')),
    organizations: uniq(doc.organizations ? doc.organizations().out('array') : []),
    places: uniq(doc.places().out('array')),
    countries: [],
    dates: [],
  };
  process.stdout.write(JSON.stringify({ url: null, title: null, text, language: 'fr', entities }) + '\n');
}
