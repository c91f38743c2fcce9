import { type BasketLevel, toTransactionRows } from '@dalbit/core/analytics/basket/basket-level';
import { toRuleRecords } from '@dalbit/core/analytics/basket/format-rules';
import type { MineRulesOptions } from '@dalbit/core/analytics/basket/mine-rules';
import { mineRules } from '@dalbit/core/analytics/basket/mine-rules';
import { indexRules, relatedFor } from '@dalbit/core/analytics/basket/related-products';
import type { RuleSet } from '@dalbit/core/analytics/basket/rule';
import { buildTransactions } from '@dalbit/core/analytics/basket/transactions';
import { RELATED_PRODUCTS } from '@dalbit/core/schema/analytics-tables';
import { columnNames } from '@dalbit/core/schema/table';
import { kstDayStart } from '@dalbit/core/time/kst';
import type { Engine } from '../../engines/engine.ts';
import { replaceTable } from '../../engines/replace-table.ts';
import { type ItemLevel, loadPurchaseLines, type PurchaseWindow } from './load-purchase-lines.ts';

export interface WarehouseBasketOptions extends PurchaseWindow {
  readonly rules: MineRulesOptions;
  /** Baskets per order (default) or per customer. */
  readonly level?: BasketLevel;
  readonly itemLevel?: ItemLevel;
}

/** Mines rules from the warehouse's paid order lines. */
export async function mineWarehouseRules(
  engine: Engine,
  opts: WarehouseBasketOptions,
): Promise<{ set: RuleSet; skippedLines: number; customers: Map<string, Set<string>> }> {
  const { lines, skipped } = await loadPurchaseLines(engine, { ...opts, itemLevel: opts.itemLevel ?? 'product' });
  const tx = buildTransactions(toTransactionRows(lines, opts.level ?? 'order'));
  const customers = new Map<string, Set<string>>();
  for (const l of lines) {
    if (l.customerId === null) continue;
    const s = customers.get(l.customerId);
    if (s) s.add(l.item);
    else customers.set(l.customerId, new Set([l.item]));
  }
  return { set: mineRules(tx, opts.rules), skippedLines: skipped, customers };
}

/**
 * Mines rules and replaces `related_products` with every customer's top `limit` (default 5)
 * related items (product ids, or categories at category level). Returns counts for reporting.
 */
export async function refreshRelatedProducts(
  engine: Engine,
  opts: WarehouseBasketOptions & { limit?: number },
): Promise<{ set: RuleSet; customers: number; rows: number; skippedLines: number }> {
  const { set, customers, skippedLines } = await mineWarehouseRules(engine, opts);
  const index = indexRules(toRuleRecords(set));
  const asOf = kstDayStart(opts.asOfDay);
  const rows: unknown[][] = [];
  let withAny = 0;
  for (const [customerId, bought] of [...customers].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const related = relatedFor(index, bought, opts.limit ?? 5);
    if (related.length > 0) withAny++;
    related.forEach((r, i) => {
      rows.push([customerId, asOf, i + 1, r.item, r.score]);
    });
  }
  await replaceTable(engine, RELATED_PRODUCTS, (tx, target) => tx.insert(target, columnNames(RELATED_PRODUCTS), rows));
  return { set, customers: withAny, rows: rows.length, skippedLines };
}
