import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CustomerIdFactory } from '@dalbit/core/identity/ids';
import { type IngestResult, ingestSteps } from '@dalbit/core/ingest/ingest-file';
import { type MappingFile, parseMappingFile } from '@dalbit/core/ingest/mapping-file';
import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import { matchRedemptions } from '../campaigns/match-redemptions.ts';
import type { Engine } from '../engines/engine.ts';
import { resolvePersons } from '../identity/resolve-persons.ts';
import { BULK_MIN_BYTES, type BulkOutcome, BulkUnfit, bulkHeader, bulkImportOrders } from './bulk/bulk-import.ts';
import { ChangeSnapshot } from './change-counts.ts';
import { openFileSource, sha256Of } from './file-source.ts';
import { ImportError } from './import-error.ts';
import type { ImportSummary } from './import-summary.ts';
import { recordImport } from './record-import.ts';
import { writeBatch } from './write-batch.ts';
import { writeRejects } from './write-rejects.ts';

export interface ImportFileOptions {
  readonly path: string;
  readonly source?: SourceKind;
  readonly channel?: string;
  readonly mappingPath?: string;
  /** An explicit mapping given directly (the dashboard's mapping editor); `mappingPath` wins over it. */
  readonly mapping?: MappingFile;
  /** Name shown in issues and recorded in the import history (default: the path's base name; uploads live under temp names). */
  readonly fileName?: string;
  /** Who ran the import (`user:<id>`, `token:<id>`), recorded in the import history; absent from the CLI. */
  readonly actor?: string;
  readonly dryRun?: boolean;
  /** Bad rows go to this CSV and good rows are written; without it any bad row fails the import. */
  readonly rejectsPath?: string;
  readonly now: Date;
  readonly previewRows?: number;
  readonly onProgress?: (p: { rowsRead: number; totalBytes: number; bytesRead: number }) => void;
  /** Filled with seconds per step (read, ingest, identity, facts, commit), for benchmarks. */
  readonly timings?: Record<string, number>;
  /** Ids of new customers (default: crypto-random); only generated data passes seeded ones. */
  readonly newCustomerId?: CustomerIdFactory;
  /**
   * The set-based path for order CSVs on DuckDB (default `DALBIT_IMPORT_BULK`, else `never`): `auto`
   * takes it for files of `BULK_MIN_BYTES` and more, `always` whenever the file fits it.
   */
  readonly bulk?: 'auto' | 'always' | 'never';
}

/**
 * Imports one export file: read → decode → parse → map → validate (streamed: the file is read a
 * chunk at a time, never whole), then, in one transaction, resolve the people (identity
 * resolution) and replace the facts by natural key. Either the whole file lands or nothing does,
 * unless `rejectsPath` takes the bad rows aside.
 * @example await importFile(engine, { path: 'cafe24-orders.xlsx', now: new Date() })
 */
export async function importFile(engine: Engine, opts: ImportFileOptions): Promise<ImportSummary> {
  const started = performance.now();
  const lap = stopwatch(opts.timings);
  const mapping = opts.mappingPath === undefined ? opts.mapping : readMapping(opts.mappingPath);
  const bulk = await tryBulk(engine, opts, mapping, started, lap);
  if (bulk !== undefined) return bulkSummary(opts, bulk, started);
  const { result, sha256 } = await readExport(opts, mapping, lap);
  const base = summaryBase(opts.path, sha256, result);
  const seconds = () => Math.round(performance.now() - started) / 1000;
  const issues = [...result.fileIssues, ...result.issues];
  const blocked =
    result.fileIssues.length > 0 ||
    result.source === undefined ||
    (result.issues.length > 0 && opts.rejectsPath === undefined);
  if (opts.dryRun || blocked) {
    const status = blocked ? 'failed' : 'dry_run';
    return { ...base, ...NOTHING, status, rowsRejected: result.rejected.length, issues, seconds: seconds() };
  }
  const rejectsWritten = opts.rejectsPath !== undefined && result.rejected.length > 0;
  if (rejectsWritten) {
    writeRejects(opts.rejectsPath as string, result.format === 'jsonl' ? ['json'] : result.headers, result.rejected);
  }
  const written = await engine.transaction((tx) => writeImport(tx, opts, { result, sha256, started, lap }));
  lap('commit');
  return {
    ...base,
    ...written,
    status: 'imported',
    rowsWritten: result.rowsAccepted,
    rowsRejected: result.rejected.length,
    issues,
    seconds: seconds(),
    ...(rejectsWritten ? { rejectsPath: opts.rejectsPath } : {}),
  };
}

