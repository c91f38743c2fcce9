import {
  chmodSync,
  closeSync,
  existsSync,
  fchmodSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/**
 * Files that hold customers' data or secrets (the warehouse and its WAL, the audit key and head,
 * tracker keys, the coupon secret, exports, rejected rows) are readable by their owner only: 0600,
 * whatever the umask of the shell that started Dalbit. The data directory is 0700 when Dalbit
 * creates it. See docs/security.md.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Adds group/other to the process umask, so files created by native code (DuckDB's WAL, which it
 * deletes and recreates at checkpoints, spill files, chDB's parts) are private too. Worker threads
 * cannot change the umask; the main thread sets it before they create anything.
 */
export function restrictUmask(): void {
  if (!isMainThread) return;
  const old = process.umask(0o077);
  if ((old | 0o077) !== 0o077) process.umask(old | 0o077);
}

/**
 * Creates `dir` (and parents) as 0700 when missing; an existing directory is left as it is. A file in
 * the way fails here with the system's own code (EEXIST, ENOTDIR), which the CLI and server explain.
 */
export function makePrivateDir(dir: string): void {
  if (existsSync(dir) && statSync(dir).isDirectory()) return;
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Sets 0600 on each path that exists (a warehouse created by an older version, its WAL). */
export function makePrivate(...paths: readonly string[]): void {
  for (const p of paths) if (existsSync(p)) chmodSync(p, PRIVATE_FILE_MODE);
}

/** Opens `path` for writing (created or truncated) with mode 0600, also when it existed with another mode. */
export function openPrivate(path: string, flags: 'w' | 'a' = 'w'): number {
  const fd = openSync(path, flags, PRIVATE_FILE_MODE);
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return fd;
}

/** Writes `data` to `path` atomically (temporary file, then rename) as a 0600 file. */
export function writePrivateFile(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const fd = openPrivate(tmp);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true }); // a full disk leaves no half-written file behind
    throw e;
  }
}
