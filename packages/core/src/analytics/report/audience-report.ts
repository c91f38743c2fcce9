/** An audience report: one member set (a segment, a cluster or the whole base) as of an instant. */
export interface AudienceReport {
  readonly name: string;
  readonly asOf: Date;
  readonly size: number;
  readonly baseSize: number;
  /** size / baseSize. */
  readonly share: number;
  /** Members with a purchase (paid or exchanged order) before as-of. */
  readonly buyers: number;
  readonly orders: number;
  /** Σ paid amount of purchases (KRW). */
  readonly revenue: number;
  /** Share of the base's revenue. */
  readonly revenueShare: number;
  /** Average order value: revenue / orders. */
  readonly aov: number | null;
  /** Purchases per buyer. */
  readonly frequency: number | null;
  readonly recency: readonly RecencyBucketCount[];
  readonly topCategories: readonly IndexedItem[];
  readonly topProducts: readonly IndexedItem[];
  readonly channels: readonly ChannelMix[];
  readonly reach: readonly Reachability[];
  readonly visits: VisitStats;
  readonly trend: readonly MonthPoint[];
}

export interface RecencyBucketCount {
  readonly bucket: RecencyBucket;
  readonly customers: number;
  readonly share: number;
}

export type RecencyBucket = 'd0_30' | 'd31_90' | 'd91_180' | 'd181_365' | 'd366_plus' | 'never';

/** A category or product: how many members bought it, and how that compares with the base. */
export interface IndexedItem {
  readonly key: string;
  readonly name: string;
  readonly buyers: number;
  readonly revenue: number;
  /** buyers / buyers of the audience (penetration). */
  readonly share: number;
  readonly baseShare: number;
  /** share / baseShare × 100: 100 = like the base, 200 = twice as likely. */
  readonly index: number | null;
}

export interface ChannelMix {
  readonly channel: string;
  readonly buyers: number;
  readonly orders: number;
  readonly revenue: number;
  readonly revenueShare: number;
}

export interface Reachability {
  readonly channel: 'sms' | 'kakao' | 'email' | 'push';
  /** Members with the contact the channel needs (phone for SMS/Kakao, email; push: consent only). */
  readonly contactable: number;
  /** Members whose latest ad-consent event for the channel is a grant. */
  readonly consented: number;
  /** Consented AND contactable: who an ad campaign can reach. */
  readonly reachable: number;
  readonly reachableShare: number;
}

export interface VisitStats {
  readonly windowDays: number;
  readonly visitors: number;
  readonly sessions: number;
  readonly sessionsPerVisitor: number | null;
  readonly avgSessionSeconds: number | null;
  /** Σ session durations / visitors. */
  readonly secondsPerVisitor: number | null;
}

export interface MonthPoint {
  /** KST calendar month, 'YYYY-MM'. */
  readonly month: string;
  readonly revenue: number;
  readonly activeCustomers: number;
  /** The month of the as-of day when as-of is not the 1st: not over yet. */
  readonly partial: boolean;
}
