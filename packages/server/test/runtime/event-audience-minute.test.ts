import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { saveCampaign } from '../../src/campaigns/campaign-store.ts';
import { signWebhook } from '../../src/channels/webhook/sign-webhook.ts';
import { openWarehouse } from '../../src/engines/open-engine.ts';
import { startServer } from '../../src/http/start-server.ts';
import type { PassEvent } from '../../src/runtime/run-loop.ts';
import { RuntimeFlags } from '../../src/runtime/runtime-flags.ts';
import { createRuntime } from '../../src/runtime/start-runtime.ts';
import { findSegmentMembers } from '../../src/segments/count-segment.ts';
import { refreshFeatures } from '../../src/segments/refresh-features.ts';
import { loadSiteKeys } from '../../src/tracker/site-keys.ts';
import { insertRows } from '../support/insert-rows.ts';
import { createManualClock, waitFor } from './manual-clock.ts';
import { countRows, kst, POLICY, SENDER, seedCustomers } from './runtime-fixture.ts';

// Event-based audiences within a minute, end to end on one process: the shop identifies a visitor
// (signed POST /api/identify), the tracker posts an add-to-cart (POST /api/events, write key), and
// the runtime's scheduler — whose default interval is at most 60 s — puts the customer in the
// event-based audience and the "after an event" campaign's outbox on its next pass. The clock is
// the test's: the mechanism is asserted (one pass after the event), never a wall-clock time.
// A customer first created after the last feature refresh (a new sign-up) gets their audience row
// at the start of that same pass (addNewCustomerFeatures), so they enter too.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const CART_AUDIENCE = {
  version: 1,
  root: { kind: 'events', type: 'add_to_cart', window: { kind: 'last_days', days: 1 } },
};

/** A warehouse of 3 known customers, the cart campaign, a server and the runtime on a manual clock. */
async function startShop() {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-event-minute-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const engine = await openWarehouse({ dataDir: dir });
  cleanups.push(() => engine.close());
  const ids = await seedCustomers(engine, 3);
  // The shop knows them by phone (as an import would have recorded), and the audience base is built.
  await insertRows(
    engine,
    'identities',
    ids.map((id, i) => ({
      kind: 'phone',
      value: `+8210${String(20_000_000 + i)}`,
      source: 'cafe24',
      customer_id: id,
      origin_customer_id: id,
      mergeable: true,
      first_seen_at: kst('2024-01-01'),
    })),
  );
  await refreshFeatures(engine, { asOf: kst('2026-11-16', '09:00') });
  await saveCampaign(
    engine,
    CampaignDefinition.parse({
      id: 'cart-now',
      name: '장바구니 즉시 안내',
      purpose: 'info',
      audience: { kind: 'definition', definition: CART_AUDIENCE },
      trigger: { kind: 'event', event: { type: 'add_to_cart' }, delayHours: 0 },
      channel: 'sms',
      templates: [{ channel: 'sms', text: '{{ name }}님, 장바구니에 담은 상품을 확인하세요' }],
      sender: SENDER,
    }),
    kst('2026-11-16', '09:00'),
  );
  const interval = RuntimeFlags.parse({}).schedulerInterval;
  expect(interval).toBeLessThanOrEqual(60_000);
  const clock = createManualClock(kst('2026-11-16', '10:00'));
  const siteKeys = await loadSiteKeys(dir);
  const server = await startServer({
    engine,
    host: '127.0.0.1',
    port: 0,
    now: clock.now,
    log: () => undefined,
    siteKeys,
  });
  cleanups.push(() => server.close());
  const events: PassEvent[] = [];
  const rt = createRuntime({
    engine,
    clock,
    log: () => undefined,
    lang: 'ko',
    policy: POLICY,
    scheduler: { intervalMs: interval, couponSecret: 'minute-coupons' },
    onPass: (e) => events.push(e),
  });
  rt.start();
  cleanups.push(async () => void (await rt.stop()));
  const schedulerPasses = () => events.filter((e) => e.loop === 'scheduler').length;
  await waitFor(() => (schedulerPasses() === 1 && clock.sleepers() > 0 ? true : undefined));
  const queued = () => countRows(engine, "SELECT count(*) AS n FROM messages WHERE campaign_id = 'cart-now'");
  expect(await queued()).toBe(0);

  /** The shop identifies a visitor by phone (signed), then the tracker sends their add-to-cart; answers the customer. */
  async function identifyAndCart(visitor: string, phone: string): Promise<string> {
    const identify = JSON.stringify({ events: [{ anonymous_id: visitor, phone }] });
    const linked = await fetch(`${server.url}/api/identify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'dalbit-signature': signWebhook({ secret: siteKeys.secretKey, body: identify, at: clock.now() }),
      },
      body: identify,
    });
    expect(linked.status).toBe(202);
    const tracked = await fetch(`${server.url}/api/events?key=${encodeURIComponent(siteKeys.writeKey)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({
        events: [
          {
            event_id: `cart-${visitor}`,
            type: 'add_to_cart',
            anonymous_id: visitor,
            occurred_at: clock.now().toISOString(),
            product_id: 'P-1',
          },
        ],
      }),
    });
    expect(tracked.status).toBe(202);
    // The event is the identified customer's at once (the visitor's anonymous id is linked).
    const [who] = await engine.query<{ customer_id: string }>(
      `SELECT customer_id FROM identities WHERE kind = 'anon' AND value = '${visitor}'`,
    );
    const customer = who?.customer_id ?? 'missing';
    const cartEvent = await engine.query<{ customer_id: string | null }>(
      `SELECT customer_id FROM events WHERE event_id = 'cart-${visitor}'`,
    );
    expect(cartEvent.map((e) => e.customer_id)).toEqual([customer]);
    return customer;
  }
  return { engine, clock, interval, events, schedulerPasses, queued, identifyAndCart };
}

