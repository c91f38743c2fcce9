import type { CampaignInput } from '@dalbit/core/campaigns/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { cafe24CouponTargets } from '../../src/campaigns/cafe24-coupon-export.ts';
import { listCampaigns } from '../../src/campaigns/campaign-store.ts';
import { planRun } from '../../src/campaigns/plan-run.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import { warehouseState } from '../../src/campaigns/run-state.ts';
import { writeRun } from '../../src/campaigns/write-run.ts';
import type { Engine } from '../../src/engines/engine.ts';
import type { EngineKind } from '../../src/engines/open-engine.ts';
import { createSchedulerPass } from '../../src/runtime/scheduler-pass.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { insertRows } from '../support/insert-rows.ts';
import { addCampaign, consenting, customer, kst, openFixture, POLICY, SECRET, SMS_SENDER } from './fixture.ts';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

/** A daily 10:00 coupon message to every consenting customer. */
const daily = (coupon: CampaignInput['coupon']): CampaignInput => ({
  id: 'daily',
  name: '매일 쿠폰',
  purpose: 'info',
  trigger: { kind: 'recurring', every: 'day', time: '10:00' },
  channel: 'sms',
  templates: [{ channel: 'sms', text: '쿠폰 {{ coupon.code }}' }],
  sender: SMS_SENDER,
  sendTime: { usePreferredHour: false },
  maxLatenessHours: 2,
  coupon,
});

const run = (e: Engine, day: string) =>
  runScheduler(e, { now: kst(day, '11:00'), policy: POLICY, couponSecret: SECRET });

const byDay = async (e: Engine) =>
  e.query<{ occurrence: string; customer_id: string; status: string; reason: string | null }>(
    'SELECT occurrence, customer_id, status, reason FROM messages ORDER BY occurrence, customer_id',
  );
const couponsOf = async (e: Engine) =>
  e.query<{ code: string; customer_id: string; occurrence: string }>(
    'SELECT code, customer_id, occurrence FROM coupons ORDER BY customer_id, occurrence',
  );

