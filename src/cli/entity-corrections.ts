// gleaner entities show|merge|retype|reject|alias|undo — reviewers' corrections from the command line.
// Each correction is stored with time and author and applied at once to stored records.
import { userInfo } from 'node:os';
import { InputError } from '../errors.js';
import { NAMED_TYPES, type NamedType } from '../extract/lexicon.js';
import type { CorrectionInput, Store, StoredEntity } from '../store/types.js';
import { type CliContext, parseCommandArgs, printError, writeLine } from './context.js';
import { displayText, openReviewStore } from './review.js';

export const CORRECTION_HELP = `
Corrections (stored with time and author, applied at once to stored records and to every later
extraction; REF is an entity id or a name/alias):
  gleaner entities show REF [--json]            the entity: type, name, aliases, code, counts,
                                                entities seen with it
  gleaner entities reject REF [--record ID]     not an entity (everywhere, or in one record)
  gleaner entities retype REF TYPE [--code CC]  another type (person | country | organization |
                                                place); --code: a country's or place's ISO code
  gleaner entities merge REF INTO               REF is the same entity as INTO ("Jose" into
                                                "Jose Mourinho")
  gleaner entities alias REF ALIAS              ALIAS is another name of REF
  gleaner entities undo CORRECTION_ID           undo one (ids: gleaner corrections list)
  Common options: --type T (which entity a name means), --author NAME (default: the user name),
  --db PATH|URL, --json (print the stored correction).
`;

const OPTIONS = {
  type: { type: 'string' },
  record: { type: 'string' },
  code: { type: 'string' },
  author: { type: 'string' },
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function namedType(value: string | undefined, what: string): NamedType | undefined {
  if (value === undefined) return undefined;
  const t = value.trim().toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  const match = NAMED_TYPES.find((n) => n === t);
  if (!match) throw new InputError(`${what} must be one of ${NAMED_TYPES.join(', ')}, not '${value}'`);
  return match;
}

function defaultAuthor(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

const ARITY: Record<string, number> = { show: 1, reject: 1, retype: 2, merge: 2, alias: 2, undo: 1 };
const USAGE: Record<string, string> = {
  show: 'entities show REF',
  reject: 'entities reject REF [--record ID]',
  retype: 'entities retype REF TYPE [--code CC]',
  merge: 'entities merge REF INTO',
  alias: 'entities alias REF ALIAS',
  undo: 'entities undo CORRECTION_ID',
};

export const CORRECTION_SUBCOMMANDS = Object.keys(ARITY);

export async function runCorrection(sub: string, argv: string[], ctx: CliContext, help: string): Promise<number> {
  const parsed = parseCommandArgs(ctx, `entities ${sub}`, help, argv, OPTIONS);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== ARITY[sub]) {
    printError(ctx, `entities ${sub}: expected ${ARITY[sub]} argument${ARITY[sub] > 1 ? 's' : ''}: gleaner ${USAGE[sub]}`);
    return 2;
  }
  const type = namedType(values.type, '--type');
  const author = values.author?.trim() || defaultAuthor();
  const store = await openReviewStore(ctx, values.db);
  try {
    if (sub === 'show') return await show(ctx, store, positionals[0], type, values.json ?? false);
    if (sub === 'undo') {
      const { correction, records } = await store.undoCorrection(positionals[0], author);
      await writeLine(
        ctx.stdout,
        values.json
          ? JSON.stringify({ undone: correction, records })
          : `undone ${correction.id} (${correction.op} ${displayText(correction.name)}); ${records} record(s) changed`,
      );
      return 0;
    }
    const [ref, arg] = positionals;
    let input: CorrectionInput;
    switch (sub) {
      case 'reject':
        input = { op: 'reject', name: ref, type, author, ...(values.record ? { recordId: values.record } : {}) };
        break;
      case 'retype':
        input = {
          op: 'retype',
          name: ref,
          type,
          to: namedType(arg, 'TYPE')!,
          author,
          ...(values.code ? { code: values.code.toUpperCase() } : {}),
          ...(values.record ? { recordId: values.record } : {}),
        };
        break;
      case 'merge':
        input = { op: 'merge', name: ref, type, into: arg, author };
        break;
      default:
        input = { op: 'alias', name: ref, type, alias: arg, author };
    }
    const { correction, records } = await store.addCorrection(input);
    await writeLine(
      ctx.stdout,
      values.json ? JSON.stringify({ correction, records }) : `${correction.id}: ${describe(correction)}; ${records} record(s) changed`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

function describe(c: { op: string; name: string; type?: string; to?: string; into?: string; alias?: string; recordId?: string }): string {
  const what = `${c.type ? `${c.type} ` : ''}'${displayText(c.name)}'`;
  switch (c.op) {
    case 'reject':
      return `rejected ${what}${c.recordId ? ` in record ${c.recordId}` : ' everywhere'}`;
    case 'retype':
      return `retyped ${what} as ${c.to}`;
    case 'merge':
      return `merged ${what} into '${displayText(c.into)}'`;
    default:
      return `'${displayText(c.alias)}' is now an alias of ${what}`;
  }
}

async function show(ctx: CliContext, store: Store, ref: string, type: NamedType | undefined, json: boolean): Promise<number> {
  const e = await store.getEntity(ref, type);
  if (!e) {
    printError(ctx, `no entity '${displayText(ref)}'`);
    return 1;
  }
  const co = await store.coEntities(e.id, 10);
  if (json) {
    await writeLine(
      ctx.stdout,
      JSON.stringify({
        ...e,
        coEntities: co.map((c) => ({ id: c.entity.id, type: c.entity.type, name: c.entity.name, records: c.records })),
      }),
    );
    return 0;
  }
  const lines = [
    `${e.id}  ${e.type}  ${displayText(e.name)}${e.code ? ` [${e.code}]` : ''}`,
    `aliases:    ${e.aliases.map(displayText).join(', ') || '-'}`,
    `records:    ${e.records}   mentions: ${e.mentions}`,
    `first seen: ${e.firstSeen ?? '-'}   last seen: ${e.lastSeen ?? '-'}`,
    `seen with:  ${co.map((c) => `${displayText(c.entity.name)} (${c.records})`).join(', ') || '-'}`,
    `records:    gleaner records list --entity-id ${e.id}`,
  ];
  for (const l of lines) await writeLine(ctx.stdout, l);
  return 0;
}

export type { StoredEntity };
