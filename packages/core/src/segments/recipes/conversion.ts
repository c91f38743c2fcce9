import { z } from 'zod';
import { OWN_SHOP_CHANNELS } from '../../analytics/traits/channel-kind.ts';
import { MARKETPLACE_CHANNELS } from '../catalog.ts';
import type { Condition } from '../schema.ts';
import { defineRecipe } from './recipe.ts';

const days = (fallback: number) => z.coerce.number().int().min(0).max(3650).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(0).max(10_000).default(fallback);

export const ONE_PURCHASE_N_DAYS_AGO = defineRecipe({
  name: 'one-purchase-n-days-ago',
  purpose: 'conversion',
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
  purpose: 'conversion',
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
  purpose: 'conversion',
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
  purpose: 'conversion',
  params: z.object({ store: z.string().min(1).max(200) }),
  build: (p) => ({ kind: 'orders', filter: { stores: [p.store] }, measure: 'count', op: 'gte', value: 1 }),
});

export const CART_ABANDONMENT = defineRecipe({
  name: 'cart-abandonment',
  purpose: 'conversion',
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
  purpose: 'conversion',
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
