// Bytes → string, without mojibake. Order of trust (WHATWG "encoding sniffing", simplified):
//   1. a byte-order mark (UTF-8, UTF-16LE/BE);
//   2. the HTTP Content-Type charset;
//   3. <meta charset> / <meta http-equiv="content-type"> in the head (WHATWG prescans 1024 bytes;
//      we read up to 32 KiB before <body>, since news CMSs put 6-13 KiB of markup before it);
//   4. an XML declaration <?xml ... encoding="..."?> (feeds, XHTML);
//   5. sniffing: UTF-16 without a BOM (NULs in every other byte), bytes that are valid UTF-8 are
//      UTF-8, else windows-1252.
// Labels are resolved by Node's TextDecoder (full ICU), which implements the WHATWG label table
// (latin1 / iso-8859-1 / ascii → windows-1252, gb2312 → gbk, ...).

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1252". */
  charset: string;
  /** Where the charset came from. */
  source: CharsetSource;
  truncated: boolean;
}

export type CharsetSource = 'string' | 'bom' | 'http' | 'meta' | 'xml' | 'sniff';

/** How many leading bytes are searched for <meta charset> and <?xml encoding?>. */
const PRESCAN_BYTES = 32 * 1024;

/** WHATWG name of a label, or null when TextDecoder does not know it. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase();
  if (!cleaned) return null;
  try {
    return new TextDecoder(cleaned).encoding;
  } catch {
    // A few labels seen in the wild that are not WHATWG labels.
    const alias = NON_STANDARD_LABELS[cleaned];
    return alias ? normalizeCharset(alias) : null;
  }
}

const NON_STANDARD_LABELS: Record<string, string> = {
  utf8: 'utf-8',
  win1252: 'windows-1252',
  cp1251: 'windows-1251',
  win1251: 'windows-1251',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'iso8859-1': 'windows-1252',
  'iso-8859-1:1987': 'windows-1252',
};

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType);
  if (!m) return null;
  return normalizeCharset(m[2] ?? m[1]);
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** ASCII view of the first bytes (non-ASCII bytes become '?'), enough to find markup declarations. */
function asciiHead(bytes: Uint8Array, n: number): string {
  const end = Math.min(bytes.length, n);
  // latin1 maps each byte to the code point of the same value, in native code
  return Buffer.from(bytes.buffer, bytes.byteOffset, end)
    .toString('latin1')
    .replace(/[\u0080-\u00ff]/g, '?');
}

/** <meta charset="x"> or <meta http-equiv="Content-Type" content="...; charset=x"> (comments skipped). */
export function charsetFromMeta(head: string): string | null {
  const noComments = head.replace(/<!--[\s\S]*?(-->|$)/g, '');
  const metaRe = /<meta\b([^>]*)>/gi;
  let m: RegExpExecArray | null;
  while ((m = metaRe.exec(noComments)) !== null) {
    const attrs = m[1];
    let label: string | undefined;
    if (/\bhttp-equiv\s*=\s*["']?\s*content-type/i.test(attrs)) {
      const content = /\bcontent\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
      const value = content ? (content[2] ?? content[3] ?? content[4] ?? '') : '';
      label = /charset\s*=\s*["']?([^"';\s]+)/i.exec(value)?.[1];
    } else {
      label = /(?:^|\s)charset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(attrs)?.[1];
    }
    const found = normalizeCharset(label);
    if (found) return metaOverride(found);
  }
  return null;
}

/** WHATWG: a UTF-16 label in a meta tag means UTF-8 (the meta tag itself was readable as ASCII). */
function metaOverride(charset: string): string {
  return charset.startsWith('utf-16') ? 'utf-8' : charset;
}

export function charsetFromXmlDeclaration(head: string): string | null {
  const m = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  return m ? metaOverride(normalizeCharset(m[1]) ?? '') || null : null;
}

const UTF8 = new TextDecoder('utf-8');
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });

/** The text of well-formed UTF-8 bytes, else null (one pass: validates and decodes). */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8_STRICT.decode(bytes);
  } catch {
    return null;
  }
}

/** True when the bytes are well-formed UTF-8 (a sequence cut at the very end is tolerated). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    // The input may have been cut in the middle of a multi-byte sequence: retry without the tail.
    for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
      const b = bytes[bytes.length - cut];
      if ((b & 0xc0) !== 0x80) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
          return true;
        } catch {
          return false;
        }
      }
    }
    return false;
  }
}

/**
 * BOM-less UTF-16 of mostly Latin text: the high byte of nearly every code unit is 0, so NULs
 * fill one parity of the first bytes and (almost) never the other.
 */
