import { z } from 'zod';
import { OWN_SHOP_CHANNELS } from '../../analytics/traits/channel-kind.ts';
import { MARKETPLACE_CHANNELS } from '../catalog.ts';
import type { Condition } from '../schema.ts';
import { defineRecipe } from './recipe.ts';

const days = (fallback: number) => z.coerce.number().int().min(0).max(3650).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(0).max(10_000).default(fallback);

export const ONE_PURCHASE_N_DAYS_AGO = defineRecipe({
  name: 'one-purchase-n-days-ago',
  title: { ko: '첫 구매 후 재구매 유도', en: 'One purchase, N days ago' },
  purpose: 'conversion',
  type: { ko: '구매 유도', en: 'purchase push' },
  action: { ko: '두 번째 구매 쿠폰', en: 'second-purchase coupon' },
  goldenTime: { ko: '구매 후 N일째 (재구매 주기 직전)', en: 'day N after the purchase, before the usual repurchase' },
  description: { ko: '구매가 딱 1번이고 그 구매가 N일 전인 고객', en: 'Exactly one purchase, made N days ago' },
  params: z.object({ days: days(30) }),
  build: (p) => ({
    kind: 'and',
    items: [
      { kind: 'orders', measure: 'count', op: 'eq', value: 1 },
      { kind: 'orders', measure: 'days_since_last', op: 'eq', value: p.days },
    ],
  }),
});

export const RECENT_BUYER_RELATED = defineRecipe({
  name: 'recent-buyer-related',
  title: { ko: '최근 구매 + 연관 상품', en: 'Recent buyers with a related product' },
  purpose: 'conversion',
  type: { ko: '구매 유도', en: 'purchase push' },
  action: { ko: '연관 상품 추천 메시지', en: 'recommend the related product' },
  goldenTime: { ko: '구매 후 3~7일', en: '3–7 days after the purchase' },
  description: {
    ko: '최근 N일 안에 구매했고 장바구니 규칙상 연관 상품이 있는 고객',
    en: 'Bought in the last N days and has a related product from basket rules',
  },
  params: z.object({ days: days(14).pipe(z.number().min(1)) }),
  build: (p) => ({
    kind: 'and',
    items: [
      {
        kind: 'orders',
        filter: { window: { kind: 'last_days', days: p.days } },
        measure: 'count',
        op: 'gte',
        value: 1,
      },
      { kind: 'related_product' },
    ],
  }),
});

/**
 * Marketplace buyers who have not bought on the own shop yet and are likely to buy again: the
 * audience to invite before their next purchase goes to a marketplace. Customers who already
 * moved (any own-shop purchase) are left out; an optional product narrows it to the buyers of a
 * product bought on a marketplace (the ones whose buyers tend to follow to the own shop).
 */
export const MARKETPLACE_TO_OWN = defineRecipe({
  name: 'marketplace-to-own',
  title: { ko: '마켓 → 자사몰 전환 유도', en: 'Invite marketplace buyers to the own shop' },
  purpose: 'conversion',
  type: { ko: '채널 전환', en: 'channel switch' },
  action: { ko: '자사몰 가입·첫 구매 혜택 안내', en: 'offer an own-shop sign-up and first-order benefit' },
  goldenTime: {
    ko: '마켓 구매 후 N일 (다음 구매 전)',
    en: 'N days after the marketplace purchase, before the next one',
  },
  description: {
    ko: '마켓플레이스 구매가 N회 이상이고 아직 자사몰 구매가 없으며 재구매 가능성이 높은 고객',
    en: 'At least N marketplace purchases, no own-shop purchase yet, and a high chance to buy again',
  },
  params: z.object({
    min: count(2),
    probability: z.coerce.number().min(0).max(1).default(0.5),
    product: z.string().min(1).max(200).optional(),
  }),
  build: (p) => {
    const market = [...MARKETPLACE_CHANNELS];
    const items: Condition[] = [
      { kind: 'orders', filter: { channels: market }, measure: 'count', op: 'gte', value: p.min },
      {
        kind: 'not',
        item: { kind: 'orders', filter: { channels: [...OWN_SHOP_CHANNELS] }, measure: 'count', op: 'gte', value: 1 },
      },
      { kind: 'analytics', field: 'clv.p_alive', op: 'gte', value: p.probability },
    ];
    if (p.product !== undefined)
      items.push({
        kind: 'orders',
        filter: { channels: market, products: [p.product] },
        measure: 'count',
        op: 'gte',
        value: 1,
      });
    return { kind: 'and', items };
  },
});

