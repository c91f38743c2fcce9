import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type ByteSource, chunksOf } from '@dalbit/core/ingest/byte-source';
import { ImportError } from './import-error.ts';

/** An export file opened for streamed reading; `close` when done. */
export interface FileSource extends ByteSource {
  close(): void;
}

/**
 * Opens a file as a `ByteSource` read a chunk at a time (positioned reads, never the whole file).
 * @example const src = openFileSource(path); try { ingestFile(src, …) } finally { src.close() }
 */
export function openFileSource(path: string): FileSource {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    throw new ImportError(
      missing ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE',
      `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.allocUnsafe(n);
      const got = n === 0 ? 0 : readSync(fd, buf, 0, n, offset);
      return got === n ? buf : buf.subarray(0, got);
    },
    close: () => closeSync(fd),
  };
}

/** SHA-256 of the whole source, read a chunk at a time. */
export function sha256Of(src: ByteSource): string {
  const hash = createHash('sha256');
  for (const chunk of chunksOf(src)) hash.update(chunk);
  return hash.digest('hex');
}
