import type { DemoCell } from '@dalbit/core/demo/demo-files';

/** One output file that takes rows (CSV, XLSX) or JSON lines and is closed once. */
export interface TableWriter {
  writeRow(cells: readonly DemoCell[]): void;
  close(): void;
  readonly bytesWritten: number;
}
