import type { PurchaseLine } from '@dalbit/core/analytics/basket/basket-level';
import { splitJoined } from '../../workers/packed-columns.ts';

/**
 * Paid order lines as columns, as they cross to the fit worker (`loadPurchaseLines`): line `i` is
 * order number `order[i]` (orders numbered 0, 1, … in the order the lines were read), customer
 * `customers[customer[i]]` (−1: none) and item `items[item[i]]`.
 */
export interface PackedLines {
  readonly order: Int32Array;
  readonly customer: Int32Array;
  readonly item: Int32Array;
  /** Customer ids joined by NUL (`Dictionary.joined`), `customerCount` of them. */
  readonly customers: string;
  readonly customerCount: number;
  readonly items: readonly string[];
}

/**
 * The lines as the basket functions of core take them. Order ids become the order numbers: they only
 * group lines into baskets, and the numbers keep the grouping and the first-appearance order.
 */
export function unpackLines(p: PackedLines): PurchaseLine[] {
  const customers = splitJoined(p.customers, p.customerCount);
  const out: PurchaseLine[] = new Array(p.order.length);
  for (let i = 0; i < p.order.length; i++) {
    const c = p.customer[i] as number;
    out[i] = {
      orderId: String(p.order[i]),
      customerId: c < 0 ? null : (customers[c] as string),
      item: p.items[p.item[i] as number] as string,
    };
  }
  return out;
}

/** The buffers of `p` to transfer (not copy) to the worker. */
export const linesTransfer = (p: PackedLines): ArrayBuffer[] => [
  p.order.buffer as ArrayBuffer,
  p.customer.buffer as ArrayBuffer,
  p.item.buffer as ArrayBuffer,
];
