import { checkCompliance } from '@dalbit/core/compliance/check-compliance';
import { foldConsents } from '@dalbit/core/compliance/consent-state';
import { CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNhnAdapters } from '../../src/channels/nhn/nhn-adapter.ts';
import { fetchOnsite } from '../../src/channels/onsite/fetch-onsite.ts';
import { OnsiteAdapter } from '../../src/channels/onsite/onsite-adapter.ts';
import { applyOptOuts, findOptedOutPhones } from '../../src/consent/apply-opt-outs.ts';
import { appendConsents, readConsentEvents } from '../../src/consent/consent-store.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openMemoryWarehouse } from '../../src/engines/open-engine.ts';
import { startNhnGateway } from '../support/nhn-gateway.ts';
import { startReceiptCollector } from '../support/receipt-collector.ts';

const ENGINES: EngineKind[] = ['duckdb', 'chdb'];
const T0 = new Date('2026-05-01T00:00:00Z');
const policy = CompliancePolicySchema.parse({ sender: { name: '달빛상점', optOutNumber: '080-123-4567' } });

async function seed(engine: Engine): Promise<void> {
  await engine.insert(
    'customers',
    ['customer_id', 'name', 'phone', 'email', 'created_at', 'updated_at'],
    [
      ['c1', '김달빛', '+821012345678', 'kim@dalbit.example', T0, T0],
      ['c2', '이별빛', '+821098765432', null, T0, T0],
    ],
  );
  await engine.insert(
    'identities',
    ['kind', 'value', 'source', 'customer_id', 'origin_customer_id', 'mergeable', 'first_seen_at'],
    [['phone', '+821012345678', 'cafe24', 'c3', 'c3', true, T0]], // a second profile sharing the phone
  );
  await appendConsents(engine, [
    {
      customerId: 'c1',
      channel: 'sms',
      purpose: 'ad',
      granted: true,
      at: T0,
      source: 'cafe24',
      proof: 'signup form v3',
    },
    {
      customerId: 'c1',
      channel: 'email',
      purpose: 'ad',
      granted: true,
      at: T0,
      source: 'cafe24',
      proof: 'signup form v3',
    },
  ]);
}

