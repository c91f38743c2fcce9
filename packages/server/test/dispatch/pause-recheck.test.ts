import { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import { DEFAULT_COMPLIANCE_POLICY } from '@dalbit/core/compliance/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCampaignStatus } from '../../src/campaigns/campaign-lifecycle.ts';
import { saveCampaign } from '../../src/campaigns/campaign-store.ts';
import { createSolapiAdapters } from '../../src/channels/solapi/solapi-adapter.ts';
import { type AdapterRegistry, routeFor } from '../../src/dispatch/adapter-registry.ts';
import { claimFresh } from '../../src/dispatch/claim-messages.ts';
import { dispatchOnce } from '../../src/dispatch/dispatcher.ts';
import type { Engine } from '../../src/engines/engine.ts';
import type { EngineKind } from '../../src/engines/open-engine.ts';
import { type SolapiGateway, startSolapiGateway } from '../support/solapi-gateway.ts';
import { messageRows, openTempWarehouse, SENDER, seedMessages, setCampaign, smsMessage } from './outbox-fixture.ts';

// A pause cancels what waits in the outbox, but a message a dispatcher pass has already claimed
// (status `sending`) is past that. The dispatcher checks the campaign's status again just before
// the provider call: here a claim is left by a pass that died after claiming, the campaign is
// paused, and the next pass takes the in-doubt group over — it must cancel, not send.

let wh: Awaited<ReturnType<typeof openTempWarehouse>>;
let engine: Engine;
let gateway: SolapiGateway;
const adapters: AdapterRegistry = {};
const T0 = Date.parse('2026-05-04T03:00:00Z'); // 12:00 KST
let t = T0;
const now = () => new Date(t);

const campaign = (id: string) =>
  CampaignDefinition.parse({
    id,
    name: id,
    purpose: 'info',
    status: 'active',
    trigger: { kind: 'broadcast', at: '2026-05-04T12:00:00+09:00' },
    channel: 'sms',
    templates: [{ channel: 'sms', text: '주문 안내' }],
    sender: { smsFrom: SENDER },
  });

async function claimAndDie(campaignId: string, keys: string[]): Promise<void> {
  await seedMessages(
    engine,
    keys.map((key, i) => ({ key, message: smsMessage(i) })),
    now(),
  );
  await setCampaign(engine, campaignId, keys);
  const claimed = await claimFresh(engine, {
    channel: 'sms',
    token: 'dead-worker/1',
    now: now(),
    lockMs: 60_000,
    limit: keys.length,
    startedAt: now(),
  });
  expect(claimed.map((r) => r.key).sort()).toEqual([...keys].sort());
}

for (const kind of ['duckdb', 'chdb'] as EngineKind[])
  describe(`${kind}: dispatcher re-checks the campaign before sending a claimed message`, () => {
    beforeAll(async () => {
      t = T0;
      wh = await openTempWarehouse(kind);
      engine = wh.engine;
      gateway = await startSolapiGateway({
        apiKey: 'KEY',
        apiSecret: 'SECRET',
        senderNumbers: [SENDER],
        pfIds: [],
        templates: {},
        receiptUrl: 'http://127.0.0.1:9/unused',
      });
      const solapi = createSolapiAdapters({ apiKey: 'KEY', apiSecret: 'SECRET', baseUrl: gateway.url });
      const { ratePerSecond: _unlimited, ...route } = routeFor(solapi.sms);
      adapters.sms = route;
    });
    afterAll(async () => {
      await gateway?.close();
      await wh?.cleanup();
    });
    it('a campaign paused after the claim: the claimed messages are cancelled (CAMPAIGN_PAUSED), nothing reaches the provider', async () => {
      await saveCampaign(engine, campaign('paused-one'), now());
      await claimAndDie('paused-one', ['p:1', 'p:2', 'p:3']);
      const paused = await changeCampaignStatus(engine, 'paused-one', 'pause', {
        at: now(),
        policy: DEFAULT_COMPLIANCE_POLICY,
      });
      expect(paused.cancelled).toBe(0); // claimed rows are not "pending": the pause alone cannot stop them
      t += 5 * 60_000; // the dead pass's lock has expired
      const s = await dispatchOnce(engine, { adapters, now, workerId: 'live' });
      expect(s).toMatchObject({ claimed: 3, accepted: 0, cancelled: 3 });
      expect(gateway.requests).toHaveLength(0);
      const rows = await messageRows(engine);
      for (const k of ['p:1', 'p:2', 'p:3'])
        expect(rows.get(k)).toMatchObject({ status: 'cancelled', reason: 'CAMPAIGN_PAUSED' });
    });

    it('the same claim of a campaign still running is sent (the check stops only halted campaigns)', async () => {
      await saveCampaign(engine, campaign('running-one'), now());
      await claimAndDie('running-one', ['r:1', 'r:2']);
      t += 5 * 60_000;
      const s = await dispatchOnce(engine, { adapters, now, workerId: 'live' });
      expect(s).toMatchObject({ claimed: 2, accepted: 2, cancelled: 0 });
      expect(gateway.requests.length).toBeGreaterThan(0);
      const rows = await messageRows(engine);
      for (const k of ['r:1', 'r:2']) expect(rows.get(k)?.status).toBe('accepted');
    });

    it('a stopped campaign: claimed messages are cancelled with CAMPAIGN_STOPPED', async () => {
      await saveCampaign(engine, campaign('stopped-one'), now());
      await claimAndDie('stopped-one', ['s:1']);
      await changeCampaignStatus(engine, 'stopped-one', 'stop', { at: now(), policy: DEFAULT_COMPLIANCE_POLICY });
      const before = gateway.requests.length;
      t += 5 * 60_000;
      const s = await dispatchOnce(engine, { adapters, now, workerId: 'live' });
      expect(s).toMatchObject({ claimed: 1, cancelled: 1 });
      expect(gateway.requests.length).toBe(before);
      expect((await messageRows(engine)).get('s:1')).toMatchObject({ status: 'cancelled', reason: 'CAMPAIGN_STOPPED' });
    });
  });
