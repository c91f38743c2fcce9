import { z } from 'zod';
import { COSTLY_MIN_ORDERS, COSTLY_MIN_RATE } from '../../analytics/traits/costly.ts';
import { defineRecipe } from './recipe.ts';

const days = (fallback: number) => z.coerce.number().int().min(0).max(3650).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(0).max(10_000).default(fallback);
const rate = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);

export const WARRANTY_ANNIVERSARY = defineRecipe({
  name: 'warranty-anniversary',
  purpose: 'retention',
  params: z.object({ years: z.coerce.number().int().min(1).max(50).default(1) }),
  build: (p) => ({ kind: 'warranty', window: { kind: 'years_ago', years: p.years } }),
});

export const SECOND_PURCHASE_WINDOW = defineRecipe({
  name: 'second-purchase-window',
  purpose: 'retention',
  params: z.object({ from: days(90), to: days(120) }),
  build: (p) => ({
    kind: 'and',
    items: [
      { kind: 'orders', measure: 'days_since_last', op: 'between', value: [p.from, p.to] },
      { kind: 'orders', measure: 'count', op: 'eq', value: 1 },
      { kind: 'related_product' },
    ],
  }),
});

export const RECENT_REPEAT_BUYERS = defineRecipe({
  name: 'recent-repeat-buyers',
  purpose: 'retention',
  params: z.object({ days: days(30).pipe(z.number().min(1)), min: count(2) }),
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
      { kind: 'orders', measure: 'count', op: 'gte', value: p.min },
    ],
  }),
});

export const DISCOUNT_SENSITIVE = defineRecipe({
  name: 'discount-sensitive',
  purpose: 'retention',
  params: z.object({ rate: rate(0.2) }),
  build: (p) => ({ kind: 'orders', measure: 'avg_discount_rate', op: 'gte', value: p.rate }),
});

export const COUPON_LOVERS = defineRecipe({
  name: 'coupon-lovers',
  purpose: 'retention',
  params: z.object({ min: count(3) }),
  build: (p) => ({ kind: 'orders', measure: 'coupon_count', op: 'gte', value: p.min }),
});

export const VIP_TOP_SPENDERS = defineRecipe({
  name: 'vip-top-spenders',
  purpose: 'retention',
  params: z.object({ percent: z.coerce.number().min(0.1).max(100).default(10) }),
  build: (p) => ({ kind: 'profile', field: 'spend_percentile', op: 'gte', value: 1 - p.percent / 100 }),
});

export const LAPSED_SIX_MONTHS = defineRecipe({
  name: 'lapsed-6-months',
  purpose: 'retention',
  params: z.object({ months: z.coerce.number().int().min(1).max(120).default(6) }),
  build: (p) => ({ kind: 'orders', measure: 'days_since_last', op: 'gte', value: p.months * 30 }),
});

export const FREQUENT_BUYERS = defineRecipe({
  name: 'frequent-buyers',
  purpose: 'retention',
  params: z.object({ days: days(30).pipe(z.number().min(1)), min: count(2) }),
  build: (p) => ({
    kind: 'orders',
    filter: { window: { kind: 'last_days', days: p.days } },
    measure: 'count',
    op: 'gte',
    value: p.min,
  }),
});

export const COSTLY_CUSTOMERS = defineRecipe({
  name: 'costly-customers',
  purpose: 'retention',
  params: z.object({ rate: rate(COSTLY_MIN_RATE), orders: count(COSTLY_MIN_ORDERS) }),
  build: (p) => ({
    kind: 'and',
    items: [
      { kind: 'orders', measure: 'cancel_return_rate', op: 'gte', value: p.rate },
      {
        kind: 'orders',
        filter: { statuses: ['paid', 'cancelled', 'returned', 'exchanged'] },
        measure: 'count',
        op: 'gte',
        value: p.orders,
      },
    ],
  }),
});
