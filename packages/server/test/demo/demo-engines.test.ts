import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignDefinition, type CampaignInput } from '@dalbit/core/campaigns/schema';
import { createDemoContext } from '@dalbit/core/demo/demo-context';
import { parseDemoParams } from '@dalbit/core/demo/demo-params';
import { afterAll, describe, expect, it } from 'vitest';
import { saveCampaign } from '../../src/campaigns/campaign-store.ts';
import { runScheduler } from '../../src/campaigns/run-scheduler.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openWarehouse } from '../../src/engines/open-engine.ts';
import { COUPON_SECRET, POLICY, SENDER } from '../e2e/support/demo-brand.ts';
import { clockFrom, dispatchUntilIdle, startLocalChannels } from '../e2e/support/local-channels.ts';
import { runCli } from '../support/run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ARGS = ['demo', '--customers', '120', '--seed', '11', '--events-per-customer', '2', '--json'];
const parsed = parseDemoParams({ customers: 120, seed: 11, eventsPerCustomer: 2 });
if (!parsed.ok) throw new Error('demo params');
/** The morning after the demo's exports, 10:00 KST: two broadcasts go out then. */
const SEND_AT = new Date(createDemoContext(parsed.params).exportedAt + 25 * 3600_000);

const broadcasts: CampaignInput[] = [
  {
    id: 'engines-sms',
    name: '주문 안내 문자',
    purpose: 'info',
    trigger: { kind: 'broadcast', at: SEND_AT.toISOString() },
    channel: 'sms',
    templates: [{ channel: 'sms', text: '{{ name }}님, 달빛상회 배송 안내입니다.' }],
    sender: SENDER,
  },
  {
    id: 'engines-email',
    name: '겨울 신상품 메일',
    purpose: 'ad',
    trigger: { kind: 'broadcast', at: SEND_AT.toISOString() },
    channel: 'email',
    templates: [
      { channel: 'email', subject: '{{ name }}님, 겨울 신상품', text: '{{ name }}님을 위한 신상품이 도착했어요.' },
    ],
    sender: SENDER,
  },
];

/**
 * Two broadcasts of the demo brand through the real scheduler and dispatcher to the local gateways
 * (a real SMTP server, the local Solapi gateway whose delivery reports come back over HTTP to the
 * receipts app), on the engine the demo ran on. Returns what the gateways received and the outbox.
 */
async function sendBroadcasts(engine: Engine) {
  const ch = await startLocalChannels(engine, { now: () => new Date() });
  try {
    for (const c of broadcasts) await saveCampaign(engine, CampaignDefinition.parse(c), SEND_AT);
    const run = await runScheduler(engine, {
      now: SEND_AT,
      campaignIds: broadcasts.map((c) => c.id),
      policy: POLICY,
      couponSecret: COUPON_SECRET,
    });
    const dispatched = await dispatchUntilIdle(engine, ch, clockFrom(new Date(SEND_AT.getTime() + 60_000)));
    const smsTo = ch.solapi.requests.flatMap((r) => r.body.messages.map((m) => m.to)).sort();
    return {
      scheduled: { touches: run.touches, queued: run.queued, blocked: run.blocked },
      dispatched,
      gateways: { sms: smsTo.length, smsRecipients: new Set(smsTo).size, email: ch.smtp.mails.length },
      outbox: await engine.query(
        `SELECT campaign_id, status, count(*) AS n FROM messages WHERE campaign_id IN ('engines-sms', 'engines-email')
         GROUP BY campaign_id, status ORDER BY campaign_id, status`,
      ),
    };
  } finally {
    await ch.close();
  }
}

