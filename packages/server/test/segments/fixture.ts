import { DAY_MS, kstDayStart, toKstDay } from '@dalbit/core/time/kst';
import type { Engine } from '../../src/engines/engine.ts';

/** The pinned "now" of every segment test: 2025-06-15 12:00 in Seoul. */
export const AS_OF = new Date('2025-06-15T03:00:00.000Z');
const TODAY = toKstDay(AS_OF);
/** An instant `days` Seoul calendar days before AS_OF's day, at `hour`:00 KST. */
export const ago = (days: number, hour = 12): Date => new Date(kstDayStart(TODAY - days).getTime() + hour * 3_600_000);
export const HOSTILE = `x'); DROP TABLE customers; -- \`"\\`;

type Row = Record<string, unknown>;
const T0 = ago(900);

const customer = (id: string, r: Row = {}): Row => ({ customer_id: id, created_at: T0, updated_at: T0, ...r });
let orderSeq = 0;
const order = (customer_id: string, when: Date, r: Row = {}): Row => {
  const paid = (r.paid_amount as number | undefined) ?? 30_000;
  const discount = (r.discount_amount as number | undefined) ?? 0;
  return {
    order_id: `o${++orderSeq}`,
    channel: 'cafe24',
    customer_id,
    ordered_at: when,
    status: 'paid',
    gross_amount: paid + discount,
    discount_amount: discount,
    paid_amount: paid,
    source: 'test',
    ...r,
  };
};
let eventSeq = 0;
const event = (customer_id: string, type: string, when: Date, r: Row = {}): Row => ({
  event_id: `e${++eventSeq}`,
  customer_id,
  type,
  occurred_at: when,
  source: 'test',
  ...r,
});
let consentSeq = 0;
const consent = (customer_id: string, channel: string, purpose: string, granted: boolean, at: Date): Row => ({
  consent_id: `k${++consentSeq}`,
  customer_id,
  origin_customer_id: customer_id,
  channel,
  purpose,
  granted,
  at,
  source: 'test',
});
const member = (customer_id: string, channel: string, joined: Date | null): Row => ({
  customer_id,
  origin_customer_id: customer_id,
  channel,
  member_id: joined ? `${channel}:${customer_id}` : null,
  joined_at: joined,
  first_seen_at: joined ?? T0,
});

