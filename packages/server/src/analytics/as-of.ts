import type { MessageKey, MessageParams } from '@dalbit/core/i18n/catalog';
import { kstDayToIso, toKstDay } from '@dalbit/core/time/kst';
import type { Engine } from '../engines/engine.ts';

/** Where an as-of day came from: the flag, today, or the end of the data (the day after the latest order/event). */
export type AsOfSource = 'flag' | 'today' | 'data_end';

export interface ResolvedAsOf {
  readonly day: number;
  readonly source: AsOfSource;
  /** The last KST day with an order or event; undefined for an empty warehouse. */
  readonly dataLastDay?: number;
}

/** The latest order or behavioural event in the warehouse (undefined when there is neither). */
export async function warehouseDataEnd(engine: Engine): Promise<Date | undefined> {
  const rows = await engine.query<{ t: Date | null }>(
    `SELECT max(t) AS t FROM (SELECT max(ordered_at) AS t FROM orders UNION ALL SELECT max(occurred_at) AS t FROM events) x`,
  );
  const t = rows[0]?.t;
  return t ? new Date(t) : undefined;
}

/**
 * The one "as of" rule: an explicit flag (its day, parsed by the caller) wins; otherwise today (KST), unless the data ends before
 * today — then the day after the last day with data (as if the export was read the next morning),
 * so analytics and simulations look at the data instead of weeks of silence after it.
 */
export async function resolveAsOfDay(
  engine: Engine,
  flagDay: number | undefined,
  opts: { readonly now?: Date } = {},
): Promise<ResolvedAsOf> {
  if (flagDay !== undefined) return { day: flagDay, source: 'flag' };
  const today = toKstDay(opts.now ?? new Date());
  const end = await warehouseDataEnd(engine);
  if (!end) return { day: today, source: 'today' };
  const lastDay = toKstDay(end);
  if (lastDay + 1 < today) return { day: lastDay + 1, source: 'data_end', dataLastDay: lastDay };
  return { day: today, source: 'today', dataLastDay: lastDay };
}

/** One line telling the user the as-of day came from the end of the data. */
export function asOfNotice(
  r: ResolvedAsOf,
  t: (key: MessageKey, params?: MessageParams) => string,
): string | undefined {
  if (r.source !== 'data_end' || r.dataLastDay === undefined) return undefined;
  return t('cli.asOf.notice', { day: kstDayToIso(r.day), last: kstDayToIso(r.dataLastDay) });
}
