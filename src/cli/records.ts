// gleaner records list | show | search | export — review stored records.
// Tables for people, NDJSON (--json) or CSV (export) for programs.
import { parseArgs } from 'node:util';
import { errorMessage } from '../errors.js';
import type { RecordFilter, Store, StoredRecord } from '../store/types.js';
import { type CliContext, printError } from './context.js';
import {
  FILTER_HELP,
  FILTER_OPTIONS,
  Output,
  csvRow,
  displayBody,
  displayText,
  filterFromFlags,
  firstSentence,
  formatTable,
  openReviewStore,
  runSubcommand,
  terminalWidth,
  type FilterFlags,
} from './review.js';

const HELP = `Usage: gleaner records <list|show|search|export> [options]

  gleaner records list [filters] [--json]          newest first (default --limit 20)
  gleaner records show ID|URL [--json] [--revisions]
  gleaner records search "free text" [filters] [--json]   (quote the text)
                      words all required, "a phrase", a OR b, -word to exclude;
                      best matches (title first) first
  gleaner records export --format ndjson|csv [filters] > file
                      every matching record (no default limit)

${FILTER_HELP}
  --json             one JSON record per line (show: the record as JSON)
  -h, --help         this help

Exit status: 0 ok, 1 not found / store error, 2 usage error.
`;

const LIST_DEFAULT_LIMIT = 20;
const EXPORT_PAGE = 500;

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const sub = (rest: string[], name: string) => records(name, rest, ctx);
  return runSubcommand('records', argv, ctx, HELP, { list: sub, show: sub, search: sub, export: sub });
}

