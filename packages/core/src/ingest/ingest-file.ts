import { BatchBuilder } from './batch-builder.ts';
import type { ByteSource } from './byte-source.ts';
import { createMapper } from './create-mapper.ts';
import type { TextEncoding } from './decode-text.ts';
import { ALL_ALIAS_KEYS, closeRunnerUp, detectSource } from './detect-source.ts';
import { findHeaderRow } from './find-header-row.ts';
import type { MapContext } from './mappers/map-context.ts';
import { createEventMapper } from './mappers/map-event-line.ts';
import type { MappingFile } from './mapping-file.ts';
import { type Cell, cellText } from './normalise/cell.ts';
import { type FileFormat, type OpenedTable, openTable, type RawRow } from './read-table.ts';
import type { CanonicalBatch, RowIssue } from './records.ts';
import { type ColumnChoice, resolveColumns } from './resolve-columns.ts';
import { RowReader } from './row-reader.ts';
import type { SourceKind } from './source-kind.ts';
import { findSourceSpec, headerKey, type SourceSpec } from './source-specs.ts';

export interface IngestOptions {
  /** Name shown in issues (usually the file's base name). */
  readonly fileName: string;
  /** Forces the kind of file; otherwise the mapping file's, otherwise detected from headers. */
  readonly source?: SourceKind;
  readonly channel?: string;
  readonly mapping?: MappingFile;
  readonly now: Date;
  /** How many mapped rows to keep for a preview (dry run). */
  readonly previewRows?: number;
  readonly onProgress?: (p: { rowsRead: number; fraction: number }) => void;
}

export interface RejectedRow {
  readonly line: number;
  readonly cells: readonly Cell[];
  readonly reasons: readonly string[];
}

export interface IngestResult {
  readonly format: FileFormat;
  readonly encoding?: TextEncoding;
  readonly sheet?: string;
  readonly source?: SourceKind;
  readonly forced: boolean;
  readonly candidates: readonly { kind: SourceKind; score: number }[];
  /** Detected (not forced) and the second-best kind scored close: the user should confirm the kind. */
  readonly runnerUp?: { readonly kind: SourceKind; readonly score: number };
  /** The file imports, but a person should know (a key built from other columns). */
  readonly warnings: readonly IngestWarning[];
  readonly headerLine?: number;
  readonly headers: readonly string[];
  readonly columns: readonly ColumnChoice[];
  readonly unusedHeaders: readonly string[];
  /** Problems with the file as a whole: nothing of it can be imported. */
  readonly fileIssues: readonly RowIssue[];
  /** Problems of single rows; those rows are in `rejected`. */
  readonly issues: readonly RowIssue[];
  readonly rejected: readonly RejectedRow[];
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly batch: CanonicalBatch;
  readonly preview: readonly Record<string, unknown>[];
}

/**
 * `PRODUCT_KEY_FROM_NAME`: the export has no product code column, so each product is keyed by
 * `from` (its name) and the option; a product renamed in the shop becomes another product.
 */
export interface IngestWarning {
  readonly code: 'PRODUCT_KEY_FROM_NAME';
  readonly field: string;
  readonly from: string;
}

const HEADER_SCAN_ROWS = 30;
const PROGRESS_EVERY = 2048;

type Base = Pick<IngestResult, 'format' | 'encoding' | 'sheet' | 'forced'>;
type Resolved = Omit<
  IngestResult,
  'fileIssues' | 'issues' | 'rejected' | 'rowsRead' | 'rowsAccepted' | 'batch' | 'preview'
>;

/** What every step of one file's ingest shares. */
interface Run {
  readonly opts: IngestOptions;
  readonly table: OpenedTable;
  readonly base: Base;
  readonly issues: RowIssue[];
  readonly out: BatchBuilder;
  readonly forcedKind: SourceKind | undefined;
  ctxFor(source: SourceKind): MapContext;
  fileProblems(): RowIssue[];
}

/**
 * Reads an export (CSV in any Korean encoding, XLSX, or JSON lines) into canonical records: finds
 * the header under instruction rows, detects or takes the source kind, maps columns (mapping file,
 * then aliases), normalises and validates every row. The input is streamed when it is a
 * `ByteSource` (rows decoded as read); bytes in memory work the same. Pure: the caller reads the
 * file and writes the result.
 */
