import { CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCampaignDefinition } from '../../src/campaigns/campaign-lifecycle.ts';
import { loadRecipients } from '../../src/campaigns/load-recipients.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import { FcmAdapter } from '../../src/channels/fcm/fcm-adapter.ts';
import { signWebhook } from '../../src/channels/webhook/sign-webhook.ts';
import { routeFor } from '../../src/dispatch/adapter-registry.ts';
import { dispatchOnce } from '../../src/dispatch/dispatcher.ts';
import { sql } from '../../src/engines/engine.ts';
import { startFcmGateway } from '../support/fcm-gateway.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ customers: 300 });
}, 300_000);
afterAll(async () => {
  await demo?.stop();
});

const POLICY = CompliancePolicySchema.parse({
  sender: { name: '달빛상회', contact: '02-123-4567', optOutNumber: '080-123-4567' },
});
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${demo.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('push tokens', () => {
  it('a token registered for a visitor reaches the customer the shop links them to; removal stops it', async () => {
    const [c] = await demo.engine.query<{ customer_id: string; phone: string }>(
      'SELECT customer_id, phone FROM customers WHERE phone IS NOT NULL ORDER BY customer_id LIMIT 1',
    );
    if (!c) throw new Error('no customer with a phone');
    const anon = 'anon-push-1';
    const token = 'fcm-token-abcdefghijklmnop';
    const key = `?key=${demo.siteKeys.writeKey}`;
    expect((await post('/api/push/tokens', { token, anonymous_id: anon })).status).toBe(401);
    const reg = await post(`/api/push/tokens${key}`, { token, anonymous_id: anon, platform: 'android' });
    expect(reg).toEqual({ status: 201, body: { registered: true } });
    const bad = await post(`/api/push/tokens${key}`, { token: 'x', anonymous_id: anon });
    expect(bad.status).toBe(400);

    const recipient = async () =>
      (await loadRecipients(demo.engine, [c.customer_id], new Date(Date.now() + 60_000), POLICY)).get(c.customer_id)
        ?.recipient.pushToken ?? null;
    expect(await recipient()).toBeNull(); // the visitor is not linked to anyone yet
    const signedBody = JSON.stringify({ events: [{ anonymous_id: anon, phone: c.phone }] });
    const signed = await fetch(`${demo.server.url}/api/identify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'dalbit-signature': signWebhook({ secret: demo.siteKeys.secretKey, body: signedBody, at: demo.now }),
      },
      body: signedBody,
    });
    expect(signed.status).toBe(202);
    expect(await recipient()).toBe(token);

    const removed = await post(`/api/push/tokens/remove${key}`, { token });
    expect(removed).toEqual({ status: 200, body: { removed: 1 } });
    expect(await recipient()).toBeNull();
  }, 120_000);

  it('a token FCM answers UNREGISTERED for (404, FcmError) is removed by the dispatcher and never targeted again', async () => {
    const people = await demo.engine.query<{ customer_id: string; phone: string }>(
      'SELECT customer_id, phone FROM customers WHERE phone IS NOT NULL ORDER BY customer_id DESC LIMIT 2',
    );
    const live = 'fcm-live-device-token-0001';
    const gone = 'fcm-uninstalled-device-token-0002';
    const fcm = await startFcmGateway({ projectId: 'dalbit-demo', accessToken: 'ya29.local', deviceTokens: [live] });
    try {
      const key = `?key=${demo.siteKeys.writeKey}`;
      const tokens = [live, gone];
      for (const i of people.keys())
        expect(
          (await post(`/api/push/tokens${key}`, { token: tokens[i], anonymous_id: `anon-stale-${i}` })).status,
        ).toBe(201);
      const body = JSON.stringify({
        events: people.map((p, i) => ({ anonymous_id: `anon-stale-${i}`, phone: p.phone })),
      });
      const signed = await fetch(`${demo.server.url}/api/identify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'dalbit-signature': signWebhook({ secret: demo.siteKeys.secretKey, body, at: demo.now }),
        },
        body,
      });
      expect(signed.status).toBe(202);
      const campaign = (id: string) => ({
        id,
        name: '배송 출발 알림',
        purpose: 'info',
        status: 'active',
        channel: 'push',
        // Visitors the shop identified (signed identify events): the two here and the first test's one.
        audience: {
          kind: 'definition',
          definition: {
            version: 1,
            root: { kind: 'events', type: 'identify', window: { kind: 'last_days', days: 7 }, count: { min: 1 } },
          },
        },
        trigger: { kind: 'broadcast', at: new Date(demo.now.getTime() - 60_000).toISOString() },
        templates: [{ channel: 'push', title: '배송 안내', body: '{{ name }}님, 주문하신 상품이 출발했어요.' }],
      });
      await saveCampaignDefinition(demo.engine, campaign('push-stale-1'), {
        at: new Date(demo.now.getTime() - 120_000),
        mode: 'create',
      });
      await runScheduler(demo.engine, { now: demo.now, campaignIds: ['push-stale-1'], policy: POLICY });
      const adapter = new FcmAdapter({
        projectId: 'dalbit-demo',
        baseUrl: fcm.url,
        getAccessToken: async () => 'ya29.local',
      });
      const sent = await dispatchOnce(demo.engine, {
        adapters: { push: routeFor(adapter) },
        // A clock that moves (the provider's rate limiter waits on it), starting at the server's.
        now: (
          (t0) => () =>
            new Date(demo.now.getTime() + Date.now() - t0)
        )(Date.now()),
        workerId: 'push-stale',
        policy: POLICY,
      });
      expect(sent.claimed).toBe(2);
      expect(fcm.received).toHaveLength(1);
      const state = await demo.engine.query<{ token: string; removed: boolean }>(
        sql(
          'SELECT token, removed_at IS NOT NULL AS removed FROM push_tokens WHERE token IN ($1, $2) ORDER BY token',
          tokens,
          ['string', 'string'],
        ),
      );
      expect(state).toEqual([
        { token: live, removed: false },
        { token: gone, removed: true },
      ]);
      const msgs = await demo.engine.query<{ recipient: string; status: string; reason: string }>(
        sql(
          "SELECT recipient, status, reason FROM messages WHERE campaign_id = 'push-stale-1' AND recipient IS NOT NULL ORDER BY recipient",
          [],
          [],
        ),
      );
      expect(msgs).toEqual([
        { recipient: live, status: 'accepted', reason: null },
        { recipient: gone, status: 'failed', reason: 'BAD_RECIPIENT' },
      ]);
      // The next campaign reaches the live device only: the dead token is no longer anyone's.
      await saveCampaignDefinition(demo.engine, campaign('push-stale-2'), {
        at: new Date(demo.now.getTime() - 120_000),
        mode: 'create',
      });
      await runScheduler(demo.engine, { now: demo.now, campaignIds: ['push-stale-2'], policy: POLICY });
      const next = await demo.engine.query<{ recipient: string | null; status: string; reason: string | null }>(
        sql(
          "SELECT recipient, status, reason FROM messages WHERE campaign_id = 'push-stale-2' ORDER BY status",
          [],
          [],
        ),
      );
      expect(next.map((m) => [m.status, m.recipient, m.reason])).toEqual([
        ['blocked', null, 'UNREACHABLE'],
        ['blocked', null, 'UNREACHABLE'],
        ['queued', live, null],
      ]);
    } finally {
      await fcm.close();
    }
  }, 120_000);
});
