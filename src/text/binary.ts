// Is this input text at all? Binary content (images, PDFs, archives, random bytes) must not become
// an "article". The rules follow the WHATWG MIME Sniffing standard (its "binary data bytes" and
// byte-pattern tables) and file(1)'s habit of judging by control characters, made a little more
// tolerant: a share of control characters rather than any single one, because real pages carry
// the odd stray NUL or vertical tab. Every rule is one row of a named table below.
//   1. a known binary signature at the start (BINARY_SIGNATURES)            → binary
//   2. a run of FILL_RUN identical fill bytes (0x00 or 0xFF: padding, erased flash) → binary
//   3. more than CONTROL_SHARE of the sampled characters are binary-data controls → binary
// UTF-16 (BOM, declared charset, or the NUL-every-other-byte pattern) is judged on its decoded
// characters, so UTF-16 text passes; every other charset gleaner decodes is ASCII-compatible, where
// the bytes 0x00–0x1F only ever mean control characters (GBK, Shift_JIS and UTF-8 trail bytes are
// all ≥ 0x40), so those are judged on bytes.
import { charsetFromContentType, utf16ByNulls } from './decode.js';

/**
 * Leading byte patterns of formats that are never text (WHATWG MIME Sniffing §6–7, plus a few).
 * Only patterns no text starts with: short ASCII ones (BMP's "BM", "RIFF") are left to rule 3.
 */
export const BINARY_SIGNATURES: ReadonlyArray<{ name: string; bytes: number[] | string }> = [
  { name: 'PDF document', bytes: '%PDF-' },
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'GIF image', bytes: 'GIF87a' },
  { name: 'GIF image', bytes: 'GIF89a' },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'ICO image', bytes: [0x00, 0x00, 0x01, 0x00] },
  { name: 'ZIP archive (or DOCX/XLSX/EPUB)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b, 0x08] },
  { name: 'RAR archive', bytes: 'Rar!\x1a\x07' },
  { name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'xz archive', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'OLE2 document (DOC/XLS)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'Ogg media', bytes: 'OggS' },
  { name: 'MP3 audio', bytes: 'ID3\x03' },
  { name: 'MP3 audio', bytes: 'ID3\x04' },
  { name: 'Matroska/WebM media', bytes: [0x1a, 0x45, 0xdf, 0xa3] },
  { name: 'WOFF font', bytes: 'wOFF' },
  { name: 'WOFF2 font', bytes: 'wOF2' },
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'SQLite database', bytes: 'SQLite format 3\x00' },
];

/** Bytes that WHATWG calls "binary data bytes", except VT (0x0B: Word's manual line break). */
export function isBinaryControl(code: number): boolean {
  return code <= 0x08 || (code >= 0x0e && code <= 0x1a) || (code >= 0x1c && code <= 0x1f);
}

/** The thresholds of rules 2 and 3. */
export const BINARY_SNIFF = {
  /** Characters sampled per window; three windows (start, middle, end). */
  windowChars: 4096,
  /** Share of binary-data controls above which the sample is binary (random bytes: ~10 %). */
  controlShare: 0.02,
  /** ... counted only once at least this many are present (a few stray controls are noise). */
  minControls: 4,
  /** This many identical fill bytes in a row is padding, not text. */
  fillRun: 32,
  fillBytes: [0x00, 0xff],
} as const;

export interface BinaryVerdict {
  binary: boolean;
  /** Why, for the error message: "PDF document", "11.2% control characters", … */
  reason: string | null;
}

const TEXT: BinaryVerdict = { binary: false, reason: null };

function startsWith(bytes: Uint8Array, sig: number[] | string): boolean {
  const want = typeof sig === 'string' ? Array.from(sig, (c) => c.charCodeAt(0)) : sig;
  if (bytes.length < want.length) return false;
  for (let i = 0; i < want.length; i++) if (bytes[i] !== want[i]) return false;
  return true;
}

/** Start offsets of the sample windows over a length (start, middle, end; fewer when short). */
function windows(length: number, size: number): Array<[number, number]> {
  if (length <= 3 * size) return [[0, length]];
  const mid = Math.floor(length / 2 - size / 2);
  return [
    [0, size],
    [mid, mid + size],
    [length - size, length],
  ];
}

function controlVerdict(controls: number, sampled: number): BinaryVerdict {
  if (controls >= BINARY_SNIFF.minControls && controls / sampled > BINARY_SNIFF.controlShare) {
    return { binary: true, reason: `${((100 * controls) / sampled).toFixed(1)}% control characters` };
  }
  return TEXT;
}

/** Which UTF-16 the bytes are in, if any: BOM, declared charset, or NULs in every other byte. */
function utf16Of(bytes: Uint8Array, contentType: string | null | undefined): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const declared = charsetFromContentType(contentType);
  if (declared === 'utf-16le' || declared === 'utf-16be') return declared;
  return utf16ByNulls(bytes);
}

function longestFillRun(bytes: Uint8Array): number {
  let best = 0;
  let run = 0;
  let prev = -1;
  const fill = BINARY_SNIFF.fillBytes as readonly number[];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    run = b === prev && fill.includes(b) ? run + 1 : 1;
    prev = b;
    if (run > best) best = run;
    if (best >= BINARY_SNIFF.fillRun) return best;
  }
  return best;
}

/** Judges raw bytes (a file, stdin, a fetched body), whatever their Content-Type says. */
export function sniffBinary(bytes: Uint8Array, contentType?: string | null): BinaryVerdict {
  for (const sig of BINARY_SIGNATURES) if (startsWith(bytes, sig.bytes)) return { binary: true, reason: sig.name };
  const utf16 = utf16Of(bytes, contentType);
  if (utf16) {
    const size = BINARY_SNIFF.windowChars * 2;
    let controls = 0;
    let sampled = 0;
    for (const [from, to] of windows(bytes.length, size)) {
      const text = new TextDecoder(utf16).decode(bytes.subarray(from & ~1, to & ~1));
      const v = countControls(text);
      controls += v;
      sampled += text.length;
    }
    return sampled ? controlVerdict(controls, sampled) : TEXT;
  }
  let controls = 0;
  let sampled = 0;
  for (const [from, to] of windows(bytes.length, BINARY_SNIFF.windowChars)) {
    const slice = bytes.subarray(from, to);
    if (longestFillRun(slice) >= BINARY_SNIFF.fillRun)
      return { binary: true, reason: `a run of ${BINARY_SNIFF.fillRun}+ 0x00/0xFF fill bytes` };
    for (let i = 0; i < slice.length; i++) if (isBinaryControl(slice[i]!)) controls++;
    sampled += slice.length;
  }
  return sampled ? controlVerdict(controls, sampled) : TEXT;
}

function countControls(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (isBinaryControl(text.charCodeAt(i))) n++;
  return n;
}

/** Judges text that arrived already decoded (a string input): rule 3 only. */
export function sniffBinaryText(text: string): BinaryVerdict {
  let controls = 0;
  let sampled = 0;
  for (const [from, to] of windows(text.length, BINARY_SNIFF.windowChars)) {
    controls += countControls(text, from, to);
    sampled += to - from;
  }
  return sampled ? controlVerdict(controls, sampled) : TEXT;
}
