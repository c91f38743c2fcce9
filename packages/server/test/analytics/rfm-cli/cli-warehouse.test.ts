// Warehouse modes of `dalbit rfm` and `dalbit basket rules`: a small fixture written straight into
// a DuckDB data directory, then the CLI through main() with argv.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWarehouse } from '../../../src/engines/open-engine.ts';
import { insertRows } from '../../support/insert-rows.ts';
import { runCli } from '../../support/run-cli.ts';
import { orderLineRow, orderRow } from '../../support/warehouse-rows.ts';

const run = (dataDir: string, args: string[]) => runCli(['--data-dir', dataDir, ...args]);

async function seed(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dalbit-wh-'));
  const engine = await openWarehouse({ dataDir });
  // c1 bought on 02-01 and 03-05, c2 on 02-01 only, c3 on 03-05 only (KST noon).
  const at = (day: string) => `${day}T03:00:00Z`;
  await insertRows(engine, 'orders', [
    orderRow({ id: 'o1', customer: 'c1', at: at('2024-02-01'), gross: 10000 }),
    orderRow({ id: 'o2', customer: 'c2', at: at('2024-02-01'), gross: 20000 }),
    orderRow({ id: 'o3', customer: 'c1', at: at('2024-03-05'), gross: 30000 }),
    orderRow({ id: 'o4', customer: 'c3', at: at('2024-03-05'), gross: 40000 }),
  ]);
  const l = (id: string, order: string, customer: string, day: string, product: string) =>
    orderLineRow({ id, order, customer, at: at(day), product, amount: 1000 });
  await insertRows(engine, 'order_items', [
    l('l1', 'o1', 'c1', '2024-02-01', 'A'),
    l('l2', 'o1', 'c1', '2024-02-01', 'B'),
    l('l3', 'o2', 'c2', '2024-02-01', 'A'),
    l('l4', 'o3', 'c1', '2024-03-05', 'A'),
    l('l5', 'o3', 'c1', '2024-03-05', 'B'),
    l('l6', 'o4', 'c3', '2024-03-05', 'B'),
  ]);
  await engine.close();
  return dataDir;
}

describe('warehouse CLI', () => {
  it('dalbit rfm stores rfm_scores and prints summary, grid and transitions', async () => {
    const dataDir = await seed();
    const r = await run(dataDir, ['rfm', '--as-of', '2024-03-10', '--grid', '--vs-date', '2024-02-10', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      customers: number;
      segments: { segment: string; customers: number; label: string }[];
      grid: unknown[];
      transitions: { from: string; to: string; customers: number }[];
    };
    expect(report.customers).toBe(3);
    expect(report.segments.reduce((n, s) => n + s.customers, 0)).toBe(3);
    expect(report.segments.find((s) => s.segment === 'champions')?.label).toBe('최우수 고객');
    expect(report.grid).toHaveLength(25);
    // On 2024-02-10 only c1 and c2 had bought; c3 is new by 2024-03-10.
    expect(report.transitions.filter((t) => t.from === 'none')).toEqual([expect.objectContaining({ customers: 1 })]);
    expect(report.transitions.reduce((n, t) => n + t.customers, 0)).toBe(3);
    const text = await run(dataDir, ['rfm', '--as-of', '2024-03-10', '--lang', 'en']);
    expect(text.stdout).toContain('RFM as of 2024-03-10 · 3 customers');
    const engine = await openWarehouse({ dataDir });
    try {
      expect(await engine.query('SELECT count(*) AS n FROM rfm_scores')).toEqual([{ n: 3 }]);
    } finally {
      await engine.close();
    }
  });

  it('dalbit basket rules without --transactions mines the warehouse; only --store fills related_products', async () => {
    const dataDir = await seed();
    // orders {A,B} {A} {A,B} {B}: supp 0.5 → count ≥ 2; A=>B conf 2/3, B=>A conf 2/3, lift (2/3)/(3/4)
    const args = [
      'basket',
      'rules',
      '--as-of',
      '2024-03-10',
      '--support',
      '0.5',
      '--confidence',
      '0.6',
      '--minlen',
      '2',
    ];
    const printed = await run(dataDir, args);
    expect(printed.code).toBe(0);
    expect(printed.stderr).toContain('저장된 연관 상품(related_products)은 바꾸지 않았습니다');
    const before = await openWarehouse({ dataDir });
    try {
      expect(await before.query('SELECT count(*) AS n FROM related_products')).toEqual([{ n: 0 }]);
      expect(await before.query('SELECT count(*) AS n FROM related_product_runs')).toEqual([{ n: 0 }]);
    } finally {
      await before.close();
    }
    const r = await run(dataDir, [...args, '--store']);
    expect(r.stdout).toBe(printed.stdout);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').slice(1).sort()).toEqual([
      '"{A}","{B}",1,0.5,0.666666666666667,0.75,0.888888888888889,2',
      '"{B}","{A}",1,0.5,0.666666666666667,0.75,0.888888888888889,2',
    ]);
    expect(r.stderr).toContain('related_products: 고객 2명에 2행');
    expect(r.stderr).toContain('다음 일일 갱신(refresh)이 기본 기준으로 다시 계산해 덮어씁니다');
    const engine = await openWarehouse({ dataDir });
    try {
      expect(await engine.query('SELECT customer_id, product_id FROM related_products ORDER BY customer_id')).toEqual([
        { customer_id: 'c2', product_id: 'B' },
        { customer_id: 'c3', product_id: 'A' },
      ]);
      expect(await engine.query('SELECT computed_by, rule_count, customer_count FROM related_product_runs')).toEqual([
        { computed_by: 'cli', rule_count: 2, customer_count: 2 },
      ]);
    } finally {
      await engine.close();
    }
  });
});
