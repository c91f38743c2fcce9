import { afterEach, describe, expect, it } from 'vitest';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import type { Engine } from '../../src/engines/engine.ts';
import {
  addCampaign,
  consent,
  consenting,
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

type Msg = {
  idempotency_key: string;
  customer_id: string;
  status: string;
  reason: string | null;
  due_at: Date;
  content: string;
  campaign_id: string;
  occurrence: string;
};
const messages = (e: Engine) => e.query<Msg>('SELECT * FROM messages ORDER BY customer_id, campaign_id');

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe('runScheduler on DuckDB', () => {
  it('defers a night-time ad planned at 22:30 KST to 08:00 KST and keeps it idempotent', async () => {
    engine = await openFixture({
      customers: [customer('c1'), customer('c2')],
      consents: [consent('c1', 'sms', 'ad'), consent('c2', 'sms', 'ad'), consent('c2', 'sms', 'night_ad')],
      customer_channels: [member('c1'), member('c2')],
    });
    await addCampaign(engine, {
      id: 'night-sale',
      name: '야간 세일',
      purpose: 'ad',
      trigger: { kind: 'broadcast', at: kst('2025-06-10', '22:30').toISOString() },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '{{ name }}님, 여름 세일 시작!' }],
      sender: SMS_SENDER,
    });
    const now = kst('2025-06-10', '22:31');
    const first = await runScheduler(engine, { now, policy: POLICY, couponSecret: SECRET });
    expect(first).toMatchObject({ touches: 2, deferred: 2, queued: 0 });
    const rows = await messages(engine);
    const c1 = rows.find((r) => r.customer_id === 'c1');
    expect(c1).toMatchObject({ status: 'deferred', reason: 'NO_NIGHT_CONSENT' });
    expect(c1?.due_at.toISOString()).toBe(kst('2025-06-11', '08:00').toISOString());
    const text = JSON.parse(c1?.content ?? '{}').text as string;
    expect(text.startsWith('(광고)달빛상회 02-123-4567\n고객c1님, 여름 세일 시작!')).toBe(true);
    expect(text.endsWith('무료수신거부 080-123-4567')).toBe(true);
    // c2 has night consent for SMS, but the house quiet hours (20:50–08:00) still defer it.
    expect(rows.find((r) => r.customer_id === 'c2')).toMatchObject({ status: 'deferred', reason: 'QUIET_HOURS' });
    const events = await engine.query<{ status: string; code: string }>(
      'SELECT status, code FROM message_events ORDER BY code',
    );
    expect(events).toEqual([
      { status: 'deferred', code: 'NO_NIGHT_CONSENT' },
      { status: 'deferred', code: 'QUIET_HOURS' },
    ]);

    const again = await runScheduler(engine, { now, policy: POLICY, couponSecret: SECRET });
    const later = await runScheduler(engine, { now: kst('2025-06-11', '09:00'), policy: POLICY, couponSecret: SECRET });
    expect(again.touches + later.touches).toBe(0);
    expect((await messages(engine)).length).toBe(2);
    expect((await engine.query('SELECT * FROM campaign_exposures')).length).toBe(2);
  });

  it('skips a stored campaign whose audience no longer resolves, and still sends the others', async () => {
    engine = await openFixture({
      customers: [customer('c1')],
      consents: [consent('c1', 'sms', 'ad')],
      customer_channels: [member('c1')],
    });
    const at = kst('2025-06-10', '10:00').toISOString();
    await addCampaign(engine, {
      id: 'broken',
      name: '깨진 캠페인',
      audience: { kind: 'recipe', recipe: 'nope', params: {} },
      purpose: 'ad',
      trigger: { kind: 'broadcast', at },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '{{ name }}님, 세일!' }],
      sender: SMS_SENDER,
    });
    await addCampaign(engine, {
      id: 'fine',
      name: '정상 캠페인',
      purpose: 'ad',
      trigger: { kind: 'broadcast', at },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '{{ name }}님, 세일!' }],
      sender: SMS_SENDER,
    });
    const run = await runScheduler(engine, { now: kst('2025-06-10', '10:01'), policy: POLICY, couponSecret: SECRET });
    expect(run.campaigns).toEqual(['fine']);
    expect(run.skipped).toEqual([{ campaignId: 'broken', reason: expect.stringContaining('레시피 「nope」') }]);
    expect(run.queued).toBe(1);
    expect((await messages(engine)).map((m) => m.campaign_id)).toEqual(['fine']);
  });

  it('sends a lunar birthday campaign on the solar date of that year (lunar 05-22 → 2025-06-17)', async () => {
    engine = await openFixture({
      customers: [
        customer('c1', { birthday_md: '05-22', birthday_lunar: true }),
        customer('c2', { birthday_md: '05-22', birthday_lunar: false }),
      ],
      consents: [consent('c1', 'sms', 'ad'), consent('c2', 'sms', 'ad')],
      customer_channels: [member('c1'), member('c2')],
    });
    await addCampaign(engine, {
      id: 'bday',
      name: '생일 쿠폰',
      purpose: 'ad',
      trigger: { kind: 'date_relative', anchor: 'birthday', offsetDays: -3 },
      channel: 'sms',
      templates: [
        {
          channel: 'sms',
          text: '{{ name }}님 생일 축하 쿠폰 {{ coupon.code }} ({{ coupon.value }}, {{ coupon.expires_at | date: "%m/%d" }}까지)',
        },
      ],
      sender: SMS_SENDER,
      sendTime: { time: '10:00', usePreferredHour: false },
      coupon: { kind: 'amount', value: 5000, validDays: 7, prefix: 'BDAY' },
    });
    // Run every day from May 10 to June 30 at 23:00 KST.
    for (
      let d = new Date(kst('2025-05-10', '23:00'));
      d <= kst('2025-06-30', '23:00');
      d = new Date(d.getTime() + 86_400_000)
    )
      await runScheduler(engine, { now: d, policy: POLICY, couponSecret: SECRET });
    const rows = await messages(engine);
    expect(rows.map((r) => [r.customer_id, r.occurrence, r.due_at.toISOString(), r.status])).toEqual([
      ['c1', 'birthday:2025', kst('2025-06-14', '10:00').toISOString(), 'queued'],
      ['c2', 'birthday:2025', kst('2025-05-19', '10:00').toISOString(), 'queued'],
    ]);
    const text = JSON.parse(rows[0]?.content ?? '{}').text as string;
    expect(text).toMatch(
      /고객c1님 생일 축하 쿠폰 BDAY-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2} \(5,000원, 06\/20까지\)/,
    );
    const coupons = await engine.query<{ code: string; customer_id: string }>(
      'SELECT code, customer_id FROM coupons ORDER BY customer_id',
    );
    expect(coupons.map((c) => c.customer_id)).toEqual(['c1', 'c2']);
    expect(text).toContain(coupons[0]?.code);
  });

  it('cart abandonment: add_to_cart + 72 h, exits when the customer purchased', async () => {
    const t = kst('2025-06-01', '14:00');
    engine = await openFixture({
      customers: [customer('c1'), customer('c2'), customer('c3')],
      consents: ['c1', 'c2', 'c3'].map((c) => consent(c, 'sms', 'ad')),
      customer_channels: ['c1', 'c2', 'c3'].map((c) => member(c)),
      events: [
        event('c1', 'add_to_cart', t, { product_id: 'P1' }),
        event('c2', 'add_to_cart', t, { product_id: 'P1' }),
        event('c3', 'add_to_cart', t, { product_id: 'P1', properties: '{"value":500}' }),
      ],
      orders: [order('c2', new Date(t.getTime() + 86_400_000))],
    });
    await addCampaign(engine, {
      id: 'cart',
      name: '장바구니',
      purpose: 'ad',
      trigger: {
        kind: 'event',
        event: { type: 'add_to_cart', properties: [{ key: 'value', op: 'neq', value: 500 }] },
        delayHours: 72,
        exitIf: [{ kind: 'order' }],
      },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '{{ name }}님 장바구니를 잊으셨나요?' }],
      sender: SMS_SENDER,
    });
    expect(
      (await runScheduler(engine, { now: kst('2025-06-04', '13:00'), policy: POLICY, couponSecret: SECRET })).touches,
    ).toBe(0);
    const s = await runScheduler(engine, { now: kst('2025-06-04', '15:00'), policy: POLICY, couponSecret: SECRET });
    expect(s.touches).toBe(1);
    expect((await messages(engine)).map((m) => [m.customer_id, m.status, m.due_at.toISOString()])).toEqual([
      ['c1', 'queued', kst('2025-06-04', '14:00').toISOString()],
    ]);
  });

  it('holdout members get an exposure at the time they would have had, and no message', async () => {
    const f = consenting(60);
    engine = await openFixture(f);
    await addCampaign(engine, {
      id: 'ab',
      name: 'A/B',
      purpose: 'ad',
      trigger: { kind: 'broadcast', at: kst('2025-06-10', '21:30').toISOString() },
      channel: 'sms',
      templates: [{ channel: 'sms', text: 'A 안내' }],
      sender: SMS_SENDER,
      experiment: {
        holdoutPercent: 20,
        variants: [
          { name: 'A', weight: 1 },
          { name: 'B', weight: 1, templates: [{ channel: 'sms', text: 'B 안내' }] },
        ],
      },
    });
    await runScheduler(engine, { now: kst('2025-06-10', '21:30'), policy: POLICY, couponSecret: SECRET });
    const exposures = await engine.query<{
      customer_id: string;
      arm: string;
      planned_at: Date;
      idempotency_key: string | null;
    }>('SELECT * FROM campaign_exposures');
    expect(exposures.length).toBe(60);
    const holdout = exposures.filter((e) => e.arm === 'holdout');
    expect(holdout.length).toBeGreaterThan(3);
    expect(holdout.length).toBeLessThan(25);
    for (const h of holdout) {
      expect(h.idempotency_key).toBeNull();
      expect(h.planned_at.toISOString()).toBe(kst('2025-06-11', '08:00').toISOString());
    }
    const msgs = await messages(engine);
    expect(msgs.length).toBe(60 - holdout.length);
    const held = new Set(holdout.map((h) => h.customer_id));
    expect(msgs.some((m) => held.has(m.customer_id))).toBe(false);
    for (const e of exposures.filter((x) => x.arm !== 'holdout')) {
      const m = msgs.find((x) => x.idempotency_key === e.idempotency_key);
      expect(JSON.parse(m?.content ?? '{}').text).toContain(`${e.arm} 안내`);
      expect(m?.due_at.toISOString()).toBe(e.planned_at.toISOString());
    }
  });

  it('caps across campaigns: the higher priority wins the day, the other is blocked CAPPED', async () => {
    const f = consenting(3);
    engine = await openFixture(f);
    const base = {
      purpose: 'ad' as const,
      channel: 'sms' as const,
      sender: SMS_SENDER,
      templates: [{ channel: 'sms' as const, text: '안내' }],
    };
    await addCampaign(engine, {
      ...base,
      id: 'low',
      name: 'low',
      priority: 1,
      trigger: { kind: 'broadcast', at: kst('2025-06-10', '10:00').toISOString() },
    });
    await addCampaign(engine, {
      ...base,
      id: 'high',
      name: 'high',
      priority: 9,
      trigger: { kind: 'broadcast', at: kst('2025-06-10', '11:00').toISOString() },
    });
    await runScheduler(engine, { now: kst('2025-06-10', '12:00'), policy: POLICY, couponSecret: SECRET });
    const rows = await messages(engine);
    expect(rows.filter((r) => r.campaign_id === 'high').every((r) => r.status === 'queued')).toBe(true);
    expect(rows.filter((r) => r.campaign_id === 'low').map((r) => [r.status, r.reason])).toEqual([
      ['blocked', 'CAPPED'],
      ['blocked', 'CAPPED'],
      ['blocked', 'CAPPED'],
    ]);
    // A third campaign on a later run the same day finds the slot used by the ledger in messages.
    await addCampaign(engine, {
      ...base,
      id: 'later',
      name: 'later',
      priority: 50,
      trigger: { kind: 'broadcast', at: kst('2025-06-10', '15:00').toISOString() },
    });
    await runScheduler(engine, { now: kst('2025-06-10', '15:00'), policy: POLICY, couponSecret: SECRET });
    expect((await messages(engine)).filter((r) => r.campaign_id === 'later').map((r) => r.reason)).toEqual([
      'CAPPED',
      'CAPPED',
      'CAPPED',
    ]);
  });

  it('coupons: unique codes, budget respected, secret coupon once per customer', async () => {
    const f = consenting(5);
    engine = await openFixture(f);
    await addCampaign(engine, {
      id: 'coupon',
      name: '쿠폰',
      purpose: 'info',
      trigger: { kind: 'recurring', every: 'day', time: '10:00' },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '쿠폰 {{ coupon.code }}' }],
      sender: SMS_SENDER,
      sendTime: { usePreferredHour: false },
      coupon: { kind: 'percent', value: 10, validDays: 3, budget: 7, secret: { productId: 'P9' } },
    });
    await runScheduler(engine, { now: kst('2025-06-10', '11:00'), policy: POLICY, couponSecret: SECRET });
    await runScheduler(engine, { now: kst('2025-06-11', '11:00'), policy: POLICY, couponSecret: SECRET });
    const coupons = await engine.query<{ code: string; customer_id: string; product_id: string }>(
      'SELECT * FROM coupons',
    );
    expect(coupons.length).toBe(5);
    expect(new Set(coupons.map((c) => c.code)).size).toBe(5);
    expect(new Set(coupons.map((c) => c.customer_id)).size).toBe(5);
    const rows = await messages(engine);
    expect(rows.filter((r) => r.occurrence === 'recurring:2025-06-11').map((r) => r.reason)).toEqual(
      Array(5).fill('COUPON_ONCE_PER_CUSTOMER'),
    );
  });

  it('coupon budget stops issuing past the budget', async () => {
    const f = consenting(5);
    engine = await openFixture(f);
    await addCampaign(engine, {
      id: 'budget',
      name: '예산',
      purpose: 'info',
      trigger: { kind: 'broadcast', at: kst('2025-06-10', '10:00').toISOString() },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '쿠폰 {{ coupon.code }}' }],
      sender: SMS_SENDER,
      coupon: { kind: 'amount', value: 3000, validDays: 3, budget: 3 },
    });
    await runScheduler(engine, { now: kst('2025-06-10', '11:00'), policy: POLICY, couponSecret: SECRET });
    const rows = await messages(engine);
    expect(rows.filter((r) => r.status === 'queued').length).toBe(3);
    expect(rows.filter((r) => r.reason === 'COUPON_BUDGET_EXHAUSTED').length).toBe(2);
    const coupons = await engine.query<{ code: string }>('SELECT code FROM coupons');
    expect(new Set(coupons.map((c) => c.code)).size).toBe(3);
  });
});
