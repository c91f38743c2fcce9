import { MESSAGES } from '@dalbit/core/channels/tables';
import { type ColumnType, col } from '@dalbit/core/schema/table';
import type { Engine } from '../engines/engine.ts';

interface ValuesUpdate {
  readonly columns: readonly { readonly name: string; readonly type: Exclude<ColumnType, 'json'> }[];
  /** Each row: the idempotency key, then one value per column. */
  readonly rows: readonly (readonly unknown[])[];
  /** Column → new value: SQL over the values as `r.<name>` (typed) and the row as `m.<column>`. */
  readonly set: Readonly<Record<string, string>>;
  /** Condition on `m.<column>` and `r.<name>`. */
  readonly where?: string;
}

/**
 * Updates many `messages` rows in one statement: the rows are appended to a session-local table
 * `r(k, …)` joined on the key, and the change is written as the dialect writes one (DuckDB
 * `UPDATE … FROM`; ClickHouse a new version of each changed row, decision 0019). Call it inside a
 * transaction (on chDB the transaction's turn keeps the session table to this caller).
 */
export async function updateMessagesFromValues(engine: Engine, input: ValuesUpdate): Promise<void> {
  if (input.rows.length === 0) return;
  const { write } = engine.dialect;
  const names = ['k', ...input.columns.map((c) => c.name)];
  // One table per column list: the DuckDB session caches a table's layout by its name.
  const table = `msg_update_${names.join('_')}`;
  await engine.exec(
    write.tempTable(table, [col('k', 'string'), ...input.columns.map((c) => col(c.name, c.type, true))]),
  );
  await engine.insert(table, names, input.rows);
  await engine.exec(
    write.updateWhere({
      table: MESSAGES,
      alias: 'm',
      set: input.set,
      from: `${table} AS r`,
      where: `m.idempotency_key = r.k${input.where ? ` AND (${input.where})` : ''}`,
    }),
  );
  await engine.exec(`DROP TABLE ${table}`);
}
