// A bug in metadata extraction keeps the article but is reported, never swallowed; an expected
// refusal (a GleanerError) is not a bug.
import * as cheerio from 'cheerio/slim';
import { describe, expect, it, vi } from 'vitest';
import { readMetadata } from '../../src/clean/html.js';
import { reportBugToStderr } from '../../src/clean/bugs.js';
import { InputError } from '../../src/errors.js';

/** A cheerio API whose every call throws `err`, its methods' ($.root() …) too (a stand-in for a bug deep in the metadata code). */
function throwingDom(err: unknown): cheerio.CheerioAPI {
  const fail = () => {
    throw err;
  };
  return new Proxy(fail, { get: () => fail }) as unknown as cheerio.CheerioAPI;
}

describe('metadata bugs', () => {
  it('reports a non-gleaner exception with its stage and URL, and returns empty metadata', () => {
    const onBug = vi.fn();
    const md = readMetadata(throwingDom(new TypeError('x is undefined')), 'https://news.example/a', onBug);
    expect(md.title).toBeNull();
    expect(onBug).toHaveBeenCalledTimes(1);
    expect(onBug.mock.calls[0]![0]).toBeInstanceOf(TypeError);
    expect(onBug.mock.calls[0]![1]).toEqual({ stage: 'clean/metadata', url: 'https://news.example/a' });
  });

  it('does not report a GleanerError', () => {
    const onBug = vi.fn();
    readMetadata(throwingDom(new InputError('refused')), null, onBug);
    expect(onBug).not.toHaveBeenCalled();
  });

  it('reads metadata of a real page without reporting anything', () => {
    const onBug = vi.fn();
    const md = readMetadata(
      cheerio.load('<html><head><title>Harbour reopens</title></head><body><h1>Harbour reopens</h1></body></html>'),
      null,
      onBug,
    );
    expect(md.title).toBe('Harbour reopens');
    expect(onBug).not.toHaveBeenCalled();
  });

  it('the default reporter warns on stderr with code GLEANER_BUG', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      reportBugToStderr(new RangeError('boom'), { stage: 'clean/metadata', url: null });
      expect(warn).toHaveBeenCalledWith(
        expect.stringContaining('bug in clean/metadata: boom'),
        expect.objectContaining({ code: 'GLEANER_BUG' }),
      );
    } finally {
      warn.mockRestore();
    }
  });
});
