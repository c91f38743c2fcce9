import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/schema/migrations.ts';
import { ORDERS, PRODUCTS } from '../../src/schema/tables.ts';
import { SEGMENT_MEMBERSHIPS } from '../../src/segments/tables.ts';
import { clickHouseDialect, clusterAddColumn, clusterCreateTable } from '../../src/sql/clickhouse-cluster-dialect.ts';
import { CLICKHOUSE_DIALECT } from '../../src/sql/clickhouse-dialect.ts';

describe('ClickHouse cluster DDL (decision 0019 §2)', () => {
  it('shards a table with customers: a replicated local table and a Distributed table by customer', () => {
    const [local, dist, ...rest] = clusterCreateTable(ORDERS, 'dalbit');
    expect(rest).toEqual([]);
    expect(local).toMatch(/^CREATE TABLE IF NOT EXISTS `orders_local` ON CLUSTER `dalbit` \(`order_id` String, /);
    expect(local).toContain(
      "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', _version, _deleted) ORDER BY (`order_id`)",
    );
    expect(local).toContain('`customer_id` Nullable(String)');
    expect(local).toContain(
      '_version UInt64 MATERIALIZED toUnixTimestamp64Nano(now64(9)), _deleted UInt8 MATERIALIZED 0',
    );
    expect(dist).toBe(
      "CREATE TABLE IF NOT EXISTS `orders` ON CLUSTER `dalbit` AS `orders_local` ENGINE = Distributed(`dalbit`, currentDatabase(), `orders_local`, cityHash64(ifNull(`customer_id`, '')))",
    );
  });

  it('replicates a table without customers to every node under its own name', () => {
    expect(clusterCreateTable(PRODUCTS, 'dalbit')).toEqual([
      "CREATE TABLE IF NOT EXISTS `products` ON CLUSTER `dalbit` (`product_id` String, `name` String, `category` Nullable(String), `price` Nullable(Int64), `attributes` Nullable(String), _version UInt64 MATERIALIZED toUnixTimestamp64Nano(now64(9)), _deleted UInt8 MATERIALIZED 0) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/{table}', '{shard}-{replica}', _version, _deleted) ORDER BY (`product_id`)",
    ]);
  });

  it('keeps every row of an append-only table (ReplicatedMergeTree, no versions)', () => {
    const [local] = clusterCreateTable(SEGMENT_MEMBERSHIPS, 'c1');
    expect(local).toContain(
      "ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}') ORDER BY",
    );
    expect(local).not.toContain('_version');
  });

  it('adds a column to the local and the Distributed table of a sharded table', () => {
    expect(clusterAddColumn(ORDERS, { name: 'memo', type: 'string', nullable: true }, 'c1')).toEqual([
      'ALTER TABLE `orders_local` ON CLUSTER `c1` ADD COLUMN IF NOT EXISTS `memo` Nullable(String)',
      'ALTER TABLE `orders` ON CLUSTER `c1` ADD COLUMN IF NOT EXISTS `memo` Nullable(String)',
    ]);
    expect(clusterAddColumn(PRODUCTS, { name: 'memo', type: 'string' }, 'c1')).toEqual([
      'ALTER TABLE `products` ON CLUSTER `c1` ADD COLUMN IF NOT EXISTS `memo` String',
    ]);
  });

  it('is the single-node dialect without a cluster name', () => {
    expect(clickHouseDialect()).toBe(CLICKHOUSE_DIALECT);
    expect(clickHouseDialect('')).toBe(CLICKHOUSE_DIALECT);
  });

  it('renders every table of the schema with ON CLUSTER only', () => {
    const d = clickHouseDialect('dalbit');
    const tables = MIGRATIONS.flatMap((m) => m.steps).flatMap((s) => (s.kind === 'create_table' ? [s.table] : []));
    expect(tables.length).toBeGreaterThan(30);
    for (const t of tables) {
      const statements = d.createTable(t).split(';\n');
      expect(statements.length).toBe(t.columns.some((c) => c.name === 'customer_id') ? 2 : 1);
      for (const s of statements) expect(s).toMatch(/^CREATE TABLE IF NOT EXISTS `\w+` ON CLUSTER `dalbit` /);
    }
  });

  it('moves a row to its new shard: a changed customer_id also writes a tombstone under the old one', () => {
    const d = clickHouseDialect('dalbit');
    const change = {
      table: ORDERS,
      alias: 'o',
      from: 'merges m',
      where: 'o.customer_id = m.loser_id',
      set: { customer_id: 'm.winner_id' },
    };
    const [insert, tombstone, ...rest] = d.write.updateWhere(change).split('; ');
    expect(rest).toEqual([]);
    expect(insert).toMatch(/^INSERT INTO `orders` \(.*\) SELECT .*m\.winner_id AS `customer_id`/);
    expect(tombstone).toContain(
      ', 1 FROM `orders` AS o, merges m WHERE (o.customer_id = m.loser_id) AND tuple(o.`order_id`, o.`customer_id`) <> tuple(o.`order_id`, (m.winner_id))',
    );
    // Other changes, and the single-node dialect, write the new version only.
    expect(d.write.updateWhere({ ...change, set: { status: "'paid'" } }).split('; ')).toHaveLength(1);
    expect(CLICKHOUSE_DIALECT.write.updateWhere(change).split('; ')).toHaveLength(1);
  });
});
