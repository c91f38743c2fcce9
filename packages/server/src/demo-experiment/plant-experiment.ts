import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { columnNames } from '@dalbit/core/schema/table';
import { ORDER_ITEMS, ORDERS } from '@dalbit/core/schema/tables';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import { formatKstDateTime } from '@dalbit/core/time/kst';
import type { Engine, Row } from '../engines/engine.ts';
import { CsvWriter } from '../export/csv-writer.ts';
import { invalidateStatsSummary } from '../identity/stats-summary.ts';
import { importFile } from '../importers/import-file.ts';
import { type PlantedOrder, type PlantSettings, type PlantTarget, planOrders } from './plant-orders.ts';

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/** The exposed customers of a campaign with their arm, first exposure time, contacts and coupon. */
export async function loadPlantTargets(engine: Engine, campaignId: string): Promise<PlantTarget[]> {
  const q = (text: (b: { p(v: unknown, t: 'string'): string }) => string) =>
    engine.query(compileBound(engine.dialect, text));
  const exposures = await q(
    (b) =>
      `SELECT customer_id, min(arm) AS arm, min(planned_at) AS at FROM campaign_exposures WHERE campaign_id = ${b.p(campaignId, 'string')} GROUP BY customer_id`,
  );
  const contacts = new Map(
    (await engine.query('SELECT customer_id, phone, email FROM customers')).map((r: Row) => [String(r.customer_id), r]),
  );
  const coupons = new Map(
    (await q((b) => `SELECT customer_id, code FROM coupons WHERE campaign_id = ${b.p(campaignId, 'string')}`)).map(
      (r: Row) => [String(r.customer_id), String(r.code)],
    ),
  );
  return exposures.map((r: Row) => {
    const id = String(r.customer_id);
    const c = contacts.get(id);
    return {
      customerId: id,
      arm: String(r.arm),
      exposedAt: (r.at as Date).getTime(),
      phone: str(c?.phone),
      email: str(c?.email),
      couponCode: coupons.get(id) ?? null,
    };
  });
}

const kst = formatKstDateTime;

/** Planted orders as a generic marketplace export (`orders` source: 판매채널 per row), UTF-8 CSV. */
export function writePlantedOrdersCsv(
  path: string,
  orders: readonly PlantedOrder[],
  targets: readonly PlantTarget[],
  productId: string,
): void {
  const byId = new Map(targets.map((t) => [t.customerId, t]));
  const header = [
    '판매채널',
    '주문번호',
    '주문일시',
    '구매자연락처',
    '구매자이메일',
    '상품코드',
    '수량',
    '결제액',
    '쿠폰코드',
    '주문상태',
  ];
  // A marketplace's own export (demo input), so text is kept as the console writes it.
  const w = new CsvWriter(path, { encoding: 'utf8', header, neutralizeFormulas: false });
  for (const o of orders) {
    const t = byId.get(o.customerId);
    w.writeRow([
      o.channel,
      o.orderNumber,
      kst(o.orderedAt),
      t?.phone ?? '',
      t?.phone ? '' : (t?.email ?? ''),
      productId,
      1,
      o.amount,
      o.couponCode ?? '',
      o.status === 'paid' ? '결제완료' : '취소완료',
    ]);
  }
  w.close();
}

export interface PlantResult {
  readonly orders: readonly PlantedOrder[];
  readonly via: 'importer' | 'insert';
  /** Warehouse order id of each planted order (`channel:number`). */
  readonly orderIds: readonly string[];
}

/**
 * Plants a known effect into a demo warehouse after a campaign ran: generates the post-exposure
 * orders (`planOrders`) and writes them either through the real importer (a generic marketplace
 * CSV keyed by the customers' phone or e-mail, so identity resolution must find the unified
 * customer) or straight into `orders`/`order_items` (fast; for many-seed benches).
 */
export async function plantExperiment(
  engine: Engine,
  opts: PlantSettings & { campaignId: string; via: 'importer' | 'insert'; workDir: string; now: Date },
): Promise<PlantResult> {
  const targets = await loadPlantTargets(engine, opts.campaignId);
  const orders = planOrders(targets, opts);
  const [product] = await engine.query('SELECT product_id FROM products ORDER BY product_id LIMIT 1');
  const productId = String(product?.product_id ?? 'PLANT-ITEM');
  const orderIds = orders.map((o) => `${o.channel}:${o.orderNumber}`);
  if (opts.via === 'importer') {
    mkdirSync(opts.workDir, { recursive: true });
    const path = join(opts.workDir, `planted-orders-${opts.seed}.csv`);
    writePlantedOrdersCsv(path, orders, targets, productId);
    const s = await importFile(engine, { path, source: 'orders', now: opts.now });
    rmSync(path, { force: true });
    if (s.status !== 'imported')
      throw new Error(`planted orders not imported: ${s.status} ${JSON.stringify(s.issues.slice(0, 3))}`);
  } else {
    const order = (o: PlantedOrder, id: string): Record<string, unknown> => ({
      order_id: id,
      channel: o.channel,
      customer_id: o.customerId,
      origin_customer_id: o.customerId,
      ordered_at: new Date(o.orderedAt),
      status: o.status,
      gross_amount: o.amount,
      discount_amount: 0,
      paid_amount: o.amount,
      coupon_code: o.couponCode,
      source: 'plant',
    });
    const line = (o: PlantedOrder, id: string): Record<string, unknown> => ({
      line_id: `${id}:1`,
      order_id: id,
      customer_id: o.customerId,
      origin_customer_id: o.customerId,
      channel: o.channel,
      ordered_at: new Date(o.orderedAt),
      status: o.status,
      product_id: productId,
      quantity: 1,
      line_amount: o.amount,
      discount_amount: 0,
    });
    const rows = (def: typeof ORDERS, f: (o: PlantedOrder, id: string) => Record<string, unknown>) =>
      orders.map((o, i) => {
        const r = f(o, orderIds[i] ?? '');
        return columnNames(def).map((c) => r[c] ?? null);
      });
    await engine.transaction(async (tx) => {
      await tx.insert(ORDERS.name, columnNames(ORDERS), rows(ORDERS, order));
      await tx.insert(ORDER_ITEMS.name, columnNames(ORDER_ITEMS), rows(ORDER_ITEMS, line));
      await invalidateStatsSummary(tx);
    });
  }
  return { orders, via: opts.via, orderIds };
}

/** Removes planted orders (ids from a PlantResult) so another seed can be planted. */
export async function removePlantedOrders(engine: Engine, orderIds: readonly string[]): Promise<void> {
  for (let i = 0; i < orderIds.length; i += 500) {
    const batch = orderIds.slice(i, i + 500);
    if (batch.length === 0) continue;
    for (const table of ['order_items', 'orders'])
      await engine.query(
        compileBound(
          engine.dialect,
          (b) => `DELETE FROM ${table} WHERE order_id IN (${batch.map((id) => b.p(id, 'string')).join(', ')})`,
        ),
      );
  }
  await invalidateStatsSummary(engine);
}
