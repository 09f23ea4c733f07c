// What `gleaner records` and `gleaner entities` share: the store from config or --db, filter flags,
// and output for people (aligned tables, no terminal escapes from hostile pages) and programs
// (NDJSON, CSV).
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { ConfigError, InputError } from '../errors.js';
import { isPostgresUrl, openStore, storeOptions } from '../store/open.js';
import type { EntityType, RecordFilter, Store } from '../store/types.js';
import { type CliContext, printError } from './context.js';

export const FILTER_OPTIONS = {
  entity: { type: 'string', multiple: true },
  'entity-id': { type: 'string', multiple: true },
  type: { type: 'string' },
  country: { type: 'string', multiple: true },
  since: { type: 'string' },
  until: { type: 'string' },
  source: { type: 'string' },
  language: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const FILTER_HELP = `Filters:
  --entity NAME      mentions an entity (name, alias or surname; case and accents ignored);
                     repeat for several, all required
  --entity-id ID     linked to the entity with id ID (see 'gleaner entities show'), whatever
                     name the record uses for it; repeatable, all required
  --type T           person | country | organization | place | date: the entity's type
                     (alone: records that mention any entity of that type)
  --country CC       mentions the country with ISO 3166-1 alpha-2 code CC (repeatable, or NE,ML)
  --since DATE       published on or after DATE (2023, 2023-09, 2023-09-16 or a timestamp)
  --until DATE       published up to the end of DATE (--until 2023-09 keeps all of September)
  --source HOST      from HOST or its subdomains (www. ignored)
  --language LL      written in language LL (ISO 639-1, detected from the text: fr, en, de…)
  --limit N          at most N records
  --offset N         skip the first N records
  --db PATH|URL      the store: a SQLite file or a postgres:// URL
                     (default: GLEANER_DATABASE_URL, else GLEANER_DB_PATH)`;

export interface FilterFlags {
  entity?: string[];
  'entity-id'?: string[];
  type?: string;
  country?: string[];
  since?: string;
  until?: string;
  source?: string;
  language?: string;
  limit?: string;
  offset?: string;
}

export const ENTITY_TYPE_NAMES: readonly EntityType[] = ['person', 'country', 'organization', 'place', 'date'];

export function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new InputError(`${flag} takes a whole number ≥ 0, not '${value}'`);
  return Number(value);
}

export function parseEntityType(value: string | undefined): EntityType | undefined {
  if (value === undefined) return undefined;
  const t = value.trim().toLowerCase();
  const match = ENTITY_TYPE_NAMES.find((n) => n === t || `${n}s` === t || (n === 'country' && t === 'countries'));
  if (!match) throw new InputError(`--type must be one of ${ENTITY_TYPE_NAMES.join(', ')}, not '${value}'`);
  return match;
}

export function filterFromFlags(v: FilterFlags, defaults: { limit?: number } = {}): RecordFilter {
  const countries = (v.country ?? [])
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    entity: v.entity?.length ? v.entity : undefined,
    entityId: v['entity-id']?.length ? v['entity-id'] : undefined,
    type: parseEntityType(v.type),
    country: countries.length ? countries : undefined,
    since: v.since,
    until: v.until,
    source: v.source,
    language: v.language,
    limit: parseCount(v.limit, '--limit') ?? defaults.limit,
    offset: parseCount(v.offset, '--offset'),
  };
}

/** Opens the store named by --db, else the configured one. A missing SQLite file is an error, not a new empty store. */
export async function openReviewStore(ctx: CliContext, db: string | undefined): Promise<Store> {
  const databaseUrl = db !== undefined ? (isPostgresUrl(db) ? db : null) : ctx.config.databaseUrl;
  const dbPath = db !== undefined && !isPostgresUrl(db) ? db : ctx.config.dbPath;
  if (!isPostgresUrl(databaseUrl) && dbPath !== ':memory:' && !existsSync(dbPath)) {
    throw new ConfigError(`no store at ${dbPath} (ingest something first, or pass --db PATH|URL / set GLEANER_DB_PATH)`, { path: dbPath });
  }
  return openStore({ ...storeOptions(ctx.config), databaseUrl, dbPath });
}