export function utf16ByNulls(bytes: Uint8Array, probe = 512): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, probe) & ~1;
  if (n < 16) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const units = n / 2;
  if (odd > units * 0.4 && even < units * 0.05) return 'utf-16le';
  if (even > units * 0.4 && odd < units * 0.05) return 'utf-16be';
  return null;
}

/** Decide the charset of `bytes` and decode them. */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): Omit<Decoded, 'truncated'> {
  const bom = bomCharset(bytes);
  if (bom) return { text: new TextDecoder(bom.charset).decode(bytes.subarray(bom.length)), charset: bom.charset, source: 'bom' };

  // UTF-16 without a BOM but declared by HTTP still decodes as UTF-16.
  const http = charsetFromContentType(contentType);
  if (http) return mislabelled(http, bytes) ?? { text: decodeWith(http, bytes), charset: http, source: 'http' };

  const scanned = asciiHead(bytes, PRESCAN_BYTES);
  const bodyAt = scanned.search(/<body[\s>]/i);
  const head = bodyAt > 0 ? scanned.slice(0, bodyAt) : scanned;
  const xml = charsetFromXmlDeclaration(head);
  const meta = charsetFromMeta(head);
  // An XML declaration comes first in the document; a <meta> in XHTML usually agrees with it.
  if (xml && /^\s*<\?xml/i.test(head)) return { text: decodeWith(xml, bytes), charset: xml, source: 'xml' };
  // A <meta> is often a template's stale leftover: well-formed UTF-8 under any other declared
  // charset (gb2312, shift_jis, euc-kr included) is UTF-8. Valid UTF-8 by chance is all but
  // impossible for real multi-byte legacy text; an HTTP header is trusted further (see mislabelled).
  if (meta) return mislabelled(meta, bytes, true) ?? { text: decodeWith(meta, bytes), charset: meta, source: 'meta' };
  const utf16 = utf16ByNulls(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), charset: utf16, source: 'sniff' };
  const utf8 = hasNonAscii(bytes) ? strictUtf8(bytes) : UTF8.decode(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', source: 'sniff' };
  if (isValidUtf8(bytes)) return { text: UTF8.decode(bytes), charset: 'utf-8', source: 'sniff' };
  return { text: decodeWindows1252(bytes), charset: 'windows-1252', source: 'sniff' };
}

/**
 * A page declared as a legacy single-byte charset (HTTP or meta) whose bytes are valid non-ASCII
 * UTF-8 was mislabelled (Apache's iso-8859-1 default, old CMS templates): multi-byte UTF-8
 * sequences almost never occur in real windows-1252 text, and trusting the label gives mojibake.
 */
function mislabelled(declared: string, bytes: Uint8Array, anyLegacy = false): Omit<Decoded, 'truncated'> | null {
  if (declared === 'utf-8' || (!anyLegacy && !isSingleByteCharset(declared)) || !hasNonAscii(bytes) || !isValidUtf8(bytes)) return null;
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', source: 'sniff' };
}

// Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (it takes a latin1 fast
// path), which turns curly quotes, dashes and € into invisible characters. The WHATWG index for
// that range is small enough to apply by hand.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let s = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      s += b >= 0x80 && b < 0xa0 ? WINDOWS_1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    parts.push(s);
  }
  return parts.join('');
}

function decodeWith(charset: string, bytes: Uint8Array): string {
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  if (charset === 'utf-8') {
    const text = UTF8.decode(bytes);
    // Declared UTF-8 but written in windows-1252 (an old template on a new CMS): every non-ASCII
    // byte is an error. When no well-formed multi-byte character exists at all, the bytes are
    // legacy; a page that mixes both stays UTF-8.
    if (text.includes('\uFFFD') && !/[\u0080-\uFFFC\uFFFE-\uFFFF]/.test(text)) return decodeWindows1252(bytes);
    return text;
  }
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

function isSingleByteCharset(charset: string): boolean {
  return /^(windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|x-mac-cyrillic|ibm866)$/.test(charset);
}

/**
 * Input (string or bytes) → text, with the byte cap applied. Strings are already decoded; a
 * leading BOM character is dropped.
 */
export function decodeInput(input: string | Uint8Array, opts: { contentType: string | null; maxBytes: number }): Decoded {
  if (typeof input === 'string') {
    const truncated = input.length > opts.maxBytes;
    const text = (truncated ? input.slice(0, opts.maxBytes) : input).replace(/^\uFEFF/, '');
    return { text, charset: 'utf-8', source: 'string', truncated };
  }
  const truncated = input.byteLength > opts.maxBytes;
  const bytes = truncated ? input.subarray(0, opts.maxBytes) : input;
  return { ...decodeBytes(bytes, opts.contentType), truncated };
}
