/**
 * The one revenue definition (docs/metrics.md): net revenue is the sum of `order_items.line_amount`
 * over KEPT lines — lines still paid, or exchanged (an exchange keeps the sale) — so a cancelled or
 * returned line never counts, even inside an order whose other lines were kept. An order counts as a
 * sale when at least one of its lines is kept. Every screen and command that says "매출" uses it.
 */
export const KEPT_LINE_STATUSES = ['paid', 'exchanged'] as const;

/** SQL condition on `order_items` (or an alias of it) selecting kept lines. */
export function keptLineSql(alias = ''): string {
  return `${alias}status IN (${KEPT_LINE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
}
