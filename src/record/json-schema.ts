// The published JSON Schema of a record, generated from the zod schema (the one source).
// Regenerate after changing src/record/schema.ts:  npm run build && node dist/record/json-schema.js --write
// test/record/json-schema.test.ts fails when the committed schema/record.schema.json is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { GleanerRecord } from './schema.js';

export const RECORD_SCHEMA_ID = 'https://github.com/gleaner/gleaner/schema/record.schema.json';

export function recordJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(GleanerRecord, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: RECORD_SCHEMA_ID,
    title: 'gleaner record',
    description:
      'One cleaned news article with its entities and provenance, as printed by `gleaner extract` and stored by gleaner. ' +
      'Stored records (`gleaner records show --json`, the HTTP API) add id, revision, syndicatedFrom, createdAt and updatedAt.',
    ...rest,
  };
}

/** The file's exact text: two-space JSON and a final newline. */
export function recordJsonSchemaText(): string {
  return JSON.stringify(recordJsonSchema(), null, 2) + '\n';
}

export const RECORD_SCHEMA_PATH = fileURLToPath(new URL('../../schema/record.schema.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  writeFileSync(RECORD_SCHEMA_PATH, recordJsonSchemaText());
  process.stdout.write(`wrote ${RECORD_SCHEMA_PATH}\n`);
}
