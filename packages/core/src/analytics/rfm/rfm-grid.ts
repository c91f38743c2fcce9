import type { RfmScore } from './score-rfm.ts';

export interface RfmGridCell {
  readonly r: number;
  readonly f: number;
  readonly count: number;
  /** Mean monetary of the cell's customers; null for an empty cell. */
  readonly meanMonetary: number | null;
}

/** The 5 × 5 grid of R (rows, 5 first) by F (columns, 1 first) with customer count and mean M. */
export function buildRfmGrid(scores: readonly RfmScore[]): RfmGridCell[] {
  const count = new Array<number>(25).fill(0);
  const sum = new Array<number>(25).fill(0);
  for (const s of scores) {
    const i = (s.r - 1) * 5 + (s.f - 1);
    count[i] = (count[i] ?? 0) + 1;
    sum[i] = (sum[i] ?? 0) + s.monetary;
  }
  const cells: RfmGridCell[] = [];
  for (let r = 5; r >= 1; r--) {
    for (let f = 1; f <= 5; f++) {
      const i = (r - 1) * 5 + (f - 1);
      const c = count[i] ?? 0;
      cells.push({ r, f, count: c, meanMonetary: c === 0 ? null : (sum[i] ?? 0) / c });
    }
  }
  return cells;
}
