// The one sha256 helper and the content hash built on it. The content hash is the syndication key:
// the pipeline writes it into every record's provenance and the store recomputes it for records
// without one, so both must use this function.
import { createHash } from 'node:crypto';

/** sha256 of a string (UTF-8) or bytes, as 64 hex digits. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 as raw bytes (for constant-time comparison). */
export function sha256Bytes(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** Hash of the article text with whitespace and case folded: equal for syndicated copies. */
export function contentHash(text: string): string {
  return sha256Hex(text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim());
}
