import type { DemoCell } from '@dalbit/core/demo/demo-files';
import iconv from 'iconv-lite';
import { SyncFileWriter } from './sync-file-writer.ts';
import type { TableWriter } from './table-writer.ts';

const NEEDS_QUOTES = /[",\r\n]/;
const FLUSH_CHARS = 1 << 19;

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function toCsvField(cell: DemoCell): string {
  const s = typeof cell === 'number' ? String(cell) : cell;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV with CRLF line ends (as Excel writes), in UTF-8 (optionally with BOM) or CP949. */
export class CsvWriter implements TableWriter {
  private readonly file: SyncFileWriter;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(
    path: string,
    private readonly encoding: 'utf8' | 'utf8-bom' | 'cp949',
    header: readonly string[],
    preamble: readonly (readonly string[])[] = [],
  ) {
    this.file = new SyncFileWriter(path);
    if (encoding === 'utf8-bom') this.file.write(new Uint8Array([0xef, 0xbb, 0xbf]));
    for (const row of preamble) this.writeRow(row);
    this.writeRow(header);
  }

  get bytesWritten(): number {
    return this.file.bytesWritten;
  }

  writeRow(cells: readonly DemoCell[]): void {
    let line = '';
    for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + toCsvField(cells[i] ?? '');
    line += '\r\n';
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
