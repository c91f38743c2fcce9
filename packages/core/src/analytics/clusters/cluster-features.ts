import { bilingual } from '../../i18n/catalog.ts';
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

const DISCOUNT: Phrase = bilingual('cluster.phrase.discountSensitive');
const FULL_PRICE: Phrase = bilingual('cluster.phrase.fullPrice');

/** Frequency is not a modifier: it names the head noun (repeat / one-time buyers). */
export const FREQUENCY_KEY = 'frequency';

export const CLUSTER_FEATURES: readonly ClusterFeature[] = [
  {
    key: 'recency_days',
    label: bilingual('cluster.feature.recency_days'),
    log: true,
    read: (c) => c.recencyDays,
    high: bilingual('cluster.phrase.lapsed'),
    low: bilingual('cluster.phrase.recent'),
  },
  {
    key: FREQUENCY_KEY,
    label: bilingual('cluster.feature.frequency'),
    log: true,
    read: (c) => c.frequency,
    high: null,
    low: null,
  },
  {
    key: 'monetary',
    label: bilingual('cluster.feature.monetary'),
    log: true,
    read: (c) => c.monetary,
    high: bilingual('cluster.phrase.highSpending'),
    low: bilingual('cluster.phrase.lowSpending'),
  },
  {
    key: 'discount_order_share',
    label: bilingual('cluster.feature.discount_order_share'),
    log: false,
    read: (c) => c.traits.discountOrderShare ?? 0,
    high: DISCOUNT,
    low: FULL_PRICE,
  },
  {
    key: 'avg_discount_rate',
    label: bilingual('cluster.feature.avg_discount_rate'),
    log: false,
    read: (c) => c.traits.avgDiscountRate ?? 0,
    high: DISCOUNT,
    low: FULL_PRICE,
  },
  {
    key: 'coupon_uses',
    label: bilingual('cluster.feature.coupon_uses'),
    log: true,
    read: (c) => c.traits.couponUses,
    high: bilingual('cluster.phrase.couponUsing'),
    low: null,
  },
  {
    key: 'cherry_picker_score',
    label: bilingual('cluster.feature.cherry_picker_score'),
    log: false,
    read: (c) => c.traits.cherryPickerScore ?? 0,
    high: bilingual('cluster.phrase.cherryPicking'),
    low: null,
  },
  {
    key: 'cancel_rate',
    label: bilingual('cluster.feature.cancel_rate'),
    log: false,
    read: (c) => c.traits.cancelRate ?? 0,
    high: bilingual('cluster.phrase.oftenCancelling'),
    low: null,
  },
  {
    key: 'return_rate',
    label: bilingual('cluster.feature.return_rate'),
    log: false,
    read: (c) => c.traits.returnRate ?? 0,
    high: bilingual('cluster.phrase.oftenReturning'),
    low: null,
  },
  {
    key: 'own_shop',
    label: bilingual('cluster.feature.own_shop'),
    log: false,
    read: (c) => (c.traits.currentChannel !== null && toChannelKind(c.traits.currentChannel) === 'own_shop' ? 1 : 0),
    high: bilingual('cluster.phrase.ownShop'),
    low: bilingual('cluster.phrase.marketplace'),
  },
  {
    key: 'migrated',
    label: bilingual('cluster.feature.migrated'),
    log: false,
    read: (c) => (c.traits.migratedAt ? 1 : 0),
    high: bilingual('cluster.phrase.shopConverted'),
    low: null,
  },
];