export function ingestFile(input: Uint8Array | ByteSource, opts: IngestOptions): IngestResult {
  const steps = ingestSteps(input, opts);
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    opts.onProgress?.(r.value);
  }
}

/** How far reading has got: rows read and the share of the input's bytes consumed. */
export interface IngestProgress {
  readonly rowsRead: number;
  readonly fraction: number;
}

/**
 * `ingestFile` one step at a time: yields progress every few thousand rows and returns the
 * result, so a server can give the event loop a turn between steps (progress polls answered
 * while a large file is read). `ingestFile` drives it to the end in one go.
 */
export function* ingestSteps(
  input: Uint8Array | ByteSource,
  opts: IngestOptions,
): Generator<IngestProgress, IngestResult, void> {
  const table = openTable(input, opts.fileName);
  const out = new BatchBuilder();
  const forcedKind = opts.source ?? opts.mapping?.source;
  const channel = opts.channel ?? opts.mapping?.channel;
  const run: Run = {
    opts,
    table,
    out,
    forcedKind,
    issues: [],
    base: {
      format: table.format,
      ...(table.encoding ? { encoding: table.encoding } : {}),
      ...(table.sheet !== undefined ? { sheet: table.sheet } : {}),
      forced: forcedKind !== undefined,
    },
    ctxFor: (source) => ({ source, file: opts.fileName, now: opts.now, out, ...(channel ? { channel } : {}) }),
    fileProblems: () =>
      table.problems.map((p) => ({ file: opts.fileName, line: p.line, code: 'BAD_ROW', message: p.message })),
  };
  if (table.format === 'jsonl' || forcedKind === 'events') return yield* ingestEvents(run);
  return yield* ingestTable(run);
}

function noRows(run: Run, resolved: Resolved, fileIssues: RowIssue[]): IngestResult {
  return {
    ...resolved,
    fileIssues,
    issues: run.issues,
    rejected: [],
    rowsRead: 0,
    rowsAccepted: 0,
    batch: run.out.build(),
    preview: [],
  };
}

const NO_COLUMNS = { candidates: [], warnings: [], headers: [], columns: [], unusedHeaders: [] } as const;

/** JSON lines of events, one object a line. */
function* ingestEvents(run: Run): Generator<IngestProgress, IngestResult, void> {
  const { opts, table, issues } = run;
  const resolved: Resolved = { ...run.base, source: 'events', ...NO_COLUMNS };
  if (table.format !== 'jsonl') {
    const message = 'events must be a JSON lines file (one JSON object per line)';
    return noRows(run, resolved, [{ file: opts.fileName, line: 1, code: 'BAD_ROW', message }]);
  }
  const mapper = createEventMapper(run.ctxFor('events'), issues);
  const rejected: RejectedRow[] = [];
  let rowsRead = 0;
  for (const row of table.rows) {
    rowsRead++;
    const before = issues.length;
    const text = String(row.cells[0] ?? '');
    if (!mapper.mapLine(text, row.line))
      rejected.push({ line: row.line, cells: row.cells, reasons: issues.slice(before).map(describeIssue) });
    if (rowsRead % PROGRESS_EVERY === 0) yield { rowsRead, fraction: table.progress() };
  }
  mapper.finish();
  const batch = run.out.build();
  const preview = batch.events.slice(0, opts.previewRows ?? 0).map((e) => ({ ...e }));
  const fileIssues = run.fileProblems();
  const rowsAccepted = rowsRead - rejected.length;
  return { ...resolved, fileIssues, issues, rejected, rowsRead, rowsAccepted, batch, preview };
}

