#!/usr/bin/env node
// npm run eval — quality on the development sets, through the shared scorer and the real CLI:
// the sample record check, main text (extraction), entities (CoNLL-2003 dev + GUM news) and dates.
//   node bench/eval.mjs [--shared DIR] [--only sample,extraction,ner,gum,dates] [--limit N]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    shared: { type: 'string', default: resolve(root, '../shared') },
    only: { type: 'string' },
    limit: { type: 'string' },
    worst: { type: 'string' },
  },
});
const shared = resolve(values.shared);
const scorer = resolve(shared, 'bench/score.mjs');
if (!existsSync(scorer)) {
  console.error(`eval: no scorer at ${scorer} (pass --shared DIR)`);
  process.exit(2);
}
const cli = `node ${resolve(root, 'bin/gleaner.js')}`;
const extra = [...(values.limit ? ['--limit', values.limit] : []), ...(values.worst ? ['--worst', values.worst] : [])];
const tasks = {
  sample: null,
  extraction: ['extraction'],
  ner: ['ner'],
  gum: ['ner', '--data', resolve(shared, 'bench/ner/gum-news-dev.jsonl')],
  dates: ['dates'],
};
const selected = values.only ? values.only.split(',') : Object.keys(tasks);
const summaries = [];
let failed = false;

for (const name of selected) {
  if (!(name in tasks)) {
    console.error(`eval: unknown task ${name}`);
    process.exit(2);
  }
  console.log(`\n=== ${name}`);
  if (name === 'sample') {
    const out = spawnSync(
      'node',
      [resolve(root, 'bin/gleaner.js'), 'extract', '--published-at', '2023-09-17T10:00:00Z', resolve(root, 'fixtures/sahel-alliance.txt')],
      { encoding: 'utf8' },
    );
    const check = spawnSync(
      'node',
      [resolve(shared, 'samples/check-record.mjs'), resolve(shared, 'samples/sahel-alliance.expected.json')],
      { input: out.stdout, encoding: 'utf8' },
    );
    process.stdout.write(check.stdout);
    summaries.push(`SUMMARY task=sample ${check.stdout.trim().split('\n').pop()}`);
    if (check.status !== 0) failed = true;
    continue;
  }
  const run = spawnSync('node', [scorer, ...tasks[name], '--cmd', cli, ...extra], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  const summary = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('SUMMARY'))
    .pop();
  if (summary) summaries.push(summary);
  if (run.status !== 0) failed = true;
}
console.log('\n=== summary');
for (const s of summaries) console.log(s);
process.exit(failed ? 1 : 0);
