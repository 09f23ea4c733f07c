import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eld as eldModule } from 'eld/extrasmall';
import { loadEldDetector, writeEldTable } from '../../src/text/eld-table.js';

const dir = mkdtempSync(join(tmpdir(), 'gleaner-eld-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXTS = [
  'The minister said that the plan was approved by the council on Monday and it has support.',
  'Le ministre a dit que le plan est soutenu par la majorité des élus et par les maires du pays.',
  'Der Minister sagte, dass der Plan von der Mehrheit unterstützt wird und auch die Länder sich einig sind.',
  'O ministro disse que o plano foi aprovado pela maioria dos deputados e que não há alternativa.',
  'Министр заявил, что план поддерживает большинство депутатов.',
  '東京で開かれた会議で、首相は新しい計画を発表した。',
  'Hello there',
];

describe('eld table as JSON', () => {
  it('detects exactly what eld’s own module detects', async () => {
    const file = join(dir, 'table.json');
    await writeEldTable(file);
    const detector = await loadEldDetector(file);
    expect(detector).not.toBe(eldModule); // the JSON table was used, not the fallback
    for (const text of TEXTS) {
      const a = detector.detect(text);
      const b = eldModule.detect(text);
      expect({ text, language: a.language, reliable: a.isReliable() }).toEqual({ text, language: b.language, reliable: b.isReliable() });
    }
  });

  it('falls back to eld’s module when the table is missing or was written for another eld version', async () => {
    expect(await loadEldDetector(join(dir, 'missing.json'))).toBe(eldModule);
    const stale = join(dir, 'stale.json');
    await writeEldTable(stale);
    const table = JSON.parse(readFileSync(stale, 'utf8')) as { eld: string };
    writeFileSync(stale, JSON.stringify({ ...table, eld: '0.0.1' }));
    expect(await loadEldDetector(stale)).toBe(eldModule);
    writeFileSync(stale, '{ not json');
    expect(await loadEldDetector(stale)).toBe(eldModule);
  });
});
