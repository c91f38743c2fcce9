import { columnNames } from '@dalbit/core/schema/table';
import { buildAnniversaryCalendar } from '@dalbit/core/segments/anniversary-calendar';
import { refreshFeaturesTree } from '@dalbit/core/segments/features-tree';
import { printSql } from '@dalbit/core/segments/sql/print';
import { ANNIVERSARY_CALENDAR, CUSTOMER_FEATURES } from '@dalbit/core/segments/tables';
import { type Engine, sql } from '../engines/engine.ts';
import { replaceTable } from '../engines/replace-table.ts';

export interface FeaturesRefreshed {
  readonly customers: number;
  readonly tookMs: number;
}

/**
 * Rebuilds `customer_features` (one row per customer) as of `asOf`. Call it after every import:
 * segment counts read this table. Lunar birthdays are converted to this year's solar dates here.
 * @example await refreshFeatures(engine, { asOf: new Date() })
 */
export async function refreshFeatures(engine: Engine, options: { asOf: Date }): Promise<FeaturesRefreshed> {
  const started = performance.now();
  const q = engine.dialect.quoteIdent;
  const calendar = buildAnniversaryCalendar(options.asOf).map((r) => [r.md, r.lunar, ...r.days]);
  // Fresh tables swapped in (decision 0014): counts keep reading the previous features meanwhile.
  await replaceTable(engine, ANNIVERSARY_CALENDAR, (tx, target) =>
    tx.insert(target, columnNames(ANNIVERSARY_CALENDAR), calendar),
  );
  const features = refreshFeaturesTree(options.asOf);
  await replaceTable(engine, CUSTOMER_FEATURES, async (tx, target) => {
    await tx.query(printSql({ ...features, table: target }, tx.dialect));
  });
  const [row] = await engine.query<{ n: number }>(sql(`SELECT count(*) AS n FROM ${q(CUSTOMER_FEATURES.name)}`));
  return { customers: Number(row?.n ?? 0), tookMs: Math.round(performance.now() - started) };
}

/**
 * Adds a `customer_features` row for each customer created since the last refresh (a new sign-up,
 * a visitor the shop just identified), as of `now`, without rebuilding the others: audiences are
 * counted over this table, so without it such a customer would reach event-based audiences only at
 * the next refresh. Cheap when nobody is new (one anti-join over customer ids); every part of the
 * statement is restricted to the new customers. The scheduler runs it before each pass.
 */
export async function addNewCustomerFeatures(engine: Engine, now: Date): Promise<number> {
  const q = engine.dialect.quoteIdent;
  const [row] = await engine.query<{ n: number }>(
    sql(
      `SELECT count(*) AS n FROM ${q('customers')} WHERE customer_id NOT IN (SELECT customer_id FROM ${q(CUSTOMER_FEATURES.name)})`,
    ),
  );
  const missing = Number(row?.n ?? 0);
  if (missing === 0) return 0;
  await engine.query(printSql(refreshFeaturesTree(now, { onlyMissing: true }), engine.dialect));
  return missing;
}
