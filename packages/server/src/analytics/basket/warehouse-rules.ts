import type { BasketLevel } from '@dalbit/core/analytics/basket/basket-level';
import type { MineRulesOptions } from '@dalbit/core/analytics/basket/mine-rules';
import type { RuleSet } from '@dalbit/core/analytics/basket/rule';
import { RELATED_PRODUCT_RUNS, RELATED_PRODUCTS } from '@dalbit/core/schema/analytics-tables';
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

/** Who wrote the stored related products: the daily refresh, or `dalbit basket rules --store`. */
export type RelatedProductsMode = 'refresh' | 'cli';

/** The run behind the current `related_products` (the newest row of `related_product_runs`). */
export interface RelatedProductsRun {
  readonly runAt: Date;
  readonly asOf: Date;
  readonly computedBy: RelatedProductsMode;
  readonly params: Record<string, unknown>;
  readonly rules: number;
  readonly customers: number;
  readonly rows: number;
}

/** The run that wrote the current related products, or null when none was ever stored. */
export async function latestRelatedProductsRun(engine: Engine): Promise<RelatedProductsRun | null> {
  const [r] = await engine.query<Record<string, unknown>>(
    `SELECT run_at, as_of, computed_by, params, rule_count, customer_count, row_count FROM ${RELATED_PRODUCT_RUNS.name}
     ORDER BY run_at DESC LIMIT 1`,
  );
  if (!r) return null;
  const params = typeof r.params === 'string' ? (JSON.parse(r.params) as Record<string, unknown>) : {};
  return {
    runAt: new Date(r.run_at as Date),
    asOf: new Date(r.as_of as Date),
    computedBy: r.computed_by === 'cli' ? 'cli' : 'refresh',
    params,
    rules: Number(r.rule_count),
    customers: Number(r.customer_count),
    rows: Number(r.row_count),
  };
}

/**
 * Mines rules and replaces `related_products` with every customer's top `limit` (default 5)
 * related items (product ids, or categories at category level), then records the run (who ran it,
 * with which thresholds) in `related_product_runs`. Returns counts for reporting.
 */
export async function refreshRelatedProducts(
  engine: Engine,
  opts: WarehouseBasketOptions & { limit?: number; computedBy: RelatedProductsMode; now: Date },
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
  const params = {
    ...opts.rules,
    level: opts.level ?? 'order',
    itemLevel: opts.itemLevel ?? 'product',
    top: opts.limit ?? 5,
    ...(opts.windowDays === undefined ? {} : { windowDays: opts.windowDays }),
  };
  await engine.insert(RELATED_PRODUCT_RUNS.name, columnNames(RELATED_PRODUCT_RUNS), [
    [
      opts.now,
      asOf,
      opts.computedBy,
      JSON.stringify(params),
      fit.set.rules.length,
      fit.customersWithRelated,
      customer.length,
    ],
  ]);
  return { set: fit.set, customers: fit.customersWithRelated, rows: customer.length, skippedLines: skipped };
}
