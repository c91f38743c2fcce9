import { columnNames } from '@dalbit/core/schema/table';
import { buildAnniversaryCalendar } from '@dalbit/core/segments/anniversary-calendar';
import { refreshFeaturesTree } from '@dalbit/core/segments/features-tree';
import { printSql } from '@dalbit/core/segments/sql/print';
import { ANNIVERSARY_CALENDAR, CUSTOMER_FEATURES } from '@dalbit/core/segments/tables';
import { type Engine, sql } from '../engines/engine.ts';

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
  await engine.transaction(async () => {
    await engine.exec(`TRUNCATE TABLE ${q(ANNIVERSARY_CALENDAR.name)}`);
    await engine.insert(ANNIVERSARY_CALENDAR.name, columnNames(ANNIVERSARY_CALENDAR), calendar);
    await engine.exec(`TRUNCATE TABLE ${q(CUSTOMER_FEATURES.name)}`);
    await engine.query(printSql(refreshFeaturesTree(options.asOf), engine.dialect));
  });
  const [row] = await engine.query<{ n: number }>(sql(`SELECT count(*) AS n FROM ${q(CUSTOMER_FEATURES.name)}`));
  return { customers: Number(row?.n ?? 0), tookMs: Math.round(performance.now() - started) };
}
