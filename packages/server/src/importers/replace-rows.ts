import type { Engine } from '../engines/engine.ts';

const KEYS = 'import_stage_keys';

/**
 * Delete-then-insert by natural key inside the caller's transaction: rows whose key is in the
 * batch are removed (from `table`, by each of `deleteBy`), then the batch is bulk-appended. Re-importing the
 * same or an overlapping export therefore replaces rows instead of duplicating them.
 */
export async function replaceRows(
  engine: Engine,
  opts: {
    table: string;
    columns: readonly string[];
    rows: readonly (readonly unknown[])[];
    deleteBy: readonly { column: string; keys: Iterable<string> }[];
  },
): Promise<void> {
  if (opts.rows.length === 0) return;
  const empty = await isEmpty(engine, opts.table);
  if (!empty) {
    for (const d of opts.deleteBy) {
      await engine.exec(`CREATE OR REPLACE TEMP TABLE ${KEYS} (k VARCHAR)`);
      await engine.insert(
        KEYS,
        ['k'],
        Array.from(d.keys, (k) => [k]),
      );
      await engine.exec(`DELETE FROM ${opts.table} WHERE ${d.column} IN (SELECT k FROM ${KEYS})`);
    }
    await engine.exec(`DROP TABLE IF EXISTS ${KEYS}`);
  }
  await engine.insert(opts.table, opts.columns, opts.rows);
}

async function isEmpty(engine: Engine, table: string): Promise<boolean> {
  const r = await engine.query<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} LIMIT 1)`);
  return (r[0]?.n ?? 0) === 0;
}
