import { toCsvLine } from '@dalbit/core/export/csv';
import type { RejectedRow } from '@dalbit/core/ingest/ingest-file';
import { writePrivateFile } from '../files/private-files.ts';
import { ImportError } from './import-error.ts';

// The rejects file is corrected and imported again, so cells keep their source text exactly.
const KEEP_SOURCE_TEXT = { neutralizeFormulas: false } as const;

/**
 * Writes refused rows as CSV (UTF-8 with BOM so Korean Excel opens it): the file's own columns,
 * then the line the row came from and the reasons.
 */
export function writeRejects(path: string, headers: readonly string[], rows: readonly RejectedRow[]): void {
  const lines = [toCsvLine([...headers, 'line', 'reason'], KEEP_SOURCE_TEXT)];
  for (const r of rows) {
    const cells = r.cells.map((c) => (c === null ? '' : String(c)));
    while (cells.length < headers.length) cells.push('');
    lines.push(toCsvLine([...cells, String(r.line), r.reasons.join('; ')], KEEP_SOURCE_TEXT));
  }
  try {
    writePrivateFile(path, `\uFEFF${lines.join('\r\n')}\r\n`); // rejected rows hold PII
  } catch (e) {
    // Written before the import transaction, so failing here leaves the warehouse untouched.
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new ImportError('REJECTS_UNWRITABLE', `cannot write the rejects file ${path}: ${why}`, { cause: e });
  }
}
