import { openSpellsTree } from '@dalbit/core/segments/membership-tree';
import { printSql } from '@dalbit/core/segments/sql/print';
import { SEGMENT_MEMBERSHIPS, SEGMENT_REFRESHES } from '@dalbit/core/segments/tables';
import { type Engine, sql } from '../engines/engine.ts';

/** Current members of a stored segment (as of its last refresh), sorted. */
export async function listCurrentMembers(engine: Engine, segmentId: string): Promise<string[]> {
  const rows = await engine.query<{ customer_id: string }>(printSql(openSpellsTree(segmentId), engine.dialect));
  return rows.map((r) => r.customer_id).sort();
}

/** Customers who entered the segment after `since`, including any who left again since (for "entered the segment" triggers). */
export async function listEntered(
  engine: Engine,
  segmentId: string,
  since: Date,
): Promise<{ customerId: string; enteredAt: Date }[]> {
  const q = engine.dialect.quoteIdent;
  const p = engine.dialect.placeholder;
  const rows = await engine.query<{ customer_id: string; entered_at: Date }>(
    sql(
      `SELECT ${q('customer_id')}, ${q('entered_at')} FROM ${q(SEGMENT_MEMBERSHIPS.name)} WHERE ${q('segment_id')} = ${p(1, 'string')} AND ${q('entered_at')} > ${p(2, 'timestamp')} AND ${q('exited_at')} IS NULL ORDER BY ${q('entered_at')}, ${q('customer_id')}`,
      [segmentId, since],
      ['string', 'timestamp'],
    ),
  );
  return rows.map((r) => ({ customerId: r.customer_id, enteredAt: r.entered_at }));
}

export interface SizePoint {
  readonly asOf: Date;
  readonly version: number;
  readonly size: number;
  readonly entered: number;
  readonly exited: number;
}

/** The size trend: one point per refresh, oldest first. */
export async function listSizeTrend(engine: Engine, segmentId: string): Promise<SizePoint[]> {
  const q = engine.dialect.quoteIdent;
  const p = engine.dialect.placeholder;
  const rows = await engine.query<{ as_of: Date; version: number; size: number; entered: number; exited: number }>(
    sql(
      `SELECT * FROM ${q(SEGMENT_REFRESHES.name)} WHERE ${q('segment_id')} = ${p(1, 'string')} ORDER BY ${q('as_of')}`,
      [segmentId],
      ['string'],
    ),
  );
  return rows.map((r) => ({
    asOf: r.as_of,
    version: Number(r.version),
    size: Number(r.size),
    entered: Number(r.entered),
    exited: Number(r.exited),
  }));
}
