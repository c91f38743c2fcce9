import { findChannelMigration } from '@dalbit/core/analytics/traits/channel-migration';
import { isCherryPick } from '@dalbit/core/analytics/traits/cherry-picker';
import { findInterpurchase } from '@dalbit/core/analytics/traits/interpurchase';
import { findPreferredCategory, findPreferredHour } from '@dalbit/core/analytics/traits/preferences';
import type { TraitOrder } from '@dalbit/core/analytics/traits/trait-inputs';
import { describe, expect, it } from 'vitest';

const order = (over: Partial<TraitOrder>): TraitOrder => ({
  orderId: 'o',
  orderedAt: new Date('2024-01-01T00:00:00Z'),
  channel: 'cafe24',
  status: 'paid',
  grossAmount: 10000,
  discountAmount: 0,
  paidAmount: 10000,
  couponCode: null,
  units: 1,
  ...over,
});

describe('trait formulas', () => {
  it('inter-purchase gaps use distinct KST days: 23:30 and 00:30 KST are two days, one hour apart', () => {
    // 2024-01-01T14:30Z = Jan 1 23:30 KST; 15:30Z = Jan 2 00:30 KST; 2024-01-05T01:00Z = Jan 5 KST.
    const r = findInterpurchase([
      new Date('2024-01-01T14:30:00Z'),
      new Date('2024-01-01T15:30:00Z'),
      new Date('2024-01-05T01:00:00Z'),
    ]);
    // days Jan 1, Jan 2, Jan 5 → gaps 1, 3 → median 2; last purchase + 2 days.
    expect(r).toEqual({ medianDays: 2, nextExpectedAt: new Date('2024-01-07T01:00:00Z') });
    // same KST day twice → one purchase day → no interval
    expect(findInterpurchase([new Date('2024-01-01T01:00:00Z'), new Date('2024-01-01T05:00:00Z')])).toBeUndefined();
  });

  it('ties: the earlier hour, the category with more lines then the smaller name', () => {
    const h = new Array<number>(24).fill(0);
    h[22] = 3;
    h[7] = 3;
    expect(findPreferredHour(h)).toBe(7);
    expect(findPreferredHour(new Array<number>(24).fill(0))).toBeNull();
    expect(
      findPreferredCategory([
        { category: 'b', amount: 100, lines: 2 },
        { category: 'a', amount: 100, lines: 1 },
        { category: 'c', amount: 100, lines: 2 },
      ]),
    ).toBe('b');
  });

  it('a cherry-pick needs a deal and either a cheap single unit or an undone order', () => {
    expect(isCherryPick(order({ couponCode: 'X', grossAmount: 5000 }), 5000)).toBe(true);
    expect(isCherryPick(order({ grossAmount: 5000 }), 5000)).toBe(false); // no deal
    expect(isCherryPick(order({ discountAmount: 1, units: 2, grossAmount: 5000 }), 5000)).toBe(false); // two units
    expect(isCherryPick(order({ discountAmount: 1, grossAmount: 90000, status: 'returned' }), 5000)).toBe(true);
  });

  it('migration is the first own-shop purchase strictly after a marketplace purchase', () => {
    const at = (d: string) => new Date(`${d}T00:00:00Z`);
    const m = findChannelMigration([
      order({ orderId: '1', channel: 'cafe24', orderedAt: at('2024-01-01') }),
      order({ orderId: '2', channel: 'coupang', orderedAt: at('2024-02-01') }),
      order({ orderId: '3', channel: 'cafe24', orderedAt: at('2024-03-01'), status: 'cancelled' }),
      order({ orderId: '4', channel: 'offline', orderedAt: at('2024-04-01') }),
      order({ orderId: '5', channel: 'cafe24', orderedAt: at('2024-05-01') }),
    ]);
    expect(m).toEqual({ firstChannel: 'cafe24', currentChannel: 'cafe24', migratedAt: at('2024-05-01') });
  });
});
