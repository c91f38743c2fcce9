import type { Rng } from '../math/random/prng.ts';
import { civilFromDays, toKstDay } from '../time/kst.ts';
import { type BasketItem, pickBasket } from './basket.ts';
import type { DemoProduct } from './catalog.ts';
import { type DemoContext, sampleInstant, sampleSeasonalDay } from './demo-context.ts';
import type { Acquisition, DemoLine, DemoOrder, DemoTraits, LineStatus, SalesChannel } from './demo-model.ts';
import { OFFLINE_STORES, POPUP_STORE } from './demo-model.ts';

const OTHER_CHANNELS: readonly SalesChannel[] = ['cafe24', 'smartstore', 'musinsa', '29cm', 'coupang'];
const OTHER_WEIGHTS: readonly number[] = [4, 3, 1.5, 1, 0.7];
const GIFT_PROMO = /^(SEOL|CHUSEOK|XMAS|GIFT)/;
const STORE_WEIGHTS: readonly number[] = [45, 35, 20];

export interface OrderPlan {
  readonly acquisition: Acquisition;
  readonly firstAt: number;
  readonly traits: DemoTraits;
  readonly birthMonth: number;
  readonly optionSeed: number;
}

/** Heavy-tailed: most buyers order once, a long tail orders dozens of times. */
function drawOrderCount(rng: Rng, windowDays: number): number {
  if (rng.chance(0.56)) return 1;
  const n = 1 + Math.ceil(Math.exp(0.55 + 0.95 * rng.normal()));
  return Math.max(1, Math.min(n, 1 + Math.floor(windowDays / 10), 80));
}

function homeChannel(a: Acquisition): SalesChannel {
  return a === 'kakao_form' || a === 'gift' ? 'cafe24' : a;
}

function pickChannel(rng: Rng, plan: OrderPlan, index: number, migrateAt: number): SalesChannel {
  const home = homeChannel(plan.acquisition);
  if (index === 0) return home;
  if (plan.traits.migrator && index >= migrateAt) return rng.chance(0.88) ? 'cafe24' : home;
  if (home === 'popup') return rng.chance(0.5) ? 'offline' : 'cafe24';
  if (rng.chance(0.88)) return home;
  return OTHER_CHANNELS[rng.weighted(OTHER_WEIGHTS)] ?? home;
}

function pickCoupon(rng: Rng, ctx: DemoContext, plan: OrderPlan, day: number, first: boolean, fixed: boolean): string {
  const promo = ctx.seasonality.promotion(day);
  if (fixed) return 'APP5000';
  if (promo && rng.chance(0.7)) return promo.code;
  if (first && rng.chance(0.6)) return 'WELCOME10';
  if (civilFromDays(day).month === plan.birthMonth && rng.chance(0.6)) return 'BDAY15';
  return plan.traits.discountSensitive
    ? rng.pick(['KAKAO15', 'APPDEAL20', 'RESTOCK25', 'FLASH30'])
    : rng.pick(['KAKAO10', 'REVIEW10', 'NEWSLETTER10']);
}

function discountRate(rng: Rng, ctx: DemoContext, plan: OrderPlan, day: number): number {
  const promo = ctx.seasonality.promotion(day) !== undefined;
  if (plan.traits.discountSensitive) return rng.chance(promo ? 0.92 : 0.78) ? rng.int(4, 8) * 0.05 : 0;
  return rng.chance(promo ? 0.4 : 0.12) ? rng.int(1, 3) * 0.05 : 0;
}

function buildLines(items: readonly BasketItem[], rate: number, fixedOff: number): DemoLine[] {
  return items.map((it, i) => {
    const gross = it.product.price * it.quantity;
    const off = i === 0 && fixedOff > 0 ? Math.min(fixedOff, gross) : Math.round((gross * rate) / 100) * 100;
    return {
      product: it.product,
      option: it.option,
      quantity: it.quantity,
      discount: off,
      status: 'paid' as LineStatus,
    };
  });
}

function settleStatuses(rng: Rng, ctx: DemoContext, order: DemoOrder, traits: DemoTraits): void {
  if (order.channel === 'offline' || order.channel === 'popup') return;
  const ageDays = ctx.lastDay - toKstDay(order.at);
  if (rng.chance(traits.canceller ? 0.3 : 0.025)) {
    for (const l of order.lines) l.status = 'cancelled';
    return;
  }
  if (ageDays < 4) return;
  for (const l of order.lines) {
    const r = rng.next();
    if (r < (traits.returner ? 0.3 : 0.02)) l.status = 'returned';
    else if (r < (traits.returner ? 0.33 : 0.032)) l.status = 'exchanged';
  }
}

/** The orders of one buyer over the history, oldest first. */
export function generateOrders(rng: Rng, ctx: DemoContext, plan: OrderPlan): DemoOrder[] {
  const firstDay = toKstDay(plan.firstAt);
  const lifetime = Math.max(30, Math.round(rng.exponential(520)));
  const endDay = Math.min(ctx.lastDay, firstDay + lifetime);
  const n = drawOrderCount(rng, endDay - firstDay);
  const days = [firstDay];
  for (let i = 1; i < n; i++) days.push(sampleSeasonalDay(rng, ctx, Math.min(firstDay + 1, endDay), endDay));
  days.sort((a, b) => a - b);
  const migrateAt = n <= 1 ? 1 : rng.int(1, Math.max(1, Math.min(n - 1, 3)));
  const history: DemoProduct[] = [];
  const homeStore = OFFLINE_STORES[rng.weighted(STORE_WEIGHTS)] ?? '강남점';
  const orders: DemoOrder[] = [];
  for (let i = 0; i < n; i++) {
    const day = days[i] ?? firstDay;
    const channel = pickChannel(rng, plan, i, migrateAt);
    const store = channel === 'offline' ? homeStore : channel === 'popup' ? POPUP_STORE : undefined;
    const at = i === 0 ? plan.firstAt : sampleInstant(rng, day, store ? 'store' : 'online');
    const promo = ctx.seasonality.promotion(day);
    const items = pickBasket(rng, {
      history,
      favoriteCategory: plan.traits.favoriteCategory,
      giftSeason: promo !== undefined && GIFT_PROMO.test(promo.code) && rng.chance(0.5),
      optionSeed: plan.optionSeed,
    });
    const rate = discountRate(rng, ctx, plan, day);
    const fixed = channel === 'cafe24' && rate > 0 && !plan.traits.discountSensitive && rng.chance(0.15);
    const lines = buildLines(items, fixed ? 0 : rate, fixed ? 5000 : 0);
    const coupon = channel === 'cafe24' && rate > 0 ? pickCoupon(rng, ctx, plan, day, i === 0, fixed) : undefined;
    const order: DemoOrder = {
      channel,
      device: rng.chance(0.72) ? 'mobile' : 'cafe24',
      ...(store === undefined ? {} : { store }),
      at,
      lines,
      ...(coupon === undefined ? {} : { coupon }),
      member: false,
    };
    settleStatuses(rng, ctx, order, plan.traits);
    for (const it of items) history.push(it.product);
    orders.push(order);
  }
  return orders;
}
