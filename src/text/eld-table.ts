// eld's n-gram table, read as JSON instead of as eld's own JavaScript module.
//
// eld ships its table as a 0.95 MB object literal (eld/extrasmall): V8 spends ~0.15 s compiling and
// running it in every process that detects a language — a quarter of a CLI call's start-up. JSON.parse
// of the same data takes ~0.04 s. `npm run build` writes the table as JSON next to this module
// (scripts/eld-table.mjs); without that file (tests run from src/), or when it was written for another
// eld version, eld's own module is loaded, with the same results.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** The parts of an eld instance gleaner uses. */
export interface EldDetector {
  detect(text: string): { language: string; isReliable(): boolean };
}

interface EldTableFile {
  eld: string;
  ngramsData: unknown;
}

/** Where `npm run build` puts the table: beside the compiled module (dist/text/). */
export const ELD_TABLE_FILE = new URL('./eld-extrasmall.json', import.meta.url);

/** eld's files, found from its package entry (its `exports` map hides the ones read here). */
function eldFile(relative: string): URL {
  return new URL(relative, import.meta.resolve('eld'));
}

function eldVersion(): string {
  return (JSON.parse(readFileSync(eldFile('../../package.json'), 'utf8')) as { version: string }).version;
}

/** Writes eld's extrasmall table as JSON (the build step). */
export async function writeEldTable(file: URL | string = ELD_TABLE_FILE): Promise<void> {
  const { ngramsData } = (await import(eldFile('../ngrams/extrasmall.js').href)) as { ngramsData: unknown };
  const out: EldTableFile = { eld: eldVersion(), ngramsData };
  writeFileSync(file, JSON.stringify(out));
}

/**
 * An eld detector with the extrasmall table: from the JSON file when it is there and was written for
 * the installed eld, else from eld's own module.
 */
export async function loadEldDetector(file: URL | string = ELD_TABLE_FILE): Promise<EldDetector> {
  const fromTable = await fromJsonTable(file).catch(() => null);
  if (fromTable) return fromTable;
  return (await import('eld/extrasmall')).eld as EldDetector;
}

async function fromJsonTable(file: URL | string): Promise<EldDetector | null> {
  if (typeof import.meta.resolve !== 'function' || !existsSync(file)) return null;
  const table = JSON.parse(readFileSync(file, 'utf8')) as EldTableFile;
  if (table.eld !== eldVersion()) return null;
  const { createEld } = (await import(eldFile('../languageDetector.js').href)) as {
    createEld(): { instance: EldDetector; loadData(data: unknown): string };
  };
  const { instance, loadData } = createEld();
  return loadData(table.ngramsData) ? instance : null;
}