/** A table (CSV or sheet): header, source kind and columns, then every row. */
function* ingestTable(run: Run): Generator<IngestProgress, IngestResult, void> {
  const iterator = run.table.rows[Symbol.iterator]();
  const head: RawRow[] = [];
  for (let n = 0; n < HEADER_SCAN_ROWS; n++) {
    const r = iterator.next();
    if (r.done) break;
    head.push(r.value);
  }
  const header = resolveHeader(run, head);
  if ('fileIssues' in header) return noRows(run, header.resolved, header.fileIssues);
  const rest = (function* () {
    yield* head.slice(header.headerAt + 1);
    for (let r = iterator.next(); !r.done; r = iterator.next()) yield r.value;
  })();
  return yield* mapRows(run, header, rest);
}

/** A table's header as the importer resolves it, for readers that take the rows from elsewhere. */
export interface TableHeader {
  readonly format: FileFormat;
  readonly encoding?: TextEncoding;
  readonly source: SourceKind;
  readonly forced: boolean;
  readonly candidates: IngestResult['candidates'];
  readonly runnerUp?: IngestResult['runnerUp'];
  readonly warnings: IngestResult['warnings'];
  readonly headerLine: number;
  readonly headers: readonly string[];
  readonly columns: readonly ColumnChoice[];
  readonly unusedHeaders: readonly string[];
  /** Field → column index. */
  readonly index: ReadonlyMap<string, number>;
}

/**
 * The header of a CSV or sheet exactly as `ingestFile` finds it (header row under instruction
 * rows, source kind, columns), reading only the first rows; undefined when the file is not a
 * table or its header has problems (`ingestFile` then reports them).
 */
export function readTableHeader(input: Uint8Array | ByteSource, opts: IngestOptions): TableHeader | undefined {
  const table = openTable(input, opts.fileName);
  const forcedKind = opts.source ?? opts.mapping?.source;
  if (table.format === 'jsonl' || forcedKind === 'events') return undefined;
  const run = { opts, forcedKind, base: { format: table.format, forced: forcedKind !== undefined } };
  const head: RawRow[] = [];
  for (const row of table.rows) {
    head.push(row);
    if (head.length >= HEADER_SCAN_ROWS) break;
  }
  const header = resolveHeader(run, head);
  if ('fileIssues' in header) return undefined;
  const { resolved, cols } = header;
  return {
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    source: resolved.source,
    forced: forcedKind !== undefined,
    candidates: resolved.candidates,
    ...(resolved.runnerUp ? { runnerUp: resolved.runnerUp } : {}),
    warnings: resolved.warnings,
    headerLine: resolved.headerLine,
    headers: resolved.headers,
    columns: resolved.columns,
    unusedHeaders: resolved.unusedHeaders,
    index: cols.index,
  };
}

interface Header {
  readonly resolved: Resolved & { source: SourceKind; headerLine: number };
  readonly headerAt: number;
  readonly spec: SourceSpec;
  readonly cols: ReturnType<typeof resolveColumns>;
}

/** Finds the header row among the first rows, the kind of export, and its columns. */
function resolveHeader(
  run: Pick<Run, 'opts' | 'base' | 'forcedKind'>,
  head: readonly RawRow[],
): Header | { resolved: Resolved; fileIssues: RowIssue[] } {
  const { opts } = run;
  const mappingHeaders = Object.values(opts.mapping?.columns ?? {})
    .filter((h): h is string => typeof h === 'string')
    .map(headerKey);
  const known = new Set([...ALL_ALIAS_KEYS, ...mappingHeaders]);
  const wantedLine = opts.mapping?.headerRow;
  const headerAt =
    wantedLine !== undefined
      ? head.findIndex((r) => r.line === wantedLine)
      : findHeaderRow(
          head.map((r) => r.cells),
          known,
        );
  const headerRow = head[headerAt];
  if (!headerRow) {
    const message =
      wantedLine !== undefined
        ? `header row ${wantedLine} not found among the first ${HEADER_SCAN_ROWS} rows`
        : 'the file has no rows';
    const fileIssues = [{ file: opts.fileName, line: wantedLine ?? 1, code: 'MISSING' as const, message }];
    return { resolved: { ...run.base, ...NO_COLUMNS }, fileIssues };
  }
  const headers = headerRow.cells.map((c) => cellText(c) ?? '');
  const guesses = detectSource(headers);
  const candidates = guesses.map((g) => ({ kind: g.spec.kind, score: Math.round(g.score * 100) / 100 }));
  const kind = run.forcedKind ?? guesses[0]?.spec.kind;
  const spec = kind === undefined ? undefined : findSourceSpec(kind);
  const line = headerRow.line;
  const runnerUp = run.forcedKind === undefined ? closeRunnerUp(candidates) : undefined;
  if (kind === undefined || spec === undefined) {
    const message =
      'cannot tell which kind of export this is from its headers; pass --source (see docs/import-formats.md)';
    const resolved = { ...run.base, ...NO_COLUMNS, candidates, headers, headerLine: line };
    return { resolved, fileIssues: [{ file: opts.fileName, line, code: 'MISSING', message }] };
  }
  const cols = resolveColumns(spec, headers, opts.mapping);
  const resolved = {
    ...run.base,
    source: kind,
    candidates,
    ...(runnerUp ? { runnerUp } : {}),
    warnings: cols.fallbacks.map((f) => ({ code: 'PRODUCT_KEY_FROM_NAME' as const, field: f.field, from: f.from })),
    headers,
    headerLine: line,
    columns: cols.choices,
    unusedHeaders: cols.unusedHeaders,
  };
  const fileIssues = columnProblems(opts.fileName, line, spec, cols);
  return fileIssues.length > 0 ? { resolved, fileIssues } : { resolved, headerAt, spec, cols };
}

