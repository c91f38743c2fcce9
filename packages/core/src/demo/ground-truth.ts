import type { DemoFileId } from './demo-files.ts';
import type { DemoOrder, DemoPerson, SalesChannel } from './demo-model.ts';

export interface ChannelTotals {
  orders: number;
  /** Orders with at least one line still paid or exchanged (a sale; see docs/metrics.md). */
  keptOrders: number;
  lines: number;
  units: number;
  /** Σ price × quantity. */
  gross: number;
  discount: number;
  /** Σ amount paid over all lines, whatever their status. */
  paid: number;
  /** Σ amount paid over lines still paid or exchanged (not cancelled, not returned). */
  netRevenue: number;
  cancelledLines: number;
  returnedLines: number;
  exchangedLines: number;
}

/** What the generator knows is in the files: importers and analytics are checked against it. */
export interface DemoGroundTruth {
  rows: Record<DemoFileId, number>;
  channels: Record<SalesChannel, ChannelTotals>;
  people: {
    total: number;
    buyers: number;
    oneOrderBuyers: number;
    cafe24Members: number;
    kakaoSignups: number;
    withBirthday: number;
    lunarBirthdays: number;
    discountSensitive: number;
    /** First order on a marketplace, a later one on the own shop. */
    migratedToOwnShop: number;
    marketplaceFirstRepeatBuyers: number;
    returners: number;
    cancellers: number;
    /** People who appear in no file at all (e.g. a member-less store walk-in who gave nothing). */
    invisible: number;
  };
  /** Orders whose buyer carries no mergeable key (050 number only, or an anonymous till sale). */
  unidentifiedOrders: { coupangVirtualOnly: number; posAnonymous: number };
  warranties: number;
  events: number;
  anonymousVisitors: number;
}

const emptyTotals = (): ChannelTotals => ({
  orders: 0,
  keptOrders: 0,
  lines: 0,
  units: 0,
  gross: 0,
  discount: 0,
  paid: 0,
  netRevenue: 0,
  cancelledLines: 0,
  returnedLines: 0,
  exchangedLines: 0,
});

export function createGroundTruth(): DemoGroundTruth {
  const channels = {
    cafe24: emptyTotals(),
    smartstore: emptyTotals(),
    musinsa: emptyTotals(),
    '29cm': emptyTotals(),
    coupang: emptyTotals(),
    offline: emptyTotals(),
    popup: emptyTotals(),
  };
  return {
    rows: {
      products: 0,
      cafe24_customers: 0,
      customers: 0,
      cafe24_orders: 0,
      smartstore_orders: 0,
      orders: 0,
      coupang_orders: 0,
      pos_sales: 0,
      warranties: 0,
      events: 0,
    },
    channels,
    people: {
      total: 0,
      buyers: 0,
      oneOrderBuyers: 0,
      cafe24Members: 0,
      kakaoSignups: 0,
      withBirthday: 0,
      lunarBirthdays: 0,
      discountSensitive: 0,
      migratedToOwnShop: 0,
      marketplaceFirstRepeatBuyers: 0,
      returners: 0,
      cancellers: 0,
      invisible: 0,
    },
    unidentifiedOrders: { coupangVirtualOnly: 0, posAnonymous: 0 },
    warranties: 0,
    events: 0,
    anonymousVisitors: 0,
  };
}

const MARKETPLACES = new Set<string>(['smartstore', 'musinsa', '29cm', 'coupang']);

export function countOrder(truth: DemoGroundTruth, order: DemoOrder): void {
  const t = truth.channels[order.channel];
  t.orders++;
  if (order.lines.some((l) => l.status === 'paid' || l.status === 'exchanged')) t.keptOrders++;
  for (const l of order.lines) {
    const gross = l.product.price * l.quantity;
    t.lines++;
    t.units += l.quantity;
    t.gross += gross;
    t.discount += l.discount;
    t.paid += gross - l.discount;
    if (l.status === 'paid' || l.status === 'exchanged') t.netRevenue += gross - l.discount;
    if (l.status === 'cancelled') t.cancelledLines++;
    if (l.status === 'returned') t.returnedLines++;
    if (l.status === 'exchanged') t.exchangedLines++;
  }
}

export function countPerson(truth: DemoGroundTruth, p: DemoPerson): void {
  const g = truth.people;
  g.total++;
  if (p.orders.length > 0) g.buyers++;
  if (p.orders.length === 1) g.oneOrderBuyers++;
  if (p.cafe24) g.cafe24Members++;
  if (p.kakao) g.kakaoSignups++;
  const birthdayKnown = (p.cafe24?.givesBirthday ?? false) || p.kakao !== undefined;
  if (birthdayKnown) g.withBirthday++;
  if (birthdayKnown && p.birth.lunar) g.lunarBirthdays++;
  if (p.traits.discountSensitive) g.discountSensitive++;
  if (p.traits.returner) g.returners++;
  if (p.traits.canceller) g.cancellers++;
  const first = p.orders[0];
  if (first && MARKETPLACES.has(first.channel) && p.orders.length > 1) {
    g.marketplaceFirstRepeatBuyers++;
    if (p.orders.some((o) => o.channel === 'cafe24')) g.migratedToOwnShop++;
  }
}
