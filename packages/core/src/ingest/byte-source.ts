/**
 * Random-access bytes of an export file. The importer reads a file through this instead of holding
 * it whole: CSV and JSON lines are read front to back a chunk at a time, XLSX by its zip directory.
 * Core stays free of I/O: the server wraps a file descriptor, tests and HTTP bodies wrap bytes.
 */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Uint8Array;
}

/** Exactly `length` bytes from `offset` (fewer only at the end), joining short reads. */
export function readAll(src: ByteSource, offset: number, length: number): Uint8Array {
  const first = src.read(offset, length);
  if (first.length >= length || first.length === 0) return first;
  const parts = [first];
  let got = first.length;
  for (const c of chunksOf(src, offset + got, Math.min(src.size, offset + length))) {
    parts.push(c);
    got += c.length;
  }
  const out = new Uint8Array(got);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Bytes per read when a source is streamed. */
export const CHUNK_BYTES = 1 << 20;

/** A source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

export function toByteSource(input: Uint8Array | ByteSource): ByteSource {
  return input instanceof Uint8Array ? bytesSource(input) : input;
}

/**
 * The bytes from `from` to `to` in chunks; `onRead` hears the offset reached after each chunk.
 * @example for (const chunk of chunksOf(src)) hash.update(chunk);
 */
export function* chunksOf(
  src: ByteSource,
  from = 0,
  to = src.size,
  onRead?: (offset: number) => void,
): Generator<Uint8Array> {
  for (let at = from; at < to; ) {
    const chunk = src.read(at, Math.min(CHUNK_BYTES, to - at));
    if (chunk.length === 0) return;
    at += chunk.length;
    onRead?.(at);
    yield chunk;
  }
}