const NOTHING = {
  rowsWritten: 0,
  orders: 0,
  orderLines: 0,
  events: 0,
  consents: 0,
  products: 0,
  warranties: 0,
  customersCreated: 0,
  customersUpdated: 0,
  customersMerged: 0,
} as const;

/** The bulk path's outcome when the file takes it (see `bulkImportOrders`), else undefined. */
async function tryBulk(
  engine: Engine,
  opts: ImportFileOptions,
  mapping: MappingFile | undefined,
  started: number,
  lap: (name: string) => void,
): Promise<BulkOutcome | undefined> {
  // Not the default yet: on this 2-core machine it costs about as much CPU as the row-by-row path
  // and more memory (docs/benchmarks.md, Import).
  const mode = opts.bulk ?? (process.env.DALBIT_IMPORT_BULK as ImportFileOptions['bulk'] | undefined) ?? 'never';
  if (mode === 'never' || opts.dryRun || (opts.previewRows ?? 0) > 0) return undefined;
  const src = openFileSource(opts.path);
  try {
    if (mode === 'auto' && src.size < BULK_MIN_BYTES) return undefined;
    const req = { ...opts, ...(mapping ? { mapping } : {}), started };
    const header = bulkHeader(engine, src, req);
    if (header === undefined) return undefined;
    const outcome = await bulkImportOrders(engine, src, req, header, lap);
    lap('commit');
    if (opts.timings) opts.timings.bulk = 1;
    return outcome;
  } catch (e) {
    if (e instanceof BulkUnfit) {
      if (opts.timings) opts.timings.bulkUnfit = 1;
      return undefined;
    }
    throw e;
  } finally {
    src.close();
  }
}

function bulkSummary(opts: ImportFileOptions, b: BulkOutcome, started: number): ImportSummary {
  const h = b.header;
  const rowsRejected = b.rejected.length;
  const base = {
    file: opts.path,
    sha256: b.sha256,
    format: h.format,
    forced: h.forced,
    columns: h.columns,
    headers: h.headers,
    candidates: h.candidates,
    ...(h.runnerUp ? { runnerUp: h.runnerUp } : {}),
    warnings: h.warnings,
    unusedHeaders: h.unusedHeaders,
    rowsRead: b.rowsRead,
    preview: [],
    ...(h.encoding ? { encoding: h.encoding } : {}),
    source: h.source,
    headerLine: h.headerLine,
    ...NOTHING,
    rowsRejected,
    issues: b.issues,
  };
  const seconds = Math.round(performance.now() - started) / 1000;
  const w = b.written;
  if (w === undefined) return { ...base, status: 'failed', seconds };
  const customersUpdated = w.changes.customers.updated;
  return {
    ...base,
    status: 'imported',
    rowsWritten: b.rowsRead - rowsRejected,
    orders: w.orders,
    orderLines: w.orderLines,
    customersCreated: w.resolved.created,
    customersUpdated,
    customersMerged: w.resolved.merged,
    changes: w.changes,
    importId: w.importId,
    ...(w.couponRedemptions > 0 ? { couponRedemptions: w.couponRedemptions } : {}),
    seconds,
    ...(w.rejectsWritten ? { rejectsPath: opts.rejectsPath } : {}),
  };
}

/**
 * Hashes the file and ingests it, both streamed from the file (one chunk in memory at a time).
 * The event loop gets a turn every few thousand rows, so a server answers progress polls (and
 * other requests) while a large file is read.
 */