/** Runs the demo on one engine and reads back the figures a person sees. */
async function demoFigures(kind: EngineKind) {
  const dir = mkdtempSync(join(tmpdir(), `dalbit-demo-${kind}-`));
  dirs.push(dir);
  const env = { DALBIT_LANG: 'ko', DALBIT_ENGINE: kind };
  const r = await runCli(['--data-dir', dir, ...ARGS], env);
  expect(r.code, r.stderr).toBe(0);
  const s = JSON.parse(r.stdout) as {
    customers: number;
    merges: number;
    rowsWritten: number;
    channels: { channel: string; orders: number; revenue: number }[];
    campaigns: { id: string; touches: number; plantedOrders: number }[];
    refresh: { step: string; ok: boolean; detail: string }[];
  };
  const report = await runCli(['--data-dir', dir, 'campaign', 'report', 'vip-winter-sale', '--json'], env);
  expect(report.code, report.stderr).toBe(0);
  const engine = await openWarehouse({ dataDir: dir, engine: kind });
  try {
    const sent = await sendBroadcasts(engine);
    const one = async (sql: string) => (await engine.query(sql))[0];
    return {
      summary: {
        customers: s.customers,
        merges: s.merges,
        rowsWritten: s.rowsWritten,
        channels: s.channels,
        campaigns: s.campaigns,
        refresh: s.refresh.map((x) => [x.step, x.ok, x.detail]),
      },
      warehouse: await one(
        `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM orders) AS orders,
           (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM consents) AS consents,
           (SELECT sum(line_amount) FROM order_items WHERE status NOT IN ('cancelled', 'returned')) AS net_revenue`,
      ),
      // Segment ids are random per run: compare by name.
      segments: await engine.query(
        `SELECT s.name AS name, max(r.size) AS size FROM segment_refreshes r
         JOIN (SELECT segment_id, max(name) AS name FROM segments GROUP BY segment_id) s ON s.segment_id = r.segment_id
         GROUP BY s.name ORDER BY s.name`,
      ),
      messages: await engine.query(
        'SELECT campaign_id, status, count(*) AS n FROM messages GROUP BY campaign_id, status ORDER BY campaign_id, status',
      ),
      report: JSON.parse(report.stdout) as unknown,
      sent,
    };
  } finally {
    await engine.close();
  }
}

// Decision 0019: the same demo (import → identities → refresh → segments → campaigns → report) on
// ClickHouse through chDB gives the same figures as on DuckDB, on the same seed.
describe('the demo on DuckDB and on ClickHouse (chDB)', () => {
  it('gives the same customers, orders, revenue, segments, sends and report', async () => {
    const duck = await demoFigures('duckdb');
    const ch = await demoFigures('chdb');
    expect(duck.summary.customers).toBeGreaterThan(100);
    expect(duck.segments.length).toBeGreaterThan(5);
    expect(duck.messages.length).toBeGreaterThan(0);
    expect(ch.summary).toEqual(duck.summary);
    expect(ch.warehouse).toEqual(duck.warehouse);
    expect(ch.segments).toEqual(duck.segments);
    expect(ch.messages).toEqual(duck.messages);
    expect(ch.report).toEqual(duck.report);
    console.info(JSON.stringify({ demoSends: { duckdb: duck.sent, chdb: ch.sent } }));
    // The broadcasts reached the local gateways, the same on both engines: every SMS the Solapi
    // gateway took was reported delivered (reports back over HTTP); email has no delivery report,
    // so a mail the SMTP server took stays accepted. Ads without email consent are blocked.
    const count = (k: string, status: string) =>
      Number(duck.sent.outbox.find((r) => r.campaign_id === k && r.status === status)?.n ?? 0);
    expect(count('engines-sms', 'delivered')).toBeGreaterThan(50);
    expect(count('engines-email', 'accepted')).toBeGreaterThan(5);
    expect(count('engines-email', 'blocked')).toBeGreaterThan(5);
    expect(duck.sent.gateways).toEqual({
      sms: count('engines-sms', 'delivered'),
      smsRecipients: count('engines-sms', 'delivered'),
      email: count('engines-email', 'accepted'),
    });
    expect(duck.sent.dispatched).toMatchObject({ failed: 0, retried: 0, inDoubt: 0, duplicates: 0 });
    expect(ch.sent).toEqual(duck.sent);
  }, 600_000);
});
