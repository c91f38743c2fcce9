import type { CsvCell } from '@dalbit/core/export/csv';
import {
  CONTENT_TYPES_XML,
  columnName,
  escapeXml,
  ROOT_RELS_XML,
  SHEET_HEAD,
  SHEET_TAIL,
  STYLES_XML,
  toWorkbookXml,
  WORKBOOK_RELS_XML,
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
    addText('[Content_Types].xml', CONTENT_TYPES_XML);
    addText('_rels/.rels', ROOT_RELS_XML);
    addText('xl/workbook.xml', toWorkbookXml(opts.sheetName));
    addText('xl/_rels/workbook.xml.rels', WORKBOOK_RELS_XML);
    addText('xl/styles.xml', STYLES_XML);
    this.sheet = new NativeZipDeflate('xl/worksheets/sheet1.xml', level);
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
    const r = ++this.rowNumber;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      if (v === undefined || v === '') continue;
      const ref = `${this.columns[i] ?? columnName(i)}${r}`;
      const type = asText ? 's' : (this.types[i] ?? 's');
      if (typeof v === 'number' && type !== 's') {
        xml += type === 'd' ? `<c r="${ref}" s="1"><v>${v}</v></c>` : `<c r="${ref}"><v>${v}</v></c>`;
      } else {
        const text = String(v);
        const space = text.trim() === text ? '' : ' xml:space="preserve"';
        xml += `<c r="${ref}" t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
      }
    }
    this.append(`${xml}</row>`);
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
