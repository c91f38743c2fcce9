import { describe, expect, it } from 'vitest';
import { computeWarehouseTraits, storeTraits } from '../../../src/analytics/traits/warehouse-traits.ts';
import { type EngineKind, openMemoryWarehouse } from '../../../src/engines/open-engine.ts';
import { AS_OF, insertTraitsFixture } from './traits-fixture.ts';

// Hand computation (see traits-fixture.ts). Gross amounts of the 13 customer orders before as-of,
// sorted: 5000 8000 9000 10000 12000 15000 20000 20000 25000 30000 30000 40000 50000 → median
// (7th) = 20000 = the "cheap order" threshold.
//
// a: 5 orders (a6 is after as-of). Discounted: a1 (3000), a2 (2000 + coupon), a4 (5000 + coupon) → 3/5.
//    Rate Σdisc / Σ(paid+disc) = 10000 / (30000+10000+50000+20000+40000 = 150000).
//    Coupons 2. Cherry-picks: a2 (cancelled, discounted), a4 (returned, discounted); a1 has 2 units → 2/5.
//    Cancel 1/5, return 1/5. First smartstore, current cafe24; first marketplace purchase a1 (Jan 10),
//    first own-shop purchase after it a3 → migrated 2024-02-09T03:00Z. Kept category amounts:
//    tops 15000+40000 = 55000, outer 50000 (a4 is returned), pants 12000 → tops.
//    Purchase KST days Jan 10, Feb 9, Apr 19 → gaps 30, 70 → median 50 → 2024-04-19T01:00Z + 50 d.
//    KST hours: orders 10,10,12,14,10 + events 21,21 → 10.
// b: discounted b1 (coupon), b3 → 2/3; rate 3000/(8000+1000+8000+10000+2000 = 29000); coupons 1;
//    cherry: b1 (single, 9000 ≤ 20000), b3 (single, 12000) → 2/3. Purchase days May 1 (b1, b2),
//    May 4 → gap 3 → 2024-05-04T12:00Z + 3 d. Hours 20, 21, 21 → 21. No own shop → not migrated.
// c: no discounts → 0, 0, 0 coupons, cherry 0; cancel 1/3. First smartstore (c1, cancelled),
//    current smartstore. The cancelled marketplace order does not count, so the cafe24 purchase c2
//    precedes the first marketplace purchase c3 → not migrated. Days Mar 15, Apr 1 → 17 → Apr 18.
//    Hours 9,9,9 → 9. bags.
// d: no orders: only the hour (events 8, 8, 15 → 8); coupon uses 0, everything else null.
// e: both discounted → 1; rate 4000/35000; coupons 1; cherry: e1 (5000 single) yes, e2 (30000 >
//    20000) no → 1/2. Days May 10, May 20 → 10 → 2024-05-30T02:00Z. Orders at 11,11, events 23 ×3 → 23.
//    Categories socks 4000, tops 27000 → tops.
const DAY = 86_400_000;
const EXPECTED = {
  a: {
    discountOrderShare: 3 / 5,
    avgDiscountRate: 10000 / 150000,
    couponUses: 2,
    cherryPickerScore: 2 / 5,
    cancelRate: 1 / 5,
    returnRate: 1 / 5,
    firstChannel: 'smartstore',
    currentChannel: 'cafe24',
    migratedAt: new Date('2024-02-09T03:00:00Z'),
    preferredCategory: 'tops',
    medianInterpurchaseDays: 50,
    nextExpectedPurchaseAt: new Date(Date.parse('2024-04-19T01:00:00Z') + 50 * DAY),
    preferredHour: 10,
  },
  b: {
    discountOrderShare: 2 / 3,
    avgDiscountRate: 3000 / 29000,
    couponUses: 1,
    cherryPickerScore: 2 / 3,
    cancelRate: 0,
    returnRate: 0,
    firstChannel: 'musinsa',
    currentChannel: 'musinsa',
    migratedAt: null,
    preferredCategory: 'socks',
    medianInterpurchaseDays: 3,
    nextExpectedPurchaseAt: new Date('2024-05-07T12:00:00Z'),
    preferredHour: 21,
  },
  c: {
    discountOrderShare: 0,
    avgDiscountRate: 0,
    couponUses: 0,
    cherryPickerScore: 0,
    cancelRate: 1 / 3,
    returnRate: 0,
    firstChannel: 'smartstore',
    currentChannel: 'smartstore',
    migratedAt: null,
    preferredCategory: 'bags',
    medianInterpurchaseDays: 17,
    nextExpectedPurchaseAt: new Date('2024-04-18T00:00:00Z'),
    preferredHour: 9,
  },
  d: {
    discountOrderShare: null,
    avgDiscountRate: null,
    couponUses: 0,
    cherryPickerScore: null,
    cancelRate: null,
    returnRate: null,
    firstChannel: null,
    currentChannel: null,
    migratedAt: null,
    preferredCategory: null,
    medianInterpurchaseDays: null,
    nextExpectedPurchaseAt: null,
    preferredHour: 8,
  },
  e: {
    discountOrderShare: 1,
    avgDiscountRate: 4000 / 35000,
    couponUses: 1,
    cherryPickerScore: 1 / 2,
    cancelRate: 0,
    returnRate: 0,
    firstChannel: 'coupang',
    currentChannel: 'coupang',
    migratedAt: null,
    preferredCategory: 'tops',
    medianInterpurchaseDays: 10,
    nextExpectedPurchaseAt: new Date('2024-05-30T02:00:00Z'),
    preferredHour: 23,
  },
};

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: warehouse traits`, () => {
    it('computes every trait of every customer as worked out by hand, and stores customer_traits', async () => {
      const engine = await openMemoryWarehouse(kind);
      try {
        await insertTraitsFixture(engine);
        const traits = await computeWarehouseTraits(engine, AS_OF);
        expect(traits.map((t) => t.customerId)).toEqual(['a', 'b', 'c', 'd', 'e']);
        for (const t of traits) {
          const { customerId, ...rest } = t;
          const want = EXPECTED[customerId as keyof typeof EXPECTED];
          for (const [k, v] of Object.entries(want)) {
            const got = rest[k as keyof typeof rest];
            if (typeof v === 'number') expect(got, `${customerId}.${k}`).toBeCloseTo(v, 12);
            else expect(got, `${customerId}.${k}`).toEqual(v);
          }
        }
        expect(await storeTraits(engine, traits, AS_OF)).toBe(5);
        expect(await storeTraits(engine, traits, AS_OF)).toBe(5); // replaces, does not append
        const rows = await engine.query('SELECT * FROM customer_traits ORDER BY customer_id');
        expect(rows).toHaveLength(5);
        expect(rows[0]).toMatchObject({
          customer_id: 'a',
          as_of: AS_OF,
          coupon_uses: 2,
          first_channel: 'smartstore',
          current_channel: 'cafe24',
          migrated_at: new Date('2024-02-09T03:00:00Z'),
          preferred_category: 'tops',
          median_interpurchase_days: 50,
          preferred_hour: 10,
        });
        expect(rows[3]).toMatchObject({ customer_id: 'd', preferred_hour: 8, first_channel: null, cancel_rate: null });
      } finally {
        await engine.close();
      }
    });
  });
}
