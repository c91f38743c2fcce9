import type { Engine } from '../../src/engines/engine.ts';

/** A warehouse row keyed by column name; a column a row leaves out is written as NULL. */
export type Row = Readonly<Record<string, unknown>>;

/**
 * Inserts rows given as objects into `table`: the columns are the union of the rows' keys, so a
 * fixture names each value instead of relying on the position of a column list.
 */
export async function insertRows(engine: Engine, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  await engine.insert(
    table,
    cols,
    rows.map((r) => cols.map((c) => r[c] ?? null)),
  );
}
