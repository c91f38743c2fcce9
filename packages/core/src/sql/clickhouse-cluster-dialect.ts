import type { ColumnDef, TableDef } from '../schema/table.ts';
import { CLICKHOUSE_DIALECT, columnList, DELETED, quote, VERSION } from './clickhouse-dialect.ts';
import type { SqlDialect } from './dialect.ts';

/**
 * The ClickHouse dialect on a cluster (decision 0019 §2): every table is created `ON CLUSTER` as a
 * `Replicated…MergeTree` (Keeper paths by the server's `{shard}`/`{replica}` macros). A table with
 * a `customer_id` is sharded by customer: `<name>_local` on each shard plus a `Distributed` table
 * under the name the SQL uses, so all rows of one customer sit on one shard. A table without one
 * (products, campaigns, settings …) is small and is replicated to every node under its own name.
 */

/** The column the rows of a sharded table are placed by. */
export const SHARD_COLUMN = 'customer_id';

export const isSharded = (t: TableDef): boolean => t.columns.some((c) => c.name === SHARD_COLUMN);

export const localName = (name: string): string => `${name}_local`;

function replicatedEngine(t: TableDef, sharded: boolean): string {
  // Sharded: one replica set per shard. Everywhere: one replica set over every node of the cluster.
  const path = sharded ? `/clickhouse/tables/{shard}/{database}/{table}` : `/clickhouse/tables/all/{database}/{table}`;
  const replica = sharded ? '{replica}' : '{shard}-{replica}';
  return t.appendOnly
    ? `ReplicatedMergeTree('${path}', '${replica}')`
    : `ReplicatedReplacingMergeTree('${path}', '${replica}', ${VERSION}, ${DELETED})`;
}

function columnsWithVersion(t: TableDef): string {
  const versions = t.appendOnly
    ? ''
    : `, ${VERSION} UInt64 MATERIALIZED toUnixTimestamp64Nano(now64(9)), ${DELETED} UInt8 MATERIALIZED 0`;
  return `${columnList(t.columns)}${versions}`;
}

/** The statements that create `t` on `cluster` (local table, then its Distributed table when sharded). */
export function clusterCreateTable(t: TableDef, cluster: string): string[] {
  const on = `ON CLUSTER ${quote(cluster)}`;
  const order = `ORDER BY (${t.key.map(quote).join(', ')})`;
  if (!isSharded(t))
    return [
      `CREATE TABLE IF NOT EXISTS ${quote(t.name)} ${on} (${columnsWithVersion(t)}) ENGINE = ${replicatedEngine(t, false)} ${order}`,
    ];
  const local = localName(t.name);
  return [
    `CREATE TABLE IF NOT EXISTS ${quote(local)} ${on} (${columnsWithVersion(t)}) ENGINE = ${replicatedEngine(t, true)} ${order}`,
    `CREATE TABLE IF NOT EXISTS ${quote(t.name)} ${on} AS ${quote(local)} ENGINE = Distributed(${quote(cluster)}, currentDatabase(), ${quote(local)}, cityHash64(ifNull(${quote(SHARD_COLUMN)}, '')))`,
  ];
}

/** The statements that add `column` to `t` on `cluster` (the local table first, then the Distributed one). */
export function clusterAddColumn(t: TableDef, column: ColumnDef, cluster: string): string[] {
  const def = `${quote(column.name)} ${CLICKHOUSE_DIALECT.columnType(column.type, column.nullable ?? false)}`;
  const alter = (name: string) =>
    `ALTER TABLE ${quote(name)} ON CLUSTER ${quote(cluster)} ADD COLUMN IF NOT EXISTS ${def}`;
  return isSharded(t) ? [alter(localName(t.name)), alter(t.name)] : [alter(t.name)];
}

/**
 * The ClickHouse dialect for a server: the single-node dialect without a cluster name, else the
 * cluster DDL. On a cluster, an update that changes a row's `customer_id` moves it to another
 * shard, so the row under the old customer gets a tombstone (routed to the old shard) as a key
 * change does on one node.
 */
export function clickHouseDialect(cluster?: string): SqlDialect {
  if (!cluster) return CLICKHOUSE_DIALECT;
  const base = CLICKHOUSE_DIALECT;
  return {
    ...base,
    createTable: (t) => clusterCreateTable(t, cluster).join(';\n'),
    addColumn: (t, c) => clusterAddColumn(t, c, cluster).join(';\n'),
    write: {
      ...base.write,
      updateWhere: (c) =>
        isSharded(c.table) && Object.hasOwn(c.set, SHARD_COLUMN) && !c.table.key.includes(SHARD_COLUMN)
          ? base.write.updateWhere({ ...c, table: { ...c.table, key: [...c.table.key, SHARD_COLUMN] } })
          : base.write.updateWhere(c),
    },
  };
}
