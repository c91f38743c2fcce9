import { type ApiRow, ingestApiRows } from '@dalbit/core/ingest/api-rows';
import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import { matchRedemptions } from '../campaigns/match-redemptions.ts';
import type { Engine } from '../engines/engine.ts';
import { resolvePersons } from '../identity/resolve-persons.ts';
import { writeBatch } from '../importers/write-batch.ts';
import { writeCursor } from './connection-store.ts';

export interface PageResult {
  /** Records the page carried (members, order items, product orders, products). */
  readonly rows: number;
  readonly orders: number;
  readonly rejected: readonly { line: number; reasons: readonly string[] }[];
}

/**
 * Writes one fetched page exactly as an import of the same rows would (the importer's mappers,
 * identity resolution and natural-key replacement) and moves the resource's cursor, in one
 * transaction: a sync interrupted after this page resumes after it, one interrupted before it
 * fetches it again and rewrites the same keys.
 */
export async function commitPage(
  engine: Engine,
  page: {
    kind: Exclude<SourceKind, 'events'>;
    rows: readonly ApiRow[];
    file: string;
    now: Date;
    connectionId: string;
    resource: string;
    cursor: Record<string, unknown>;
  },
): Promise<PageResult> {
  const mapped = ingestApiRows(page.kind, page.rows, { file: page.file, now: page.now });
  const { batch } = mapped;
  await engine.transaction(async (tx) => {
    if (page.rows.length > 0) {
      const resolved = await resolvePersons(tx, batch.persons, { now: page.now });
      const counts = await writeBatch(tx, batch, resolved, page.kind);
      if (counts.orders > 0) await matchRedemptions(tx, { now: page.now });
    }
    await writeCursor(tx, page.connectionId, page.resource, page.cursor, page.rows.length, page.now);
  });
  return { rows: page.rows.length, orders: batch.orders.length, rejected: mapped.rejected };
}
