// Golden fixtures: fixtures/articles/<slug>/{source.html|source.txt, expected.json}. Each fixture
// goes through clean() from its raw bytes (so charset detection is part of the test), and each
// field gets its own assertion, so a failure names the fixture and the field.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import type { Article } from '../../src/record/schema.js';

const dir = new URL('../../fixtures/articles/', import.meta.url).pathname;

interface Expected {
  url?: string;
  contentType?: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  language: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  /** The people named by the byline (checked when given). */
  authors?: string[];
  text: { include: string[]; exclude: string[] };
}

const FIELDS = ['title', 'byline', 'siteName', 'language', 'publishedAt', 'canonicalUrl'] as const;

const slugs = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('golden fixtures', () => {
  it('has the fixtures it promises', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(6);
  });

  for (const slug of slugs) {
    describe(slug, () => {
      const expected = JSON.parse(readFileSync(`${dir}${slug}/expected.json`, 'utf8')) as Expected;
      const file = existsSync(`${dir}${slug}/source.html`) ? 'source.html' : 'source.txt';
      const bytes = new Uint8Array(readFileSync(`${dir}${slug}/${file}`));
      const article: Article = clean(bytes, { url: expected.url ?? null, fileName: file, contentType: expected.contentType ?? null });

      for (const field of FIELDS) {
        it(`${field}`, () => {
          expect(article[field] ?? null).toBe(expected[field]);
        });
      }

      if (expected.authors) {
        it('authors', () => {
          expect(article.authors).toEqual(expected.authors);
        });
      }

      it('text keeps the article', () => {
        const missing = expected.text.include.filter((s) => !article.text.includes(s));
        expect(missing).toEqual([]);
      });

      it('text drops the boilerplate', () => {
        const kept = expected.text.exclude.filter((s) => article.text.includes(s));
        expect(kept).toEqual([]);
      });
    });
  }
});