export const STORE_BUYERS = defineRecipe({
  name: 'store-buyers',
  title: { ko: '매장 구매 고객', en: 'Bought at a store' },
  purpose: 'conversion',
  type: { ko: '채널 전환', en: 'channel switch' },
  action: { ko: '온라인몰 첫 구매 쿠폰', en: 'first online order coupon' },
  goldenTime: { ko: '매장 방문 다음 날', en: 'the day after the store visit' },
  description: { ko: '{STORE} 매장에서 구매한 고객', en: 'Bought at store {STORE}' },
  params: z.object({ store: z.string().min(1).max(200) }),
  build: (p) => ({ kind: 'orders', filter: { stores: [p.store] }, measure: 'count', op: 'gte', value: 1 }),
});

export const CART_ABANDONMENT = defineRecipe({
  name: 'cart-abandonment',
  title: { ko: '장바구니 이탈', en: 'Cart abandonment' },
  purpose: 'conversion',
  type: { ko: '구매 유도', en: 'purchase push' },
  action: { ko: '장바구니 상품 리마인드', en: 'remind of the cart items' },
  goldenTime: { ko: '담은 뒤 1~3일, 담았던 시간대', en: '1–3 days later, at the hour of the add' },
  description: { ko: '장바구니에 담고 3일 안에 구매하지 않은 고객', en: 'Added to cart and did not buy within 3 days' },
  params: z.object({
    hours: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 90)
      .default(72),
    lookback: days(14).pipe(z.number().min(1)),
  }),
  build: (p) => ({
    kind: 'sequence',
    did: { type: 'add_to_cart', window: { kind: 'last_days', days: p.lookback } },
    thenNot: { source: 'order' },
    withinHours: p.hours,
  }),
});

export const PRODUCT_INTEREST = defineRecipe({
  name: 'product-interest',
  title: { ko: '상품 관심 고객', en: 'Product interest' },
  purpose: 'conversion',
  type: { ko: '구매 유도', en: 'purchase push' },
  action: { ko: '관심 상품 할인 알림', en: 'price alert on the viewed product' },
  goldenTime: { ko: '마지막 조회 다음 날 같은 시간대', en: 'the day after the last view, same hour' },
  description: {
    ko: '최근 7일 동안 상품 X를 3~5번 보고 구매하지 않은 고객',
    en: 'Viewed product X 3–5 times in the last 7 days and did not buy it',
  },
  params: z.object({
    product: z.string().min(1).max(200).optional(),
    days: days(7).pipe(z.number().min(1)),
    min: count(3),
    max: count(5),
  }),
  build: (p) => {
    const window = { kind: 'last_days', days: p.days } as const;
    if (p.product === undefined) {
      return {
        kind: 'sequence',
        did: { type: 'product_view', window, count: { min: p.min, max: p.max } },
        thenNot: { source: 'order' },
        sameProduct: true,
      };
    }
    return {
      kind: 'and',
      items: [
        { kind: 'events', type: 'product_view', product: p.product, window, count: { min: p.min, max: p.max } },
        {
          kind: 'not',
          item: { kind: 'orders', filter: { products: [p.product], window }, measure: 'count', op: 'gte', value: 1 },
        },
      ],
    };
  },
});
