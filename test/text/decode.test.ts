import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromMeta, decodeBytes, decodeInput, isValidUtf8, normalizeCharset } from '../../src/text/decode.js';

const enc = (s: string) => new TextEncoder().encode(s);
/** windows-1252 bytes of a string (only code points that exist in windows-1252 are used here). */
function cp1252(s: string): Uint8Array {
  const extra: Record<string, number> = {
    '€': 0x80,
    '‚': 0x82,
    '„': 0x84,
    '…': 0x85,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    '—': 0x97,
    œ: 0x9c,
  };
  return Uint8Array.from([...s].map((ch) => extra[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
}
const html = (head: string, body: string) => `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

describe('normalizeCharset (WHATWG labels)', () => {
  it('maps latin1 and iso-8859-1 to windows-1252, keeps real names', () => {
    expect(normalizeCharset('latin1')).toBe('windows-1252');
    expect(normalizeCharset('ISO-8859-1')).toBe('windows-1252');
    expect(normalizeCharset('"utf8"')).toBe('utf-8');
    expect(normalizeCharset('Shift_JIS')).toBe('shift_jis');
    expect(normalizeCharset('koi8-r')).toBe('koi8-r');
    expect(normalizeCharset('gb2312')).toBe('gbk');
    expect(normalizeCharset('no-such-charset')).toBeNull();
  });

  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetFromContentType('text/html; charset=ISO-8859-1')).toBe('windows-1252');
    expect(charsetFromContentType('text/html;charset="utf-8"')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
  });

  it('finds <meta charset> and http-equiv, ignoring commented-out tags', () => {
    expect(charsetFromMeta('<meta charset="windows-1251">')).toBe('windows-1251');
    expect(charsetFromMeta('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">')).toBe('iso-8859-15');
    expect(charsetFromMeta('<!-- <meta charset="koi8-r"> --><meta charset=utf-8>')).toBe('utf-8');
    expect(charsetFromMeta('<meta charset="utf-16">')).toBe('utf-8');
  });
});

describe('decodeBytes', () => {
  const sentence = 'Le ministre a déclaré « ça suffit » – l’été dernier, à Besançon. Coût : 5 €.';

  it('decodes a windows-1252 page declared by <meta charset>', () => {
    const out = decodeBytes(cp1252(html('<meta charset="windows-1252">', sentence)));
    expect(out.charset).toBe('windows-1252');
    expect(out.source).toBe('meta');
    expect(out.text).toContain(sentence);
  });

  it('decodes iso-8859-1 declared by http-equiv as windows-1252 (curly quotes and euro survive)', () => {
    const out = decodeBytes(cp1252(html('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', sentence)));
    expect(out.charset).toBe('windows-1252');
    expect(out.text).toContain('l’été');
    expect(out.text).toContain('5 €');
  });

  it('lets the HTTP charset win over a conflicting <meta>', () => {
    const bytes = cp1252(html('<meta charset="utf-8">', sentence));
    const out = decodeBytes(bytes, 'text/html; charset=ISO-8859-1');
    expect(out.source).toBe('http');
    expect(out.text).toContain(sentence);
  });

  it('does not produce mojibake when a legacy label sits on valid UTF-8 bytes', () => {
    const bytes = enc(html('<meta charset="iso-8859-1">', sentence));
    expect(decodeBytes(bytes).text).toContain(sentence);
    expect(decodeBytes(bytes, 'text/html; charset=iso-8859-1').text).toContain(sentence);
  });

  it('reads windows-1252 bytes under a UTF-8 label as windows-1252, but keeps a mixed page UTF-8', () => {
    const legacy = decodeBytes(cp1252(html('<meta charset="utf-8">', sentence)));
    expect(legacy.text).toContain(sentence);
    expect(legacy.text).not.toContain('\uFFFD');
    const mixed = new Uint8Array([...enc(html('<meta charset="utf-8">', 'déjà vu ')), 0xe9, ...enc(' fin')]);
    expect(decodeBytes(mixed).text).toContain('déjà vu');
  });

  it('strips a UTF-8 BOM and trusts it over the header', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(html('', sentence))]);
    const out = decodeBytes(bytes, 'text/html; charset=windows-1252');
    expect(out.source).toBe('bom');
    expect(out.text.startsWith('<!doctype')).toBe(true);
    expect(out.text).toContain(sentence);
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM', () => {
    const page = html('<meta charset="utf-16">', 'Москва – 東京 – São Paulo');
    const le = new Uint8Array(2 + page.length * 2);
    const be = new Uint8Array(2 + page.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < page.length; i++) {
      const c = page.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
      be[2 + 2 * i] = c >> 8;
      be[3 + 2 * i] = c & 0xff;
    }
    expect(decodeBytes(le).text).toBe(page);
    expect(decodeBytes(be).text).toBe(page);
    expect(decodeBytes(be).charset).toBe('utf-16be');
    // without the BOM and undeclared: the NULs in every other byte give it away
    const plain = 'Le conseil municipal a voté jeudi la rénovation de l’école.\n'.repeat(20);
    const bare = Uint8Array.from(Buffer.from(plain, 'utf16le'));
    expect(decodeBytes(bare)).toEqual({ text: plain, charset: 'utf-16le', source: 'sniff' });
    const bareBe = bare.map((_, i, a) => (i % 2 === 0 ? a[i + 1]! : a[i - 1]!));
    expect(decodeBytes(bareBe).text).toBe(plain);
  });

  it('finds a <meta charset> placed after 10 KiB of head markup, but not one inside the body', () => {
    const filler = `<script>var config = "${'x'.repeat(10_000)}";</script>`;
    const late = decodeBytes(cp1252(`<html><head>${filler}<meta charset="windows-1252"></head><body><p>${sentence}</p></body></html>`));
    expect(late.source).toBe('meta');
    expect(late.text).toContain(sentence);
    const inBody = decodeBytes(
      enc(`<html><head></head><body><pre>&lt;meta charset="koi8-r"&gt;</pre><meta charset="koi8-r"><p>${sentence}</p></body></html>`),
    );
    expect(inBody.charset).toBe('utf-8');
  });

  it('honours an XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>${sentence}</title></channel></rss>`;
    const out = decodeBytes(cp1252(xml));
    expect(out.source).toBe('xml');
    expect(out.text).toContain(sentence);
  });

  it('sniffs undeclared bytes: valid UTF-8 stays UTF-8, otherwise windows-1252', () => {
    expect(decodeBytes(enc(html('', sentence))).text).toContain(sentence);
    const legacy = decodeBytes(cp1252(html('', sentence)));
    expect(legacy.charset).toBe('windows-1252');
    expect(legacy.text).toContain(sentence);
  });

  it('decodes other legacy charsets declared in <meta> (windows-1251, shift_jis)', () => {
    // "Москва" in windows-1251, "東京" in Shift_JIS.
    const cyr = new Uint8Array([...enc('<meta charset="windows-1251"><p>'), 0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0, ...enc('</p>')]);
    expect(decodeBytes(cyr).text).toContain('Москва');
    const sjis = new Uint8Array([...enc('<meta charset="shift_jis"><p>'), 0x93, 0x8c, 0x8b, 0x9e, ...enc('</p>')]);
    expect(decodeBytes(sjis).text).toContain('東京');
  });

  it('reads valid UTF-8 under a stale <meta charset=gb2312> as UTF-8, but keeps real GBK bytes GBK', () => {
    const utf8 = decodeBytes(enc('<html><head><meta charset="gb2312"></head><body><p>北京市今天发布了新的交通规定。</p></body></html>'));
    expect(utf8.charset).toBe('utf-8');
    expect(utf8.text).toContain('北京市今天发布了新的交通规定。');
    // "北京" in GBK: 0xB1 0xB1 0xBE 0xA9 (not well-formed UTF-8).
    const gbk = decodeBytes(new Uint8Array([...enc('<meta charset="gb2312"><p>'), 0xb1, 0xb1, 0xbe, 0xa9, ...enc('</p>')]));
    expect(gbk.charset).toBe('gbk');
    expect(gbk.text).toContain('北京');
    // A declaration from HTTP is trusted for multi-byte charsets.
    const http = decodeBytes(new Uint8Array([...enc('<p>'), 0xe5, 0x8c, 0x97, ...enc('</p>')]), 'text/html; charset=gbk');
    expect(http.charset).toBe('gbk');
  });
});

describe('decodeInput', () => {
  it('caps bytes and flags truncation; a multi-byte sequence cut at the cap is still UTF-8', () => {
    const bytes = enc('<p>' + 'é'.repeat(100) + '</p>');
    const out = decodeInput(bytes, { contentType: null, maxBytes: 50 });
    expect(out.truncated).toBe(true);
    expect(out.charset).toBe('utf-8');
    expect(out.text.startsWith('<p>éé')).toBe(true);
    expect(isValidUtf8(bytes.subarray(0, 50))).toBe(true);
  });

  it('passes strings through, dropping a leading BOM character', () => {
    const out = decodeInput('\uFEFFhello', { contentType: null, maxBytes: 100 });
    expect(out.text).toBe('hello');
    expect(out.truncated).toBe(false);
  });
});
