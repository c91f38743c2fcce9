import type { ClusterInput } from '@dalbit/core/analytics/clusters/cluster-features';
import { labelCluster } from '@dalbit/core/analytics/clusters/describe-clusters';
import { discoverSegments } from '@dalbit/core/analytics/clusters/discover-segments';
import type { CustomerTraits } from '@dalbit/core/analytics/traits/customer-traits';
import { createRng } from '@dalbit/core/math/random/prng';
import { describe, expect, it } from 'vitest';

const BASE: Omit<CustomerTraits, 'customerId'> = {
  orders: 3,
  discountOrderShare: 0,
  avgDiscountRate: 0,
  couponUses: 0,
  cherryPickerScore: 0,
  cancelRate: 0,
  returnRate: 0,
  firstChannel: 'cafe24',
  currentChannel: 'cafe24',
  migratedAt: null,
  preferredCategory: null,
  medianInterpurchaseDays: null,
  nextExpectedPurchaseAt: null,
  preferredHour: null,
};

/** Three planted kinds of buyer, 120 each, with noise. */
function plantedBuyers(): { rows: ClusterInput[]; kind: Map<string, string> } {
  const rng = createRng(77);
  const rows: ClusterInput[] = [];
  const kind = new Map<string, string>();
  for (let i = 0; i < 360; i++) {
    const id = `c${i}`;
    const t = i % 3;
    kind.set(id, ['deal', 'once', 'return'][t] as string);
    const u = () => rng.next();
    if (t === 0) {
      const f = rng.int(6, 12);
      rows.push({
        customerId: id,
        recencyDays: rng.int(3, 40),
        frequency: f,
        monetary: f * rng.int(20000, 30000),
        traits: {
          ...BASE,
          customerId: id,
          discountOrderShare: 0.75 + 0.25 * u(),
          avgDiscountRate: 0.15 + 0.1 * u(),
          couponUses: rng.int(3, 8),
        },
      });
    } else if (t === 1) {
      rows.push({
        customerId: id,
        recencyDays: rng.int(150, 400),
        frequency: 1,
        monetary: rng.int(20000, 60000),
        traits: { ...BASE, customerId: id, firstChannel: 'coupang', currentChannel: 'coupang' },
      });
    } else {
      const f = rng.int(2, 4);
      rows.push({
        customerId: id,
        recencyDays: rng.int(20, 120),
        frequency: f,
        monetary: f * rng.int(30000, 50000),
        traits: { ...BASE, customerId: id, returnRate: 0.4 + 0.2 * u(), cancelRate: 0.2 + 0.2 * u() },
      });
    }
  }
  return { rows, kind };
}

describe('auto-discovered segments', () => {
  it('finds the three planted kinds, names them by what sets them apart, and is reproducible', () => {
    const { rows, kind } = plantedBuyers();
    const a = discoverSegments(rows, { seed: 42 });
    expect(a.k).toBe(3);
    expect(a.criterion).toBe('silhouette');
    expect(a.silhouetteByK.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // every cluster is pure
    const byCluster = new Map<number, Set<string>>();
    for (const x of a.assignments)
      byCluster.set(x.cluster, (byCluster.get(x.cluster) ?? new Set()).add(kind.get(x.customerId) as string));
    expect([...byCluster.values()].map((s) => s.size)).toEqual([1, 1, 1]);
    const labelOf = (k: string) => a.clusters.find((c) => byCluster.get(c.cluster)?.has(k))?.label;
    expect(labelOf('deal')?.ko).toMatch(/할인에 민감한.*재구매 고객$/);
    expect(labelOf('deal')?.en).toMatch(/discount-sensitive.* repeat buyers$/);
    expect(labelOf('once')?.en).toMatch(/one-time buyers$/);
    expect(labelOf('return')?.en).toMatch(/often-returning|often-cancelling/);
    expect(a.clusters.reduce((s, c) => s + c.size, 0)).toBe(360);
    expect(a.clusters.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
    expect(a.clusters.map((c) => c.size)).toEqual([...a.clusters.map((c) => c.size)].sort((x, y) => y - x));
    expect(discoverSegments(rows, { seed: 42 })).toEqual(a);
    const fixed = discoverSegments(rows, { seed: 42, k: 2 });
    expect(fixed).toMatchObject({ k: 2, criterion: 'fixed' });
  });

  it('labels: modifiers from the largest |d| ≥ 0.5, head noun from frequency', () => {
    const c = (feature: string, d: number, mean = 1) => ({ feature, d, mean, restMean: 0 });
    expect(
      labelCluster([
        c('discount_order_share', 1.8),
        c('frequency', 1.2),
        c('avg_discount_rate', 1.1),
        c('monetary', 0.3),
      ]),
    ).toEqual({
      ko: '할인에 민감한 재구매 고객',
      en: 'discount-sensitive repeat buyers',
    });
    expect(labelCluster([c('recency_days', 1.5), c('own_shop', -0.9), c('frequency', -0.7)])).toEqual({
      ko: '오래 구매가 없는, 마켓플레이스 중심의 1회 구매 고객',
      en: 'lapsed, marketplace one-time buyers',
    });
    expect(labelCluster([c('return_rate', 2), c('frequency', -0.8, 2.4)]).en).toBe('often-returning infrequent buyers');
    expect(labelCluster([c('monetary', 0.2), c('frequency', 0.1)])).toEqual({
      ko: '많이 쓰는 고객',
      en: 'high-spending customers',
    });
  });
});
