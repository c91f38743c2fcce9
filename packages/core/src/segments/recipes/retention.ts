import { z } from 'zod';
import { COSTLY_MIN_ORDERS, COSTLY_MIN_RATE } from '../../analytics/traits/costly.ts';
import { defineRecipe } from './recipe.ts';

const days = (fallback: number) => z.coerce.number().int().min(0).max(3650).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(0).max(10_000).default(fallback);
const rate = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);

export const WARRANTY_ANNIVERSARY = defineRecipe({
  name: 'warranty-anniversary',
  title: { ko: '정품 등록 N주년', en: 'Warranty anniversary' },
  purpose: 'retention',
  type: { ko: '재구매·충성도', en: 'repurchase & loyalty' },
  action: { ko: '교체·업그레이드 제안', en: 'suggest a replacement or upgrade' },
  goldenTime: { ko: '등록 기념일 오전 10시', en: 'the anniversary, 10:00' },
  description: { ko: '정품 등록을 정확히 N년 전 오늘 한 고객', en: 'Registered a warranty exactly N years ago' },
  params: z.object({ years: z.coerce.number().int().min(1).max(50).default(1) }),
  build: (p) => ({ kind: 'warranty', window: { kind: 'years_ago', years: p.years } }),
});

export const SECOND_PURCHASE_WINDOW = defineRecipe({
  name: 'second-purchase-window',
  title: { ko: '재구매 골든타임 (1회 구매)', en: 'One-time buyers in the repurchase window' },
  purpose: 'retention',
  type: { ko: '재구매·충성도', en: 'repurchase & loyalty' },
  action: { ko: '연관 상품 추천과 재구매 쿠폰', en: 'related product with a repurchase coupon' },
  goldenTime: { ko: '마지막 구매 후 90~120일', en: '90–120 days after the last purchase' },
  description: {
    ko: '마지막 구매가 90~120일 전이고 구매가 1회이며 연관 상품이 있는 고객',
    en: 'Last purchase 90–120 days ago, exactly one purchase, has a related product',
  },
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
  title: { ko: '최근 구매한 재구매 고객', en: 'Recent repeat buyers' },
  purpose: 'retention',
  type: { ko: '이탈 방지', en: 'churn prevention' },
  action: { ko: '감사 메시지와 멤버십 혜택', en: 'thank-you message with membership perks' },
  goldenTime: { ko: '구매 후 7일', en: '7 days after the purchase' },
  description: {
    ko: '최근 N일 안에 구매했고 누적 구매가 2회 이상인 고객',
    en: 'Bought in the last N days and has at least 2 purchases',
  },
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
  title: { ko: '할인 민감 고객', en: 'Discount-sensitive customers' },
  purpose: 'retention',
  type: { ko: '이탈 방지', en: 'churn prevention' },
  action: { ko: '할인 행사 우선 안내', en: 'early access to sales' },
  goldenTime: { ko: '행사 시작 전날 저녁', en: 'the evening before a sale' },
  description: { ko: '과거 평균 할인율이 {RATE} 이상인 고객', en: 'Average past discount rate at least {RATE}' },
  params: z.object({ rate: rate(0.2) }),
  build: (p) => ({ kind: 'orders', measure: 'avg_discount_rate', op: 'gte', value: p.rate }),
});

export const COUPON_LOVERS = defineRecipe({
  name: 'coupon-lovers',
  title: { ko: '쿠폰 애용 고객', en: 'Coupon users' },
  purpose: 'retention',
  type: { ko: '이탈 방지', en: 'churn prevention' },
  action: { ko: '쿠폰 만료 알림', en: 'coupon expiry reminder' },
  goldenTime: { ko: '쿠폰 만료 3일 전', en: '3 days before the coupon expires' },
  description: { ko: '쿠폰을 N번 이상 사용한 고객', en: 'Used a coupon at least N times' },
  params: z.object({ min: count(3) }),
  build: (p) => ({ kind: 'orders', measure: 'coupon_count', op: 'gte', value: p.min }),
});

export const VIP_TOP_SPENDERS = defineRecipe({
  name: 'vip-top-spenders',
  title: { ko: 'VIP (구매 금액 상위 10%)', en: 'VIP (top 10 % spend)' },
  purpose: 'retention',
  type: { ko: '재구매·충성도', en: 'repurchase & loyalty' },
  action: { ko: 'VIP 전용 혜택과 신상품 선공개', en: 'VIP perks and early product access' },
  goldenTime: { ko: '신상품 출시 전날', en: 'the day before a launch' },
  description: { ko: '구매 금액이 구매 고객 중 상위 N%인 고객', en: 'Spend in the top N % of buyers' },
  params: z.object({ percent: z.coerce.number().min(0.1).max(100).default(10) }),
  build: (p) => ({ kind: 'profile', field: 'spend_percentile', op: 'gte', value: 1 - p.percent / 100 }),
});

export const LAPSED_SIX_MONTHS = defineRecipe({
  name: 'lapsed-6-months',
  title: { ko: '6개월 미구매 고객', en: 'No purchase for 6 months' },
  purpose: 'retention',
  type: { ko: '이탈 방지', en: 'churn prevention' },
  action: { ko: '복귀 쿠폰 (윈백)', en: 'win-back coupon' },
  goldenTime: { ko: '선호 시간대, 주말 오전', en: 'preferred hour, weekend morning' },
  description: {
    ko: '마지막 구매가 N개월(30일 단위) 이상 전인 고객',
    en: 'Last purchase at least N months (30-day) ago',
  },
  params: z.object({ months: z.coerce.number().int().min(1).max(120).default(6) }),
  build: (p) => ({ kind: 'orders', measure: 'days_since_last', op: 'gte', value: p.months * 30 }),
});

export const FREQUENT_BUYERS = defineRecipe({
  name: 'frequent-buyers',
  title: { ko: '월 2회 이상 구매 고객', en: '2+ purchases a month' },
  purpose: 'retention',
  type: { ko: '재구매·충성도', en: 'repurchase & loyalty' },
  action: { ko: '정기 배송·구독 제안', en: 'offer a subscription' },
  goldenTime: { ko: '평소 구매 주기 직전', en: 'just before the usual repurchase' },
  description: { ko: '최근 N일 동안 구매가 M회 이상인 고객', en: 'At least M purchases in the last N days' },
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
  title: { ko: '비용 유발 고객 (취소·반품)', en: 'Costly customers (cancel/return)' },
  purpose: 'retention',
  type: { ko: '이탈 방지', en: 'churn prevention' },
  action: { ko: '광고 대상 제외 또는 사이즈·사용법 안내', en: 'exclude from ads or send sizing/usage guidance' },
  goldenTime: { ko: '다음 주문 직후', en: 'right after the next order' },
  description: {
    ko: '주문 N건 이상 중 취소·반품 비율이 X 이상인 고객',
    en: 'Cancel/return rate at least X over N or more orders',
  },
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
