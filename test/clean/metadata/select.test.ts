import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio/slim';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import {
  BY_PREFIXED_BYLINE_SELECTORS,
  BYLINE_ELSEWHERE,
  BYLINE_SELECTORS,
  DATE_SELECTORS,
  DATE_TEXT_SELECTORS,
  HEADLINE_SELECTORS,
} from '../../../src/clean/metadata/index.js';
import { selectAll } from '../../../src/clean/metadata/select.js';

const load = (html: string) => cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const TABLES = [
  ...HEADLINE_SELECTORS,
  ...BYLINE_SELECTORS,
  ...BY_PREFIXED_BYLINE_SELECTORS,
  BYLINE_ELSEWHERE,
  ...DATE_SELECTORS,
  ...DATE_TEXT_SELECTORS,
  'article, main, [role="main"], [itemprop~="articleBody"]',
];

/** The same elements in the same order as cheerio's own $(selector). */
function expectSameAsCheerio($: cheerio.CheerioAPI, selector: string): void {
  const elements = $('*').toArray() as Element[];
  expect(selectAll($, elements, selector).toArray(), selector).toEqual($(selector).toArray());
}

describe('selectAll', () => {
  it('selects what $(selector) selects, for every selector of the metadata tables, on every fixture page', () => {
    const files = htmlFiles('fixtures');
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const $ = load(readFileSync(file, 'utf8'));
      for (const selector of TABLES) expectSameAsCheerio($, selector);
    }
  });

  it('keeps subjects after any combinator, case-insensitive attribute values, and selectors it cannot screen', () => {
    const $ = load(`<html><body>
      <div class="Post"><h2 class="Title">A</h2><p><span class="AUTHOR-name">Ann Lee</span></p></div>
      <section id="Byline-Box"><a rel="author" href="/author/b">B</a></section>
      <ul><li class="x">one</li><li>two</li></ul><script>var a = 1;</script><style>p{}</style>
    </body></html>`);
    for (const selector of [
      '.post h2, .Post h2',
      'div > h2 + p span[class*="author" i]',
      '[id*="byline" i] a[rel~="author"]',
      'li:not(.x)',
      '*',
      'script, style',
      'ul li ~ li',
      '[href^="/author/"]',
      // alternatives mixing a tag, a presence test and values looked for in the same attribute
      'h2, .title, [class*="Auth"], [rel]',
      'span.author-name, li.x, p.x, [id^="byline" i], [id$="box"]',
      '[class~="Post"] .Title, [class|="AUTHOR"], [class="x"]',
    ])
      expectSameAsCheerio($, selector);
  });
});
