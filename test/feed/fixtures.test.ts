// Every fixtures/feeds/<name>.<ext> with a <name>.expected.json: the parsed feed must match field by
// field (one assertion per field, so a failure names it). {"error": CODE} marks input that is not a feed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../src/errors.js';
import { parseFeed } from '../../src/feed/index.js';

const dir = new URL('../../fixtures/feeds/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => !f.endsWith('.expected.json') && !f.startsWith('.'));

interface Expected {
  error?: string;
  format?: string;
  title?: string | null;
  link?: string | null;
  items?: Array<Record<string, unknown>>;
}

describe.each(files)('fixtures/feeds/%s', (file) => {
  const expected = JSON.parse(readFileSync(dir + file.replace(/\.[^.]+$/, '.expected.json'), 'utf8')) as Expected;
  const bytes = new Uint8Array(readFileSync(dir + file));

  if (expected.error) {
    it(`is refused with ${expected.error}`, () => {
      let err: unknown;
      try {
        parseFeed(bytes);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FeedParseError);
      expect((err as FeedParseError).code).toBe(expected.error);
    });
    return;
  }

  const feed = parseFeed(bytes);
  it('has the format, title and link', () => {
    expect(feed.format).toBe(expected.format);
    if ('title' in expected) expect(feed.title).toBe(expected.title);
    if ('link' in expected) expect(feed.link).toBe(expected.link);
  });
  it(`has ${expected.items!.length} items`, () => {
    expect(feed.items).toHaveLength(expected.items!.length);
  });
  expected.items!.forEach((want, n) => {
    for (const [field, value] of Object.entries(want)) {
      it(`item ${n} ${field}`, () => {
        expect((feed.items[n] as unknown as Record<string, unknown>)?.[field]).toEqual(value);
      });
    }
    it(`item ${n} has a non-empty id`, () => {
      expect(typeof feed.items[n]?.id).toBe('string');
      expect(feed.items[n]!.id.length).toBeGreaterThan(0);
    });
  });
});

describe('every truncation of every fixture', () => {
  it.each(files)('%s: each prefix parses or is refused with FeedParseError, never anything else', (file) => {
    const bytes = readFileSync(dir + file);
    const unexpected: string[] = [];
    for (let cut = 0; cut <= bytes.length; cut += 13) {
      try {
        parseFeed(new Uint8Array(bytes.subarray(0, cut)));
      } catch (err) {
        if (!(err instanceof FeedParseError)) unexpected.push(`${cut}: ${String(err)}`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});
