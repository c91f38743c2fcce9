import { toKstDay } from '../../time/kst.ts';
import { agg, col, count } from '../sql/build.ts';
import type { SelectNode } from '../sql/node.ts';

/** What a condition compiles against: the asOf instant and a deterministic alias supply. */
export interface TreeContext {
  readonly asOf: Date;
  /** KST day number of asOf. */
  readonly today: number;
  /** The features row of the customer under test. */
  readonly base: string;
  alias(prefix: string): string;
  /**
   * Earliest and latest `last_events_before` of the features rows, when every row has one (read by
   * the caller just before counting): lets "did X at least once" read the last-event columns.
   */
  readonly lastEvents?: LastEventsSpan | undefined;
}

/** Range of the features rows' `last_events_before` instants. */
export interface LastEventsSpan {
  readonly from: Date;
  readonly to: Date;
}

export const BASE_ALIAS = 'f';

export function createContext(asOf: Date, lastEvents?: LastEventsSpan): TreeContext {
  let n = 0;
  return {
    asOf,
    lastEvents,
    today: toKstDay(asOf),
    base: BASE_ALIAS,
    alias: (prefix) => `${prefix}${++n}`,
  };
}

/**
 * `SELECT` of the features rows' earliest and latest `last_events_before` (epoch ms) and how many
 * rows lack one; the span applies only when none does (rows from before migration 14 have none).
 */
export function lastEventsSpanQuery(features: string): SelectNode {
  const at = col('f', 'last_events_before');
  return {
    kind: 'select',
    columns: [
      { expr: { kind: 'epoch_ms', item: agg('min', at) }, alias: 'from_ms' },
      { expr: { kind: 'epoch_ms', item: agg('max', at) }, alias: 'to_ms' },
      { expr: { kind: 'arith', op: '-', left: count(), right: agg('count', at) }, alias: 'missing' },
    ],
    from: { kind: 'table', table: features, alias: 'f' },
  };
}

/** The span from the row of `lastEventsSpanQuery`, or undefined when it does not apply. */
export function lastEventsSpanOf(
  row: { from_ms?: unknown; to_ms?: unknown; missing?: unknown } | undefined,
): LastEventsSpan | undefined {
  if (!row || row.from_ms == null || row.to_ms == null || Number(row.missing) !== 0) return undefined;
  return { from: new Date(Number(row.from_ms)), to: new Date(Number(row.to_ms)) };
}
