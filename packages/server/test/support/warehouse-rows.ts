import type { Row } from './insert-rows.ts';

/** An `orders` row for `insertRows`. Defaults: cafe24, paid, no discount, paid = gross − discount. */
export function orderRow(o: {
  readonly id: string;
  readonly customer: string | null;
  readonly at: Date | string;
  readonly channel?: string;
  readonly status?: string;
  readonly gross: number;
  readonly discount?: number;
  readonly paid?: number;
  readonly coupon?: string | null;
}): Row {
  const discount = o.discount ?? 0;
  return {
    order_id: o.id,
    channel: o.channel ?? 'cafe24',
    customer_id: o.customer,
    ordered_at: new Date(o.at),
    status: o.status ?? 'paid',
    gross_amount: o.gross,
    discount_amount: discount,
    paid_amount: o.paid ?? o.gross - discount,
    coupon_code: o.coupon ?? null,
    source: 'test',
  };
}

/** An `order_items` row for `insertRows`. Defaults: cafe24, paid, quantity 1, no discount. */
export function orderLineRow(l: {
  readonly id: string;
  readonly order: string;
  readonly customer: string | null;
  readonly at: Date | string;
  readonly channel?: string;
  readonly status?: string;
  readonly product: string;
  readonly name?: string | null;
  readonly category?: string | null;
  readonly quantity?: number;
  readonly amount: number;
  readonly discount?: number;
}): Row {
  return {
    line_id: l.id,
    order_id: l.order,
    customer_id: l.customer,
    channel: l.channel ?? 'cafe24',
    ordered_at: new Date(l.at),
    status: l.status ?? 'paid',
    product_id: l.product,
    product_name: l.name ?? null,
    category: l.category ?? null,
    quantity: l.quantity ?? 1,
    line_amount: l.amount,
    discount_amount: l.discount ?? 0,
  };
}