async function readExport(
  opts: ImportFileOptions,
  mapping: MappingFile | undefined,
  lap: (name: string) => void,
): Promise<{ result: IngestResult; sha256: string }> {
  const fileName = opts.fileName ?? basename(opts.path);
  const src = openFileSource(opts.path);
  try {
    const sha256 = sha256Of(src);
    lap('read');
    const onProgress = opts.onProgress;
    const steps = ingestSteps(src, {
      fileName,
      now: opts.now,
      previewRows: opts.previewRows ?? (opts.dryRun ? 5 : 0),
      ...(opts.source ? { source: opts.source } : {}),
      ...(opts.channel ? { channel: opts.channel } : {}),
      ...(mapping ? { mapping } : {}),
    });
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      const { rowsRead, fraction } = step.value;
      onProgress?.({ rowsRead, totalBytes: src.size, bytesRead: Math.round(fraction * src.size) });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const result = step.value;
    lap('ingest');
    return { result, sha256 };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError('FILE_UNREADABLE', `${fileName}: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  } finally {
    src.close();
  }
}

function summaryBase(file: string, sha256: string, result: IngestResult) {
  return {
    file,
    sha256,
    format: result.format,
    forced: result.forced,
    columns: result.columns,
    headers: result.headers,
    candidates: result.candidates,
    ...(result.runnerUp ? { runnerUp: result.runnerUp } : {}),
    warnings: result.warnings,
    unusedHeaders: result.unusedHeaders,
    rowsRead: result.rowsRead,
    preview: result.preview,
    ...(result.encoding ? { encoding: result.encoding } : {}),
    ...(result.source ? { source: result.source } : {}),
    ...(result.headerLine !== undefined ? { headerLine: result.headerLine } : {}),
  };
}

/** Inside the import's transaction: people, facts, coupon redemptions and the import record. */
async function writeImport(
  tx: Engine,
  opts: ImportFileOptions,
  run: { result: IngestResult; sha256: string; started: number; lap: (name: string) => void },
) {
  const { result, lap } = run;
  const source = result.source as SourceKind;
  const before = new ChangeSnapshot(tx);
  const { batch } = result;
  await before.records(
    batch.persons.map((p) => p.recordId),
    batch.consents.map((c) => c.consentId),
  );
  await before.orders(batch.orders.map((o) => o.orderId));
  const resolved = await resolvePersons(tx, result.batch.persons, {
    now: opts.now,
    ...(opts.timings ? { timings: opts.timings } : {}),
    ...(opts.newCustomerId ? { newCustomerId: opts.newCustomerId } : {}),
  });
  lap('identity');
  const counts = await writeBatch(tx, result.batch, resolved, source);
  lap('facts');
  // An order that used an issued coupon code closes the loop: the coupon is redeemed (campaign
  // status, reports, and expiry reminders skip it).
  const coupons = counts.orders > 0 ? await matchRedemptions(tx, { now: opts.now }) : { matched: 0 };
  const touched = new Set(resolved.customerOf.values()).size;
  const changes = await before.count({ created: resolved.created, touched, orders: counts.orders });
  // Existing customers this file changed (a re-import of the same file changes none).
  const customersUpdated = changes.customers.updated;
  lap('changes');
  const importId = await recordImport(tx, {
    file: opts.fileName ?? opts.path,
    sha256: run.sha256,
    source,
    rowsRead: result.rowsRead,
    rowsWritten: result.rowsAccepted,
    rowsRejected: result.rejected.length,
    startedAt: opts.now,
    finishedAt: new Date(opts.now.getTime() + Math.round(performance.now() - run.started)),
    ...(opts.actor !== undefined ? { actor: opts.actor } : {}),
    customersCreated: resolved.created,
    customersUpdated,
    customersMerged: resolved.merged,
    orders: counts.orders,
  });
  lap('record');
  return {
    ...counts,
    customersCreated: resolved.created,
    customersUpdated,
    customersMerged: resolved.merged,
    changes,
    importId,
    ...(coupons.matched > 0 ? { couponRedemptions: coupons.matched } : {}),
  };
}

/** Adds the seconds since the previous lap to `timings[name]` (no-op without timings). */
function stopwatch(timings: Record<string, number> | undefined): (name: string) => void {
  let t = performance.now();
  return (name) => {
    if (!timings) return;
    const now = performance.now();
    timings[name] = (timings[name] ?? 0) + (now - t) / 1000;
    t = now;
  };
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new ImportError('FILE_UNREADABLE', `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
}

function readMapping(path: string): MappingFile {
  const parsed = parseMappingFile(new TextDecoder().decode(readBytes(path)));
  if (!parsed.ok) throw new ImportError('BAD_MAPPING', `mapping file ${path}:\n  ${parsed.issues.join('\n  ')}`);
  return parsed.mapping;
}
