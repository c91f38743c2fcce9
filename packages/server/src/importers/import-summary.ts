import type { TextEncoding } from '@dalbit/core/ingest/decode-text';
import type { IngestWarning } from '@dalbit/core/ingest/ingest-file';
import type { FileFormat } from '@dalbit/core/ingest/read-table';
import type { RowIssue } from '@dalbit/core/ingest/records';
import type { ColumnChoice } from '@dalbit/core/ingest/resolve-columns';
import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import type { ImportChanges } from './change-counts.ts';

/**
 * What one import did. `status`: `imported` (rows written; bad rows, if any, went to the
 * rejects file), `failed` (nothing written: file-level problems, or row issues without
 * `--rejects`), `dry_run` (nothing written by design).
 */
export interface ImportSummary {
  readonly status: 'imported' | 'failed' | 'dry_run';
  readonly file: string;
  readonly sha256: string;
  readonly format: FileFormat;
  readonly encoding?: TextEncoding;
  readonly source?: SourceKind;
  /** True when `--source` (or the mapping file) chose the kind instead of detection. */
  readonly forced: boolean;
  readonly headerLine?: number;
  readonly columns: readonly ColumnChoice[];
  /** The header row as in the file (empty for JSON lines). */
  readonly headers: readonly string[];
  /** Kinds whose required columns the headers have, best first (empty when forced or JSON lines). */
  readonly candidates: readonly { kind: SourceKind; score: number }[];
  /** The second-best kind when it scored close to the detected one: the user should confirm. */
  readonly runnerUp?: { readonly kind: SourceKind; readonly score: number };
  /** The file imports, but a person should know (e.g. products keyed by name and option). */
  readonly warnings: readonly IngestWarning[];
  readonly unusedHeaders: readonly string[];
  readonly rowsRead: number;
  readonly rowsWritten: number;
  readonly rowsRejected: number;
  readonly orders: number;
  readonly orderLines: number;
  readonly events: number;
  readonly consents: number;
  readonly products: number;
  readonly warranties: number;
  readonly customersCreated: number;
  /** Customers that existed before and got new records from this file. */
  readonly customersUpdated: number;
  readonly customersMerged: number;
  /**
   * Customers and orders of the file against the warehouse before it: inserted (new), updated
   * (existed and changed) and unchanged (existed as the file says). Absent when nothing was written.
   */
  readonly changes?: ImportChanges;
  /** Orders of this import that used an issued coupon code (recorded as redemptions). */
  readonly couponRedemptions?: number;
  readonly issues: readonly RowIssue[];
  /** The first mapped rows (dry run). */
  readonly preview: readonly Record<string, unknown>[];
  readonly rejectsPath?: string;
  readonly importId?: string;
  readonly seconds: number;
}
