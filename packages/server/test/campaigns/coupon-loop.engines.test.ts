import { CampaignDefinition, type CampaignInput } from '@dalbit/core/campaigns/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { previewCampaign } from '../../src/campaigns/preview-campaign.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import type { Engine } from '../../src/engines/engine.ts';
import type { EngineKind } from '../../src/engines/open-engine.ts';
import { addCampaign, consenting, kst, openFixture, POLICY, SECRET, SMS_SENDER } from './fixture.ts';

// Issue 11 (coupons end to end): the expiry reminder skips codes already used, and the preview
// shows the very code the customer was issued.

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const COUPON: CampaignInput = {
  id: 'gift',
  name: '감사 쿠폰',
  purpose: 'info',
  trigger: { kind: 'broadcast', at: kst('2025-06-10', '10:00').toISOString() },
  channel: 'sms',
  templates: [{ channel: 'sms', text: '{{ name }}님 쿠폰 {{ coupon.code }}' }],
  sender: SMS_SENDER,
  coupon: { kind: 'amount', value: 3000, validDays: 7 },
};

for (const kind of ['duckdb', 'chdb'] as EngineKind[])
  describe(`${kind}: coupon loop`, () => {
    it('the expiry reminder goes only to customers whose code is still unused', async () => {
      engine = await openFixture(consenting(3), kind);
      await addCampaign(engine, COUPON);
      await addCampaign(engine, {
        id: 'gift-expiry',
        name: '쿠폰 만료 하루 전 안내',
        purpose: 'info',
        trigger: { kind: 'date_relative', anchor: 'coupon_expiry', offsetDays: -1, couponCampaignId: 'gift' },
        channel: 'sms',
        templates: [{ channel: 'sms', text: '{{ name }}님, 쿠폰이 내일 만료됩니다' }],
        sender: SMS_SENDER,
        sendTime: { usePreferredHour: false },
      });
      await runScheduler(engine, { now: kst('2025-06-10', '11:00'), policy: POLICY, couponSecret: SECRET });
      const codes = await engine.query<{ code: string; customer_id: string; expires_at: Date }>(
        "SELECT code, customer_id, expires_at FROM coupons WHERE campaign_id = 'gift' ORDER BY customer_id",
      );
      expect(codes.map((c) => c.customer_id)).toEqual(['c001', 'c002', 'c003']);
      // c002 used the code on an order on 06-12.
      await engine.exec(
        `INSERT INTO coupon_redemptions (code, order_id, campaign_id, coupon_customer_id, order_customer_id, redeemed_at, paid_amount, discount_amount, valid, recorded_at)
       VALUES ('${codes[1]?.code}', 'o-9', 'gift', 'c002', 'c002', TIMESTAMP '2025-06-12 03:00:00', 27000, 3000, true, TIMESTAMP '2025-06-12 03:00:00')`,
      );
      // Expiry is the end of 06-16 (KST); the reminder is due on 06-15.
      await runScheduler(engine, { now: kst('2025-06-15', '23:00'), policy: POLICY, couponSecret: SECRET });
      const reminders = await engine.query<{ customer_id: string; status: string }>(
        "SELECT customer_id, status FROM messages WHERE campaign_id = 'gift-expiry' ORDER BY customer_id",
      );
      expect(reminders.map((r) => r.customer_id)).toEqual(['c001', 'c003']);
    });

    it('the preview shows the code the customer was issued, and the stored message carries the same code', async () => {
      engine = await openFixture(consenting(2), kind);
      await addCampaign(engine, COUPON);
      const campaign = CampaignDefinition.parse({ ...COUPON, status: 'active' });
      const before = await previewCampaign(engine, {
        campaign,
        customerId: 'c001',
        at: kst('2025-06-10', '09:00'),
        policy: POLICY,
        couponSecret: SECRET,
      });
      expect(before?.couponIssued).toBe(false);
      await runScheduler(engine, { now: kst('2025-06-10', '11:00'), policy: POLICY, couponSecret: SECRET });
      const [stored] = await engine.query<{ code: string }>("SELECT code FROM coupons WHERE customer_id = 'c001'");
      const [message] = await engine.query<{ content: string }>(
        "SELECT content FROM messages WHERE customer_id = 'c001' AND campaign_id = 'gift'",
      );
      expect(message?.content).toContain(stored?.code);
      const after = await previewCampaign(engine, {
        campaign,
        customerId: 'c001',
        at: kst('2025-06-10', '12:00'),
        policy: POLICY,
        couponSecret: SECRET,
      });
      expect(after?.couponIssued).toBe(true);
      const text = JSON.stringify(after?.channels[0]?.rendered);
      expect(text).toContain(stored?.code);
    });
  });