/** gleaner records list|show|search|export: they share their flags (filters, --json, --db). */
async function records(sub: string, rest: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { ...FILTER_OPTIONS, format: { type: 'string' }, revisions: { type: 'boolean', default: false } },
    });
  } catch (err) {
    printError(ctx, `records ${sub}: ${firstSentence(errorMessage(err))}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.stdout.write(HELP);
    return 0;
  }
  const usage = (msg: string) => {
    printError(ctx, `records ${sub}: ${msg}`);
    return 2;
  };
  switch (sub) {
    case 'list':
    case 'search': {
      if (sub === 'list' && positionals.length)
        return usage(`unexpected argument '${positionals[0]}' (free text goes to 'records search')`);
      if (sub === 'search' && !positionals.join(' ').trim()) return usage('needs the text to search for');
      const filter = filterFromFlags(values as FilterFlags, { limit: LIST_DEFAULT_LIMIT });
      if (sub === 'search') filter.query = positionals.join(' ');
      return withStore(ctx, values.db, (store) => list(store, filter, values.json ?? false, ctx));
    }
    case 'show': {
      if (positionals.length !== 1) return usage('needs exactly one record id or URL');
      return withStore(ctx, values.db, (store) =>
        show(store, positionals[0], { json: values.json ?? false, revisions: values.revisions ?? false }, ctx),
      );
    }
    case 'export': {
      const format = values.format ?? 'ndjson';
      if (format !== 'ndjson' && format !== 'csv') return usage(`--format must be ndjson or csv, not '${format}'`);
      if (positionals.length) return usage(`unexpected argument '${positionals[0]}'`);
      const filter = filterFromFlags(values as FilterFlags);
      return withStore(ctx, values.db, (store) => exportRecords(store, filter, format, ctx));
    }
    default:
      return usage(`unknown subcommand (expected list, show, search or export)`);
  }
}

async function withStore(ctx: CliContext, db: string | undefined, fn: (store: Store) => Promise<number>): Promise<number> {
  const store = await openReviewStore(ctx, db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function list(store: Store, filter: RecordFilter, json: boolean, ctx: CliContext): Promise<number> {
  const out = new Output(ctx.stdout);
  const records = await store.list(filter);
  if (json) {
    for (const r of records) if (!(await out.write(JSON.stringify(r) + '\n'))) break;
    return 0;
  }
  const total = await store.count(filter);
  if (!records.length) {
    await out.write(total ? `no records at offset ${filter.offset ?? 0} (${total} match)\n` : 'no matching records\n');
    return 0;
  }
  const rows = records.map((r) => [
    r.id,
    r.publishedAt ? r.publishedAt.slice(0, 10) : '-',
    sourceOf(r),
    r.entities.countries.map((c) => c.code).join(',') || '-',
    (r.syndicatedFrom ? '[copy] ' : '') + (r.title ?? '(no title)'),
  ]);
  await out.write(
    formatTable(
      [
        { header: 'ID' },
        { header: 'PUBLISHED' },
        { header: 'SOURCE', max: 28 },
        { header: 'COUNTRIES', max: 14 },
        { header: 'TITLE', flex: true },
      ],
      rows,
      terminalWidth(ctx.stdout),
    ),
  );
  const from = (filter.offset ?? 0) + 1;
  const to = (filter.offset ?? 0) + records.length;
  if (total > records.length) await out.write(`${from}-${to} of ${total} records (--limit/--offset for more)\n`);
  return 0;
}

function sourceOf(r: StoredRecord): string {
  try {
    return new URL(r.canonicalUrl ?? r.url ?? '').hostname.replace(/^www\./, '');
  } catch {
    return r.siteName ?? '-';
  }
}

async function show(store: Store, idOrUrl: string, opts: { json: boolean; revisions: boolean }, ctx: CliContext): Promise<number> {
  const record = await store.get(idOrUrl);
  if (!record) {
    printError(ctx, `records show: no record with id or URL '${displayText(idOrUrl)}'`);
    return 1;
  }
  const revisions = opts.revisions ? await store.revisions(record.id) : [];
  const output = new Output(ctx.stdout);
  if (opts.json) {
    await output.write(JSON.stringify(opts.revisions ? { ...record, revisions } : record, null, 2) + '\n');
    return 0;
  }
  const out: string[] = [];
  out.push(displayText(record.title) || '(no title)');
  if (record.url) out.push(displayText(record.url));
  if (record.canonicalUrl && record.canonicalUrl !== record.url) out.push(`canonical: ${displayText(record.canonicalUrl)}`);
  out.push('');
  const field = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') out.push(`${label.padEnd(12)}${displayText(String(value))}`);
  };
  field('id', record.id);
  field('revision', record.revision);
  field('published', record.publishedAt);
  field('modified', record.modifiedAt);
  field('byline', record.byline);
  field('site', record.siteName);
  field('language', record.language);
  field('words', record.wordCount);
  field('syndicated', record.syndicatedFrom ? `copy of ${record.syndicatedFrom}` : null);
  const flags = Object.entries(record.flags ?? {})
    .filter(([, v]) => v)
    .map(([k]) => k);
  field('flags', flags.join(', '));
  field('feed', record.provenance?.feedUrl);
  field('fetched', record.provenance?.fetchedAt);
  field('stored', `${record.createdAt}${record.updatedAt !== record.createdAt ? ` (changed ${record.updatedAt})` : ''}`);
  field('pipeline', record.provenance?.pipelineVersion);
  out.push('');
  const e = record.entities;
  const aka = (aliases: string[] | undefined) => (aliases?.length ? `, aka ${aliases.join(' / ')}` : '');
  const group = (label: string, items: string[]) => {
    if (items.length) out.push(`${label.padEnd(15)}${displayText(items.join('; '))}`);
  };
  group(
    'People',
    e.people.map((p) => `${p.name} (${p.mentions}${aka(p.aliases)})`),
  );
  group(
    'Countries',
    e.countries.map((c) => `${c.name} ${c.code} (${c.mentions})`),
  );
  group(
    'Organizations',
    e.organizations.map((o) => `${o.name} (${o.mentions}${aka(o.aliases)})`),
  );
  group(
    'Places',
    e.places.map((p) => `${p.name}${p.countryCode ? ` [${p.countryCode}]` : ''} (${p.mentions})`),
  );
  group(
    'Dates',
    e.dates.map((d) => `${d.text}${d.value ? ` → ${d.value}` : ''} (${d.mentions})`),
  );
  if (opts.revisions) {
    out.push('');
    out.push('Revisions');
    for (const r of revisions)
      out.push(
        `  ${String(r.revision).padStart(3)}  ${r.updatedAt}  ${r.provenance?.contentHash?.slice(0, 12) ?? ''}  ${r.wordCount ?? ''} words  ${displayText(r.title)}`,
      );
  }
  out.push('');
  out.push(displayBody(record.text));
  await output.write(out.join('\n') + '\n');
  return 0;
}

export const CSV_COLUMNS = [
  'id',
  'url',
  'canonical_url',
  'title',
  'byline',
  'site_name',
  'published_at',
  'language',
  'people',
  'countries',
  'organizations',
  'places',
  'word_count',
  'revision',
  'syndicated_from',
  'feed_url',
  'fetched_at',
  'created_at',
  'updated_at',
  'text',
] as const;

export function csvValues(r: StoredRecord): unknown[] {
  const names = (xs: Array<{ name: string }>) => xs.map((x) => x.name).join('; ');
  return [
    r.id,
    r.url,
    r.canonicalUrl,
    r.title,
    r.byline,
    r.siteName,
    r.publishedAt,
    r.language,
    names(r.entities.people),
    r.entities.countries.map((c) => c.code).join('; '),
    names(r.entities.organizations),
    names(r.entities.places),
    r.wordCount,
    r.revision,
    r.syndicatedFrom,
    r.provenance?.feedUrl,
    r.provenance?.fetchedAt,
    r.createdAt,
    r.updatedAt,
    r.text,
  ];
}

/** Streams every matching record a page at a time (the filter's own limit/offset still apply). */
async function exportRecords(store: Store, filter: RecordFilter, format: 'ndjson' | 'csv', ctx: CliContext): Promise<number> {
  const out = new Output(ctx.stdout);
  if (format === 'csv' && !(await out.write(csvRow([...CSV_COLUMNS])))) return 0;
  let offset = filter.offset ?? 0;
  let left = filter.limit ?? Infinity;
  while (left > 0) {
    const page = await store.list({ ...filter, offset, limit: Math.min(EXPORT_PAGE, left) });
    for (const r of page) if (!(await out.write(format === 'csv' ? csvRow(csvValues(r)) : JSON.stringify(r) + '\n'))) return 0;
    if (page.length < Math.min(EXPORT_PAGE, left)) break;
    offset += page.length;
    left -= page.length;
  }
  return 0;
}
