import { afterEach, describe, expect, it } from 'vitest';
import { readCampaignStatus } from '../../src/campaigns/campaign-status.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import type { Engine } from '../../src/engines/engine.ts';
import type { EngineKind } from '../../src/engines/open-engine.ts';
import { importFile } from '../../src/importers/import-file.ts';
import { CAFE24_ORDERS_HEADER, tempDir, writeXlsxFile } from '../importers/fixtures.ts';
import { insertRows } from '../support/insert-rows.ts';
import { addCampaign, consent, customer, kst, member, openFixture, POLICY, SECRET, SMS_SENDER } from './fixture.ts';

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const orderRow = (orderNo: string, code: string) => [
  orderNo,
  `${orderNo}-01`,
  '2025-06-11 12:00:00',
  '홍길동',
  '010-1234-5678',
  'hong@example.com',
  'hong123',
  'P1',
  '니트',
  '블랙',
  1,
  39000,
  5000,
  code,
  34000,
  'cafe24',
  'N40',
];

for (const kind of ['duckdb', 'chdb'] as EngineKind[])
  describe(`${kind}: coupons close on import`, () => {
    it('an imported order that used an issued code marks the coupon redeemed (campaign status counts it)', async () => {
      engine = await openFixture(
        {
          customers: [customer('c1')],
          consents: [consent('c1', 'sms', 'ad')],
          customer_channels: [member('c1')],
        },
        kind,
      );
      // The shop member hong123 is customer c1 (the import resolves the order's buyer to c1).
      await insertRows(engine, 'identities', [
        {
          kind: 'member',
          value: 'cafe24:hong123',
          source: 'cafe24',
          customer_id: 'c1',
          origin_customer_id: 'c1',
          mergeable: true,
          first_seen_at: kst('2025-06-01'),
        },
      ]);
      await addCampaign(engine, {
        id: 'welcome-coupon',
        name: '웰컴 쿠폰',
        purpose: 'info',
        trigger: { kind: 'broadcast', at: kst('2025-06-10', '10:00').toISOString() },
        channel: 'sms',
        templates: [{ channel: 'sms', text: '쿠폰 {{ coupon.code }} ({{ coupon.expires_at }}까지)' }],
        sender: SMS_SENDER,
        coupon: { kind: 'amount', value: 5000, validDays: 7 },
      });
      await runScheduler(engine, { now: kst('2025-06-10', '10:00'), policy: POLICY, couponSecret: SECRET });
      const [issued] = await engine.query<{ code: string }>("SELECT code FROM coupons WHERE customer_id = 'c1'");
      expect(issued?.code).toBeTruthy();
      expect((await readCampaignStatus(engine, 'welcome-coupon')).coupons.redeemed).toBe(0);

      const dir = tempDir();
      const typed = (issued?.code ?? '').toLowerCase(); // shop admins type codes in any case
      const path = writeXlsxFile(dir, 'cafe24-orders.xlsx', [
        CAFE24_ORDERS_HEADER,
        orderRow('20250611-0000001', typed),
        orderRow('20250611-0000002', 'OTHER-CODE'),
      ]);
      const s = await importFile(engine, { path, now: kst('2025-06-12') });
      expect(s.status).toBe('imported');
      expect(s.couponRedemptions).toBe(1);
      const status = await readCampaignStatus(engine, 'welcome-coupon');
      expect(status.coupons).toMatchObject({ issued: 1, redeemed: 1, validRedemptions: 1 });
      // Re-importing the same export records nothing new.
      const again = await importFile(engine, { path, now: kst('2025-06-13') });
      expect(again.couponRedemptions).toBeUndefined();
      expect((await readCampaignStatus(engine, 'welcome-coupon')).coupons.redeemed).toBe(1);
    });
  });
