// The cluster DDL executed where no cluster can run: every statement the cluster dialect renders
// for the whole schema, brought to its single-node form (no ON CLUSTER, no Keeper replication, the
// local table under the name the SQL uses, no Distributed table), runs on chDB; the cluster's row
// moves (a customer_id change also writes a tombstone under the old customer, for the old shard)
// leave the moved rows alive on one node, where old and new version share a part.

import { ORDERS } from '@dalbit/core/schema/tables';
import { clickHouseDialect } from '@dalbit/core/sql/clickhouse-cluster-dialect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChdbEngine } from '../../src/engines/clickhouse/chdb-engine.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { migrate } from '../../src/engines/migrate.ts';

/** The single-node form of one cluster statement, or undefined for the Distributed layer. */
function singleNode(statement: string): string | undefined {
  if (/ENGINE = Distributed\(/.test(statement)) return undefined;
  return statement
    .replace(/ ON CLUSTER `[^`]+`/, '')
    .replace(/ReplicatedReplacingMergeTree\('[^']*', '[^']*', /, 'ReplacingMergeTree(')
    .replace(/ReplicatedMergeTree\('[^']*', '[^']*'\)/, 'MergeTree')
    .replace(/`(\w+)_local`/g, '`$1`');
}

const executed: string[] = [];
let shardedAlters = 0;

/** chDB with the cluster dialect: statements are rendered for the cluster, run in the single-node form. */
function clusterOnChdb(chdb: ChdbEngine): Engine {
  const dialect = clickHouseDialect('dalbit');
  const exec = async (sql: string) => {
    const parts = sql.split(';\n');
    // An ALTER of a sharded table comes twice (local, then Distributed): the second is the Distributed one.
    if (parts.length === 2 && parts.every((p) => p.startsWith('ALTER TABLE'))) {
      shardedAlters++;
      parts.pop();
    }
    for (const part of parts) {
      const s = singleNode(part);
      if (s === undefined) continue;
      executed.push(s);
      await chdb.exec(s);
    }
  };
  const self: Engine = {
    dialect,
    exec,
    query: (q) => chdb.query(q),
    insert: (t, c, r) => chdb.insert(t, c, r),
    transaction: (fn) => fn(self),
    build: (fn) => fn(self),
    close: () => chdb.close(),
  };
  return self;
}

describe('cluster DDL on chDB (single-node form)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = clusterOnChdb(await ChdbEngine.open());
    await migrate(engine);
  });
  afterAll(async () => engine?.close());

  it('creates and alters every table of the schema', async () => {
    expect(executed.filter((s) => s.startsWith('CREATE TABLE')).length).toBeGreaterThan(30);
    expect(shardedAlters).toBeGreaterThan(0);
    const tables = await engine.query<{ name: string; engine: string }>(
      "SELECT name, engine FROM system.tables WHERE database = currentDatabase() AND name IN ('orders', 'products', 'segment_memberships') ORDER BY name",
    );
    expect(tables).toEqual([
      { name: 'orders', engine: 'ReplacingMergeTree' },
      { name: 'products', engine: 'ReplacingMergeTree' },
      { name: 'segment_memberships', engine: 'MergeTree' },
    ]);
    // Columns added by later migrations are there (person_records' profile columns, imports' details).
    const [cols] = await engine.query<{ n: number }>(
      "SELECT count() AS n FROM system.columns WHERE database = currentDatabase() AND table = 'access_log' AND name = 'seq'",
    );
    expect(cols?.n).toBe(1);
  });

  it('moves a customer’s rows with a tombstone under the old customer: one live row per key', async () => {
    const cols = [
      'order_id',
      'channel',
      'ordered_at',
      'status',
      'gross_amount',
      'discount_amount',
      'paid_amount',
      'source',
      'customer_id',
    ];
    const t = new Date('2025-01-01T00:00:00Z');
    await engine.insert('orders', cols, [
      ['m1', 'cafe24', t, 'paid', 100, 0, 100, 'test', 'loser'],
      ['m2', 'cafe24', t, 'paid', 200, 0, 200, 'test', 'loser'],
      ['m3', 'cafe24', t, 'paid', 300, 0, 300, 'test', 'winner'],
    ]);
    await engine.exec(
      engine.dialect.write.updateWhere({
        table: ORDERS,
        alias: 'o',
        from: "(SELECT 'loser' AS loser_id, 'winner' AS winner_id) m",
        where: 'o.customer_id = m.loser_id',
        set: { customer_id: 'm.winner_id' },
      }),
    );
    const rows = await engine.query(
      "SELECT order_id, customer_id FROM orders WHERE startsWith(order_id, 'm') ORDER BY order_id",
    );
    expect(rows).toEqual([
      { order_id: 'm1', customer_id: 'winner' },
      { order_id: 'm2', customer_id: 'winner' },
      { order_id: 'm3', customer_id: 'winner' },
    ]);
  });
});