describe('event-based audience and triggered campaign within one scheduler pass', () => {
  it('a tracked add-to-cart puts the customer in the audience and the outbox at the next pass (default interval ≤ 60 s)', async () => {
    const shop = await startShop();
    const { engine, clock, interval } = shop;
    // 10:00:20 — the shop identifies the visitor, then the tracker sends the add-to-cart.
    clock.advance(20_000);
    const customer = await shop.identifyAndCart('v-cart', '010-2000-0001');
    // Already in the audience as of the event (evaluated on the events table, not a daily refresh) …
    const members = await findSegmentMembers(engine, CART_AUDIENCE, { asOf: clock.now() });
    expect(members.ok && [...members.customerIds]).toEqual([customer]);
    // … but nothing is sent before the scheduler's next pass.
    expect(await shop.queued()).toBe(0);

    // The rest of the interval: exactly one more pass, and the customer's message is in the outbox.
    clock.advance(interval - 20_000);
    await waitFor(() => (shop.schedulerPasses() === 2 ? true : undefined));
    const rows = await engine.query<{ customer_id: string; status: string; due_at: Date }>(
      "SELECT customer_id, status, due_at FROM messages WHERE campaign_id = 'cart-now'",
    );
    expect(rows.map((r) => [r.customer_id, r.status])).toEqual([[customer, 'queued']]);
    expect(rows[0]?.due_at.getTime()).toBeLessThanOrEqual(clock.now().getTime());
    expect(customer).toBe('c002'); // the others did nothing and got nothing
    expect(shop.events.filter((e) => !e.ok)).toEqual([]);
  }, 60_000);

  it('a customer first created after the last refresh (a new sign-up) enters the audience and the outbox at the same next pass', async () => {
    const shop = await startShop();
    const { engine, clock, interval } = shop;
    clock.advance(20_000);
    const customer = await shop.identifyAndCart('v-new', '010-2999-0009');
    expect(['c001', 'c002', 'c003']).not.toContain(customer);
    const featureRows = () =>
      countRows(engine, `SELECT count(*) AS n FROM customer_features WHERE customer_id = '${customer}'`);
    // Created after the refresh: no audience row yet, so not counted until a pass adds it.
    expect(await featureRows()).toBe(0);
    const before = await findSegmentMembers(engine, CART_AUDIENCE, { asOf: clock.now() });
    expect(before.ok && [...before.customerIds]).toEqual([]);

    clock.advance(interval - 20_000);
    await waitFor(() => (shop.schedulerPasses() === 2 ? true : undefined));
    expect(await featureRows()).toBe(1);
    const after = await findSegmentMembers(engine, CART_AUDIENCE, { asOf: clock.now() });
    expect(after.ok && [...after.customerIds]).toEqual([customer]);
    const rows = await engine.query<{ customer_id: string; status: string }>(
      "SELECT customer_id, status FROM messages WHERE campaign_id = 'cart-now'",
    );
    expect(rows.map((r) => [r.customer_id, r.status])).toEqual([[customer, 'queued']]);
    // The known customers' rows were not rebuilt: still as of the 09:00 refresh.
    expect(
      await countRows(
        engine,
        `SELECT count(*) AS n FROM customer_features WHERE refreshed_at = TIMESTAMPTZ '${kst('2026-11-16', '09:00').toISOString()}'`,
      ),
    ).toBe(3);
    expect(shop.events.filter((e) => !e.ok)).toEqual([]);
  }, 60_000);
});
