import { writeFileSync } from 'node:fs';
import type { RejectedRow } from '@dalbit/core/ingest/ingest-file';
import { ImportError } from './import-error.ts';

/**
 * Writes refused rows as CSV (UTF-8 with BOM so Korean Excel opens it): the file's own columns,
 * then the line the row came from and the reasons.
 */
export function writeRejects(path: string, headers: readonly string[], rows: readonly RejectedRow[]): void {
  const lines = [[...headers, 'line', 'reason'].map(quote).join(',')];
  for (const r of rows) {
    const cells = r.cells.map((c) => (c === null ? '' : String(c)));
    while (cells.length < headers.length) cells.push('');
    lines.push([...cells, String(r.line), r.reasons.join('; ')].map(quote).join(','));
  }
  try {
    writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
  } catch (e) {
    // Written before the import transaction, so failing here leaves the warehouse untouched.
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new ImportError('REJECTS_UNWRITABLE', `cannot write the rejects file ${path}: ${why}`, { cause: e });
  }
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
