import type { Cell } from './normalise/cell.ts';
import { headerKey } from './source-specs.ts';

/**
 * Index of the header row among the first rows of a sheet: the row naming the most known
 * columns. Exports such as SmartStore's put instruction rows above it.
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[], known: ReadonlySet<string>): number {
  let best = -1;
  let bestScore = 1;
  rows.forEach((cells, i) => {
    let score = 0;
    for (const c of cells) if (typeof c === 'string' && known.has(headerKey(c))) score++;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (best >= 0) return best;
  return Math.max(
    0,
    rows.findIndex((cells) => cells.some((c) => c !== null && c !== '')),
  );
}
