import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMA_PATH, recordJsonSchema, recordJsonSchemaText } from '../../src/record/json-schema.js';
import { GleanerRecord } from '../../src/record/schema.js';
import { seedRecord } from '../store/seed.js';

describe('schema/record.schema.json', () => {
  it('is up to date with src/record/schema.ts (regenerate: npm run build && node dist/record/json-schema.js --write)', () => {
    expect(readFileSync(RECORD_SCHEMA_PATH, 'utf8')).toBe(recordJsonSchemaText());
  });

  it('describes every field of the zod record and requires the ones zod requires', () => {
    const schema = recordJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(GleanerRecord.shape).sort());
    const record = seedRecord(1) as Record<string, unknown>;
    for (const key of schema.required) expect(record).toHaveProperty(key);
    expect(schema.required).toContain('entities');
    expect(schema.required).not.toContain('provenance');
  });

  it('keeps the country code pattern and entity structure', () => {
    const text = recordJsonSchemaText();
    const schema = JSON.parse(text);
    const country = schema.properties.entities.properties.countries.items;
    expect(country.properties.code.pattern).toBe('^[A-Z]{2}$');
    expect(country.required).toEqual(expect.arrayContaining(['name', 'code', 'mentions']));
  });
});
