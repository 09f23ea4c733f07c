// Bounded reads for the CLI: files and stdin are read as streams and never past a byte cap, so
// `gleaner extract /dev/zero` or 200 MB on a pipe cost at most the cap in memory.
import { createReadStream } from 'node:fs';
import { InputError, errorMessage } from '../errors.js';

export interface BoundedBytes {
  bytes: Buffer;
  /** More bytes were there than the cap (only maxBytes + 1 were read). */
  truncated: boolean;
}

/**
 * Reads at most `maxBytes + 1` bytes of a stream (one past the cap, so the caller can tell "exactly
 * the cap" from "more"), then stops reading. A stream we stop early is destroyed (a file) or left
 * alone (stdin belongs to the process; its writer gets EPIPE when we exit).
 */
export async function readBounded(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
  opts: { destroy?: boolean } = {},
): Promise<BoundedBytes> {
  const chunks: Buffer[] = [];
  let size = 0;
  const limit = maxBytes + 1;
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  try {
    while (size < limit) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      const room = limit - size;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      chunks.push(part);
      size += part.length;
    }
  } finally {
    if (size >= limit) {
      if (opts.destroy) await iterator.return?.();
      else (stream as NodeJS.ReadableStream & { pause?: () => void }).pause?.();
    }
  }
  const all = Buffer.concat(chunks, size);
  return size > maxBytes ? { bytes: all, truncated: true } : { bytes: all, truncated: false };
}

/** A file, read up to `maxBytes + 1` bytes. Errors are one-line InputErrors naming the file. */
export async function readFileBounded(path: string, maxBytes: number): Promise<BoundedBytes> {
  try {
    // `end` is inclusive: bytes 0..maxBytes are maxBytes + 1 bytes.
    return await readBounded(createReadStream(path, { end: maxBytes, highWaterMark: 1024 * 1024 }), maxBytes, { destroy: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : errorMessage(err);
    throw new InputError(`cannot read input: ${why}`, { path });
  }
}

/** A list (manifest, URLs) that must be read whole: more than `maxBytes` is an error, not a cut. */
export async function readWhole(
  source: { path: string } | { stdin: NodeJS.ReadableStream },
  maxBytes: number,
  what: string,
): Promise<Buffer> {
  const read = 'path' in source ? await readFileBounded(source.path, maxBytes) : await readBounded(source.stdin, maxBytes);
  if (read.truncated)
    throw new InputError(`${what} is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB; split it`, { limit: maxBytes });
  return read.bytes;
}