for (const kind of ENGINES) {
  describe(`${kind}: opt-outs from gateway webhooks become consent withdrawals`, () => {
    let engine: Engine;
    let collector: Awaited<ReturnType<typeof startReceiptCollector>>;
    let gateway: Awaited<ReturnType<typeof startNhnGateway>>;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
      await seed(engine);
      collector = await startReceiptCollector();
      gateway = await startNhnGateway({
        alimtalkAppKey: 'a',
        alimtalkSecretKey: 'b',
        smsAppKey: 'c',
        smsSecretKey: 'd',
        senderKeys: [],
        sendNumbers: [],
        templates: {},
        receiptUrl: collector.url,
        webhookSignature: 'sig',
      });
    });
    afterAll(async () => {
      await gateway.close();
      await collector.close();
      await engine.close();
    });

    it('applies an NHN UNSUBSCRIBE at once to every customer holding the number', async () => {
      await gateway.emitUnsubscribe('01012345678', '2026-05-06T11:25:10.000+09:00');
      const events = collector.posts.flatMap((p) => createNhnAdapters({}).sms.parseReceipts(p.body));
      const optOuts = events.flatMap((e) =>
        e.kind === 'opt_out' ? [{ phone: e.phone, at: e.at, source: e.provider, optOutNumber: e.optOutNumber }] : [],
      );
      const result = await applyOptOuts(engine, optOuts, { now: new Date('2026-05-06T02:26:00Z') });
      expect(result).toEqual({ received: 1, duplicates: 0, invalid: 0, withdrawals: 8, unmatched: 0 });
      const c1 = await readConsentEvents(engine, 'c1');
      expect(
        c1
          .filter((e) => !e.granted)
          .map((e) => `${e.channel}:${e.purpose}`)
          .sort(),
      ).toEqual(['kakao:ad', 'kakao:night_ad', 'sms:ad', 'sms:night_ad']);
      expect((await readConsentEvents(engine, 'c3')).length).toBe(4);
      const decision = checkCompliance(
        {
          message: { channel: 'sms', purpose: 'ad', kind: 'SMS', to: '01012345678', from: '0212345678', text: '세일' },
          consents: foldConsents(c1),
          contact: { phoneMarketable: true, marketplaceOnly: false, optedOut: false },
        },
        { policy, now: new Date('2026-05-06T03:00:00Z') },
      );
      expect(decision).toMatchObject({ kind: 'block', reason: 'OPTED_OUT' });
      // email consent is untouched by a phone opt-out
      expect(foldConsents(c1).get('email:ad')?.granted).toBe(true);
    });

    it('ignores a replayed refusal and keeps unmatched numbers on the opt-out list', async () => {
      const replay = await applyOptOuts(
        engine,
        [{ phone: '010-1234-5678', at: new Date('2026-05-06T02:25:10Z'), source: 'nhn' }],
        { now: new Date() },
      );
      expect(replay).toMatchObject({ duplicates: 1, withdrawals: 0 });
      const unknown = await applyOptOuts(
        engine,
        [
          { phone: '01055550000', at: new Date('2026-05-06T05:00:00Z'), source: 'solapi' },
          { phone: 'not-a-number', at: new Date('2026-05-06T05:00:00Z'), source: 'solapi' },
        ],
        { now: new Date() },
      );
      expect(unknown).toEqual({ received: 2, duplicates: 0, invalid: 1, withdrawals: 0, unmatched: 1 });
      expect([...(await findOptedOutPhones(engine, ['010-5555-0000', '01098765432', '+821012345678']))].sort()).toEqual(
        ['+821012345678', '+821055550000'],
      );
    });
  });

  describe(`${kind}: on-site messages`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await openMemoryWarehouse(kind);
    });
    afterAll(() => engine.close());

    it('stores one message per idempotency key and shows it once per user', async () => {
      const onsite = new OnsiteAdapter(engine, { clock: () => new Date('2026-05-06T01:00:00Z') });
      const msg = {
        channel: 'onsite' as const,
        purpose: 'ad' as const,
        anonymousId: 'anon-42',
        title: '장바구니에 담은 상품',
        body: '아직 고민 중이세요?',
        url: '/cart',
      };
      const a = await onsite.send(msg, { idempotencyKey: 'cart:anon-42:1' });
      const b = await onsite.send(msg, { idempotencyKey: 'cart:anon-42:1' });
      expect(a.providerMessageId).toBe(b.providerMessageId);
      const { anonymousId: _anon, ...noAnon } = msg;
      await onsite.send(
        { ...noAnon, customerId: 'c9', title: '만료됨', expiresAt: new Date('2026-05-06T02:00:00Z') },
        { idempotencyKey: 'old' },
      );
      const now = new Date('2026-05-06T03:00:00Z');
      expect(await fetchOnsite(engine, { anonymousId: 'anon-42' }, { now })).toEqual([
        {
          onsiteId: a.providerMessageId,
          title: '장바구니에 담은 상품',
          body: '아직 고민 중이세요?',
          url: '/cart',
          idempotencyKey: 'cart:anon-42:1',
          campaignId: null,
        },
      ]);
      expect(await fetchOnsite(engine, { anonymousId: 'anon-42' }, { now })).toEqual([]);
      expect(await fetchOnsite(engine, { customerId: 'c9' }, { now })).toEqual([]); // expired
      expect(await fetchOnsite(engine, {}, { now })).toEqual([]);
    });

    it('holds back a popup whose campaign was paused after it was stored, and shows it after the resume', async () => {
      const at = new Date('2026-05-06T01:00:00Z');
      const onsite = new OnsiteAdapter(engine, { clock: () => at });
      const msg = {
        channel: 'onsite' as const,
        purpose: 'ad' as const,
        anonymousId: 'anon-7',
        title: '신상품',
        body: '보러 오세요',
      };
      const sent = await onsite.send(msg, { idempotencyKey: 'launch:anon-7:1' });
      const message = (status: string) => [
        'launch:anon-7:1',
        'launch',
        status,
        'anon-7',
        'onsite',
        'ad',
        0,
        '{}',
        1,
        at,
        at,
        at,
      ];
      await engine.insert(
        'messages',
        [
          'idempotency_key',
          'campaign_id',
          'status',
          'recipient',
          'channel',
          'purpose',
          'priority',
          'content',
          'attempts',
          'due_at',
          'created_at',
          'updated_at',
        ],
        [message('delivered')],
      );
      const revision = (n: number, status: string) => ['launch', n, '신상품 팝업', status, '{}', at];
      const cols = ['campaign_id', 'revision', 'name', 'status', 'definition', 'created_at'];
      await engine.insert('campaigns', cols, [revision(1, 'active'), revision(2, 'paused')]);
      const now = new Date('2026-05-06T03:00:00Z');
      expect(await fetchOnsite(engine, { anonymousId: 'anon-7' }, { now })).toEqual([]);
      await engine.insert('campaigns', cols, [revision(3, 'active')]);
      expect(
        (await fetchOnsite(engine, { anonymousId: 'anon-7' }, { now })).map((d) => [d.onsiteId, d.campaignId]),
      ).toEqual([[sent.providerMessageId, 'launch']]);
    });
  });
}
