import type { ImportRecord } from '@dalbit/core/ingest/import-record';
import type { Engine } from '../engines/engine.ts';
import { sql } from '../engines/engine.ts';

export type { ImportRecord } from '@dalbit/core/ingest/import-record';

interface Row extends Record<string, unknown> {
  import_id: string;
  file: string;
  source_kind: string;
  actor: string | null;
  started_at: Date;
  finished_at: Date;
  rows_read: number;
  rows_written: number;
  rows_rejected: number;
  customers_created: number | null;
  customers_updated: number | null;
  customers_merged: number | null;
  orders: number | null;
}

const COLUMNS = [
  'import_id',
  'file',
  'source_kind',
  'actor',
  'started_at',
  'finished_at',
  'rows_read',
  'rows_written',
  'rows_rejected',
  'customers_created',
  'customers_updated',
  'customers_merged',
  'orders',
] as const;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The latest imports first (the `imports` audit table: CLI, demo and dashboard alike). */
export async function listImports(engine: Engine, limit: number): Promise<ImportRecord[]> {
  const q = engine.dialect.quoteIdent;
  const cols = COLUMNS.map(q).join(', ');
  const n = Math.max(1, Math.min(1000, Math.trunc(limit)));
  const rows = await engine.query<Row>(
    sql(`SELECT ${cols} FROM ${q('imports')} ORDER BY ${q('started_at')} DESC, ${q('import_id')} LIMIT ${n}`),
  );
  return rows.map((r) => ({
    importId: r.import_id,
    file: r.file,
    source: r.source_kind,
    actor: r.actor,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: new Date(r.finished_at).toISOString(),
    rowsRead: Number(r.rows_read),
    rowsWritten: Number(r.rows_written),
    rowsRejected: Number(r.rows_rejected),
    customersCreated: num(r.customers_created),
    customersUpdated: num(r.customers_updated),
    customersMerged: num(r.customers_merged),
    orders: num(r.orders),
  }));
}
