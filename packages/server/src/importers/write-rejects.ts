import { writeFileSync } from 'node:fs';
import type { RejectedRow } from '@dalbit/core/ingest/ingest-file';

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
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
