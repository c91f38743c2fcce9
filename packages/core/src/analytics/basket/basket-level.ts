import type { TransactionRow } from './transactions.ts';

export type BasketLevel = 'order' | 'customer';

export interface PurchaseLine {
  readonly orderId: string;
  readonly customerId: string | null;
  readonly item: string;
}

/**
 * Transaction rows at the chosen level: one basket per order, or one per customer (everything the
 * customer bought, across orders). Customer level skips lines without a customer.
 */
export function toTransactionRows(lines: readonly PurchaseLine[], level: BasketLevel): TransactionRow[] {
  if (level === 'order') return lines.map((l) => ({ transactionId: l.orderId, item: l.item }));
  const rows: TransactionRow[] = [];
  for (const l of lines) if (l.customerId !== null) rows.push({ transactionId: l.customerId, item: l.item });
  return rows;
}
