import { type ByteSource, readAll, toByteSource } from './byte-source.ts';
import { detectDelimiter, parseCsvChunks } from './csv/parse-csv.ts';
import { decodeChunks, detectSourceEncoding } from './decode-stream.ts';
import type { TextEncoding } from './decode-text.ts';
import type { Cell } from './normalise/cell.ts';
import { openWorkbook } from './xlsx/open-workbook.ts';
import { readSheetRowChunks } from './xlsx/read-sheet-rows.ts';

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

/**
 * Opens the rows of a CSV/TSV (any Korean encoding), the first sheet of an XLSX, or JSON lines.
 * A `ByteSource` is streamed: rows are decoded and parsed as they are read, so memory does not
 * grow with the file (bytes in memory are wrapped the same way).
 */
export function openTable(input: Uint8Array | ByteSource, fileName: string): OpenedTable {
  const src = toByteSource(input);
  const format = detectFormat(readAll(src, 0, 4096), fileName);
  let read = 0;
  const onRead = (offset: number) => {
    read = offset;
  };
  const progress = () => (src.size === 0 ? 1 : read / src.size);
  if (format === 'xlsx') {
    const wb = openWorkbook(src);
    const sheet = wb.sheets[0];
    const rows = sheet ? readSheetRowChunks(wb.sheetChunks(sheet.path, onRead), wb.sharedStrings) : [];
    return { format, date1904: wb.date1904, ...(sheet ? { sheet: sheet.name } : {}), rows, progress, problems: [] };
  }
  const problems: { line: number; message: string }[] = [];
  const encoding = detectSourceEncoding(src);
  const text = decodeChunks(src, encoding, onRead);
  const rows = format === 'jsonl' ? jsonLines(text) : csvRows(text, problems);
  return { format, encoding, date1904: false, rows, progress, problems };
}

/** Non-blank lines of JSON lines text, each as a one-cell row. */
function* jsonLines(chunks: Iterable<string>): Generator<RawRow> {
  let line = 0;
  let carry = '';
  for (const chunk of chunks) {
    const text = carry + chunk;
    let pos = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', pos)) {
      line++;
      const s = text.slice(pos, end).trim();
      pos = end + 1;
      if (s !== '') yield { cells: [s], line };
    }
    carry = text.slice(pos);
  }
  const s = carry.trim();
  if (s !== '') yield { cells: [s], line: line + 1 };
}

/** CSV rows, the delimiter picked from the first chunk of text. */
function* csvRows(chunks: Iterable<string>, problems: { line: number; message: string }[]): Generator<RawRow> {
  const iterator = chunks[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) return;
  const rest = (function* () {
    yield first.value;
    for (let r = iterator.next(); !r.done; r = iterator.next()) yield r.value;
  })();
  const parsed = parseCsvChunks(rest, { delimiter: detectDelimiter(first.value), onIssue: (p) => problems.push(p) });
  for (const r of parsed) yield { cells: r.fields, line: r.line };
}
