import { type CsvCell, type CsvLineOptions, toCsvLine } from '@dalbit/core/export/csv';
import iconv from 'iconv-lite';
import { SyncFileWriter } from './sync-file-writer.ts';
import type { TableWriter } from './table-writer.ts';

const FLUSH_CHARS = 1 << 19;

export interface CsvWriterOptions extends CsvLineOptions {
  readonly encoding: 'utf8' | 'utf8-bom' | 'cp949';
  readonly header: readonly string[];
  /** Rows written above the header (instruction lines). */
  readonly preamble?: readonly (readonly string[])[];
}

/**
 * CSV with CRLF line ends (as Excel writes), in UTF-8 (optionally with BOM) or CP949. Formula
 * neutralisation is the caller's explicit choice (`neutralizeFormulas`), see core/export/csv.
 */
export class CsvWriter implements TableWriter {
  private readonly file: SyncFileWriter;
  private pending: string[] = [];
  private pendingChars = 0;

  private readonly encoding: CsvWriterOptions['encoding'];
  private readonly line: CsvLineOptions;

  constructor(path: string, opts: CsvWriterOptions) {
    this.file = new SyncFileWriter(path);
    this.encoding = opts.encoding;
    this.line = { neutralizeFormulas: opts.neutralizeFormulas };
    if (opts.encoding === 'utf8-bom') this.file.write(new Uint8Array([0xef, 0xbb, 0xbf]));
    for (const row of opts.preamble ?? []) this.writeRow(row);
    this.writeRow(opts.header);
  }

  get bytesWritten(): number {
    return this.file.bytesWritten;
  }

  writeRow(cells: readonly CsvCell[]): void {
    const line = `${toCsvLine(cells, this.line)}\r\n`;
    this.pending.push(line);
    this.pendingChars += line.length;
    if (this.pendingChars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    this.file.write(this.encoding === 'cp949' ? iconv.encode(text, 'cp949') : Buffer.from(text, 'utf8'));
  }

  close(): void {
    this.flush();
    this.file.close();
  }
}
