import { createRng, hashInts, type Rng } from '../math/random/prng.ts';
import { DAY_MS, formatKstDate, formatKstIso, KST_OFFSET_MS, toKstDay } from '../time/kst.ts';
import { CATALOG, CATALOG_POPULARITY_CUMULATIVE, type DemoProduct } from './catalog.ts';
import { typePhone } from './contact-format.ts';
import { type DemoContext, sampleInstant, sampleSeasonalDay } from './demo-context.ts';
import type { DemoPerson } from './demo-model.ts';

/** One line of the tracker's JSONL export; undefined fields are left out of the JSON. */
export interface DemoEvent {
  event_id: string;
  type: 'page_view' | 'product_view' | 'add_to_cart' | 'search' | 'signup' | 'warranty_issued' | 'channel_added';
  occurred_at: string;
  anonymous_id: string;
  member_id: string | undefined;
  channel: string | undefined;
  phone: string | undefined;
  product_id: string | undefined;
  properties: Record<string, string | number> | undefined;
  utm_source: string | undefined;
  utm_medium: string | undefined;
  utm_campaign: string | undefined;
}

/** An event before it gets its id; `occurred_at` holds the epoch ms until then. */
interface Draft {
  at: number;
  event: DemoEvent;
}

type Utm = readonly [string | undefined, string | undefined, string | undefined];

function draft(
  at: number,
  type: DemoEvent['type'],
  anon: string,
  member: string | undefined,
  extra: {
    channel?: string;
    phone?: string;
    product?: string;
    properties?: Record<string, string | number>;
    utm?: Utm;
  },
): Draft {
  const utm = extra.utm;
  return {
    at,
    event: {
      event_id: '',
      type,
      occurred_at: '',
      anonymous_id: anon,
      member_id: member,
      channel: extra.channel,
      phone: extra.phone,
      product_id: extra.product,
      properties: extra.properties,
      utm_source: utm?.[0],
      utm_medium: utm?.[1],
      utm_campaign: utm?.[2],
    },
  };
}

const QUERIES = [
  '수분크림',
  '선크림 추천',
  '쿠션 21호',
  '달빛 세럼',
  '틴트',
  '향수 선물',
  '바디로션',
  '탈모 샴푸',
  '토너패드',
  '선물세트',
  '진정 크림',
  '립 오일',
  '민감성 토너',
];
const PAGES = ['/', '/category/skincare', '/category/makeup', '/event', '/best', '/new'];
const UTM_WEIGHTS = [20, 10, 15, 12, 8, 5, 30];

function pickUtm(rng: Rng, ctx: DemoContext, day: number): Utm | undefined {
  const promo = ctx.seasonality.promotion(day);
  switch (rng.weighted(UTM_WEIGHTS)) {
    case 0:
      return ['naver', 'cpc', 'brand_keyword'];
    case 1:
      return ['naver', 'shopping', 'naver_shopping'];
    case 2:
      return ['instagram', 'social', promo ? `ig_${promo.code.toLowerCase()}` : 'ig_reels'];
    case 3:
      return [
        'kakao',
        'message',
        promo ? `kakao_${promo.code.toLowerCase()}` : `kakao_weekly_${formatKstDate(day * DAY_MS).slice(0, 7)}`,
      ];
    case 4:
      return ['google', 'cpc', 'generic_cosmetics'];
    case 5:
      return ['google', 'organic', undefined];
    default:
      return undefined;
  }
}

function session(
  rng: Rng,
  ctx: DemoContext,
  out: Draft[],
  p: {
    start: number;
    anon: string;
    member: string | undefined;
    products: readonly DemoProduct[];
    cart: readonly DemoProduct[];
    search: boolean;
  },
): void {
  let t = p.start;
  const utm = pickUtm(rng, ctx, toKstDay(t));
  out.push(
    draft(
      t,
      'page_view',
      p.anon,
      p.member,
      utm
        ? { channel: 'cafe24', properties: { path: rng.pick(PAGES) }, utm }
        : { channel: 'cafe24', properties: { path: rng.pick(PAGES) } },
    ),
  );
  if (p.search) {
    t += rng.int(8, 180) * 1000;
    out.push(draft(t, 'search', p.anon, p.member, { channel: 'cafe24', properties: { query: rng.pick(QUERIES) } }));
  }
  for (const prod of p.products) {
    t += rng.int(8, 180) * 1000;
    out.push(
      draft(t, 'product_view', p.anon, p.member, {
        channel: 'cafe24',
        product: prod.code,
        properties: { path: `/product/${prod.code}` },
      }),
    );
  }
  for (const prod of p.cart) {
    t += rng.int(8, 180) * 1000;
    out.push(
      draft(t, 'add_to_cart', p.anon, p.member, {
        channel: 'cafe24',
        product: prod.code,
        properties: { price: prod.price, quantity: 1 },
      }),
    );
  }
}

function memberAt(person: DemoPerson, at: number, rng: Rng): string | undefined {
  const m = person.cafe24;
  return m && at >= m.joinedAt && rng.chance(0.75) ? m.memberId : undefined;
}

/** Mean events of a person from browsing alone, before scaling; measured on seed 7 (fixed). */
const FIXED_EVENTS_ESTIMATE = 3;

