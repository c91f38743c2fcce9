import { closeSync, renameSync, writeSync } from 'node:fs';
import { openPrivate } from '../files/private-files.ts';

/**
 * Appends bytes to `<path>.partial` through a 1 MiB buffer and renames it to `path` on
 * `close()`, so a reader never sees a half-written export. Synchronous on purpose: the demo
 * generator is a single CPU-bound loop and sync writes keep its output order trivially fixed.
 */
export class SyncFileWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private closed = false;
  bytesWritten = 0;

  constructor(readonly path: string) {
    this.fd = openPrivate(`${path}.partial`); // exports may hold unmasked PII: 0600
  }

  write(chunk: Uint8Array): void {
    if (chunk.length > this.buffer.length - this.used) this.flush();
    if (chunk.length >= this.buffer.length) {
      this.writeFully(chunk);
      return;
    }
    this.buffer.set(chunk, this.used);
    this.used += chunk.length;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.writeFully(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeFully(bytes: Uint8Array): void {
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off, bytes.length - off);
    this.bytesWritten += bytes.length;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    closeSync(this.fd);
    renameSync(`${this.path}.partial`, this.path);
  }
}
