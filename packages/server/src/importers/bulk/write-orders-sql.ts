import type { SourceKind } from '@dalbit/core/ingest/source-kind';
import type { Engine } from '../../engines/engine.ts';
import type { ResolvePersonsResult } from '../../identity/resolve-persons.ts';
import { invalidateStatsSummary } from '../../identity/stats-summary.ts';
import { countRows, expectRowCount } from '../row-count.ts';
import { fillCategories } from '../write-batch.ts';
import { LINES, ORDERS, OWNERS } from './order-assembly.ts';

/** Each buyer record's customer and origin customer, as `resolvePersons` decided. */
export async function stageOwners(tx: Engine, resolved: ResolvePersonsResult): Promise<void> {
  await tx.exec(
    `CREATE OR REPLACE TEMP TABLE ${OWNERS} (record_id VARCHAR, customer_id VARCHAR, origin_customer_id VARCHAR)`,
  );
  const rows: unknown[][] = [];
  for (const [record, customer] of resolved.customerOf)
    rows.push([record, customer, resolved.originOf.get(record) ?? customer]);
  await tx.insert(OWNERS, ['record_id', 'customer_id', 'origin_customer_id'], rows);
}

/**
 * Replaces the file's orders and order lines by natural key, set-based: rows whose order id (or
 * line id) the file has are deleted, then the file's rows inserted from the staging tables, the
 * row counts checked as the old path's `replaceRows` does. Returns orders and lines written.
 */
export async function writeOrdersSql(tx: Engine, source: SourceKind): Promise<{ orders: number; orderLines: number }> {
  const [n] = await tx.query<{ orders: number | bigint; lines: number | bigint }>(
    `SELECT (SELECT count(*) FROM ${ORDERS}) AS orders, (SELECT count(*) FROM ${LINES}) AS lines`,
  );
  const orders = Number(n?.orders ?? 0);
  const orderLines = Number(n?.lines ?? 0);
  if (orders === 0) return { orders, orderLines };
  await invalidateStatsSummary(tx);
  let before = await countRows(tx, 'orders');
  if (before > 0) {
    await tx.exec(`DELETE FROM orders WHERE order_id IN (SELECT order_id FROM ${ORDERS})`);
    before = await countRows(tx, 'orders');
  }
  await tx.exec(`INSERT INTO orders (order_id, channel, store, customer_id, origin_customer_id, ordered_at, status,
    gross_amount, discount_amount, paid_amount, coupon_code, source)
  SELECT o.order_id, o.channel, o.store, w.customer_id, coalesce(w.origin_customer_id, w.customer_id), o.ordered_at,
    o.status, o.gross_amount, o.discount_amount, o.paid_amount, o.coupon_code, '${source}'
  FROM ${ORDERS} o LEFT JOIN ${OWNERS} w ON w.record_id = o.buyer`);
  await expectRowCount(tx, 'orders', before + orders, 'writing orders');
  before = await countRows(tx, 'order_items');
  if (before > 0) {
    await tx.exec(`DELETE FROM order_items WHERE order_id IN (SELECT order_id FROM ${ORDERS})`);
    await tx.exec(`DELETE FROM order_items WHERE line_id IN (SELECT line_id FROM ${LINES})`);
    before = await countRows(tx, 'order_items');
  }
  await tx.exec(`INSERT INTO order_items (line_id, order_id, customer_id, origin_customer_id, channel, ordered_at, status,
    product_id, product_name, category, option, quantity, line_amount, discount_amount)
  SELECT l.line_id, l.order_id, w.customer_id, coalesce(w.origin_customer_id, w.customer_id), o.channel, o.ordered_at,
    l.status, l.product_id, l.product_name, NULL, l.option, l.quantity, l.amount, l.discount
  FROM ${LINES} l JOIN ${ORDERS} o USING (order_id) LEFT JOIN ${OWNERS} w ON w.record_id = o.buyer`);
  await expectRowCount(tx, 'order_items', before + orderLines, 'writing order_items');
  await fillCategories(tx, 'category IS NULL');
  return { orders, orderLines };
}
