import type { TableDef } from '@dalbit/core/schema/table';
import type { Engine } from './engine.ts';

/** Name of the table a refresh builds before swapping it in. */
export const nextTableName = (table: string): string => `${table}__next`;

/**
 * Replaces the whole content of `table` without making readers or other writers wait on the build:
 * on DuckDB, `fill(tx, '<table>__next')` fills a fresh table in a transaction of its own beside
 * the writer queue, then one short transaction renames it into place (readers that started before
 * keep reading the old table; decision 0014). ClickHouse truncates and fills in place.
 * @example await replaceTable(engine, RFM_SCORES, (tx, target) => tx.insert(target, columnNames(RFM_SCORES), rows))
 */
export async function replaceTable(
  engine: Engine,
  table: TableDef,
  fill: (tx: Engine, target: string) => Promise<void>,
): Promise<void> {
  const q = engine.dialect.quoteIdent;
  if (engine.dialect.name !== 'duckdb') {
    await engine.transaction(async (tx) => {
      await tx.exec(`TRUNCATE TABLE ${q(table.name)}`);
      await fill(tx, table.name);
    });
    return;
  }
  const next = nextTableName(table.name);
  await engine.build(async (tx) => {
    await tx.exec(`DROP TABLE IF EXISTS ${q(next)}`);
    await tx.exec(engine.dialect.createTable({ ...table, name: next }));
    await fill(tx, next);
  });
  await swapIn(engine, table.name, next);
}

/** Renames `next` to `table` in one short writer transaction; the old table is dropped. */
async function swapIn(engine: Engine, table: string, next: string): Promise<void> {
  const q = engine.dialect.quoteIdent;
  const old = `${table}__old`;
  await engine.transaction(async (tx) => {
    await tx.exec(`DROP TABLE IF EXISTS ${q(old)}`);
    await tx.exec(`ALTER TABLE ${q(table)} RENAME TO ${q(old)}`);
    await tx.exec(`ALTER TABLE ${q(next)} RENAME TO ${q(table)}`);
    await tx.exec(`DROP TABLE ${q(old)}`);
  });
}
