import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CustomerIdFactory } from '@dalbit/core/identity/ids';
import { isOrderSource, ORDER_PROFILES } from '@dalbit/core/ingest/create-mapper';
import { type RejectedRow, readTableHeader, type TableHeader } from '@dalbit/core/ingest/ingest-file';
import type { MappingFile } from '@dalbit/core/ingest/mapping-file';
import { KST_OFFSET_MINUTES } from '@dalbit/core/ingest/normalise/date';
import type { RowIssue } from '@dalbit/core/ingest/records';
import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import { matchRedemptions } from '../../campaigns/match-redemptions.ts';
import type { Engine } from '../../engines/engine.ts';
import { type ResolvePersonsResult, resolvePersons } from '../../identity/resolve-persons.ts';
import { ChangeSnapshot, type ImportChanges } from '../change-counts.ts';
import type { FileSource } from '../file-source.ts';
import { recordImport } from '../record-import.ts';
import { writeRejects } from '../write-rejects.ts';
import { buildLines, buildOrders, LINES, ORDERS, OWNERS, readPersons } from './order-assembly.ts';
import { buildDictionaries, dropFieldTables, type FieldPlan, mapFastRows } from './order-fields-sql.ts';
import { mapSlowRows, refuseDuplicateLines } from './order-rows.ts';
import { BulkUnfit, dropRaw, loadRaw, scanCsv } from './stage-csv.ts';
import { stageOwners, writeOrdersSql } from './write-orders-sql.ts';

/** Files from this size take the bulk path by default (smaller ones gain nothing from it). */
export const BULK_MIN_BYTES = 4 << 20;

export interface BulkRequest {
  readonly path: string;
  readonly fileName?: string;
  readonly source?: SourceKind;
  readonly channel?: string;
  readonly mapping?: MappingFile;
  readonly rejectsPath?: string;
  readonly actor?: string;
  readonly now: Date;
  readonly newCustomerId?: CustomerIdFactory;
  readonly timings?: Record<string, number>;
  /** `performance.now()` when the import started (for the recorded finish time). */
  readonly started: number;
}

/** What the bulk path did; the caller turns it into the import summary. */
export interface BulkOutcome {
  readonly header: TableHeader;
  readonly sha256: string;
  readonly rowsRead: number;
  readonly issues: readonly RowIssue[];
  readonly rejected: readonly RejectedRow[];
  /** Absent when row issues without a rejects file blocked the import (nothing written). */
  readonly written?: {
    readonly orders: number;
    readonly orderLines: number;
    readonly resolved: ResolvePersonsResult;
    readonly importId: string;
    readonly couponRedemptions: number;
    readonly rejectsWritten: boolean;
    readonly changes: ImportChanges;
  };
}

/**
 * The header of an order CSV the bulk path can take (DuckDB warehouse, order export, CSV, no
 * amount scale), or undefined: the caller then takes the row-by-row path.
 */
export function bulkHeader(engine: Engine, src: FileSource, req: BulkRequest): TableHeader | undefined {
  if (engine.dialect.name !== 'duckdb') return undefined;
  const scale = req.mapping?.amountScale;
  if (scale !== undefined && scale !== 1) return undefined;
  const header = readTableHeader(src, {
    fileName: req.fileName ?? basename(req.path),
    now: req.now,
    ...(req.source ? { source: req.source } : {}),
    ...(req.mapping ? { mapping: req.mapping } : {}),
  });
  if (header === undefined || header.format !== 'csv' || !isOrderSource(header.source)) return undefined;
  return header;
}

/**
 * Imports an order CSV set-based: DuckDB reads it into a staging table, fields are validated and
 * normalised in SQL (rows in uncommon forms by the row-by-row path's own field reader), lines,
 * buyers and orders are grouped in SQL, identity is resolved once for the file's buyers, and
 * orders and lines are replaced by natural key in SQL — in one transaction, so either the file
 * lands whole or nothing does. Throws `BulkUnfit` (nothing written) when the file's rows cannot
 * be lined up with the old reader's lines; the caller then imports it the old way.
 */
