import { BatchBuilder } from './batch-builder.ts';
import { createMapper } from './create-mapper.ts';
import { describeIssue } from './ingest-file.ts';
import type { Cell } from './normalise/cell.ts';
import type { CanonicalBatch, RowIssue } from './records.ts';
import { RowReader } from './row-reader.ts';
import type { SourceKind } from './source-kind.ts';
import { findSourceSpec } from './source-specs.ts';

/** One record of a shop API, already named with the canonical fields of its export (source-specs.ts). */
export interface ApiRow {
  /** Where the record came from, shown in issues and consent proofs (e.g. the page position). */
  readonly line: number;
  readonly cells: Readonly<Record<string, Cell | undefined>>;
}

export interface ApiIngestResult {
  readonly batch: CanonicalBatch;
  readonly issues: readonly RowIssue[];
  /** Rows refused (bad phone, unknown status …) with their reasons; the others are in `batch`. */
  readonly rejected: readonly { readonly line: number; readonly reasons: readonly string[] }[];
  readonly rowsRead: number;
}

/**
 * Maps records fetched from a shop API through the very mappers the file importer uses: the
 * record's fields are the export's canonical fields, so identity keys, natural keys
 * (`cafe24:<order>`, `smartstore:<product order>`), consent ids and proofs, 050 handling and
 * status codes are the ones an uploaded export of the same data yields. Pure.
 * @example ingestApiRows('cafe24_customers', [{ line: 1, cells: { member_id: 'hong', sms_ad: 'T' } }], { file: 'cafe24 API customers', now })
 */
export function ingestApiRows(
  kind: Exclude<SourceKind, 'events'>,
  rows: readonly ApiRow[],
  opts: { readonly file: string; readonly now: Date; readonly channel?: string },
): ApiIngestResult {
  const spec = findSourceSpec(kind);
  if (!spec) throw new RangeError(`no source spec for ${kind}`);
  const fields = Object.keys(spec.fields);
  const columns = new Map(fields.map((f, i) => [f, i]));
  const issues: RowIssue[] = [];
  const out = new BatchBuilder();
  const reader = new RowReader(opts.file, columns, fields, issues);
  const mapper = createMapper(kind, {
    source: kind,
    file: opts.file,
    now: opts.now,
    out,
    ...(opts.channel ? { channel: opts.channel } : {}),
  });
  const rejected: { line: number; reasons: string[] }[] = [];
  for (const row of rows) {
    const before = issues.length;
    reader.reset(
      fields.map((f) => row.cells[f] ?? null),
      row.line,
    );
    mapper.mapRow(reader);
    if (reader.failed) rejected.push({ line: row.line, reasons: issues.slice(before).map(describeIssue) });
  }
  mapper.finish?.();
  return { batch: out.build(), issues, rejected, rowsRead: rows.length };
}
