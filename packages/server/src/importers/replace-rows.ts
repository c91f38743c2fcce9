import { tableDef } from '@dalbit/core/schema/migrations';
import { col } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { CompiledQuery, SqlDialect } from '@dalbit/core/sql/dialect';
import type { Engine } from '../engines/engine.ts';
import { countRows, expectRowCount } from './row-count.ts';

const KEYS = 'import_stage_keys';

/** Rows per append: bounds the row arrays built at once for a large file. */
export const WRITE_SLICE = 65_536;

/**
 * Up to this many keys are bound as parameters (`IN ($1, …)`), and a batch this small skips the
 * row-count check: the tracker's 20-event batches then cost two statements instead of nine (no
 * temporary table DDL, no full-table counts). The appender throws on any failed row, and the
 * caller's transaction keeps the batch whole either way.
 */
export const SMALL_BATCH = 1_000;

/** `col IN ($1, $2, …)` with the keys bound: no temporary table for a small batch. */
export function boundInList(dialect: SqlDialect, column: string, keys: readonly string[]): CompiledQuery {
  return compileBound(dialect, (b) => `${column} IN ${b.in(keys)}`);
}

async function replaceSmall(
  engine: Engine,
  opts: { table: string; columns: readonly string[]; rows: readonly (readonly unknown[])[] },
  deleteBy: readonly { column: string; keys: Iterable<string> }[],
): Promise<void> {
  for (const d of deleteBy) {
    const keys = [...new Set(d.keys)];
    if (keys.length === 0) continue;
    const where = boundInList(engine.dialect, `t.${d.column}`, keys);
    const table = tableDef(opts.table);
    await engine.query({ ...where, sql: engine.dialect.write.deleteWhere({ table, alias: 't', where: where.sql }) });
  }
  await engine.insert(opts.table, opts.columns, opts.rows);
}

/**
 * Delete-then-insert by natural key inside the caller's transaction: rows whose key is in the
 * batch are removed (from `table`, by each of `deleteBy`), then the batch is bulk-appended. Re-importing the
 * same or an overlapping export therefore replaces rows instead of duplicating them. `rows` may
 * be given as slices (built lazily, one at a time); the table's row count is checked afterwards.
 */
export async function replaceRows(
  engine: Engine,
  opts: {
    table: string;
    columns: readonly string[];
    rows: readonly (readonly unknown[])[] | Iterable<readonly (readonly unknown[])[]>;
    /** Rows in `rows` when it is given as slices. */
    count?: number;
    deleteBy: readonly { column: string; keys: Iterable<string> }[];
  },
): Promise<void> {
  const sliced = !Array.isArray(opts.rows);
  const total = sliced ? (opts.count ?? 0) : (opts.rows as readonly unknown[]).length;
  if (total === 0) return;
  if (
    !sliced &&
    total <= SMALL_BATCH &&
    opts.deleteBy.every((d) => Array.isArray(d.keys) && d.keys.length <= SMALL_BATCH)
  )
    return replaceSmall(engine, { ...opts, rows: opts.rows as readonly (readonly unknown[])[] }, opts.deleteBy);
  let before = await countRows(engine, opts.table);
  if (before > 0) {
    const { write } = engine.dialect;
    for (const d of opts.deleteBy) {
      await engine.exec(write.tempTable(KEYS, [col('k', 'string')]));
      await engine.insert(
        KEYS,
        ['k'],
        Array.from(d.keys, (k) => [k]),
      );
      const table = tableDef(opts.table);
      await engine.exec(write.deleteWhere({ table, alias: 't', where: `t.${d.column} IN (SELECT k FROM ${KEYS})` }));
    }
    await engine.exec(`DROP TABLE IF EXISTS ${KEYS}`);
    before = await countRows(engine, opts.table);
  }
  if (sliced) {
    let written = 0;
    for (const slice of opts.rows as Iterable<readonly (readonly unknown[])[]>) {
      await engine.insert(opts.table, opts.columns, slice);
      written += slice.length;
    }
    if (written !== total)
      throw new RangeError(`replaceRows(${opts.table}): ${written} rows given, ${total} announced`);
  } else await engine.insert(opts.table, opts.columns, opts.rows as readonly (readonly unknown[])[]);
  await expectRowCount(engine, opts.table, before + total, `writing ${opts.table}`);
}
