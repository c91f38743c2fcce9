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

/**
 * Updates many `messages` rows in one statement per 500: a VALUES list `r(k, …)` joined on the
 * key. `set` refers to the values as `r.<name>` (already cast) and to the row as `m.<column>`.
 */
export async function updateMessagesFromValues(
  engine: Engine,
  input: {
    readonly columns: readonly { readonly name: string; readonly type: ParamType }[];
    /** Each row: the idempotency key, then one value per column. */
    readonly rows: readonly (readonly unknown[])[];
    readonly set: string;
    readonly where?: string;
  },
): Promise<void> {
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
