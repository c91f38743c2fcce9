import { chunks, compileBound } from '@dalbit/core/sql/bind-sql';
import type { ParamType } from '@dalbit/core/sql/dialect';
import type { Engine } from '../engines/engine.ts';

const CAST: Record<ParamType, string> = {
  string: 'VARCHAR',
  int: 'BIGINT',
  float: 'DOUBLE',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  date: 'DATE',
  'string[]': 'VARCHAR[]',
  'int[]': 'BIGINT[]',
};

interface ValuesUpdate {
  readonly columns: readonly { readonly name: string; readonly type: ParamType }[];
  /** Each row: the idempotency key, then one value per column. */
  readonly rows: readonly (readonly unknown[])[];
  readonly set: string;
  readonly where?: string;
}

/**
 * Updates many `messages` rows in one statement: the rows are appended to a session-local table
 * `r(k, …)` joined on the key (DuckDB; elsewhere a VALUES list per 500). `set` refers to the values
 * as `r.<name>` (typed) and to the row as `m.<column>`. Call it inside a transaction.
 */
export async function updateMessagesFromValues(engine: Engine, input: ValuesUpdate): Promise<void> {
  if (input.rows.length === 0) return;
  if (engine.dialect.name !== 'duckdb') return updateFromValuesLists(engine, input);
  const names = ['k', ...input.columns.map((c) => c.name)];
  const types: ParamType[] = ['string', ...input.columns.map((c) => c.type)];
  // One table per column list: the session caches a table's layout by its name.
  const table = `msg_update_${names.join('_')}`;
  await engine.exec(
    `CREATE OR REPLACE TEMP TABLE ${table} (${names.map((n, i) => `${n} ${CAST[types[i] ?? 'string']}`).join(', ')})`,
  );
  await engine.insert(table, names, input.rows);
  await engine.exec(
    `UPDATE messages AS m SET ${input.set} FROM ${table} AS r
     WHERE m.idempotency_key = r.k${input.where ? ` AND (${input.where})` : ''}`,
  );
  await engine.exec(`DROP TABLE ${table}`);
}

async function updateFromValuesLists(engine: Engine, input: ValuesUpdate): Promise<void> {
  const names = ['k', ...input.columns.map((c) => c.name)];
  const types: ParamType[] = ['string', ...input.columns.map((c) => c.type)];
  for (const part of chunks(input.rows)) {
    const q = compileBound(engine.dialect, (b) => {
      const values = part.map(
        (row) =>
          `(${row.map((v, i) => `CAST(${b.p(v, types[i] ?? 'string')} AS ${CAST[types[i] ?? 'string']})`).join(', ')})`,
      );
      return `UPDATE messages AS m SET ${input.set}
        FROM (VALUES ${values.join(', ')}) AS r(${names.join(', ')})
        WHERE m.idempotency_key = r.k${input.where ? ` AND (${input.where})` : ''}`;
    });
    await engine.query(q);
  }
}