/** The person's behavioural events (and an anonymous look-alike visitor), or none when eventsPerCustomer = 0. */
export function generateEvents(ctx: DemoContext, person: DemoPerson): DemoEvent[] {
  const mean = ctx.params.eventsPerCustomer;
  if (mean <= 0) return [];
  const rng = createRng(ctx.params.seed, 0x65766e74, person.index);
  const ownOrders = person.orders.filter((o) => o.channel === 'cafe24');
  const online =
    person.cafe24 !== undefined || ownOrders.length > 0 || rng.chance(person.acquisition === 'gift' ? 0.5 : 0.3);
  const drafts: Draft[] = [];
  const anon = (): string => rng.pick(person.devices);
  const device = person.devices[0] ?? '';
  if (online) {
    for (const o of ownOrders) {
      const products = o.lines.map((l) => l.product);
      const extra = rng.chance(0.4)
        ? [CATALOG[rng.weightedCumulative(CATALOG_POPULARITY_CUMULATIVE)] as DemoProduct]
        : [];
      session(rng, ctx, drafts, {
        start: o.at - rng.int(5, 40) * 60_000,
        anon: anon(),
        member: o.member ? person.cafe24?.memberId : undefined,
        products: [...extra, ...products],
        cart: products,
        search: rng.chance(0.3),
      });
    }
    const browse = rng.poisson(Math.max(0, mean - FIXED_EVENTS_ESTIMATE) / 3.2);
    const from = Math.max(ctx.firstDay, toKstDay(person.firstSeenAt) - 30);
    for (let s = 0; s < browse; s++) {
      const start = sampleInstant(rng, sampleSeasonalDay(rng, ctx, from, ctx.lastDay), 'online');
      const views = Array.from(
        { length: rng.int(1, 4) },
        () => CATALOG[rng.weightedCumulative(CATALOG_POPULARITY_CUMULATIVE)] as DemoProduct,
      );
      const cart = rng.chance(0.18) ? [views[0] as DemoProduct] : [];
      session(rng, ctx, drafts, {
        start,
        anon: anon(),
        member: memberAt(person, start, rng),
        products: views,
        cart,
        search: rng.chance(0.25),
      });
    }
    if (rng.chance(0.08)) {
      const bought = new Set(person.orders.flatMap((o) => o.lines.map((l) => l.product.code)));
      const target =
        CATALOG.find((p, i) => !bought.has(p.code) && i % 7 === person.index % 7) ?? (CATALOG[0] as DemoProduct);
      const day = sampleSeasonalDay(rng, ctx, from, ctx.lastDay - 7);
      const times = rng.int(3, 5);
      for (let k = 0; k < times; k++) {
        const start = sampleInstant(rng, Math.min(ctx.lastDay, day + rng.int(0, 6)), 'online');
        session(rng, ctx, drafts, {
          start,
          anon: anon(),
          member: memberAt(person, start, rng),
          products: [target],
          cart: [],
          search: false,
        });
      }
    }
  }
  if (person.cafe24) {
    drafts.push(
      draft(person.cafe24.joinedAt, 'signup', device, person.cafe24.memberId, {
        channel: 'cafe24',
        properties: { method: person.cafe24.signupMethod },
      }),
    );
  }
  const k = person.kakao;
  if (k && (k.route === '카카오 채널' || k.route === '카카오싱크' || rng.chance(0.5))) {
    drafts.push(
      draft(k.at, 'channel_added', device, undefined, {
        channel: 'kakao',
        phone: typePhone(person.phone, 'dash'),
        properties: { kakao_channel: '달빛 코스메틱', route: k.route },
      }),
    );
  }
  for (const w of person.warranties) {
    drafts.push(
      draft(w.at, 'warranty_issued', device, undefined, {
        channel: 'warranty',
        phone: typePhone(person.phone, 'dash'),
        product: w.product.code,
      }),
    );
  }
  drafts.sort((a, b) => a.at - b.at);
  const end = ctx.exportedAt - KST_OFFSET_MS;
  const prefix = `evt_${ctx.params.seed.toString(36)}_${person.index.toString(36)}_`;
  const events: DemoEvent[] = [];
  for (const d of drafts) {
    if (d.at >= end || d.at < ctx.firstDay * DAY_MS - KST_OFFSET_MS) continue;
    d.event.event_id = `${prefix}${events.length.toString(36)}`;
    d.event.occurred_at = formatKstIso(d.at);
    events.push(d.event);
  }
  return events;
}

/** Anonymous id of a look-alike visitor who never logs in (for `index` of the visitor). */
export function generateAnonymousVisitor(ctx: DemoContext, index: number): DemoEvent[] {
  const mean = ctx.params.eventsPerCustomer;
  if (mean <= 0) return [];
  const rng = createRng(ctx.params.seed, 0x616e6f6e, index);
  const h = hashInts(ctx.params.seed, index, 0x76697369);
  const anon = `${h.toString(16).padStart(8, '0')}-0000-4000-b000-${index.toString(16).padStart(12, '0')}`;
  const drafts: Draft[] = [];
  const sessions = 1 + rng.poisson(0.6);
  for (let s = 0; s < sessions; s++) {
    const start = sampleInstant(rng, sampleSeasonalDay(rng, ctx, ctx.firstDay, ctx.lastDay), 'online');
    const views = Array.from(
      { length: rng.int(1, 3) },
      () => CATALOG[rng.weightedCumulative(CATALOG_POPULARITY_CUMULATIVE)] as DemoProduct,
    );
    session(rng, ctx, drafts, {
      start,
      anon,
      member: undefined,
      products: views,
      cart: rng.chance(0.1) ? views.slice(0, 1) : [],
      search: rng.chance(0.2),
    });
  }
  drafts.sort((a, b) => a.at - b.at);
  const prefix = `evt_${ctx.params.seed.toString(36)}_anon_${index.toString(36)}_`;
  return drafts.map((d, i) => {
    d.event.event_id = `${prefix}${i.toString(36)}`;
    d.event.occurred_at = formatKstIso(d.at);
    return d.event;
  });
}
