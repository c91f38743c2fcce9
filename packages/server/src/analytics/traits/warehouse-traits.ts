import type { CustomerTraits } from '@dalbit/core/analytics/traits/customer-traits';
import { CUSTOMER_TRAITS } from '@dalbit/core/schema/analytics-tables';
import { columnNames } from '@dalbit/core/schema/table';
import type { Engine } from '../../engines/engine.ts';
import { replaceTable } from '../../engines/replace-table.ts';
import { inSlices } from '../../workers/packed-columns.ts';
import { runFit } from '../../workers/run-fit.ts';
import { loadTraitInputs } from './load-trait-inputs.ts';

/** Customers per message to the fit worker: small enough that copying one batch is a few ms. */
const TRAIT_BATCH = 5000;

/**
 * Traits of every customer from the warehouse as of an instant (rows placed before it count). The
 * formulas run in the fit worker, batch by batch, with the base-wide cheap-order threshold first.
 */
export async function computeWarehouseTraits(engine: Engine, asOf: Date): Promise<CustomerTraits[]> {
  const inputs = await loadTraitInputs(engine, asOf);
  const grossAmounts = new Float64Array(inputs.reduce((n, c) => n + c.orders.length, 0));
  let i = 0;
  for (const c of inputs) for (const o of c.orders) grossAmounts[i++] = o.grossAmount;
  const cheapGross = await runFit('cheapGross', { grossAmounts }, [grossAmounts.buffer]);
  const out: CustomerTraits[] = [];
  for (let at = 0; at < inputs.length; at += TRAIT_BATCH)
    out.push(...(await runFit('traits', { inputs: inputs.slice(at, at + TRAIT_BATCH), cheapGross })));
  return out;
}

/** Replaces `customer_traits` with one run, atomically where the engine allows. */
export async function storeTraits(engine: Engine, traits: readonly CustomerTraits[], asOf: Date): Promise<number> {
  const row = (t: CustomerTraits) => [
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
  ];
  // Rows built and appended a slice at a time (1M customers: no second copy of them on the heap).
  await replaceTable(engine, CUSTOMER_TRAITS, (tx, target) =>
    inSlices(traits.length, (from, to) =>
      tx.insert(target, columnNames(CUSTOMER_TRAITS), traits.slice(from, to).map(row)),
    ),
  );
  return traits.length;
}
