import { computeTraits } from '@dalbit/core/analytics/traits/compute-traits';
import type { CustomerTraits } from '@dalbit/core/analytics/traits/customer-traits';
import { CUSTOMER_TRAITS } from '@dalbit/core/schema/analytics-tables';
import { columnNames } from '@dalbit/core/schema/table';
import type { Engine } from '../../engines/engine.ts';
import { replaceTable } from '../../engines/replace-table.ts';
import { loadTraitInputs } from './load-trait-inputs.ts';

/** Traits of every customer from the warehouse as of an instant (rows placed before it count). */
export async function computeWarehouseTraits(engine: Engine, asOf: Date): Promise<CustomerTraits[]> {
  return computeTraits(await loadTraitInputs(engine, asOf));
}

/** Replaces `customer_traits` with one run, atomically where the engine allows. */
export async function storeTraits(engine: Engine, traits: readonly CustomerTraits[], asOf: Date): Promise<number> {
  const rows = traits.map((t) => [
    t.customerId,
    asOf,
    t.discountOrderShare,
    t.avgDiscountRate,
    t.couponUses,
    t.cherryPickerScore,
    t.cancelRate,
    t.returnRate,
    t.firstChannel,
    t.currentChannel,
    t.migratedAt,
    t.preferredCategory,
    t.medianInterpurchaseDays,
    t.nextExpectedPurchaseAt,
    t.preferredHour,
  ]);
  await replaceTable(engine, CUSTOMER_TRAITS, (tx, target) => tx.insert(target, columnNames(CUSTOMER_TRAITS), rows));
  return rows.length;
}
