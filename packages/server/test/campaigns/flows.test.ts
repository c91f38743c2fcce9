import { afterEach, describe, expect, it } from 'vitest';
import { findCampaignOrThrow } from '../../src/campaigns/campaign-store.ts';
import { matchRedemptions } from '../../src/campaigns/match-redemptions.ts';
import { previewCampaign } from '../../src/campaigns/preview-campaign.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import { simulateCampaign } from '../../src/campaigns/simulate-campaign.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { insertRows } from '../support/insert-rows.ts';
import {
  addCampaign,
  consent,
  customer,
  event,
  kst,
  member,
  openFixture,
  order,
  POLICY,
  SECRET,
  SMS_SENDER,
} from './fixture.ts';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const TABLES = ['messages', 'message_events', 'campaign_exposures', 'campaign_journeys', 'coupons', 'scheduler_runs'];
const counts = async (e: Engine) =>
  Object.fromEntries(
    await Promise.all(
      TABLES.map(async (t) => [t, Number((await e.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0]?.n)]),
    ),
  );

async function cartFixture(): Promise<Engine> {
  const t = kst('2025-06-01', '14:00');
  return openFixture({
    customers: [customer('c1'), customer('c2'), customer('c3'), customer('c4', { phone: null })],
    consents: [
      consent('c1', 'sms', 'ad'),
      consent('c2', 'sms', 'ad'),
      consent('c4', 'sms', 'ad'),
      consent('c3', 'sms', 'ad', true, new Date('2024-01-01T00:00:00Z'), 'smartstore'),
    ],
    customer_channels: [member('c1'), member('c2'), member('c3', 'smartstore', null), member('c4')],
    events: [
      event('c1', 'add_to_cart', t, { product_id: 'P1' }),
      event('c2', 'add_to_cart', t, { product_id: 'P1' }),
      event('c3', 'add_to_cart', new Date(t.getTime() + 3_600_000), { product_id: 'P1' }),
      event('c4', 'add_to_cart', t, { product_id: 'P1' }),
      event('c1', 'product_view', new Date(t.getTime() - 60_000), { product_id: 'P1' }),
    ],
    orders: [order('c2', new Date(t.getTime() + 86_400_000))],
    products: [{ product_id: 'P1', name: '수분크림', price: 25_000 }],
  });
}

const CART = {
  id: 'cart',
  name: '장바구니 이탈',
  purpose: 'ad' as const,
  trigger: {
    kind: 'event' as const,
    event: { type: 'add_to_cart' },
    delayHours: 72,
    exitIf: [{ kind: 'order' as const }],
  },
  channel: 'sms' as const,
  templates: [{ channel: 'sms' as const, text: '{{ name }}님, {{ last_viewed_product.name }} 아직 장바구니에 있어요' }],
  sender: SMS_SENDER,
};

