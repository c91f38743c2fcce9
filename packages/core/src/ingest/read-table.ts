import { detectDelimiter, parseCsv } from './csv/parse-csv.ts';
import { decodeText, type TextEncoding } from './decode-text.ts';
import type { Cell } from './normalise/cell.ts';
import { openWorkbook } from './xlsx/open-workbook.ts';
import { readSheetRows } from './xlsx/read-sheet-rows.ts';

export type FileFormat = 'csv' | 'xlsx' | 'jsonl';

export interface RawRow {
  readonly cells: readonly Cell[];
  /** CSV line / sheet row where the row starts (1-based). */
  readonly line: number;
}

export interface OpenedTable {
  readonly format: FileFormat;
  readonly encoding?: TextEncoding;
  readonly date1904: boolean;
  readonly sheet?: string;
  readonly rows: Iterable<RawRow>;
  /** Share of the input consumed so far, in [0, 1] (for progress bars). */
  progress(): number;
  /** Problems of the file itself (an unterminated quote). */
  readonly problems: { line: number; message: string }[];
}

/** Zip archives (xlsx) start with "PK\x03\x04"; JSON lines with "{". */
export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (/\.(jsonl|ndjson)$/i.test(fileName)) return 'jsonl';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b ? 'jsonl' : 'csv';
}

/** Opens the rows of a CSV/TSV (any Korean encoding), the first sheet of an XLSX, or JSON lines. */
export function openTable(bytes: Uint8Array, fileName: string): OpenedTable {
  const format = detectFormat(bytes, fileName);
  const problems: { line: number; message: string }[] = [];
  if (format === 'xlsx') {
    const wb = openWorkbook(bytes);
    const sheet = wb.sheets[0];
    const xml = sheet ? wb.sheetXml(sheet.path) : '';
    const cursor = { position: 0 };
    const rows = readSheetRows(xml, wb.sharedStrings, cursor);
    const progress = () => cursor.position / Math.max(1, xml.length);
    return { format, date1904: wb.date1904, ...(sheet ? { sheet: sheet.name } : {}), rows, progress, problems };
  }
  const { text, encoding } = decodeText(bytes);
  if (format === 'jsonl') {
    let pos = 0;
    const rows = (function* () {
      let line = 0;
      while (pos < text.length) {
        let end = text.indexOf('\n', pos);
        if (end < 0) end = text.length;
        line++;
        const s = text.slice(pos, end).trim();
        pos = end + 1;
        if (s !== '') yield { cells: [s], line };
      }
    })();
    return { format, encoding, date1904: false, rows, progress: () => pos / Math.max(1, text.length), problems };
  }
  const cursor = { position: 0 };
  const parsed = parseCsv(text, { delimiter: detectDelimiter(text), onIssue: (p) => problems.push(p), cursor });
  const rows = (function* () {
    for (const r of parsed) yield { cells: r.fields, line: r.line };
  })();
  return {
    format,
    encoding,
    date1904: false,
    rows,
    progress: () => cursor.position / Math.max(1, text.length),
    problems,
  };
}