function columnProblems(file: string, line: number, spec: SourceSpec, cols: ReturnType<typeof resolveColumns>) {
  return [
    ...cols.missingRequired.map(
      (field): RowIssue => ({
        file,
        line,
        column: field,
        code: 'MISSING',
        message: `required column missing for ${spec.kind} (expected one of: ${spec.fields[field]?.aliases.join(', ')}; or map it with --mapping)`,
      }),
    ),
    ...cols.mappingProblems.map(
      (message): RowIssue => ({ file, line, code: 'BAD_VALUE', message: `mapping: ${message}` }),
    ),
  ];
}

/** Maps and validates every data row after the header; bad rows are set aside with reasons. */
function* mapRows(run: Run, header: Header, rows: Iterable<RawRow>): Generator<IngestProgress, IngestResult, void> {
  const { opts, table, issues } = run;
  const { resolved, cols, spec } = header;
  const reader = new RowReader(opts.fileName, cols.index, resolved.headers, issues, {
    ...(opts.mapping?.amountScale !== undefined ? { amountScale: opts.mapping.amountScale } : {}),
    ...(opts.mapping?.utcOffsetMinutes !== undefined ? { offsetMinutes: opts.mapping.utcOffsetMinutes } : {}),
    date1904: table.date1904,
  });
  const mapper = createMapper(spec.kind, run.ctxFor(resolved.source));
  const previewRows = opts.previewRows ?? 0;
  const preview: Record<string, unknown>[] = [];
  const rejected: RejectedRow[] = [];
  let rowsRead = 0;
  for (const row of rows) {
    if (isBlank(row.cells)) continue;
    rowsRead++;
    const capture = preview.length < previewRows ? { line: row.line } : undefined;
    const before = issues.length;
    reader.reset(row.cells, row.line, capture);
    mapper.mapRow(reader);
    if (reader.failed)
      rejected.push({ line: row.line, cells: row.cells, reasons: issues.slice(before).map(describeIssue) });
    else if (capture) preview.push(capture);
    if (rowsRead % PROGRESS_EVERY === 0) yield { rowsRead, fraction: table.progress() };
  }
  mapper.finish?.();
  yield { rowsRead, fraction: 1 };
  const fileIssues = run.fileProblems();
  const rowsAccepted = rowsRead - rejected.length;
  return { ...resolved, fileIssues, issues, rejected, rowsRead, rowsAccepted, batch: run.out.build(), preview };
}

function isBlank(cells: readonly Cell[]): boolean {
  for (const c of cells) if (c !== null && c !== '' && !(typeof c === 'string' && c.trim() === '')) return false;
  return true;
}

/** `column: reason`, or the reason alone. */
export function describeIssue(i: RowIssue): string {
  return i.column === undefined ? i.message : `${i.column}: ${i.message}`;
}