describe('simulate, preview, redemptions, scenarios', () => {
  it('simulate lists who would get what and who is blocked and why, and writes nothing', async () => {
    engine = await cartFixture();
    await addCampaign(engine, CART);
    const before = await counts(engine);
    const sim = await simulateCampaign(engine, {
      campaignId: 'cart',
      from: '2025-06-01',
      to: '2025-06-10',
      policy: POLICY,
      couponSecret: SECRET,
    });
    expect(await counts(engine)).toEqual(before);
    const all = sim.days.flatMap((d) => d.decisions.map((x) => ({ date: d.date, ...x })));
    expect(all.map((d) => [d.date, d.customerId, d.outcome, d.reason ?? null])).toEqual([
      ['2025-06-04', 'c1', 'queued', null],
      ['2025-06-04', 'c4', 'blocked', 'UNREACHABLE'],
      ['2025-06-04', 'c3', 'blocked', 'MARKETPLACE_ONLY'],
    ]);
    const c1 = all[0];
    expect(c1?.message && 'text' in c1.message ? c1.message.text : '').toContain(
      '고객c1님, 수분크림 아직 장바구니에 있어요',
    );
    expect(sim.totals).toMatchObject({
      touches: 3,
      queued: 1,
      blocked: 2,
      blockedBy: { MARKETPLACE_ONLY: 1, UNREACHABLE: 1 },
    });
    // The real scheduler on the same day agrees with the simulation.
    await runScheduler(engine, { now: kst('2025-06-05', '00:00'), policy: POLICY, couponSecret: SECRET });
    const real = await engine.query<{ customer_id: string; status: string; reason: string | null }>(
      'SELECT customer_id, status, reason FROM messages ORDER BY customer_id',
    );
    expect(real.map((r) => [r.customer_id, r.status, r.reason])).toEqual(
      all.map((d) => [d.customerId, d.outcome, d.reason ?? null]).sort(),
    );
  });

  it('preview renders per channel with the guard decision and reasons, writing nothing', async () => {
    engine = await cartFixture();
    await addCampaign(engine, {
      ...CART,
      channel: 'kakao_brand',
      fallbackToSms: true,
      sender: { ...SMS_SENDER, kakaoSenderKey: 'PF-1' },
      templates: [...CART.templates, { channel: 'kakao_brand', text: '{{ name }}님 장바구니 알림' }],
    });
    const { campaign } = await findCampaignOrThrow(engine, 'cart');
    const before = await counts(engine);
    const day = await previewCampaign(engine, {
      campaign,
      customerId: 'c1',
      at: kst('2025-06-04', '14:00'),
      policy: POLICY,
      couponSecret: SECRET,
    });
    expect(await counts(engine)).toEqual(before);
    const kakao = day?.channels.find((c) => c.channel === 'kakao_brand');
    // c1 has SMS ad consent but no Kakao ad consent.
    expect(kakao?.decision).toMatchObject({ kind: 'block', reason: 'NO_CONSENT' });
    const sms = day?.channels.find((c) => c.channel === 'sms');
    expect(sms?.decision?.kind).toBe('send');
    const night = await previewCampaign(engine, {
      campaign,
      customerId: 'c1',
      at: kst('2025-06-04', '23:00'),
      policy: POLICY,
      couponSecret: SECRET,
    });
    expect(night?.channels.find((c) => c.channel === 'sms')?.decision).toMatchObject({
      kind: 'defer',
      reason: 'NO_NIGHT_CONSENT',
    });
  });

  it('matchRedemptions recognises coupon codes on imported orders, once, with validity', async () => {
    engine = await openFixture({
      customers: [customer('c1'), customer('c2')],
      consents: [consent('c1', 'sms', 'ad'), consent('c2', 'sms', 'ad')],
      customer_channels: [member('c1'), member('c2')],
    });
    await addCampaign(engine, {
      id: 'secret',
      name: '시크릿',
      purpose: 'info',
      trigger: { kind: 'broadcast', at: kst('2025-06-10', '10:00').toISOString() },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '시크릿 쿠폰 {{ coupon.code }}' }],
      sender: SMS_SENDER,
      coupon: { kind: 'percent', value: 20, validDays: 5, secret: { productId: 'P7' } },
    });
    await runScheduler(engine, { now: kst('2025-06-10', '10:00'), policy: POLICY, couponSecret: SECRET });
    const codes = new Map(
      (await engine.query<{ code: string; customer_id: string }>('SELECT code, customer_id FROM coupons')).map((r) => [
        r.customer_id,
        r.code,
      ]),
    );
    const c1 = codes.get('c1') ?? '';
    const c2 = codes.get('c2') ?? '';
    const o1 = order('c1', kst('2025-06-11', '12:00'), { coupon_code: c1.toLowerCase().replaceAll('-', '') });
    const o2 = order('c2', kst('2025-06-11', '12:00'), { coupon_code: c2 });
    await insertRows(engine, 'orders', [o1, o2, order('c1', kst('2025-06-11', '13:00'), { coupon_code: 'NOPE-1234' })]);
    await insertRows(engine, 'order_items', [
      {
        line_id: 'l1',
        order_id: o1.order_id,
        customer_id: 'c1',
        channel: 'cafe24',
        ordered_at: o1.ordered_at,
        status: 'paid',
        product_id: 'P7',
        quantity: 1,
        line_amount: 30_000,
        discount_amount: 6000,
      },
      {
        line_id: 'l2',
        order_id: o2.order_id,
        customer_id: 'c2',
        channel: 'cafe24',
        ordered_at: o2.ordered_at,
        status: 'paid',
        product_id: 'P8',
        quantity: 1,
        line_amount: 30_000,
        discount_amount: 6000,
      },
    ]);
    expect(await matchRedemptions(engine, { now: kst('2025-06-12') })).toEqual({ matched: 2, valid: 1 });
    expect(await matchRedemptions(engine, { now: kst('2025-06-12') })).toEqual({ matched: 0, valid: 0 });
    const rows = await engine.query<{ code: string; valid: boolean }>(
      'SELECT code, valid FROM coupon_redemptions ORDER BY code',
    );
    expect(new Map(rows.map((r) => [r.code, r.valid]))).toEqual(
      new Map([
        [c1, true],
        [c2, false],
      ]),
    );
  });

  it('a scenario waits, branches on a purchase and sends the follow-up only to non-buyers', async () => {
    engine = await openFixture({
      customers: [customer('c1', { created_at: kst('2025-06-01', '09:00') }), customer('c2')],
      consents: [consent('c1', 'sms', 'ad'), consent('c2', 'sms', 'ad')],
      customer_channels: [
        member('c1', 'cafe24', kst('2025-06-01', '09:00')),
        member('c2', 'cafe24', kst('2025-06-01', '09:30')),
      ],
      orders: [order('c2', kst('2025-06-03', '12:00'))],
    });
    await addCampaign(engine, {
      id: 'welcome',
      name: '웰컴',
      purpose: 'ad',
      trigger: { kind: 'date_relative', anchor: 'signup', offsetDays: 0 },
      sendTime: { time: '11:00', usePreferredHour: false },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '가입 환영' }],
      sender: SMS_SENDER,
      scenario: {
        steps: [
          { id: 'hello', kind: 'message' },
          { id: 'wait3', kind: 'wait', hours: 72 },
          { id: 'bought', kind: 'branch', if: { kind: 'purchased' }, whenTrue: 'done', whenFalse: 'nudge' },
          { id: 'nudge', kind: 'message', templates: [{ channel: 'sms', text: '첫 구매 10% 할인' }] },
          { id: 'done', kind: 'exit' },
        ],
      },
    });
    for (let d = kst('2025-06-01', '12:00'); d <= kst('2025-06-06', '12:00'); d = new Date(d.getTime() + 6 * 3_600_000))
      await runScheduler(engine, { now: d, policy: POLICY, couponSecret: SECRET });
    const rows = await engine.query<{ customer_id: string; step_id: string; due_at: Date }>(
      'SELECT customer_id, step_id, due_at FROM messages ORDER BY customer_id, due_at',
    );
    expect(rows.map((r) => [r.customer_id, r.step_id, r.due_at.toISOString()])).toEqual([
      ['c1', 'hello', kst('2025-06-01', '11:00').toISOString()],
      ['c1', 'nudge', kst('2025-06-04', '11:00').toISOString()],
      ['c2', 'hello', kst('2025-06-01', '11:00').toISOString()],
    ]);
    const open = await engine.query<{ n: number }>('SELECT count(*) AS n FROM campaign_journeys WHERE step_id IS NULL');
    expect(Number(open[0]?.n)).toBe(2);
  });

  it('segment entry triggers a message after the delay, unless the customer left before it', async () => {
    engine = await openFixture({
      customers: [customer('c1'), customer('c2')],
      consents: [consent('c1', 'sms', 'ad'), consent('c2', 'sms', 'ad')],
      customer_channels: [member('c1'), member('c2')],
      segment_memberships: [
        { segment_id: 'vip', customer_id: 'c1', entered_at: kst('2025-06-02', '09:00'), exited_at: null, version: 1 },
        { segment_id: 'vip', customer_id: 'c2', entered_at: kst('2025-06-02', '09:00'), exited_at: null, version: 1 },
        {
          segment_id: 'vip',
          customer_id: 'c2',
          entered_at: kst('2025-06-02', '09:00'),
          exited_at: kst('2025-06-02', '10:00'),
          version: 1,
        },
      ],
    });
    await addCampaign(engine, {
      id: 'vip-welcome',
      name: 'VIP',
      purpose: 'ad',
      trigger: { kind: 'segment_entry', segmentId: 'vip', delayHours: 3 },
      channel: 'sms',
      templates: [{ channel: 'sms', text: 'VIP가 되셨어요' }],
      sender: SMS_SENDER,
    });
    await runScheduler(engine, { now: kst('2025-06-02', '13:00'), policy: POLICY, couponSecret: SECRET });
    const rows = await engine.query<{ customer_id: string; due_at: Date }>('SELECT customer_id, due_at FROM messages');
    expect(rows.map((r) => r.customer_id)).toEqual(['c1']);
    expect(rows[0]?.due_at.toISOString()).toBe(kst('2025-06-02', '12:00').toISOString());
  });
});
