import type { BasketLevel } from '@dalbit/core/analytics/basket/basket-level';
import type { MineRulesOptions } from '@dalbit/core/analytics/basket/mine-rules';
import type { RuleSet } from '@dalbit/core/analytics/basket/rule';
import { RELATED_PRODUCTS } from '@dalbit/core/schema/analytics-tables';
import { columnNames } from '@dalbit/core/schema/table';
import { kstDayStart } from '@dalbit/core/time/kst';
import type { Engine } from '../../engines/engine.ts';
import { replaceTable } from '../../engines/replace-table.ts';
import { inSlices, splitJoined } from '../../workers/packed-columns.ts';
import { runFit } from '../../workers/run-fit.ts';
import { type ItemLevel, loadPurchaseLines, type PurchaseWindow } from './load-purchase-lines.ts';
import { linesTransfer } from './packed-lines.ts';

export interface WarehouseBasketOptions extends PurchaseWindow {
  readonly rules: MineRulesOptions;
  /** Baskets per order (default) or per customer. */
  readonly level?: BasketLevel;
  readonly itemLevel?: ItemLevel;
}

/** Mines rules from the warehouse's paid order lines (in the fit worker). */
export async function mineWarehouseRules(
  engine: Engine,
  opts: WarehouseBasketOptions,
): Promise<{ set: RuleSet; skippedLines: number }> {
  const { lines, skipped } = await loadPurchaseLines(engine, { ...opts, itemLevel: opts.itemLevel ?? 'product' });
  const { set } = await runFit(
    'rules',
    { lines, level: opts.level ?? 'order', rules: opts.rules },
    linesTransfer(lines),
  );
  return { set, skippedLines: skipped };
}

/**
 * Mines rules and replaces `related_products` with every customer's top `limit` (default 5)
 * related items (product ids, or categories at category level). Returns counts for reporting.
 */
export async function refreshRelatedProducts(
  engine: Engine,
  opts: WarehouseBasketOptions & { limit?: number },
): Promise<{ set: RuleSet; customers: number; rows: number; skippedLines: number }> {
  const { lines, skipped } = await loadPurchaseLines(engine, { ...opts, itemLevel: opts.itemLevel ?? 'product' });
  const fit = await runFit(
    'rules',
    { lines, level: opts.level ?? 'order', rules: opts.rules, related: opts.limit ?? 5 },
    linesTransfer(lines),
  );
  const asOf = kstDayStart(opts.asOfDay);
  const customers = splitJoined(lines.customers, lines.customerCount);
  const { customer, rank, item, score } = fit.related;
  // Rows built and appended a slice at a time: 1M customers' rows never sit on the heap at once.
  await replaceTable(engine, RELATED_PRODUCTS, (tx, target) =>
    inSlices(customer.length, (from, to) => {
      const rows: unknown[][] = [];
      for (let i = from; i < to; i++)
        rows.push([customers[customer[i] as number], asOf, rank[i], lines.items[item[i] as number], score[i]]);
      return tx.insert(target, columnNames(RELATED_PRODUCTS), rows);
    }),
  );
  return { set: fit.set, customers: fit.customersWithRelated, rows: customer.length, skippedLines: skipped };
}
