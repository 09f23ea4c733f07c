// Hostile inputs: each gives a typed error or a record flagged `truncated`, never a crash, a hang or a
// blown heap. The inputs are generated here (nothing large is committed). No timing assertions: the
// point is that these finish at all (the quadratic parser stack made 100,000 nested <div>s take minutes).
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/clean/index.js';
import { guardMarkup } from '../../src/clean/body/guard.js';
import { GleanerError } from '../../src/errors.js';
import { DEFAULT_CLEAN_LIMITS } from '../../src/clean/limits.js';
import type { Article } from '../../src/record/schema.js';
import { seededBytes } from '../helpers/seeded.js';

const SENTENCE = 'The committee met again on Friday, and after a long debate, it agreed to publish the full report next week.';

/** clean() either returns an Article or throws a GleanerError; anything else fails the test. */
function cleanOrTypedError(input: string | Uint8Array, fileName = 'page.html'): Article | GleanerError {
  try {
    return clean(input, { fileName });
  } catch (err) {
    expect(err).toBeInstanceOf(GleanerError);
    return err as GleanerError;
  }
}

describe('hostile HTML inputs', () => {
  it('random binary bytes: E_BINARY, whatever the file is called', () => {
    for (const name of ['page.html', 'x.bin', 'x.txt']) {
      const out = cleanOrTypedError(seededBytes(2 * 1024 * 1024, 7), name);
      expect(out).toBeInstanceOf(GleanerError);
      expect((out as GleanerError).code).toBe('E_BINARY');
    }
  });

  it('a 50 MB page is cut at maxInputBytes and flagged truncated', () => {
    const para = `<p>${SENTENCE}</p>\n`;
    const html = `<html><body><article>${para.repeat(Math.ceil((50 * 1024 * 1024) / para.length))}</article></body></html>`;
    expect(html.length).toBeGreaterThan(50 * 1024 * 1024);
    const a = clean(html, { fileName: 'big.html' });
    expect(a.flags?.truncated).toBe(true);
    expect(a.text.startsWith(SENTENCE)).toBe(true);
    expect(a.text.length).toBeLessThanOrEqual(DEFAULT_CLEAN_LIMITS.maxTextChars);
  }, 120_000);

  it('100,000 nested <div>s are flattened past maxDomDepth; the text survives', () => {
    const n = 100_000;
    const html = `<html><body>${'<div>'.repeat(n)}${SENTENCE}${'</div>'.repeat(n)}</body></html>`;
    const a = clean(html, { fileName: 'deep.html' });
    expect(a.flags?.truncated).toBe(true);
    expect(a.text).toBe(SENTENCE);
  }, 120_000);

  it('60,000 levels of unclosed nested elements do not overflow the stack', () => {
    const html = `<html><body>${'<div><span><b>'.repeat(60_000)}${SENTENCE}`; // 180,000 tags: under maxElements
    const a = clean(html, { fileName: 'unclosed.html' });
    expect(a.flags?.truncated).toBe(true);
    expect(a.text).toContain(SENTENCE);
  }, 120_000);

  it('a page of one million <p> is capped at maxElements and flagged truncated', () => {
    const html = `<html><body>${'<p>Short line, with a comma.</p>'.repeat(1_000_000)}</body></html>`;
    const a = clean(html, { fileName: 'million.html' }, { limits: { maxInputBytes: 64 * 1024 * 1024 } });
    expect(a.flags?.truncated).toBe(true);
    expect(a.text.split('\n\n').length).toBeLessThanOrEqual(DEFAULT_CLEAN_LIMITS.maxParagraphs);
  }, 180_000);
});

describe('guardMarkup', () => {
  it('leaves ordinary pages untouched', () => {
    const html = `<!doctype html><html><head><script>if (a < b && c > d) document.write("<div><div>")</script></head>
      <body><p>one<p>two<ul><li>a<li>b</ul><br><img src=x><div><p>three</p></div></body></html>`;
    const g = guardMarkup(html, 1000, 5);
    expect(g).toEqual({ html, cutElements: false, flattened: false });
  });

  it('drops tags nested past the depth cap and keeps their text', () => {
    const g = guardMarkup(`<div><div><div><div>deep <b>bold</b> text</div></div></div></div><p>after</p>`, 1000, 2);
    expect(g.flattened).toBe(true);
    expect(g.html).toBe('<div><div>deep bold text</div></div><p>after</p>');
  });

  it('closes a <title> that never closes at the end of its first line', () => {
    const g = guardMarkup(
      '<html><head><title>Frost hits the orchards | Gazette\n<meta name="x" content="y"></head><body><p>Story.</p></body></html>',
      1000,
      100,
    );
    expect(g.titleRepaired).toBe(true);
    expect(g.html).toBe(
      '<html><head><title>Frost hits the orchards | Gazette</title>\n<meta name="x" content="y"></head><body><p>Story.</p></body></html>',
    );
  });

  it('closes a <title> whose close tag was mangled, and leaves a title with a real close tag alone', () => {
    const mangled = guardMarkup(
      '<head><title>Two new cases</titavaScript" src="/x.js"></script></head><body><p>Story.</p></body>',
      1000,
      100,
    );
    expect(mangled.titleRepaired).toBe(true);
    expect(mangled.html.startsWith('<head><title>Two new cases</title></tit')).toBe(true);
    const fine = '<head><title>A &lt;b&gt; in a title\nover two lines</title></head>';
    expect(guardMarkup(fine, 1000, 100)).toEqual({ html: fine, cutElements: false, flattened: false });
  });

  it('cuts the markup after maxElements start tags', () => {
    const g = guardMarkup('<p>a</p><p>b</p><p>c</p>', 2, 100);
    expect(g.cutElements).toBe(true);
    expect(g.html).toBe('<p>a</p><p>b</p>');
  });
});
