import { toChannelKind } from '../traits/channel-kind.ts';
import type { CustomerTraits } from '../traits/customer-traits.ts';

export interface Phrase {
  readonly ko: string;
  readonly en: string;
}

/** A clustering feature: how to read it, whether it is log-transformed, and how to say high/low. */
export interface ClusterFeature {
  readonly key: string;
  readonly label: Phrase;
  /** log1p before the z-score (right-skewed counts and money). */
  readonly log: boolean;
  readonly read: (c: ClusterInput) => number;
  /** Modifier when the cluster is above the rest; null = not worth naming. */
  readonly high: Phrase | null;
  readonly low: Phrase | null;
}

/** One buyer: RFM figures plus traits. */
export interface ClusterInput {
  readonly customerId: string;
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly traits: CustomerTraits;
}

const DISCOUNT: Phrase = { ko: '할인에 민감한', en: 'discount-sensitive' };
const FULL_PRICE: Phrase = { ko: '정가에 사는', en: 'full-price' };

/** Frequency is not a modifier: it names the head noun (repeat / one-time buyers). */
export const FREQUENCY_KEY = 'frequency';

export const CLUSTER_FEATURES: readonly ClusterFeature[] = [
  {
    key: 'recency_days',
    label: { ko: '최근 구매 후 경과일', en: 'days since last purchase' },
    log: true,
    read: (c) => c.recencyDays,
    high: { ko: '오래 구매가 없는', en: 'lapsed' },
    low: { ko: '최근 구매한', en: 'recent' },
  },
  {
    key: FREQUENCY_KEY,
    label: { ko: '구매 횟수', en: 'purchases' },
    log: true,
    read: (c) => c.frequency,
    high: null,
    low: null,
  },
  {
    key: 'monetary',
    label: { ko: '구매 금액', en: 'spend' },
    log: true,
    read: (c) => c.monetary,
    high: { ko: '많이 쓰는', en: 'high-spending' },
    low: { ko: '적게 쓰는', en: 'low-spending' },
  },
  {
    key: 'discount_order_share',
    label: { ko: '할인 주문 비중', en: 'share of discounted orders' },
    log: false,
    read: (c) => c.traits.discountOrderShare ?? 0,
    high: DISCOUNT,
    low: FULL_PRICE,
  },
  {
    key: 'avg_discount_rate',
    label: { ko: '평균 할인율', en: 'average discount rate' },
    log: false,
    read: (c) => c.traits.avgDiscountRate ?? 0,
    high: DISCOUNT,
    low: FULL_PRICE,
  },
  {
    key: 'coupon_uses',
    label: { ko: '쿠폰 사용', en: 'coupon uses' },
    log: true,
    read: (c) => c.traits.couponUses,
    high: { ko: '쿠폰을 자주 쓰는', en: 'coupon-using' },
    low: null,
  },
  {
    key: 'cherry_picker_score',
    label: { ko: '체리피커 점수', en: 'cherry-picker score' },
    log: false,
    read: (c) => c.traits.cherryPickerScore ?? 0,
    high: { ko: '체리피킹 성향의', en: 'cherry-picking' },
    low: null,
  },
  {
    key: 'cancel_rate',
    label: { ko: '취소율', en: 'cancel rate' },
    log: false,
    read: (c) => c.traits.cancelRate ?? 0,
    high: { ko: '취소가 잦은', en: 'often-cancelling' },
    low: null,
  },
  {
    key: 'return_rate',
    label: { ko: '반품률', en: 'return rate' },
    log: false,
    read: (c) => c.traits.returnRate ?? 0,
    high: { ko: '반품이 잦은', en: 'often-returning' },
    low: null,
  },
  {
    key: 'own_shop',
    label: { ko: '최근 주문이 자사몰', en: 'latest order in the own shop' },
    log: false,
    read: (c) => (c.traits.currentChannel !== null && toChannelKind(c.traits.currentChannel) === 'own_shop' ? 1 : 0),
    high: { ko: '자사몰 중심의', en: 'own-shop' },
    low: { ko: '마켓플레이스 중심의', en: 'marketplace' },
  },
  {
    key: 'migrated',
    label: { ko: '마켓→자사몰 전환', en: 'moved from a marketplace to the own shop' },
    log: false,
    read: (c) => (c.traits.migratedAt ? 1 : 0),
    high: { ko: '자사몰로 옮겨온', en: 'shop-converted' },
    low: null,
  },
];
