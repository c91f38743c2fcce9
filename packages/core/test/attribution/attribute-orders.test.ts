import { describe, expect, it } from 'vitest';
import { attributeOrders } from '../../src/attribution/attribute-orders.ts';
import { DAY_MS, type ExposureFact } from '../../src/attribution/attribution-facts.ts';
import { measureCampaignOutcomes } from '../../src/attribution/measure-campaign-outcomes.ts';

const T = Date.UTC(2026, 0, 1);
const ex = (
  exposureKey: string,
  campaignId: string,
  arm: string,
  plannedAt: number,
  customerId = 'c',
): ExposureFact => ({
  exposureKey,
  campaignId,
  customerId,
  arm,
  plannedAt,
});
const order = (orderId: string, orderedAt: number, status = 'paid', paidAmount = 1000) => ({
  orderId,
  customerId: 'c',
  orderedAt,
  status,
  paidAmount,
});

describe('last-touch attribution', () => {
  const exposures = [
    ex('x', 'X', 'A', T),
    ex('y', 'Y', 'holdout', T + 2 * DAY_MS),
    ex('z2', 'Z', 'B', T + 2 * DAY_MS),
    ex('z1', 'Z', 'B', T + 2 * DAY_MS),
  ];
  const windowMs = 7 * DAY_MS;

  it('credits the latest exposure before the order, ties by campaign then key, holdout included', () => {
    const credits = attributeOrders({
      exposures,
      windowMs,
      orders: [
        order('o1', T + DAY_MS),
        order('o2', T + 3 * DAY_MS),
        order('o3', T + 9 * DAY_MS),
        order('o4', T - 1),
        order('o5', T + DAY_MS, 'returned'),
      ],
    });
    expect(credits.map((c) => [c.orderId, c.exposureKey])).toEqual([
      ['o1', 'x'],
      ['o2', 'y'],
    ]);
    const zOnly = attributeOrders({
      exposures: exposures.filter((e) => e.campaignId === 'Z'),
      windowMs,
      orders: [order('o2', T + 3 * DAY_MS)],
    });
    expect(zOnly[0]?.exposureKey).toBe('z1');
  });

  it('measures intention to treat apart from last touch, and the pre-period for CUPED', () => {
    const [x] = measureCampaignOutcomes({
      campaignId: 'X',
      exposures,
      windowMs,
      orders: [
        order('pre', T - 3 * DAY_MS, 'paid', 500),
        order('o1', T + DAY_MS),
        order('o2', T + 3 * DAY_MS, 'exchanged', 2000),
        order('late', T + windowMs),
      ],
    });
    expect(x).toEqual({
      customerId: 'c',
      arm: 'A',
      arms: 1,
      exposures: 1,
      firstExposedAt: T,
      orders: 2,
      revenue: 3000,
      preRevenue: 500,
      attributedOrders: 1,
      attributedRevenue: 1000,
    });
  });
});
