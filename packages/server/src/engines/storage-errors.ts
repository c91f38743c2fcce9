import { dirname } from 'node:path';
import { DalbitError, isDalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';

/**
 * The engine's own texts for a full disk and a damaged database file, turned into DalbitErrors
 * that say in Korean what happened and what to do (kind `io`: exit 74, HTTP 500). A failed write
 * never leaves part of a transaction behind (DuckDB rolls it back), which the message says.
 */
const DISK_FULL = /No space left on device|\bENOSPC\b|File too large|\bEFBIG\b|Disk quota exceeded|\bEDQUOT\b/i;
const CORRUPT =
  /not a valid DuckDB database file|Corrupt database file|does not match stored checksum|database file .* is corrupt/i;

const textOf = (e: unknown): string =>
  e instanceof Error ? `${e.message} ${(e as NodeJS.ErrnoException).code ?? ''}` : String(e);

/** The file the engine named (`… write file "/data/dalbit.duckdb.wal": …`), else `fallback`. */
const namedFile = (text: string, fallback: string): string => /file "([^"]+)"/.exec(text)?.[1] ?? fallback;

/** A DISK_FULL DalbitError when `e` is the engine or the OS saying the disk (or quota) is full. */
export function diskFullError(e: unknown, path: string): DalbitError | undefined {
  if (isDalbitError(e)) return undefined;
  const text = textOf(e);
  if (!DISK_FULL.test(text)) return undefined;
  const file = namedFile(text, path);
  return new DalbitError({
    code: 'DISK_FULL',
    kind: 'io',
    message: translate('ko', 'storage.diskFull', { path: file, dir: dirname(file) }),
    data: { path: file },
    cause: e,
  });
}

/** A WAREHOUSE_CORRUPT DalbitError when opening `path` failed because the file is damaged. */
export function corruptWarehouseError(e: unknown, path: string): DalbitError | undefined {
  if (isDalbitError(e)) return undefined;
  const text = textOf(e);
  if (!CORRUPT.test(text)) return undefined;
  const detail = text
    .replace(/^\s*(Error:\s*)?(IO Error:\s*)?/, '')
    .trim()
    .slice(0, 200);
  return new DalbitError({
    code: 'WAREHOUSE_CORRUPT',
    kind: 'io',
    message: translate('ko', 'storage.corrupt', { path, detail }),
    data: { path },
    cause: e,
  });
}

/** Rethrows `e` as a storage DalbitError when it is one (for `.catch` on engine calls). */
export function storageFailure(path: string): (e: unknown) => never {
  return (e) => {
    throw diskFullError(e, path) ?? e;
  };
}
