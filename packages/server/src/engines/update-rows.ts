import { tableDef } from '@dalbit/core/schema/migrations';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { ParamType } from '@dalbit/core/sql/dialect';
import type { Engine } from './engine.ts';

/** A bound value and its type. */
export type Bound = readonly [value: unknown, type: ParamType];

/**
 * Sets columns to bound values on the rows whose columns equal `match` (and `extra`, SQL over the
 * table's columns prefixed `r.`), as the dialect writes a change (decision 0019).
 * @example await updateRows(engine, 'sessions', { ended_at: [now, 'timestamp'] }, { token_hash: [hash, 'string'] }, 'r.ended_at IS NULL')
 */
export async function updateRows(
  engine: Engine,
  table: string,
  set: Readonly<Record<string, Bound>>,
  match: Readonly<Record<string, Bound>>,
  extra?: string,
): Promise<void> {
  const q = engine.dialect.quoteIdent;
  await engine.query(
    compileBound(engine.dialect, (b) =>
      engine.dialect.write.updateWhere({
        table: tableDef(table),
        alias: 'r',
        set: Object.fromEntries(Object.entries(set).map(([k, [v, t]]) => [k, b.p(v, t)])),
        where: [
          ...Object.entries(match).map(([k, [v, t]]) => `r.${q(k)} = ${b.p(v, t)}`),
          ...(extra ? [extra] : []),
        ].join(' AND '),
      }),
    ),
  );
}

/**
 * Removes the rows whose columns equal `match`, as the dialect deletes (DuckDB: DELETE; ClickHouse:
 * a tombstone version, decision 0019). With an insert after it in one transaction: a replace by key.
 * @example await deleteRows(tx, 'connections', { connection_id: [id, 'string'] })
 */
export async function deleteRows(engine: Engine, table: string, match: Readonly<Record<string, Bound>>): Promise<void> {
  const q = engine.dialect.quoteIdent;
  await engine.query(
    compileBound(engine.dialect, (b) =>
      engine.dialect.write.deleteWhere({
        table: tableDef(table),
        alias: 'r',
        where: Object.entries(match)
          .map(([k, [v, t]]) => `r.${q(k)} = ${b.p(v, t)}`)
          .join(' AND '),
      }),
    ),
  );
}
