import type { ParamType } from '@dalbit/core/sql/dialect';
import { kstDayStart } from '@dalbit/core/time/kst';
import { type Engine, eachChunk, sql } from '../../engines/engine.ts';
import { Dictionary, int32Column } from '../../workers/packed-columns.ts';
import type { PackedLines } from './packed-lines.ts';

export type ItemLevel = 'product' | 'category';

export interface PurchaseWindow {
  /** KST as-of day number: lines ordered before 00:00 KST of that day count. */
  readonly asOfDay: number;
  /** Only the last N days before the as-of day (default: all history). */
  readonly windowDays?: number;
}

/**
 * Paid order lines of the warehouse as basket input (columns, see `PackedLines`), the item being the
 * product id or the category, in order id and line id order. Lines without a category are skipped
 * at category level and counted in `skipped`. Read chunk by chunk: at 10M lines no row objects pile
 * up on the event loop's heap.
 */
export async function loadPurchaseLines(
  engine: Engine,
  opts: PurchaseWindow & { itemLevel: ItemLevel },
): Promise<{ lines: PackedLines; skipped: number }> {
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
  const [order, customer, item] = [int32Column(), int32Column(), int32Column()];
  const customers = new Dictionary();
  const items = new Dictionary();
  let skipped = 0;
  let lastOrder: string | undefined;
  let orderNo = -1;
  await eachChunk<{ order_id: string; customer_id: string | null; item: string | null }>(
    engine,
    sql(
      `SELECT ${d.quoteIdent('order_id')} AS order_id, ${d.quoteIdent('customer_id')} AS customer_id, ${itemCol} AS item FROM ${d.quoteIdent('order_items')} WHERE ${where} ORDER BY ${d.quoteIdent('order_id')}, ${d.quoteIdent('line_id')}`,
      params,
      types,
    ),
    (rows) => {
      for (const r of rows) {
        if (r.item === null || r.item === '') {
          skipped++;
          continue;
        }
        if (r.order_id !== lastOrder) {
          lastOrder = r.order_id;
          orderNo++;
        }
        order.push(orderNo);
        customer.push(r.customer_id === null ? -1 : customers.id(r.customer_id));
        item.push(items.id(r.item));
      }
    },
  );
  const lines: PackedLines = {
    order: order.done(),
    customer: customer.done(),
    item: item.done(),
    customers: customers.joined(),
    customerCount: customers.values.length,
    items: items.values,
  };
  return { lines, skipped };
}
