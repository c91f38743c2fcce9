import type { AudienceReport, ChannelMix, Reachability } from '@dalbit/core/analytics/report/audience-report';
import { type ItemCount, indexItems } from '@dalbit/core/analytics/report/index-items';
import { bucketRecency } from '@dalbit/core/analytics/report/recency-buckets';
import { sessionize } from '@dalbit/core/analytics/report/sessionize';
import { fillTrend, trendStart } from '@dalbit/core/analytics/report/trend-months';
import { DAY_MS, toKstDay } from '@dalbit/core/time/kst';
import type { Engine } from '../../engines/engine.ts';
import {
  loadAdConsent,
  loadBuyers,
  loadChannels,
  loadItems,
  loadMonthly,
  loadSize,
  loadViews,
  REACH_CHANNELS,
} from './load-audience-facts.ts';
import type { MemberSet } from './member-set.ts';

export interface ReportOptions {
  readonly asOf: Date;
  readonly top?: number;
  readonly visitWindowDays?: number;
  readonly trendMonths?: number;
}

/** What the base contributes to every report: its size, revenue and item penetration. */
export interface BaseFacts {
  readonly size: number;
  readonly buyers: number;
  readonly revenue: number;
  readonly categories: readonly ItemCount[];
  readonly products: readonly ItemCount[];
}

export async function loadBaseFacts(engine: Engine, asOf: Date): Promise<BaseFacts> {
  const all: MemberSet = { kind: 'all' };
  const buyers = await loadBuyers(engine, all, asOf);
  return {
    size: (await loadSize(engine, all)).size,
    buyers: buyers.length,
    revenue: buyers.reduce((s, b) => s + b.revenue, 0),
    categories: await loadItems(engine, all, asOf, 'category'),
    products: await loadItems(engine, all, asOf, 'product'),
  };
}

/**
 * The audience report of a member set (see AudienceReport). Aggregation runs in SQL on the
 * engine; sessions (30-minute rule) and recency buckets are computed in core from compact rows.
 * @example await buildAudienceReport(engine, { kind: 'all' }, { name: '전체 고객', asOf })
 */
export async function buildAudienceReport(
  engine: Engine,
  members: MemberSet,
  options: ReportOptions & { name: string; base?: BaseFacts },
): Promise<AudienceReport> {
  const { asOf } = options;
  const top = options.top ?? 5;
  const base = options.base ?? (await loadBaseFacts(engine, asOf));
  const size = await loadSize(engine, members);
  const buyers = await loadBuyers(engine, members, asOf);
  const orders = buyers.reduce((s, b) => s + b.orders, 0);
  const revenue = buyers.reduce((s, b) => s + b.revenue, 0);
  const asOfDay = toKstDay(asOf);
  const channels = await loadChannels(engine, members, asOf);
  const consent = new Map((await loadAdConsent(engine, members, asOf)).map((c) => [c.channel, c]));
  const windowDays = options.visitWindowDays ?? 90;
  const months = options.trendMonths ?? 12;
  const contactOf = { sms: size.phones, kakao: size.phones, email: size.emails, push: null } as const;
  return {
    name: options.name,
    asOf,
    size: size.size,
    baseSize: base.size,
    share: base.size === 0 ? 0 : size.size / base.size,
    buyers: buyers.length,
    orders,
    revenue,
    revenueShare: base.revenue === 0 ? 0 : revenue / base.revenue,
    aov: orders === 0 ? null : revenue / orders,
    frequency: buyers.length === 0 ? null : orders / buyers.length,
    recency: bucketRecency(
      buyers.map((b) => asOfDay - toKstDay(b.lastAt)),
      size.size,
    ),
    topCategories: indexItems({
      items: await loadItems(engine, members, asOf, 'category'),
      buyers: buyers.length,
      baseItems: base.categories,
      baseBuyers: base.buyers,
      top,
    }),
    topProducts: indexItems({
      items: await loadItems(engine, members, asOf, 'product'),
      buyers: buyers.length,
      baseItems: base.products,
      baseBuyers: base.buyers,
      top,
    }),
    channels: channels
      .map((c): ChannelMix => ({ ...c, revenueShare: revenue === 0 ? 0 : c.revenue / revenue }))
      .sort((a, b) => b.revenue - a.revenue || (a.channel < b.channel ? -1 : 1)),
    reach: REACH_CHANNELS.map((channel): Reachability => {
      const c = consent.get(channel);
      const reachable = c?.reachable ?? 0;
      return {
        channel,
        contactable: contactOf[channel] ?? c?.consented ?? 0,
        consented: c?.consented ?? 0,
        reachable,
        reachableShare: size.size === 0 ? 0 : reachable / size.size,
      };
    }),
    visits: sessionize(
      await loadViews(engine, members, new Date(asOf.getTime() - windowDays * DAY_MS), asOf),
      windowDays,
    ),
    trend: fillTrend(asOf, months, await loadMonthly(engine, members, trendStart(asOf, months), asOf)),
  };
}
