// One content hash: the pipeline's provenance key and the store's fallback key are the same function,
// so a record stored without provenance still finds its syndicated copies.
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/pipeline.js';
import { recordKeys } from '../../src/store/query.js';
import { contentHash, sha256Bytes, sha256Hex } from '../../src/text/hash.js';

describe('sha256 and the content hash', () => {
  it('hashes strings and bytes alike', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(sha256Hex('abc'));
    expect(sha256Bytes('abc').toString('hex')).toBe(sha256Hex('abc'));
  });

  it('folds case, width and whitespace: syndicated copies share it', () => {
    expect(contentHash('The  Council met\non Friday.')).toBe(contentHash('the council met on friday.'));
    expect(contentHash('ＡＢＣ news')).toBe(contentHash('abc news'));
    expect(contentHash('The council met.')).not.toBe(contentHash('The council met today.'));
  });

  it('the store computes the same key as the pipeline writes', () => {
    const record = processDocument('The harbour council met on Friday and approved the new ferry timetable for the summer.', {
      url: 'https://news.example/a',
    });
    const { provenance, ...rest } = record;
    expect(recordKeys({ ...rest, provenance: { ...provenance!, contentHash: undefined as unknown as string } }).contentHash).toBe(
      provenance!.contentHash,
    );
    expect(provenance!.contentHash).toBe(contentHash(record.text));
  });
});
