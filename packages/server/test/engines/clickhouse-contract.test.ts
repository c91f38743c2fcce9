// The engine contract on every ClickHouse transport: chDB in-process (always), the server engine
// (`@clickhouse/client` over HTTP) against chDB behind a ClickHouse HTTP endpoint in a child process
// (always; test/support/chdb-http-server.ts), and against a real ClickHouse server when
// DALBIT_CLICKHOUSE_URL is set (skipped with a notice otherwise).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ORDERS } from '@dalbit/core/schema/tables';
import { CLICKHOUSE_DIALECT } from '@dalbit/core/sql/clickhouse-dialect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChdbEngine } from '../../src/engines/clickhouse/chdb-engine.ts';
import type { ClickHouseServerConfig } from '../../src/engines/clickhouse/server-config.ts';
import { ClickHouseServerEngine } from '../../src/engines/clickhouse/server-engine.ts';
import { type Engine, sql } from '../../src/engines/engine.ts';
import { migrate } from '../../src/engines/migrate.ts';
import { withQueryScope } from '../../src/engines/query-scope.ts';

const REAL_URL = process.env.DALBIT_CLICKHOUSE_URL;
if (!REAL_URL)
  process.stderr.write(
    '\n[notice] DALBIT_CLICKHOUSE_URL is not set: the contract suite against a real ClickHouse server is SKIPPED ' +
      '(it runs against chDB and against chDB behind the HTTP interface only).\n\n',
  );

