import { DAY_MS } from '@dalbit/core/attribution/attribution-facts';
import { hashToUnit } from '@dalbit/core/experiments/assign-arm';
import { createRandom } from '@dalbit/core/math/random/mulberry32';

/** An exposed customer as the plant sees it. */
export interface PlantTarget {
  readonly customerId: string;
  readonly arm: string;
  readonly exposedAt: number;
  readonly phone: string | null;
  readonly email: string | null;
  readonly couponCode: string | null;
}

/** One generated order, with the truth about whether attribution must count it. */
export interface PlantedOrder {
  readonly orderNumber: string;
  readonly customerId: string;
  readonly arm: string;
  readonly channel: string;
  readonly orderedAt: number;
  readonly amount: number;
  readonly status: 'paid' | 'cancelled';
  readonly couponCode: string | null;
  /** True when the order is paid and inside the window: the report must count it. */
  readonly counted: boolean;
}

export interface PlantSettings {
  /** Probability of converting in the window without the message (e.g. 0.08). */
  readonly baselineRate: number;
  /** True relative lift of conversion per arm (e.g. { B: 0.3 }); missing arms get 0. */
  readonly effects: Readonly<Record<string, number>>;
  readonly windowDays: number;
  readonly seed: number;
  /** Share of converters in a couponed arm who use their coupon (default 0.5). */
  readonly couponUse?: number;
}

const CHANNELS = ['musinsa', '29cm', 'smartstore', 'offline'] as const;
const LATE_ORDER_RATE = 0.03;
const CANCELLED_ORDER_RATE = 0.02;
const SECOND_ORDER_RATE = 0.2;

/** Order amount: log-normal, median 42,000 KRW, rounded to 100 KRW. */
function drawAmount(random: () => number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(1000, Math.round((42_000 * Math.exp(0.5 * z)) / 100) * 100);
}

/**
 * Deterministic post-exposure orders with a known effect: each customer converts in the window
 * with probability baseline × (1 + effect of their arm), from a random stream seeded by
 * (seed, customer) only, so adding customers or reordering never changes anyone's draw. Converters
 * buy once (20 %: twice) at a uniform time in the window, on a marketplace, the own shop or
 * offline. Noise the report must ignore: orders after the window (3 %) and cancelled orders in
 * it (2 %). Customers with neither phone nor e-mail cannot be matched by a file and buy nothing.
 */
export function planOrders(targets: readonly PlantTarget[], s: PlantSettings): PlantedOrder[] {
  const windowMs = s.windowDays * DAY_MS;
  const orders: PlantedOrder[] = [];
  for (const t of [...targets].sort((a, b) => (a.customerId < b.customerId ? -1 : 1))) {
    if (t.phone === null && t.email === null) continue;
    const random = createRandom(Math.floor(hashToUnit(`plant:${s.seed}`, t.customerId) * 2 ** 32));
    const p = s.baselineRate * (1 + (s.effects[t.arm] ?? 0));
    const converts = random() < p;
    const extra = random() < SECOND_ORDER_RATE;
    const late = random() < LATE_ORDER_RATE;
    const cancelled = random() < CANCELLED_ORDER_RATE;
    const usesCoupon = t.couponCode !== null && random() < (s.couponUse ?? 0.5);
    // Whole seconds strictly inside [exposedAt, exposedAt + window): files carry seconds.
    const inWindow = (): number =>
      Math.ceil(t.exposedAt / 1000) * 1000 + Math.floor(random() * (windowMs / 1000 - 3600)) * 1000;
    const make = (at: number, status: 'paid' | 'cancelled', coupon: boolean, counted: boolean): void => {
      orders.push({
        orderNumber: `PLANT${s.seed}-${String(orders.length + 1).padStart(6, '0')}`,
        customerId: t.customerId,
        arm: t.arm,
        channel: CHANNELS[Math.floor(random() * CHANNELS.length)] ?? 'musinsa',
        orderedAt: at,
        amount: drawAmount(random),
        status,
        couponCode: coupon ? t.couponCode : null,
        counted,
      });
    };
    if (converts) {
      make(inWindow(), 'paid', usesCoupon, true);
      if (extra) make(inWindow(), 'paid', false, true);
    }
    if (late)
      make(
        Math.ceil((t.exposedAt + windowMs) / 1000) * 1000 + Math.floor(random() * 3 * 86_400) * 1000,
        'paid',
        false,
        false,
      );
    if (cancelled) make(inWindow(), 'cancelled', false, false);
  }
  return orders;
}
