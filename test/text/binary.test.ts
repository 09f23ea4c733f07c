// sniffBinary: binary content (random bytes, PDFs, images, fill runs) is refused whatever its name or
// Content-Type, while text in the charsets gleaner decodes (UTF-8, UTF-16 with or without a BOM,
// windows-1252/1251, GBK, Shift_JIS, ISO-2022-JP) passes.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BINARY_SIGNATURES, sniffBinary, sniffBinaryText } from '../../src/text/binary.js';
import { seededBytes } from '../helpers/seeded.js';

const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => Uint8Array.from(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => utf16le(s).map((_, i, a) => (i % 2 === 0 ? a[i + 1]! : a[i - 1]!));
const repeat = (b: Uint8Array, n: number) => Uint8Array.from(Buffer.concat(Array.from({ length: n }, () => Buffer.from(b))));

const FRENCH = 'Le conseil municipal a voté jeudi, après un long débat, la rénovation de l’école « Les Tilleuls » – coût : 2 M€.\n';
// windows-1252 bytes of a French sentence (é = e9, ’ = 92, « » = ab bb, – = 96, € = 80)
const CP1252 = hex(
  '4c6120766f746520612065752069657520e0204e616e7465732c20617072e87320756e206c6f6e672064e96261743a20ab206c92e9636f6c652092206573742072e96e6f76e9652e20bb2096203220804d0a',
);
const GBK = hex(
  'b1b1bea9cad0d5feb8aed6dcb6fed0fbb2bca3acbdabd4dac3f7c4eab4babcbebfaab7c5c8fdd7f9d0c2b5c4b9abb9b2cdbccae9b9dda3acd2d4c2fad7e3bed3c3f1c8d5d2e6d4f6b3a4b5c4d4c4b6c1d0e8c7f3a1a3',
);
const CP1251 = hex(
  'cff0e0e2e8f2e5ebfcf1f2e2ee20eee1faffe2e8ebee20e2ee20e2f2eef0ede8ea20ee20f1f2f0eee8f2e5ebfcf1f2e2e520edeee2eee920e4eef0eee3e820ece5e6e4f320e4e2f3ecff20e3eef0eee4e0ece82e0a',
);
const SJIS = hex(
  '938c8b9e937382cd89ce976a93fa81419788944e82cc8f7482c9905682b582a2907d8f918ad982f08e4f82c28a4a82ad82c694ad955c82b582bd8142',
);
const ISO2022JP = hex(
  '1b2442456c357e4554244f32504d4b467c21224d68472f244e3d55244b3f37243724243f5e3d71345b24723b302444332b242f2448482f493d2437243f21231b28420a',
);

describe('sniffBinary: binary', () => {
  it('refuses 1 MB of seeded random bytes, whatever the Content-Type says', () => {
    const bytes = seededBytes(1024 * 1024, 42);
    for (const ct of [null, 'text/html; charset=utf-8', 'text/plain; charset=windows-1252']) {
      const v = sniffBinary(bytes, ct);
      expect(v.binary, String(ct)).toBe(true);
      expect(v.reason).toMatch(/% control characters$/);
    }
  });

  it('refuses a PDF by its signature, even one that is mostly ASCII', () => {
    const pdf = utf8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' + 'BT /F1 12 Tf (Hello) Tj ET\n'.repeat(200));
    expect(sniffBinary(pdf)).toEqual({ binary: true, reason: 'PDF document' });
  });

  it('refuses runs of 0xFF or NUL fill bytes, at the start, the middle or the end', () => {
    expect(sniffBinary(new Uint8Array(64 * 1024).fill(0xff)).binary).toBe(true);
    const text = utf8('The harbour bridge reopened on Monday after two years of repairs. '.repeat(400));
    const padded = Uint8Array.from([...text.subarray(0, 13_000), ...new Uint8Array(64), ...text.subarray(13_000)]);
    expect(sniffBinary(padded)).toEqual({ binary: true, reason: 'a run of 32+ 0x00/0xFF fill bytes' });
  });

  it('refuses images, archives and executables by signature', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(sniffBinary(png).reason).toBe('PNG image');
    expect(sniffBinary(gzipSync(utf8(FRENCH.repeat(50)))).reason).toBe('gzip archive');
    expect(sniffBinary(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])).reason).toBe('ELF executable');
    expect(BINARY_SIGNATURES.every((s) => (typeof s.bytes === 'string' ? s.bytes.length : s.bytes.length) >= 3)).toBe(true);
  });
});

describe('sniffBinary: text passes', () => {
  it.each([
    ['UTF-8 French', utf8(FRENCH.repeat(100)), null],
    ['windows-1252 French, undeclared', repeat(CP1252, 100), null],
    ['windows-1251 Russian', repeat(CP1251, 100), 'text/plain; charset=windows-1251'],
    ['windows-1251 Russian, undeclared', repeat(CP1251, 100), null],
    ['GB2312 Chinese', repeat(GBK, 100), 'text/html; charset=gb2312'],
    ['GB2312 Chinese, undeclared', repeat(GBK, 100), null],
    ['Shift_JIS Japanese', repeat(SJIS, 100), null],
    ['ISO-2022-JP Japanese (ESC sequences)', repeat(ISO2022JP, 100), null],
    ['UTF-16LE with a BOM', Uint8Array.from([0xff, 0xfe, ...utf16le(FRENCH.repeat(50))]), null],
    ['UTF-16BE with a BOM', Uint8Array.from([0xfe, 0xff, ...utf16be(FRENCH.repeat(50))]), null],
    ['UTF-16LE without a BOM, undeclared', utf16le(FRENCH.repeat(50)), null],
    ['UTF-16BE without a BOM, declared', utf16be(FRENCH.repeat(50)), 'text/plain; charset=utf-16be'],
    ['tab-separated text with a few stray controls', utf8('name\tcity\tcount\n'.repeat(300) + 'a\x00b\x0bc\x0cd\x1be\n'), null],
    ['Word text with vertical tabs as line breaks', utf8('First line of the note\x0bsecond line\x0b'.repeat(200)), null],
    ['an empty input', new Uint8Array(0), null],
  ])('%s', (_name, bytes, ct) => {
    expect(sniffBinary(bytes, ct)).toEqual({ binary: false, reason: null });
  });

  it('judges decoded strings by their control characters', () => {
    expect(sniffBinaryText(FRENCH.repeat(100)).binary).toBe(false);
    expect(sniffBinaryText(String.fromCharCode(...seededBytes(8192, 3))).binary).toBe(true);
  });
});