/** Starts chDB behind a ClickHouse HTTP endpoint in a child process; resolves with its URL. */
async function startChdbHttp(user: string, password: string): Promise<{ url: string; child: ChildProcess }> {
  const script = join(import.meta.dirname, '..', 'support', 'chdb-http-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, user, password], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()));
    child.once('exit', (code) => reject(new Error(`chdb-http-server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** A fresh database on the server, so runs never see each other's rows. */
async function scratchServer(config: ClickHouseServerConfig): Promise<ClickHouseServerEngine> {
  const admin = await ClickHouseServerEngine.open(config);
  const database = `dalbit_contract_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin.exec(`CREATE DATABASE ${database}`);
  await admin.close();
  return ClickHouseServerEngine.open({ ...config, database, insertBatchRows: 1000 });
}

const ORDER_COLUMNS = [
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
const T = new Date('2024-03-01T12:34:56.789Z');
const order = (id: string, paid: number, customer: string | null) => [
  id,
  'cafe24',
  T,
  'paid',
  paid,
  0,
  paid,
  'test',
  customer,
];

function contract(name: string, open: () => Promise<Engine>, skip = false) {
  describe.skipIf(skip)(`ClickHouse engine contract: ${name}`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await open();
      await migrate(engine);
    });
    afterAll(async () => engine?.close());

    it('migrates idempotently and reads back typed values with bound parameters', async () => {
      expect(await migrate(engine)).toEqual([]);
      await engine.insert('orders', ORDER_COLUMNS, [order('o1', 10000, 'c1'), order('o2', 5000, null)]);
      const hostile = "x'); DROP TABLE orders; --\\\t;";
      const rows = await engine.query(
        sql(
          'SELECT order_id, paid_amount, ordered_at, customer_id FROM orders WHERE paid_amount >= {p1:Int64} AND order_id <> {p2:String} AND channel IN {p3:Array(String)} ORDER BY order_id',
          [6000, hostile, ['cafe24', "it's"]],
          ['int', 'string', 'string[]'],
        ),
      );
      expect(rows).toEqual([{ order_id: 'o1', paid_amount: 10000, ordered_at: T, customer_id: 'c1' }]);
      expect(await engine.query(sql('SELECT {p1:String} AS s', [hostile], ['string']))).toEqual([{ s: hostile }]);
      const [typed] = await engine.query(
        'SELECT toInt64(9007199254740991) AS b, CAST(NULL AS Nullable(String)) AS n, toBool(1) AS t, toFloat64(0.25) AS f',
      );
      expect(typed).toEqual({ b: 9007199254740991, n: null, t: true, f: 0.25 });
    });

    it('keeps one live row per key: an insert is an upsert, row changes write versions', async () => {
      await engine.insert('orders', ORDER_COLUMNS, [order('u1', 100, 'c9'), order('u2', 200, 'c9')]);
      await engine.insert('orders', ORDER_COLUMNS, [order('u1', 150, 'c9')]);
      const write = CLICKHOUSE_DIALECT.write;
      await engine.exec(
        write.updateWhere({
          table: ORDERS,
          alias: 'o',
          where: "o.order_id = 'u2'",
          set: { paid_amount: 'o.paid_amount + 1' },
        }),
      );
      await engine.exec(write.deleteWhere({ table: ORDERS, alias: 'o', where: "o.order_id = 'u1'" }));
      // A changed key: two statements in one call (the dialect joins them with `;`).
      await engine.exec(
        write.updateWhere({ table: ORDERS, alias: 'o', where: "o.order_id = 'u2'", set: { order_id: "'u3'" } }),
      );
      const rows = await engine.query(
        "SELECT order_id, paid_amount FROM orders WHERE customer_id = 'c9' ORDER BY order_id",
      );
      expect(rows).toEqual([{ order_id: 'u3', paid_amount: 201 }]);
    });

    it('runs a transaction on one session: temporary tables, several statements, reads of them', async () => {
      const n = await engine.transaction(async (tx) => {
        await tx.exec(CLICKHOUSE_DIALECT.write.tempTable('contract_keys', [{ name: 'k', type: 'string' }]));
        await tx.insert('contract_keys', ['k'], [['o1'], ['o2'], ['nope']]);
        const [r] = await tx.query<{ n: number }>(
          'SELECT count() AS n FROM orders WHERE order_id IN (SELECT k FROM contract_keys)',
        );
        return r?.n;
      });
      expect(n).toBe(2);
    });

    it('inserts in batches and reads side by side', async () => {
      const rows = Array.from({ length: 2500 }, (_, i) => order(`b${i}`, i, `c${i % 7}`));
      await engine.insert('orders', ORDER_COLUMNS, rows);
      const counts = await Promise.all(
        [0, 1, 2, 3].map((k) =>
          engine.query(
            sql(
              "SELECT count() AS n FROM orders WHERE startsWith(order_id, 'b') AND paid_amount % 4 = {p1:Int64}",
              [k],
              ['int'],
            ),
          ),
        ),
      );
      expect(counts.map((c) => c[0]?.n)).toEqual([625, 625, 625, 625]);
      const [sum] = await engine.query("SELECT sum(paid_amount) AS s FROM orders WHERE startsWith(order_id, 'b')");
      expect(sum?.s).toBe((2499 * 2500) / 2);
    });

    it('reads 64-bit integers above 2^53 exactly (bigint), smaller ones as numbers, nested too', async () => {
      const big = 2n ** 53n + 1n; // 9007199254740993: a JSON number would read it as ...992
      await engine.insert('orders', ORDER_COLUMNS, [
        order('i1', big as unknown as number, 'c64'),
        order('i2', 7, 'c64'),
      ]);
      const rows = await engine.query(
        sql(
          "SELECT order_id, paid_amount FROM orders WHERE customer_id = 'c64' AND paid_amount >= {p1:Int64} ORDER BY order_id",
          [big],
          ['int'],
        ),
      );
      expect(rows).toEqual([{ order_id: 'i1', paid_amount: big }]);
      const [sums] = await engine.query(
        "SELECT sum(paid_amount) AS won, count() AS n, groupArray(paid_amount) AS each, toUInt64(18446744073709551615) AS top, tuple(toInt64(5), 'x') AS pair FROM (SELECT paid_amount FROM orders WHERE customer_id = 'c64' ORDER BY order_id)",
      );
      expect(sums).toEqual({ won: big + 7n, n: 2, each: [big, 7], top: 2n ** 64n - 1n, pair: [5, 'x'] });
    });

    it('stops a statement at the deadline of its query scope (QUERY_TIMEOUT)', async () => {
      const slow = withQueryScope({ timeoutMs: 1000 }, () =>
        engine.query('SELECT count() AS n FROM numbers(100000000000) WHERE sipHash64(number) % 7 = 3'),
      );
      await expect(slow).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    });
  });
}

contract('chDB (in-process)', () => ChdbEngine.open());

let shim: ChildProcess | undefined;
afterAll(() => {
  shim?.kill();
});
contract('server engine over HTTP → chDB', async () => {
  const started = await startChdbHttp('dalbit', 's3cret');
  shim = started.child;
  return scratchServer({ url: started.url, username: 'dalbit', password: 's3cret' });
});

contract(
  `server engine → ${REAL_URL ?? 'DALBIT_CLICKHOUSE_URL (not set)'}`,
  () =>
    scratchServer({
      url: REAL_URL ?? '',
      username: process.env.DALBIT_CLICKHOUSE_USER,
      password: process.env.DALBIT_CLICKHOUSE_PASSWORD,
    }),
  !REAL_URL,
);

describe('server engine: refusals before anything is read or written', () => {
  it('says in Korean that the server cannot be reached', async () => {
    const err = await ClickHouseServerEngine.open({ url: 'http://127.0.0.1:9' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CLICKHOUSE_UNREACHABLE', kind: 'unavailable' });
    expect(String((err as Error).message)).toContain('ClickHouse 서버 http://127.0.0.1:9/에 연결하지 못했습니다');
  });
});
