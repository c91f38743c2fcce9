/**
 * One customer's sufficient statistics for buy-till-you-die models ("CBS", Hardie's layout):
 * `x` repeat purchases in the calibration period, `tx` time of the last repeat purchase after the
 * first one (0 when x = 0), `tCal` time from the first purchase to the end of calibration, all in
 * one time unit (weeks in Hardie's CDNOW work). `xStar` purchases in the holdout period and `mx`
 * mean spend of the repeat purchases are optional.
 */
export interface CbsRow {
  readonly customerId: string;
  readonly x: number;
  readonly tx: number;
  readonly tCal: number;
  readonly xStar?: number;
  readonly mx?: number;
}

export type CbsIssueCode = 'NEGATIVE_COUNT' | 'NOT_INTEGER' | 'TIME_ORDER' | 'NOT_FINITE' | 'NO_CUSTOMERS';

export interface CbsIssue {
  readonly code: CbsIssueCode;
  /** Index of the row (0-based) or −1 for the table as a whole. */
  readonly row: number;
  readonly message: string;
}

/** Checks the invariants every model relies on: x ∈ ℕ, 0 ≤ tx ≤ tCal, tx > 0 when x > 0. */
export function validateCbs(rows: readonly CbsRow[]): CbsIssue[] {
  const issues: CbsIssue[] = [];
  if (rows.length === 0) issues.push({ code: 'NO_CUSTOMERS', row: -1, message: 'no customers' });
  rows.forEach((r, row) => {
    const id = r.customerId;
    if (![r.x, r.tx, r.tCal].every(Number.isFinite)) {
      issues.push({ code: 'NOT_FINITE', row, message: `${id}: x, t.x and T.cal must be finite numbers` });
      return;
    }
    if (r.x < 0 || r.tx < 0 || r.tCal < 0)
      issues.push({ code: 'NEGATIVE_COUNT', row, message: `${id}: negative value` });
    if (!Number.isInteger(r.x))
      issues.push({ code: 'NOT_INTEGER', row, message: `${id}: x = ${r.x} is not a whole number` });
    if (r.tx > r.tCal + 1e-9 || (r.x > 0 && !(r.tx > 0))) {
      issues.push({
        code: 'TIME_ORDER',
        row,
        message: `${id}: need 0 < t.x ≤ T.cal when x > 0 (t.x = ${r.tx}, T.cal = ${r.tCal})`,
      });
    }
  });
  return issues;
}
