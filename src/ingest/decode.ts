// Bytes → string. Order of trust: BOM, HTTP charset, <meta charset>/http-equiv, sniffing.
// (Owned by the metadata/charset work; this is the minimal version.)

export interface Decoded {
  text: string;
  charset: string;
  truncated: boolean;
}

export function decodeInput(input: string | Uint8Array, opts: { contentType: string | null; maxBytes: number }): Decoded {
  if (typeof input === 'string') {
    const truncated = input.length > opts.maxBytes;
    return { text: truncated ? input.slice(0, opts.maxBytes) : input, charset: 'utf-8', truncated };
  }
  const truncated = input.byteLength > opts.maxBytes;
  const bytes = truncated ? input.subarray(0, opts.maxBytes) : input;
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8', truncated };
}