/** Text from pages made safe for a terminal: control characters (escape sequences) and line breaks become spaces. */
export function displayText(s: string | null | undefined): string {
  if (!s) return '';
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Like displayText, but keeps line breaks (article bodies). */
export function displayBody(s: string): string {
  return s
    .split('\n')
    .map((line) =>
      line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ').trimEnd(),
    )
    .join('\n');
}

/** Truncates to `width` characters (code points), marking the cut with "…". */
export function truncate(s: string, width: number): string {
  const chars = [...s];
  if (chars.length <= width) return s;
  return width <= 1 ? chars.slice(0, width).join('') : chars.slice(0, width - 1).join('') + '…';
}

export interface Column {
  header: string;
  /** Right-align (numbers). */
  right?: boolean;
  /** This column takes the width left over (only one; truncated). */
  flex?: boolean;
  /** Cap on the column's width (truncated). */
  max?: number;
}

export function terminalWidth(out: Writable): number {
  const cols = (out as Writable & { columns?: number }).columns;
  return cols && cols > 40 ? cols : 120;
}

/** Aligned columns separated by two spaces; the flex column is truncated to fit `width`. */
export function formatTable(columns: Column[], rows: string[][], width: number): string {
  const len = (s: string) => [...s].length;
  const cells = rows.map((r) => r.map((c, i) => (columns[i].max ? truncate(displayText(c), columns[i].max!) : displayText(c))));
  const widths = columns.map((c, i) => Math.max(len(c.header), ...cells.map((r) => len(r[i]))));
  const flex = columns.findIndex((c) => c.flex);
  if (flex >= 0) {
    const fixed = widths.reduce((a, w, i) => (i === flex ? a : a + w), 0) + 2 * (columns.length - 1);
    widths[flex] = Math.max(len(columns[flex].header), Math.min(widths[flex], width - fixed));
  }
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const t = truncate(c, widths[i]);
        return columns[i].right
          ? t.padStart(widths[i] + t.length - len(t))
          : i === r.length - 1
            ? t
            : t.padEnd(widths[i] + t.length - len(t));
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled.
 * Text from pages that starts like a spreadsheet formula (= + - @, tab, CR) gets a leading
 * apostrophe (OWASP's CSV-injection advice): a hostile title must not run in Excel or Sheets.
 */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

/** parseArgs errors run on with advice about '--'; the first sentence is the message. */
export function firstSentence(msg: string): string {
  const i = msg.indexOf('. ');
  return i > 0 ? msg.slice(0, i) : msg;
}

/**
 * stdout that tolerates a reader going away (`gleaner records export | head`): EPIPE stops the
 * output quietly instead of crashing, and writes wait for 'drain' on a full pipe.
 */
export class Output {
  closed = false;
  private failure: Error | null = null;

  constructor(private readonly out: Writable) {
    out.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') this.closed = true;
      else this.failure = err;
    });
  }

  /** False once the reader is gone: stop producing. */
  async write(chunk: string): Promise<boolean> {
    if (this.failure) throw this.failure;
    if (this.closed) return false;
    if (!this.out.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.out.off('drain', done);
          this.out.off('error', done);
          this.out.off('close', done);
          resolve();
        };
        this.out.on('drain', done);
        this.out.on('error', done);
        this.out.on('close', done);
      });
    }
    if (this.failure) throw this.failure;
    return !this.closed;
  }
}

/** Runs one subcommand: its remaining arguments and its name. */
export type SubcommandRunner = (rest: string[], sub: string) => Promise<number>;

/**
 * `gleaner <command> <sub> …` for the command groups (records, entities): help, a missing or an
 * unknown subcommand (one line on stderr, exit 2), else the subcommand's runner.
 */
export async function runSubcommand(
  command: string,
  argv: string[],
  ctx: CliContext,
  help: string,
  subcommands: Record<string, SubcommandRunner>,
): Promise<number> {
  const [sub, ...rest] = argv;
  const names = Object.keys(subcommands);
  if (!sub) {
    printError(ctx, `${command}: missing subcommand: ${names.join(', ')} (see 'gleaner ${command} --help')`);
    return 2;
  }
  if (sub === '--help' || sub === '-h' || sub === 'help') {
    ctx.stdout.write(help);
    return 0;
  }
  const runner = Object.hasOwn(subcommands, sub) ? subcommands[sub] : undefined;
  if (!runner) {
    printError(ctx, `${command}: unknown subcommand '${sub}' (expected ${names.join(', ')})`);
    return 2;
  }
  return runner(rest, sub);
}
