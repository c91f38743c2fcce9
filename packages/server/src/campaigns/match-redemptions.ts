import { COUPON_REDEMPTIONS } from '@dalbit/core/campaigns/tables';
import { columnNames } from '@dalbit/core/schema/table';
import type { Engine } from '../engines/engine.ts';

/**
 * Recognises coupon use on imported orders (`orders.coupon_code`, compared without case, spaces
 * or dashes) and appends new rows to `coupon_redemptions`. A redemption is `valid` when the order
 * is paid, before expiry, by the coupon's customer, and (secret coupons) contains the product.
 * Safe to re-run: (code, order) pairs already recorded are skipped.
 * @example const { matched } = await matchRedemptions(engine, { now: new Date() })
 */
export async function matchRedemptions(
  engine: Engine,
  options: { now: Date },
): Promise<{ matched: number; valid: number }> {
  const norm = (col: string) => `upper(replace(replace(${col}, '-', ''), ' ', ''))`;
  const rows = await engine.query<{
    code: string;
    order_id: string;
    campaign_id: string;
    coupon_customer_id: string;
    order_customer_id: string | null;
    ordered_at: Date;
    paid_amount: number;
    discount_amount: number;
    valid: boolean | number;
  }>(
    `SELECT k.code, o.order_id, k.campaign_id, k.customer_id AS coupon_customer_id, o.customer_id AS order_customer_id, o.ordered_at,
            o.paid_amount, o.discount_amount,
            (o.status = 'paid' AND o.ordered_at <= k.expires_at AND o.ordered_at >= k.issued_at AND o.customer_id = k.customer_id
             AND (k.product_id IS NULL OR EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.order_id AND i.product_id = k.product_id))) AS valid
       FROM orders o JOIN coupons k ON ${norm('o.coupon_code')} = ${norm('k.code')}
      WHERE o.coupon_code IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM coupon_redemptions r WHERE r.code = k.code AND r.order_id = o.order_id)
      ORDER BY o.ordered_at, o.order_id`,
  );
  // ClickHouse returns a comparison as UInt8 (1/0), DuckDB as a boolean.
  const isValid = (r: { valid: boolean | number }) => r.valid === true || Number(r.valid) === 1;
  await engine.insert(
    COUPON_REDEMPTIONS.name,
    columnNames(COUPON_REDEMPTIONS),
    rows.map((r) => [
      r.code,
      r.order_id,
      r.campaign_id,
      r.coupon_customer_id,
      r.order_customer_id,
      r.ordered_at,
      Number(r.paid_amount),
      Number(r.discount_amount),
      isValid(r),
      options.now,
    ]),
  );
  return { matched: rows.length, valid: rows.filter(isValid).length };
}
