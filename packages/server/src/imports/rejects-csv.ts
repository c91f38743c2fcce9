import { readFileSync } from 'node:fs';
import { type CsvCell, toCsvLine } from '@dalbit/core/export/csv';
import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import { parseCsv } from '@dalbit/core/ingest/csv/parse-csv';
import type { RowIssue } from '@dalbit/core/ingest/records';
import { presentIssue } from './present-issue.ts';

// Rows set aside are corrected and uploaded again, so their cells keep the source text exactly.
const KEEP_SOURCE_TEXT = { neutralizeFormulas: false } as const;

/**
 * The importer's rejects file for download: the file's own columns as they were, then the line and
 * the problems in the reader's language (UTF-8 with BOM so Korean Excel opens it).
 */
export function localizeRejects(path: string, issues: readonly RowIssue[], lang: Lang): string {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const byLine = new Map<number, string[]>();
  for (const i of issues) {
    const p = presentIssue(i, false, lang);
    const said = p.column === undefined ? p.message : `${p.column}: ${p.message}`;
    byLine.set(i.line, [...(byLine.get(i.line) ?? []), said]);
  }
  const out: string[] = [];
  let first = true;
  for (const { fields } of parseCsv(text)) {
    // The importer writes the file's columns, then `line` and `reason`.
    const cells: CsvCell[] = fields.slice(0, -2);
    if (first) {
      cells.push(translate(lang, 'imports.rejectsLine'), translate(lang, 'imports.rejectsReason'));
      first = false;
    } else {
      const line = Number(fields[fields.length - 2]);
      cells.push(line, (byLine.get(line) ?? [fields[fields.length - 1] ?? '']).join('; '));
    }
    out.push(toCsvLine(cells, KEEP_SOURCE_TEXT));
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
