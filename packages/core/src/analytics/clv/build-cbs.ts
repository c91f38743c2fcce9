import type { CbsRow } from './cbs.ts';

/** One purchase; `day` is a whole calendar-day number (e.g. days since 1970-01-01 in Asia/Seoul). */
export interface DatedPurchase {
  readonly customerId: string;
  readonly day: number;
  readonly amount: number;
}

/**
 * Builds the CBS table from a transaction log with Hardie's conventions (as in BTYD's
 * `dc.ElogToCbsCbt`): purchases of one customer on the same day are merged into one (amounts
 * summed); the customer's first purchase starts the clock; `x` counts the later purchase days up
 * to and including `calibrationEndDay`; `mx` is the mean amount of those repeat purchases (0 when
 * x = 0); `xStar` counts purchase days after calibration up to `holdoutEndDay`. Times are in units
 * of `daysPerUnit` days (7 = weeks). Customers whose first purchase falls after the calibration
 * period are left out. Rows are ordered by customer id (numeric ids numerically).
 *
 * @example
 * buildCbs({ purchases: [{ customerId: '1', day: 0, amount: 10 }, { customerId: '1', day: 14, amount: 20 }],
 *   calibrationEndDay: 28 }) // [{ customerId: '1', x: 1, tx: 2, tCal: 4, mx: 20 }]
 */
export function buildCbs(input: {
  purchases: readonly DatedPurchase[];
  calibrationEndDay: number;
  holdoutEndDay?: number;
  daysPerUnit?: number;
}): CbsRow[] {
  const { calibrationEndDay, holdoutEndDay } = input;
  const unit = input.daysPerUnit ?? 7;
  const byCustomer = new Map<string, Map<number, number>>();
  for (const p of input.purchases) {
    let days = byCustomer.get(p.customerId);
    if (!days) {
      days = new Map();
      byCustomer.set(p.customerId, days);
    }
    days.set(p.day, (days.get(p.day) ?? 0) + p.amount);
  }
  const rows: CbsRow[] = [];
  for (const [customerId, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const first = sorted[0];
    if (first === undefined || first > calibrationEndDay) continue;
    let x = 0;
    let last = first;
    let repeatSpend = 0;
    let xStar = 0;
    for (const day of sorted.slice(1)) {
      if (day <= calibrationEndDay) {
        x++;
        last = day;
        repeatSpend += days.get(day) ?? 0;
      } else if (holdoutEndDay === undefined || day <= holdoutEndDay) {
        xStar++;
      }
    }
    rows.push({
      customerId,
      x,
      tx: (last - first) / unit,
      tCal: (calibrationEndDay - first) / unit,
      ...(holdoutEndDay === undefined ? {} : { xStar }),
      mx: x > 0 ? repeatSpend / x : 0,
    });
  }
  return rows.sort((a, b) => compareIds(a.customerId, b.customerId));
}

const NUMERIC = /^\d+$/;

function compareIds(a: string, b: string): number {
  if (NUMERIC.test(a) && NUMERIC.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