export async function bulkImportOrders(
  engine: Engine,
  src: FileSource,
  req: BulkRequest,
  header: TableHeader,
  lap: (name: string) => void,
): Promise<BulkOutcome> {
  const file = req.fileName ?? basename(req.path);
  const temp = join(tmpdir(), `dalbit-bulk-${process.pid}-${Date.now()}.csv`);
  try {
    const scanned = scanCsv(src, req.path, header.encoding ?? 'utf-8', temp);
    lap('read');
    const plan: FieldPlan = {
      index: header.index,
      profile: ORDER_PROFILES[header.source as keyof typeof ORDER_PROFILES],
      channel: req.channel ?? req.mapping?.channel,
      offsetMinutes: req.mapping?.utcOffsetMinutes ?? KST_OFFSET_MINUTES,
    };
    return await engine.transaction(async (tx) => {
      try {
        return await inTransaction(tx, { req, header, scanned, plan, file, lap });
      } finally {
        await dropBulkTables(tx).catch(() => undefined);
      }
    });
  } finally {
    rmSync(temp, { force: true });
  }
}

interface Run {
  readonly req: BulkRequest;
  readonly header: TableHeader;
  readonly scanned: ReturnType<typeof scanCsv>;
  readonly plan: FieldPlan;
  readonly file: string;
  readonly lap: (name: string) => void;
}

async function inTransaction(tx: Engine, run: Run): Promise<BulkOutcome> {
  const { req, header, scanned, plan, file, lap } = run;
  const columnCount = header.headers.length;
  await loadRaw(tx, scanned, header.headerLine, columnCount);
  lap('stageCsv');
  await buildDictionaries(tx, plan);
  const rowsRead = await mapFastRows(tx, plan, columnCount);
  lap('mapSql');
  const table = { file, headers: header.headers, columnCount };
  const out = await mapSlowRows(tx, plan, table);
  lap('mapSlowRows');
  await refuseDuplicateLines(tx, plan, table, out);
  const base = { header, sha256: scanned.sha256, rowsRead, issues: out.issues, rejected: out.rejected };
  lap('ingest');
  if (out.issues.length > 0 && req.rejectsPath === undefined) return base;
  const rejectsWritten = req.rejectsPath !== undefined && out.rejected.length > 0;
  if (rejectsWritten) writeRejects(req.rejectsPath as string, header.headers, out.rejected);
  await buildLines(tx, plan.profile.memberIsKey);
  const persons = await readPersons(tx);
  lap('persons');
  const before = new ChangeSnapshot(tx);
  await before.records(
    persons.map((p) => p.recordId),
    [],
  );
  const resolved = await resolvePersons(tx, persons, {
    now: req.now,
    ...(req.timings ? { timings: req.timings } : {}),
    ...(req.newCustomerId ? { newCustomerId: req.newCustomerId } : {}),
  });
  lap('identity');
  await stageOwners(tx, resolved);
  await buildOrders(tx);
  await before.orders({ sql: `SELECT order_id FROM ${ORDERS}` });
  const counts = await writeOrdersSql(tx, header.source);
  lap('facts');
  const coupons = counts.orders > 0 ? await matchRedemptions(tx, { now: req.now }) : { matched: 0 };
  const rowsRejected = out.rejected.length;
  const touched = new Set(resolved.customerOf.values()).size;
  const changes = await before.count({ created: resolved.created, touched, orders: counts.orders });
  const importId = await recordImport(tx, {
    file: req.fileName ?? req.path,
    sha256: scanned.sha256,
    source: header.source,
    rowsRead,
    rowsWritten: rowsRead - rowsRejected,
    rowsRejected,
    startedAt: req.now,
    finishedAt: new Date(req.now.getTime() + Math.round(performance.now() - req.started)),
    ...(req.actor !== undefined ? { actor: req.actor } : {}),
    customersCreated: resolved.created,
    customersUpdated: changes.customers.updated,
    customersMerged: resolved.merged,
    orders: counts.orders,
  });
  lap('record');
  return {
    ...base,
    written: { ...counts, resolved, importId, couponRedemptions: coupons.matched, rejectsWritten, changes },
  };
}

async function dropBulkTables(tx: Engine): Promise<void> {
  await dropFieldTables(tx);
  await dropRaw(tx);
  for (const t of [LINES, ORDERS, OWNERS]) await tx.exec(`DROP TABLE IF EXISTS ${t}`);
}

export { BulkUnfit };
