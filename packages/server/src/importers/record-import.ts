import { randomUUID } from 'node:crypto';
import type { Engine } from '../engines/engine.ts';

/** Appends the audit row of an import (file hash, source kind, who, counts) and returns its id. */
export async function recordImport(
  engine: Engine,
  r: {
    file: string;
    sha256: string;
    source: string;
    rowsRead: number;
    rowsWritten: number;
    rowsRejected: number;
    startedAt: Date;
    finishedAt: Date;
    actor?: string;
    customersCreated: number;
    customersUpdated: number;
    customersMerged: number;
    orders: number;
  },
): Promise<string> {
  const importId = randomUUID();
  await engine.insert(
    'imports',
    [
      'import_id',
      'file',
      'sha256',
      'source_kind',
      'rows_read',
      'rows_written',
      'rows_rejected',
      'started_at',
      'finished_at',
      'actor',
      'customers_created',
      'customers_updated',
      'customers_merged',
      'orders',
    ],
    [
      [
        importId,
        r.file,
        r.sha256,
        r.source,
        r.rowsRead,
        r.rowsWritten,
        r.rowsRejected,
        r.startedAt,
        r.finishedAt,
        r.actor ?? null,
        r.customersCreated,
        r.customersUpdated,
        r.customersMerged,
        r.orders,
      ],
    ],
  );
  return importId;
}
