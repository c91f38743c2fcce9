import { type CouponHold, couponRefusal } from '@dalbit/core/campaigns/coupon-limit';
import type { TouchDecision } from './decision.ts';
import type { RunState } from './run-state.ts';

const NONE: CouponHold = { issued: 0, live: 0 };

const DETAIL: Record<string, (d: TouchDecision) => string> = {
  COUPON_BUDGET_EXHAUSTED: (d) => `budget ${d.coupon?.limits.budget} coupons reached`,
  COUPON_ONCE_PER_CUSTOMER: () => 'secret coupon already issued or another one still open',
  COUPON_PER_CUSTOMER_LIMIT: (d) => `at most ${d.coupon?.limits.perCustomer} per customer`,
  COUPON_STILL_HELD: () => 'an unexpired, unredeemed code of this coupon is still held',
};

/**
 * Turns touches whose coupon may not be issued into `blocked` ones (budget, secret rule,
 * per-customer count, no second live code). Higher priority first, then earlier, then plan order;
 * each issued code counts against the next. Run when planning (over the run state) and again
 * inside the transaction that writes the plan (over the warehouse as it is then), so two runs that
 * planned at the same time never issue past a limit: writes take turns (decision 0014).
 */
export async function applyCouponRules(
  decisions: readonly TouchDecision[],
  state: Pick<RunState, 'coupons'>,
  now: Date,
): Promise<TouchDecision[]> {
  const ledgers = new Map<string, { issued: number; held: Map<string, CouponHold>; secretHolders: Set<string> }>();
  const order = decisions
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => d.coupon && (d.outcome === 'queued' || d.outcome === 'deferred'))
    .sort((a, b) => b.d.priority - a.d.priority || a.d.plannedAt.getTime() - b.d.plannedAt.getTime() || a.i - b.i);
  const out = [...decisions];
  for (const { d, i } of order) {
    const coupon = d.coupon;
    if (!coupon) continue;
    let l = ledgers.get(d.campaignId);
    if (!l) {
      const s = await state.coupons(d.campaignId, now);
      l = { issued: s.issued, held: new Map(s.held), secretHolders: new Set(s.secretHolders) };
      ledgers.set(d.campaignId, l);
    }
    const hold = l.held.get(d.customerId) ?? NONE;
    const refusal = couponRefusal(coupon.limits, l.issued, hold, l.secretHolders.has(d.customerId));
    if (refusal) {
      out[i] = {
        ...d,
        outcome: 'blocked',
        dueAt: d.plannedAt,
        reason: refusal,
        detail: DETAIL[refusal]?.(d),
        coupon: undefined,
      };
      continue;
    }
    l.issued++;
    l.held.set(d.customerId, { issued: hold.issued + 1, live: hold.live + (coupon.expiresAt > now ? 1 : 0) });
    if (coupon.secret) l.secretHolders.add(d.customerId);
  }
  return out;
}
