import type { PurchaseLine } from '@dalbit/core/analytics/basket/basket-level';
import type { ParamType } from '@dalbit/core/sql/dialect';
import { kstDayStart } from '@dalbit/core/time/kst';
import { type Engine, sql } from '../../engines/engine.ts';

export type ItemLevel = 'product' | 'category';

export interface PurchaseWindow {
  /** KST as-of day number: lines ordered before 00:00 KST of that day count. */
  readonly asOfDay: number;
  /** Only the last N days before the as-of day (default: all history). */
  readonly windowDays?: number;
}

/**
 * Paid order lines of the warehouse as basket input, the item being the product id or the
 * category. Lines without a category are skipped at category level and counted in `skipped`.
 */
export async function loadPurchaseLines(
  engine: Engine,
  opts: PurchaseWindow & { itemLevel: ItemLevel },
): Promise<{ lines: PurchaseLine[]; skipped: number }> {
  const d = engine.dialect;
  const params: unknown[] = ['paid', kstDayStart(opts.asOfDay)];
  const types: ParamType[] = ['string', 'timestamp'];
  let where = `${d.quoteIdent('status')} = ${d.placeholder(1, 'string')} AND ${d.quoteIdent('ordered_at')} < ${d.placeholder(2, 'timestamp')}`;
  if (opts.windowDays !== undefined) {
    params.push(kstDayStart(opts.asOfDay - opts.windowDays));
    types.push('timestamp');
    where += ` AND ${d.quoteIdent('ordered_at')} >= ${d.placeholder(3, 'timestamp')}`;
  }
  const itemCol = d.quoteIdent(opts.itemLevel === 'category' ? 'category' : 'product_id');
  const rows = await engine.query<{ order_id: string; customer_id: string | null; item: string | null }>(
    sql(
      `SELECT ${d.quoteIdent('order_id')} AS order_id, ${d.quoteIdent('customer_id')} AS customer_id, ${itemCol} AS item FROM ${d.quoteIdent('order_items')} WHERE ${where} ORDER BY ${d.quoteIdent('order_id')}, ${d.quoteIdent('line_id')}`,
      params,
      types,
    ),
  );
  const lines: PurchaseLine[] = [];
  let skipped = 0;
  for (const r of rows) {
    if (r.item === null || r.item === '') skipped++;
    else lines.push({ orderId: r.order_id, customerId: r.customer_id, item: r.item });
  }
  return { lines, skipped };
}