// The coupon ledger (issue, per-customer limit, redemption), the Cafe24 export built from it and the
// scheduler pass's new-customer audience rows, on both engines.
for (const kind of ['duckdb', 'chdb'] as EngineKind[])
  describe(`${kind}: per-customer coupon limits, enforced when codes are issued`, () => {
    it('perCustomer 2: codes that expire each day are issued twice, the third day is refused', async () => {
      engine = await openFixture(consenting(2), kind);
      await addCampaign(engine, daily({ kind: 'amount', value: 3000, validDays: 1, perCustomer: 2 }));
      for (const day of ['2025-06-10', '2025-06-11', '2025-06-12']) await run(engine, day);
      const msgs = await byDay(engine);
      expect(msgs.map((m) => [m.occurrence.slice(-10), m.customer_id, m.status, m.reason])).toEqual([
        ['2025-06-10', 'c001', 'queued', null],
        ['2025-06-10', 'c002', 'queued', null],
        ['2025-06-11', 'c001', 'queued', null],
        ['2025-06-11', 'c002', 'queued', null],
        ['2025-06-12', 'c001', 'blocked', 'COUPON_PER_CUSTOMER_LIMIT'],
        ['2025-06-12', 'c002', 'blocked', 'COUPON_PER_CUSTOMER_LIMIT'],
      ]);
      expect((await couponsOf(engine)).length).toBe(4);
    });

    it('never two live codes of one coupon: refused while the first is open, issued again once it is used', async () => {
      engine = await openFixture(consenting(2), kind);
      await addCampaign(engine, daily({ kind: 'percent', value: 10, validDays: 7 }));
      await run(engine, '2025-06-10');
      await run(engine, '2025-06-11');
      // c001 uses the code on an order (a valid redemption); c002 keeps it open.
      const [first] = (await couponsOf(engine)).filter((c) => c.customer_id === 'c001');
      await insertRows(engine, 'coupon_redemptions', [
        {
          code: first?.code,
          order_id: 'o-1',
          campaign_id: 'daily',
          coupon_customer_id: 'c001',
          order_customer_id: 'c001',
          redeemed_at: new Date('2025-06-11T05:00:00Z'),
          paid_amount: 27000,
          discount_amount: 3000,
          valid: true,
          recorded_at: new Date('2025-06-11T05:00:00Z'),
        },
      ]);
      await run(engine, '2025-06-12');
      const msgs = await byDay(engine);
      expect(msgs.map((m) => [m.occurrence.slice(-10), m.customer_id, m.reason])).toEqual([
        ['2025-06-10', 'c001', null],
        ['2025-06-10', 'c002', null],
        ['2025-06-11', 'c001', 'COUPON_STILL_HELD'],
        ['2025-06-11', 'c002', 'COUPON_STILL_HELD'],
        ['2025-06-12', 'c001', null],
        ['2025-06-12', 'c002', 'COUPON_STILL_HELD'],
      ]);
      expect((await couponsOf(engine)).map((c) => c.customer_id)).toEqual(['c001', 'c001', 'c002']);
      // The Cafe24 export lists the live codes only: c002's first code and c001's new one, not the redeemed.
      const live = await cafe24CouponTargets(engine, 'daily', kst('2025-06-12', '12:00'));
      const codes = await couponsOf(engine);
      expect(live).toEqual({
        members: [
          { memberId: 'cafe24:c002', code: codes[2]?.code, expiresAt: expect.any(Date) },
          { memberId: 'cafe24:c001', code: codes[1]?.code, expiresAt: expect.any(Date) },
        ],
        withoutMemberId: 0,
      });
      // A week later every code has expired: nobody to export.
      expect(await cafe24CouponTargets(engine, 'daily', kst('2025-06-20'))).toEqual({
        members: [],
        withoutMemberId: 0,
      });
    });

    it('two runs planned side by side issue each code exactly once: the write re-checks the limits', async () => {
      engine = await openFixture(consenting(3), kind);
      await addCampaign(engine, daily({ kind: 'amount', value: 3000, validDays: 7, perCustomer: 1 }));
      const e = engine;
      const campaigns = (await listCampaigns(e)).map((s) => s.campaign);
      const plan = (day: string) =>
        planRun(e, {
          now: kst(day, '11:00'),
          campaigns,
          policy: POLICY,
          couponSecret: SECRET,
          state: warehouseState(e),
        });
      // Both dispatchers read the warehouse before either writes: each plans a code for everyone.
      const [a, b] = [await plan('2025-06-10'), await plan('2025-06-11')];
      expect(a.decisions.filter((d) => d.coupon).length).toBe(3);
      expect(b.decisions.filter((d) => d.coupon).length).toBe(3);
      await Promise.all([writeRun(e, a, kst('2025-06-10', '11:00')), writeRun(e, b, kst('2025-06-11', '11:00'))]);
      const coupons = await couponsOf(e);
      expect(coupons.map((c) => c.customer_id)).toEqual(['c001', 'c002', 'c003']);
      const msgs = await byDay(e);
      expect(msgs.filter((m) => m.status === 'queued').length).toBe(3);
      expect(msgs.filter((m) => m.reason === 'COUPON_PER_CUSTOMER_LIMIT').length).toBe(3);
      // A blocked touch carries no code: every queued message's code is a stored coupon.
      const content = await e.query<{ customer_id: string; content: string }>(
        "SELECT customer_id, content FROM messages WHERE status = 'queued'",
      );
      for (const m of content)
        expect(coupons.some((c) => c.customer_id === m.customer_id && m.content.includes(c.code))).toBe(true);
    });

    it('concurrent scheduler passes over the same day and the next never exceed one code per customer', async () => {
      engine = await openFixture(consenting(4), kind);
      await addCampaign(engine, daily({ kind: 'amount', value: 3000, validDays: 7 }));
      const e = engine;
      await Promise.all([run(e, '2025-06-10'), run(e, '2025-06-10'), run(e, '2025-06-11'), run(e, '2025-06-11')]);
      const coupons = await couponsOf(e);
      expect(coupons.map((c) => c.customer_id)).toEqual(['c001', 'c002', 'c003', 'c004']);
      const keys = await e.query<{ n: number; d: number }>(
        'SELECT count(*) AS n, count(DISTINCT idempotency_key) AS d FROM messages',
      );
      expect(Number(keys[0]?.n)).toBe(Number(keys[0]?.d));
    });

    it('a customer created after the refresh gets an audience row at the next scheduler pass', async () => {
      engine = await openFixture(consenting(1), kind);
      await refreshFeatures(engine, { asOf: kst('2025-06-10') });
      await insertRows(engine, 'customers', [customer('c002', { created_at: kst('2025-06-10', '09:00') })]);
      const pass = createSchedulerPass({
        engine,
        now: () => kst('2025-06-10', '09:01'),
        policy: POLICY,
        couponSecret: SECRET,
        lang: 'ko',
      });
      await pass();
      const rows = await engine.query<{ customer_id: string }>(
        'SELECT customer_id FROM customer_features ORDER BY customer_id',
      );
      expect(rows.map((r) => r.customer_id)).toEqual(['c001', 'c002']);
    });
  });