/** Twelve customers; each test names who should match and why (see the comments). */
export const FIXTURE: Record<string, Row[]> = {
  customers: [
    // c01: solar birthday 06-20, cafe24 member since 2023-06-18, one order 100 days ago, sms+kakao ad consent.
    customer('c01', {
      name: '홍길동',
      phone: '+821012345678',
      email: 'hong123@naver.com',
      gender: 'F',
      grade: 'VIP',
      birth_year: 1990,
      birthday_md: '06-20',
      birthday_lunar: false,
      attributes: '{"skin":"dry","points":1200}',
    }),
    // c02: lunar birthday 05-22 (= 2025-06-17 solar), smartstore only (marketplace-only), three purchases + one cancel.
    customer('c02', {
      name: '김철수',
      phone: '+821022223333',
      gender: 'M',
      grade: 'GOLD',
      birth_year: 1985,
      birthday_md: '05-22',
      birthday_lunar: true,
      attributes: '{"skin":"oily","points":300}',
    }),
    // c03: 24 years old, email only, cafe24 sign-up 10 days ago, abandoned cart, viewed P1 four times.
    customer('c03', {
      name: '이영희',
      email: 'lee@example.com',
      gender: 'F',
      birth_year: 2001,
      birthday_md: '05-22',
      birthday_lunar: false,
    }),
    // c04: no gender, offline store buyer, cart followed by a purchase, kakao ad + night consent.
    customer('c04', { name: '박민수', phone: '+821044445555', birth_year: 1978 }),
    // c05: the big spender: five orders (two returned), three coupons, warranty exactly two years ago.
    customer('c05', {
      name: '최지우',
      phone: '+821055556666',
      email: 'choi@example.com',
      gender: 'F',
      grade: 'VIP',
      birth_year: 1995,
    }),
    // c06: no orders, warranty registered 7 days ago, member of no channel.
    customer('c06', { name: '정우성', gender: 'M', birth_year: 1973 }),
    // c07: added to cart yesterday (too recent to count as abandoned).
    customer('c07', { name: '강하늘', phone: '+821077778888', gender: 'M', birth_year: 1990 }),
    // c08: smartstore ×3 then cafe24: channel switcher, RFM champion, related product P2.
    customer('c08', {
      name: '윤아',
      phone: '+821088889999',
      email: 'yoona@example.com',
      gender: 'F',
      grade: 'GOLD',
      birth_year: 1990,
    }),
    // c09: hostile strings everywhere.
    customer('c09', {
      name: HOSTILE,
      email: `${HOSTILE}@x.com`,
      gender: 'F',
      grade: HOSTILE,
      birth_year: 2000,
      attributes: JSON.stringify({ skin: HOSTILE }),
    }),
    // c10: viewed P1 seven times (too many for 3–5), searched 선크림.
    customer('c10', { name: '한가인', gender: 'F', birth_year: 1982 }),
    // c11: only an order after AS_OF (must not count).
    customer('c11', { name: '송중기', gender: 'M', birth_year: 1985 }),
    // c12: became a Kakao channel friend 2 days ago.
    customer('c12', { name: '배수지', phone: '+821012121212', gender: 'F', birth_year: 1994 }),
  ],
  customer_channels: [
    member('c01', 'cafe24', new Date('2023-06-18T01:00:00Z')),
    member('c02', 'smartstore', null),
    member('c03', 'cafe24', ago(10)),
    member('c04', 'offline', null),
    member('c05', 'cafe24', ago(800)),
    member('c05', 'kakao', ago(700)),
    member('c08', 'smartstore', null),
    member('c08', 'cafe24', ago(40)),
    member('c12', 'kakao', ago(2)),
  ],
  orders: [
    order('c01', ago(100), { paid_amount: 50_000, discount_amount: 10_000, coupon_code: 'WELCOME' }),
    order('c02', ago(200), { channel: 'smartstore', paid_amount: 20_000 }),
    order('c02', ago(150), { channel: 'smartstore', paid_amount: 20_000 }),
    order('c02', ago(10), { channel: 'smartstore', paid_amount: 20_000 }),
    order('c02', ago(9), { channel: 'smartstore', status: 'cancelled', paid_amount: 20_000 }),
    order('c04', ago(20), { channel: 'offline', store: 'gangnam', paid_amount: 40_000, discount_amount: 20_000 }),
    order('c04', ago(5), { channel: 'offline', store: 'gangnam', paid_amount: 15_000 }),
    order('c05', ago(300), { paid_amount: 200_000, coupon_code: 'A' }),
    order('c05', ago(200), { paid_amount: 300_000, coupon_code: 'B', status: 'returned' }),
    order('c05', ago(60), { paid_amount: 250_000, coupon_code: 'C' }),
    order('c05', ago(25), { paid_amount: 150_000, coupon_code: '' }),
    order('c05', ago(3), { paid_amount: 100_000, status: 'returned', coupon_code: 'D' }),
    order('c08', ago(120), { channel: 'smartstore', paid_amount: 30_000 }),
    order('c08', ago(90), { channel: 'smartstore', paid_amount: 30_000 }),
    order('c08', ago(60), { channel: 'smartstore', paid_amount: 30_000 }),
    order('c08', ago(30), { channel: 'cafe24', paid_amount: 60_000, discount_amount: 6_000 }),
    order('c09', ago(45), { paid_amount: 10_000 }),
    order('c11', new Date(AS_OF.getTime() + 2 * DAY_MS), { paid_amount: 99_000 }),
  ],
  order_items: [],
  events: [
    event('c03', 'add_to_cart', ago(5), { product_id: 'P1' }),
    ...[6, 5, 3, 1].map((d) => event('c03', 'product_view', ago(d), { product_id: 'P1' })),
    event('c04', 'add_to_cart', ago(6, 10), { product_id: 'P3' }),
    event('c07', 'add_to_cart', ago(1), { product_id: 'P1' }),
    ...[6, 6, 5, 4, 3, 2, 1].map((d) => event('c10', 'product_view', ago(d), { product_id: 'P1' })),
    event('c10', 'search', ago(2), { properties: '{"query":"선크림","results":12}' }),
    event('c09', 'search', ago(2), { properties: JSON.stringify({ query: HOSTILE, results: 0 }) }),
    event('c12', 'channel_added', ago(2), { properties: '{"channel":"kakao"}' }),
    event('c08', 'product_view', ago(40), { product_id: 'P2' }),
    event(null as unknown as string, 'product_view', ago(1), { anonymous_id: 'anon-1', product_id: 'P1' }),
  ],
  consents: [
    consent('c01', 'sms', 'ad', true, ago(400)),
    consent('c01', 'kakao', 'ad', true, ago(400)),
    consent('c02', 'sms', 'ad', true, ago(300)),
    consent('c03', 'email', 'ad', true, ago(50)),
    consent('c03', 'email', 'ad', false, ago(20)),
    consent('c04', 'kakao', 'ad', true, ago(100)),
    consent('c04', 'kakao', 'night_ad', true, ago(100)),
    consent('c05', 'sms', 'ad', false, ago(500)),
    consent('c05', 'sms', 'ad', true, ago(30)),
    consent('c05', 'email', 'ad', true, ago(30)),
    consent('c07', 'sms', 'ad', true, new Date(AS_OF.getTime() + DAY_MS)),
  ],
  warranties: [
    {
      registration_id: 'w1',
      customer_id: 'c05',
      origin_customer_id: 'c05',
      product_id: 'P9',
      registered_at: ago(731, 15),
      channel: 'cafe24',
    },
    {
      registration_id: 'w2',
      customer_id: 'c06',
      origin_customer_id: 'c06',
      product_id: 'P9',
      registered_at: ago(7),
      channel: 'offline',
    },
  ],
  rfm_scores: [
    {
      customer_id: 'c08',
      as_of: AS_OF,
      recency_days: 30,
      frequency: 4,
      monetary: 150_000,
      r_score: 5,
      f_score: 5,
      m_score: 4,
      segment: 'champions',
    },
    {
      customer_id: 'c05',
      as_of: AS_OF,
      recency_days: 3,
      frequency: 5,
      monetary: 1_000_000,
      r_score: 5,
      f_score: 5,
      m_score: 5,
      segment: 'champions',
    },
    {
      customer_id: 'c01',
      as_of: AS_OF,
      recency_days: 100,
      frequency: 1,
      monetary: 50_000,
      r_score: 2,
      f_score: 1,
      m_score: 2,
      segment: 'hibernating',
    },
  ],
  clv_scores: [
    // c02: marketplace-only, likely to buy again (the marketplace → own shop audience).
    {
      customer_id: 'c02',
      as_of: AS_OF,
      p_alive: 0.7,
      expected_purchases_30d: 0.3,
      expected_purchases_90d: 0.9,
      expected_spend: 20_000,
      clv_1y: 60_000,
    },
    {
      customer_id: 'c08',
      as_of: AS_OF,
      p_alive: 0.92,
      expected_purchases_30d: 0.8,
      expected_purchases_90d: 2.1,
      expected_spend: 40_000,
      clv_1y: 300_000,
    },
    {
      customer_id: 'c01',
      as_of: AS_OF,
      p_alive: 0.35,
      expected_purchases_30d: 0.05,
      expected_purchases_90d: 0.2,
      expected_spend: 50_000,
      clv_1y: 20_000,
    },
  ],
  related_products: [
    { customer_id: 'c08', as_of: AS_OF, rank: 1, product_id: 'P2', score: 2.5 },
    { customer_id: 'c01', as_of: AS_OF, rank: 1, product_id: 'P7', score: 1.2 },
  ],
  customer_traits: [
    {
      customer_id: 'c08',
      as_of: AS_OF,
      first_channel: 'smartstore',
      current_channel: 'cafe24',
      migrated_at: ago(30),
      cancel_rate: 0,
      return_rate: 0,
    },
    {
      customer_id: 'c05',
      as_of: AS_OF,
      first_channel: 'cafe24',
      current_channel: 'cafe24',
      cancel_rate: 0,
      return_rate: 0.4,
    },
  ],
  segment_memberships: [
    { segment_id: 'seg-a', customer_id: 'c01', entered_at: ago(30), exited_at: null, version: 1 },
    { segment_id: 'seg-a', customer_id: 'c02', entered_at: ago(30), exited_at: null, version: 1 },
    { segment_id: 'seg-a', customer_id: 'c02', entered_at: ago(30), exited_at: ago(10), version: 1 },
    { segment_id: 'seg-a', customer_id: 'c04', entered_at: ago(5), exited_at: null, version: 1 },
  ],
};

/** Order lines: one per order, product by customer (P1 for c03's nothing, P2 for c08's last). */
FIXTURE.order_items = (FIXTURE.orders ?? []).map((o, i) => ({
  line_id: `${String(o.order_id)}-1`,
  order_id: o.order_id,
  customer_id: o.customer_id,
  channel: o.channel,
  ordered_at: o.ordered_at,
  status: o.status,
  product_id:
    o.customer_id === 'c04' && i === 6 ? 'P3' : o.customer_id === 'c08' && o.channel === 'cafe24' ? 'P2' : 'P5',
  category: o.customer_id === 'c05' ? '스킨케어' : '메이크업',
  quantity: 1,
  line_amount: o.paid_amount,
  discount_amount: o.discount_amount,
}));

export const ALL_IDS = (FIXTURE.customers ?? []).map((c) => String(c.customer_id));

/** Inserts the fixture with `engine.insert` (columns taken from each row). */
export async function loadFixture(engine: Engine): Promise<void> {
  for (const [table, rows] of Object.entries(FIXTURE)) {
    if (!rows.length) continue;
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    await engine.insert(
      table,
      columns,
      rows.map((r) => columns.map((c) => r[c] ?? null)),
    );
  }
}
