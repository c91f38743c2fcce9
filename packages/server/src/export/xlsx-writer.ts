import type { CsvCell } from '@dalbit/core/export/csv';
import {
  columnName,
  contentTypesXml,
  escapeXml,
  ROOT_RELS_XML,
  SHEET_HEAD,
  SHEET_TAIL,
  STYLES_XML,
  workbookRelsXml,
  workbookXml,
  type XlsxColumnType,
} from '@dalbit/core/export/xlsx-xml';
import { Zip } from 'fflate';
import { NativeZipDeflate } from './native-zip-deflate.ts';
import { SyncFileWriter } from './sync-file-writer.ts';
import type { TableWriter } from './table-writer.ts';

const FLUSH_CHARS = 1 << 19;
const encoder = new TextEncoder();

export interface XlsxWriterOptions {
  readonly sheetName: string;
  readonly header: readonly string[];
  readonly types: readonly XlsxColumnType[];
  /** Rows written above the header (instruction lines). */
  readonly preamble?: readonly (readonly string[])[];
  /**
   * Zip entry time. DOS times in zip headers are local wall-clock fields, so pass a Date built
   * from local components (`new Date(y, m, d, h)`) for bytes that do not depend on the time zone.
   */
  readonly mtime: Date;
  /** DEFLATE level 1–9 (default 1: speed over size, as streaming exporters do). */
  readonly level?: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Small sheets placed before the streamed one (a report's summary), written whole at the start. */
  readonly sheetsBefore?: readonly { readonly name: string; readonly rows: readonly (readonly CsvCell[])[] }[];
}

/** One `<row>`: text inline, numbers (and date serials, style 1) as values; empty cells omitted. */
function rowXml(
  r: number,
  cells: readonly CsvCell[],
  types: readonly XlsxColumnType[],
  asText: boolean,
  columns: readonly string[] = [],
): string {
  let xml = `<row r="${r}">`;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === undefined || v === '') continue;
    const ref = `${columns[i] ?? columnName(i)}${r}`;
    const type = asText ? 's' : (types[i] ?? 's');
    if (typeof v === 'number' && type !== 's') {
      xml += type === 'd' ? `<c r="${ref}" s="1"><v>${v}</v></c>` : `<c r="${ref}"><v>${v}</v></c>`;
    } else {
      const text = String(v);
      const space = text.trim() === text ? '' : ' xml:space="preserve"';
      xml += `<c r="${ref}" t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
    }
  }
  return `${xml}</row>`;
}

/**
 * Streams a one-sheet workbook: the sheet XML is deflated in chunks as rows arrive, so memory
 * stays flat whatever the row count. Strings are inline (`t="inlineStr"`), as streaming
 * writers do; empty cells are omitted; every row and cell carries its `r` reference.
 */
export class XlsxWriter implements TableWriter {
  private readonly file: SyncFileWriter;
  private readonly zip: Zip;
  private readonly sheet: NativeZipDeflate;
  private readonly columns: readonly string[];
  private readonly types: readonly XlsxColumnType[];
  private pending: string[] = [];
  private pendingChars = 0;
  private rowNumber = 0;
  private failure: Error | undefined;

  constructor(path: string, opts: XlsxWriterOptions) {
    this.file = new SyncFileWriter(path);
    this.zip = new Zip((err, chunk) => {
      if (err) this.failure = err;
      else this.file.write(chunk);
    });
    const level = opts.level ?? 1;
    const addText = (name: string, text: string): void => {
      const entry = new NativeZipDeflate(name, level);
      entry.mtime = opts.mtime;
      this.zip.add(entry);
      entry.push(encoder.encode(text), true);
    };
    const before = opts.sheetsBefore ?? [];
    const sheets = before.length + 1;
    addText('[Content_Types].xml', contentTypesXml(sheets));
    addText('_rels/.rels', ROOT_RELS_XML);
    addText('xl/workbook.xml', workbookXml([...before.map((b) => b.name), opts.sheetName]));
    addText('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets));
    addText('xl/styles.xml', STYLES_XML);
    before.forEach((b, i) => {
      const rows = b.rows.map((cells, r) => rowXml(r + 1, cells, [], false)).join('');
      addText(`xl/worksheets/sheet${i + 1}.xml`, `${SHEET_HEAD}${rows}${SHEET_TAIL}`);
    });
    this.sheet = new NativeZipDeflate(`xl/worksheets/sheet${sheets}.xml`, level);
    this.sheet.mtime = opts.mtime;
    this.zip.add(this.sheet);
    this.columns = Array.from(
      { length: Math.max(opts.header.length, ...(opts.preamble ?? []).map((r) => r.length)) },
      (_, i) => columnName(i),
    );
    this.types = opts.types;
    this.append(SHEET_HEAD);
    for (const row of opts.preamble ?? []) this.writeRow(row, true);
    this.writeRow(opts.header, true);
  }

  get bytesWritten(): number {
    return this.file.bytesWritten;
  }

  writeRow(cells: readonly CsvCell[], asText = false): void {
    this.append(rowXml(++this.rowNumber, cells, this.types, asText, this.columns));
  }

  private append(xml: string): void {
    this.pending.push(xml);
    this.pendingChars += xml.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush(false);
  }

  private flush(final: boolean): void {
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.sheet.push(encoder.encode(text), final);
    if (this.failure) throw this.failure;
  }

  close(): void {
    this.append(SHEET_TAIL);
    this.flush(true);
    this.zip.end();
    if (this.failure) throw this.failure;
    this.file.close();
  }
}
