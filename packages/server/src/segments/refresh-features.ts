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
