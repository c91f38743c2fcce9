import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoCell, DemoFileSpec } from '@dalbit/core/demo/demo-files';
import { CsvWriter } from '../export/csv-writer.ts';
import { JsonlWriter } from '../export/jsonl-writer.ts';
import type { TableWriter } from '../export/table-writer.ts';
import { XlsxWriter } from '../export/xlsx-writer.ts';

export interface WrittenPart {
  /** File name relative to the output directory. */
  file: string;
  rows: number;
  bytes: number;
}

const extensionOf = (spec: DemoFileSpec): string => spec.format;

/**
 * One export kind, split into parts of at most `spec.maxRowsPerFile` rows (like consoles that
 * cap downloads); a single part is named `<base>.<ext>`, several `<base>-001.<ext>`, `-002` …
 * Parts open on the first row, so an empty kind writes no file.
 */
export class PartedWriter {
  readonly parts: WrittenPart[] = [];
  private current: TableWriter | JsonlWriter | undefined;
  private rowsInPart = 0;

  constructor(
    private readonly outDir: string,
    private readonly spec: DemoFileSpec,
    private readonly mtime: Date,
  ) {}

  private partName(n: number): string {
    return `${this.spec.base}-${String(n).padStart(3, '0')}.${extensionOf(this.spec)}`;
  }

  private open(): TableWriter | JsonlWriter {
    if (this.current && this.rowsInPart < this.spec.maxRowsPerFile) return this.current;
    this.finishPart();
    if (this.parts.length === 1) {
      const first = this.parts[0] as WrittenPart;
      renameSync(join(this.outDir, first.file), join(this.outDir, this.partName(1)));
      first.file = this.partName(1);
    }
    const file =
      this.parts.length === 0 ? `${this.spec.base}.${extensionOf(this.spec)}` : this.partName(this.parts.length + 1);
    const path = join(this.outDir, file);
    const { spec } = this;
    this.current =
      spec.format === 'jsonl'
        ? new JsonlWriter(path)
        : spec.format === 'csv'
          ? new CsvWriter(path, {
              encoding: spec.encoding,
              header: spec.header,
              ...(spec.preamble ? { preamble: spec.preamble } : {}),
              // Demo files imitate the consoles' own exports, which do not neutralise formulas.
              neutralizeFormulas: false,
            })
          : new XlsxWriter(path, {
              sheetName: 'Sheet1',
              header: spec.header,
              types: spec.types,
              ...(spec.preamble ? { preamble: spec.preamble } : {}),
              mtime: this.mtime,
            });
    this.parts.push({ file, rows: 0, bytes: 0 });
    this.rowsInPart = 0;
    return this.current;
  }

  private finishPart(): void {
    if (!this.current) return;
    this.current.close();
    const part = this.parts[this.parts.length - 1] as WrittenPart;
    part.rows = this.rowsInPart;
    part.bytes = this.current.bytesWritten;
    this.current = undefined;
  }

  writeRow(cells: readonly DemoCell[]): void {
    const w = this.open();
    if (w instanceof JsonlWriter) throw new TypeError(`${this.spec.id} takes JSON objects`);
    w.writeRow(cells);
    this.rowsInPart++;
  }

  writeObject(value: unknown): void {
    const w = this.open();
    if (!(w instanceof JsonlWriter)) throw new TypeError(`${this.spec.id} takes rows`);
    w.writeObject(value);
    this.rowsInPart++;
  }

  close(): void {
    this.finishPart();
  }
}
