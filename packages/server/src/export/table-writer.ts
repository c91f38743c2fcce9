import type { CsvCell } from '@dalbit/core/export/csv';

/** One output file that takes rows (CSV, XLSX) and is closed once. */
export interface TableWriter {
  writeRow(cells: readonly CsvCell[]): void;
  close(): void;
  readonly bytesWritten: number;
}
