import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoContext } from '@dalbit/core/demo/demo-context';
import { DemoParamsSchema } from '@dalbit/core/demo/demo-params';
import { generatePerson } from '@dalbit/core/demo/generate-person';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDemoFiles, readDemoStats } from '../../src/demo/run-demo.ts';
import { type DemoManifest, writeDemoFiles } from '../../src/demo/write-demo-files.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { openMemoryWarehouse } from '../../src/engines/open-engine.ts';

const params = DemoParamsSchema.parse({ customers: 2000, seed: 7, eventsPerCustomer: 4 });
let dir = '';
let engine: Engine;
let manifest: DemoManifest;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalbit-demo-import-'));
  manifest = writeDemoFiles({ params, outDir: dir });
  engine = await openMemoryWarehouse('duckdb');
  await importDemoFiles(engine, { outDir: dir, manifest, now: new Date(createDemoContext(params).exportedAt) });
});
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

const num = (v: unknown): number => Number(v ?? 0);

describe('demo files through the real importer (DuckDB)', () => {
  it('lands every order, line and krw the generator wrote, per channel', async () => {
    const t = manifest.truth.channels;
    // Sales per channel (docs/metrics.md): orders with a kept line and net revenue of kept lines.
    const expected = new Map<string, { orders: number; revenue: number }>([
      ['cafe24', { orders: t.cafe24.keptOrders, revenue: t.cafe24.netRevenue }],
      ['smartstore', { orders: t.smartstore.keptOrders, revenue: t.smartstore.netRevenue }],
      ['musinsa', { orders: t.musinsa.keptOrders, revenue: t.musinsa.netRevenue }],
      ['29cm', { orders: t['29cm'].keptOrders, revenue: t['29cm'].netRevenue }],
      ['coupang', { orders: t.coupang.keptOrders, revenue: t.coupang.netRevenue }],
      [
        'offline',
        { orders: t.offline.keptOrders + t.popup.keptOrders, revenue: t.offline.netRevenue + t.popup.netRevenue },
      ],
    ]);
    const stats = await readDemoStats(engine);
    expect(new Map(stats.channels.map((c) => [c.channel, { orders: c.orders, revenue: c.revenue }]))).toEqual(expected);
    // Every order lands, kept or not.
    const landed = await engine.query('SELECT channel, count(*) AS n FROM orders GROUP BY channel');
    expect(new Map(landed.map((r) => [String(r.channel), num(r.n)]))).toEqual(
      new Map([
        ['cafe24', t.cafe24.orders],
        ['smartstore', t.smartstore.orders],
        ['musinsa', t.musinsa.orders],
        ['29cm', t['29cm'].orders],
        ['coupang', t.coupang.orders],
        ['offline', t.offline.orders + t.popup.orders],
      ]),
    );
    const [lines] = await engine.query('SELECT count(*) AS n, sum(discount_amount) AS d FROM order_items');
    const all = Object.values(t);
    expect(num(lines?.n)).toBe(all.reduce((s, c) => s + c.lines, 0));
    // Coupang exports carry no discount column: only the amount paid.
    expect(num(lines?.d)).toBe(all.reduce((s, c) => s + c.discount, 0) - t.coupang.discount);
    const [popup] = await engine.query("SELECT count(DISTINCT order_id) AS n FROM orders WHERE store = '더현대 팝업'");
    expect(num(popup?.n)).toBe(t.popup.orders);
  });

  it('lands the catalogue, the events and the registrations', async () => {
    const [p] = await engine.query('SELECT count(*) AS n FROM products');
    const [e] = await engine.query('SELECT count(*) AS n FROM events');
    expect(num(p?.n)).toBe(60);
    // The warranty importer also records one warranty_issued event per registration.
    expect(num(e?.n)).toBe(manifest.truth.events + manifest.truth.warranties);
  });

  it('resolves each generated person to exactly one customer and never merges two of them', async () => {
    const ctx = createDemoContext(params);
    const ids = await engine.query(
      "SELECT kind, value, customer_id FROM identities WHERE kind IN ('phone', 'email', 'member')",
    );
    const customerOf = new Map(ids.map((r) => [`${String(r.kind)}|${String(r.value)}`, String(r.customer_id)]));
    let checked = 0;
    const owner = new Map<string, number>();
    for (let i = 0; i < params.customers; i++) {
      const p = generatePerson(ctx, i);
      const keys = [
        `phone|+82${p.phone.slice(1)}`,
        `email|${p.email}`,
        ...(p.cafe24 ? [`member|cafe24:${p.cafe24.memberId}`] : []),
      ];
      const customers = new Set(keys.map((k) => customerOf.get(k)).filter((c): c is string => c !== undefined));
      if (customers.size === 0) continue;
      checked++;
      expect(customers.size, `person ${i} split over ${[...customers].join(', ')}`).toBe(1);
      const c = [...customers][0] as string;
      expect(owner.get(c), `customer ${c} holds persons ${owner.get(c)} and ${i}`).toBeUndefined();
      owner.set(c, i);
    }
    expect(checked).toBeGreaterThan(params.customers - manifest.truth.people.invisible - 50);
  });
});
