import { SEGMENT_MEMBERSHIPS } from '@dalbit/core/segments/tables';
import { DAY_MS, kstDayStart, kstDayToIso, toKstDay } from '@dalbit/core/time/kst';
import { type Engine, sql } from '../engines/engine.ts';
import { listSizeTrend } from './memberships.ts';

/** One KST day of a segment: its size at the day's last refresh and who entered and left that day. */
export interface SegmentDay {
  readonly day: string;
  readonly size: number;
  readonly entered: number;
  readonly exited: number;
  /** The instant of the day's last refresh (the size is as of it). */
  readonly refreshedAt: Date;
}

/**
 * The size of a segment per KST day (the last refresh of each day is the day's snapshot) with
 * the entries and exits recorded in the membership spells that day, oldest day first.
 */
export async function segmentDays(engine: Engine, segmentId: string): Promise<SegmentDay[]> {
  const byDay = new Map<number, { size: number; refreshedAt: Date; entered: number; exited: number }>();
  for (const p of await listSizeTrend(engine, segmentId))
    byDay.set(toKstDay(p.asOf), { size: p.size, refreshedAt: p.asOf, entered: 0, exited: 0 });
  const q = engine.dialect.quoteIdent;
  const rows = await engine.query<{ at: Date; moved: string; n: number }>(
    sql(
      `SELECT ${q('entered_at')} AS ${q('at')}, 'entered' AS ${q('moved')}, count(*) AS ${q('n')} FROM ${q(SEGMENT_MEMBERSHIPS.name)}
         WHERE ${q('segment_id')} = ${engine.dialect.placeholder(1, 'string')} AND ${q('exited_at')} IS NULL GROUP BY ${q('entered_at')}
       UNION ALL
       SELECT ${q('exited_at')}, 'exited', count(*) FROM ${q(SEGMENT_MEMBERSHIPS.name)}
         WHERE ${q('segment_id')} = ${engine.dialect.placeholder(2, 'string')} AND ${q('exited_at')} IS NOT NULL GROUP BY ${q('exited_at')}`,
      [segmentId, segmentId],
      ['string', 'string'],
    ),
  );
  for (const r of rows) {
    const d = byDay.get(toKstDay(r.at));
    if (!d) continue;
    if (r.moved === 'entered') d.entered += Number(r.n);
    else d.exited += Number(r.n);
  }
  return [...byDay.entries()].sort((a, b) => a[0] - b[0]).map(([day, d]) => ({ day: kstDayToIso(day), ...d }));
}

/**
 * The size at the last refresh of a KST day (the same snapshot the size-per-day chart shows for that
 * day), or null when the segment was not refreshed that day.
 */
export async function sizeOnKstDay(engine: Engine, segmentId: string, day: number): Promise<number | null> {
  let size: number | null = null;
  for (const p of await listSizeTrend(engine, segmentId)) if (toKstDay(p.asOf) === day) size = p.size;
  return size;
}

/** Customers who entered (or left) a segment on one KST day, by customer id, at most `limit` each. */
export async function segmentMovers(
  engine: Engine,
  input: { segmentId: string; day: number; limit: number },
): Promise<{ entered: string[]; exited: string[] }> {
  const q = engine.dialect.quoteIdent;
  const p = engine.dialect.placeholder;
  const from = kstDayStart(input.day);
  const to = new Date(from.getTime() + DAY_MS);
  const read = async (column: 'entered_at' | 'exited_at', open: boolean): Promise<string[]> => {
    const rows = await engine.query<{ customer_id: string }>(
      sql(
        `SELECT DISTINCT ${q('customer_id')} FROM ${q(SEGMENT_MEMBERSHIPS.name)} WHERE ${q('segment_id')} = ${p(1, 'string')}
           AND ${q('exited_at')} IS ${open ? '' : 'NOT '}NULL AND ${q(column)} >= ${p(2, 'timestamp')} AND ${q(column)} < ${p(3, 'timestamp')}
         ORDER BY ${q('customer_id')} LIMIT ${Math.max(1, Math.min(1000, input.limit))}`,
        [input.segmentId, from, to],
        ['string', 'timestamp', 'timestamp'],
      ),
    );
    return rows.map((r) => r.customer_id);
  };
  return { entered: await read('entered_at', true), exited: await read('exited_at', false) };
}
