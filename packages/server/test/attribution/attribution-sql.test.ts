import { attributeOrders } from '@dalbit/core/attribution/attribute-orders';
import { DAY_MS, type ExposureFact, type OrderFact } from '@dalbit/core/attribution/attribution-facts';
import { measureCampaignOutcomes } from '@dalbit/core/attribution/measure-campaign-outcomes';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCampaignOutcomes, loadOrderCredits } from '../../src/attribution/load-attribution.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { insertRows } from '../support/insert-rows.ts';

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;
const WINDOW_DAYS = 2;

// Times on a 12-hour grid over 8 days: many ties, orders exactly at an exposure and exactly at
// the end of a window (excluded), orders before any exposure.
const time = fc.integer({ min: 0, max: 16 }).map((k) => T0 + k * 12 * HOUR);
const customer = fc.constantFrom('c1', 'c2', 'c3', 'c4');
const campaign = fc.constantFrom('X', 'Y', 'Z');

const fixture = fc.record({
  exposures: fc.uniqueArray(
    fc.record({
      campaignId: campaign,
      customerId: customer,
      arm: fc.constantFrom('holdout', 'A', 'B'),
      plannedAt: time,
      step: fc.constantFrom('s1', 's2'),
    }),
    { maxLength: 14, selector: (e) => `${e.campaignId}|${e.customerId}|${e.step}|${e.plannedAt}` },
  ),
  orders: fc.array(
    fc.record({
      customerId: fc.option(customer, { nil: null, freq: 6 }),
      orderedAt: time,
      status: fc.constantFrom('paid', 'paid', 'exchanged', 'cancelled', 'returned'),
      paidAmount: fc.integer({ min: 0, max: 90_000 }),
    }),
    { maxLength: 14 },
  ),
});

type Fixture = typeof fixture extends fc.Arbitrary<infer T> ? T : never;

function toFacts(f: Fixture): { exposures: ExposureFact[]; orders: OrderFact[] } {
  return {
    exposures: f.exposures.map((e) => ({
      exposureKey: `${e.campaignId}:${e.step}:${e.customerId}:${e.plannedAt}`,
      campaignId: e.campaignId,
      customerId: e.customerId,
      arm: e.arm,
      plannedAt: e.plannedAt,
    })),
    orders: f.orders.map((o, i) => ({ ...o, orderId: `ord-${String(i).padStart(2, '0')}` })),
  };
}

async function load(engine: Engine, facts: ReturnType<typeof toFacts>): Promise<void> {
  await engine.exec('TRUNCATE TABLE campaign_exposures');
  await engine.exec('TRUNCATE TABLE orders');
  const ex: Record<string, unknown>[] = facts.exposures.map((e) => ({
    exposure_key: e.exposureKey,
    campaign_id: e.campaignId,
    step_id: 's',
    customer_id: e.customerId,
    occurrence: 'once',
    arm: e.arm,
    planned_at: new Date(e.plannedAt),
    idempotency_key: e.arm === 'holdout' ? null : e.exposureKey,
    recorded_at: new Date(T0),
  }));
  await insertRows(engine, 'campaign_exposures', ex);
  const ord: Record<string, unknown>[] = facts.orders.map((o) => ({
    order_id: o.orderId,
    channel: 'cafe24',
    customer_id: o.customerId,
    origin_customer_id: o.customerId,
    ordered_at: new Date(o.orderedAt),
    status: o.status,
    gross_amount: o.paidAmount,
    discount_amount: 0,
    paid_amount: o.paidAmount,
    source: 'test',
  }));
  await insertRows(engine, 'orders', ord);
}

const RUNS: Record<EngineKind, number> = { duckdb: 60, chdb: 12 };

for (const kind of ['duckdb', 'chdb'] as const) {
  describe(`${kind}: attribution SQL equals the reference implementation`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
    });
    afterAll(async () => engine?.close());

    it('handles the documented edge cases', async () => {
      const facts = {
        exposures: [
          { exposureKey: 'x1', campaignId: 'X', customerId: 'c1', arm: 'A', plannedAt: T0 },
          { exposureKey: 'y1', campaignId: 'Y', customerId: 'c1', arm: 'holdout', plannedAt: T0 + DAY_MS },
          { exposureKey: 'z1', campaignId: 'Z', customerId: 'c1', arm: 'B', plannedAt: T0 + DAY_MS },
        ],
        orders: [
          { orderId: 'o1', customerId: 'c1', orderedAt: T0, status: 'paid', paidAmount: 100 }, // at the exposure: X
          { orderId: 'o2', customerId: 'c1', orderedAt: T0 + DAY_MS + HOUR, status: 'paid', paidAmount: 200 }, // tie Y/Z → Y (holdout)
          { orderId: 'o3', customerId: 'c1', orderedAt: T0 + 2 * DAY_MS, status: 'paid', paidAmount: 300 }, // end of X window: Y
          { orderId: 'o4', customerId: 'c1', orderedAt: T0 + 3 * DAY_MS, status: 'paid', paidAmount: 400 }, // end of Y/Z window: none
          { orderId: 'o5', customerId: 'c1', orderedAt: T0 + HOUR, status: 'cancelled', paidAmount: 500 },
          { orderId: 'o6', customerId: null, orderedAt: T0 + HOUR, status: 'paid', paidAmount: 600 },
        ],
      };
      await load(engine, facts);
      const credits = await loadOrderCredits(engine, { windowDays: WINDOW_DAYS });
      expect(credits.map((c) => [c.orderId, c.campaignId, c.arm])).toEqual([
        ['o1', 'X', 'A'],
        ['o2', 'Y', 'holdout'],
        ['o3', 'Y', 'holdout'],
      ]);
      const x = await loadCampaignOutcomes(engine, { campaignId: 'X', windowDays: WINDOW_DAYS });
      // X's window [T0, T0 + 2 d) holds o1 and o2 (intention to treat); last touch credits X with o1 only.
      expect(x).toEqual([
        {
          customerId: 'c1',
          arm: 'A',
          arms: 1,
          exposures: 1,
          firstExposedAt: T0,
          orders: 2,
          revenue: 300,
          preRevenue: 0,
          attributedOrders: 1,
          attributedRevenue: 100,
        },
      ]);
      const z = await loadCampaignOutcomes(engine, { campaignId: 'Z', windowDays: WINDOW_DAYS });
      expect(z[0]).toMatchObject({ orders: 2, revenue: 500, preRevenue: 100, attributedOrders: 0 });
    });

    it('agrees with attributeOrders and measureCampaignOutcomes on generated data', async () => {
      await fc.assert(
        fc.asyncProperty(fixture, async (f) => {
          const facts = toFacts(f);
          await load(engine, facts);
          const windowMs = WINDOW_DAYS * DAY_MS;
          expect(await loadOrderCredits(engine, { windowDays: WINDOW_DAYS })).toEqual(
            attributeOrders({ ...facts, windowMs }),
          );
          for (const campaignId of ['X', 'Y', 'Z'])
            expect(await loadCampaignOutcomes(engine, { campaignId, windowDays: WINDOW_DAYS })).toEqual(
              measureCampaignOutcomes({ ...facts, campaignId, windowMs }),
            );
        }),
        { numRuns: RUNS[kind], seed: 20260101 },
      );
    });
  });
}
