import { join } from 'node:path';
import { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import { verifyUnsubscribeToken } from '@dalbit/core/compliance/unsubscribe-token';
import type { CampaignReport } from '@dalbit/core/reports/campaign/build-campaign-report';
import { renderCampaignReport } from '@dalbit/core/reports/campaign/render-campaign-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCampaign } from '../../src/campaigns/campaign-store.ts';
import { runScheduler, type SchedulerSummary } from '../../src/campaigns/run-scheduler.ts';
import { type PlantResult, plantExperiment } from '../../src/demo-experiment/plant-experiment.ts';
import type { DispatchSummary } from '../../src/dispatch/dispatcher.ts';
import { loadCampaignReport } from '../../src/reports/campaign/load-campaign-report.ts';
import { refreshSegments } from '../../src/segments/refresh-segments.ts';
import { createSegment } from '../../src/segments/segment-store.ts';
import {
  COUPON_SECRET,
  count,
  countBy,
  type DemoBrand,
  kst,
  openDemoBrand,
  POLICY,
  REFRESH_DAY,
  SENDER,
} from './support/demo-brand.ts';
import { clockFrom, dispatchUntilIdle, type LocalChannels, startLocalChannels } from './support/local-channels.ts';

// The whole path on one demo brand in a real DuckDB file:
// export files → importer → refresh job (RFM …) → RFM segment → broadcast ad with a 10 % holdout
// and arms A (email) / B (SMS) → scheduler (guard, ad marks) → dispatcher → real SMTP server and
// local Solapi gateway → delivery reports → receipts app → planted orders through the importer →
// campaign report.
const CAMPAIGN = 'winter-champions';
const SEND_AT = '2026-11-17T10:00:00+09:00'; // Tuesday morning KST
const RUN_AT = kst('2026-11-17', '10:30');

describe('import → segment → send → receipt → report', () => {
  let brand: DemoBrand;
  let ch: LocalChannels;
  let segmentId: string;
  let members = 0;
  let scheduled: SchedulerSummary;
  let dispatched: DispatchSummary;
  let planted: PlantResult;
  let report: CampaignReport;
  const now = clockFrom(RUN_AT);

  beforeAll(async () => {
    brand = await openDemoBrand({ customers: 2500, seed: 11, eventsPerCustomer: 0 });
    ch = await startLocalChannels(brand.engine, { now });
  }, 60_000);
  afterAll(async () => {
    await ch?.close();
    await brand?.close();
  });

  it('imports the export files and refreshes every derived table', async () => {
    const e = brand.engine;
    expect(brand.demo.rowsRejected).toBe(0);
    expect(brand.demo.files.every((f) => f.status === 'imported')).toBe(true);
    expect(brand.demo.customers).toBe(await count(e, 'SELECT count(*) AS n FROM customers'));
    expect(brand.refresh.filter((s) => !s.ok)).toEqual([]);
    expect(await count(e, 'SELECT count(*) AS n FROM rfm_scores')).toBeGreaterThan(1000);
    expect(await count(e, 'SELECT count(*) AS n FROM customer_features')).toBe(brand.demo.customers);
  });

  it('an RFM segment (champions and loyal) holds exactly the customers RFM put there', async () => {
    const e = brand.engine;
    const seg = await createSegment(e, {
      name: '챔피언·충성 고객',
      definition: {
        version: 1,
        root: { kind: 'analytics', field: 'rfm.segment', op: 'in', value: ['champions', 'loyal'] },
      },
      now: kst(REFRESH_DAY, '09:00'),
    });
    segmentId = seg.segmentId;
    const r = await refreshSegments(e, { asOf: kst(REFRESH_DAY), segmentIds: [segmentId] });
    expect(r.skipped).toEqual([]);
    const current = await e.query<{ customer_id: string }>({
      sql: 'SELECT customer_id FROM segment_memberships WHERE segment_id = $1 AND exited_at IS NULL ORDER BY customer_id',
      params: [segmentId],
      paramTypes: ['string'],
    });
    const rfm = await e.query<{ customer_id: string }>(
      "SELECT customer_id FROM rfm_scores WHERE segment IN ('champions', 'loyal') ORDER BY customer_id",
    );
    members = current.length;
    expect(members).toBeGreaterThan(200);
    expect(current.map((x) => x.customer_id)).toEqual(rfm.map((x) => x.customer_id));
  });

  it('the scheduler splits the audience, blocks with visible reasons and marks every ad', async () => {
    const e = brand.engine;
    await saveCampaign(
      e,
      CampaignDefinition.parse({
        id: CAMPAIGN,
        name: '겨울 신상품 — 우수 고객',
        purpose: 'ad',
        audience: { kind: 'segment', segmentId },
        trigger: { kind: 'broadcast', at: SEND_AT },
        channel: 'email',
        templates: [
          {
            channel: 'email',
            subject: '{{ name }}님, 겨울 신상품이 나왔어요',
            text: '{{ name }}님, 달빛상회 겨울 신상품을 가장 먼저 만나 보세요.',
          },
          { channel: 'sms', text: '{{ name }}님 겨울 신상품 입고' },
        ],
        sender: SENDER,
        sendTime: { time: '10:00', usePreferredHour: false },
        experiment: {
          holdoutPercent: 10,
          variants: [
            { name: 'A', weight: 1, channel: 'email' },
            { name: 'B', weight: 1, channel: 'sms' },
          ],
        },
      }),
      kst(REFRESH_DAY, '09:00'),
    );
    scheduled = await runScheduler(e, {
      now: RUN_AT,
      campaignIds: [CAMPAIGN],
      policy: POLICY,
      couponSecret: COUPON_SECRET,
    });
    expect(scheduled.touches).toBe(members);
    expect(scheduled.holdout + scheduled.queued + scheduled.blocked + scheduled.deferred).toBe(members);
    expect(scheduled.deferred).toBe(0); // 10:00 KST is inside every window
    expect(scheduled.holdout / members).toBeGreaterThan(0.05);
    expect(scheduled.holdout / members).toBeLessThan(0.15);

    // Reasons are counted per reason, and the DB holds the same counts.
    expect(scheduled.blockedBy.NO_CONSENT).toBeGreaterThan(0);
    expect(Object.values(scheduled.blockedBy).reduce((a, b) => a + b, 0)).toBe(scheduled.blocked);
    expect(
      await countBy(
        e,
        `SELECT reason AS k, count(*) AS n FROM messages WHERE campaign_id = '${CAMPAIGN}' AND status = 'blocked' GROUP BY reason`,
      ),
    ).toEqual(scheduled.blockedBy);
    // Plausible: nobody blocked for NO_CONSENT holds a granted ad consent for that channel
    // (latest event), and everybody queued does (or is covered by the transaction exception).
    const noConsentButGranted = await count(
      e,
      `WITH latest AS (
         SELECT customer_id, channel, arg_max(granted, "at") AS granted FROM consents WHERE purpose = 'ad' GROUP BY ALL)
       SELECT count(*) AS n FROM messages m JOIN latest l ON l.customer_id = m.customer_id AND l.channel = m.channel
       WHERE m.campaign_id = '${CAMPAIGN}' AND m.reason = 'NO_CONSENT' AND l.granted`,
    );
    expect(noConsentButGranted).toBe(0);
    const queuedWithoutConsent = await count(
      e,
      `WITH latest AS (
         SELECT customer_id, channel, arg_max(granted, "at") AS granted FROM consents WHERE purpose = 'ad' GROUP BY ALL)
       SELECT count(*) AS n FROM messages m LEFT JOIN latest l ON l.customer_id = m.customer_id AND l.channel = m.channel
       WHERE m.campaign_id = '${CAMPAIGN}' AND m.status = 'queued' AND NOT coalesce(l.granted, false)`,
    );
    expect(queuedWithoutConsent).toBe(0);
    // OPTED_OUT: the latest ad consent event for that channel is a withdrawal (or a 080 refusal).
    const optedOutButGranted = await count(
      e,
      `WITH latest AS (
         SELECT customer_id, channel, arg_max(granted, "at") AS granted FROM consents WHERE purpose = 'ad' GROUP BY ALL)
       SELECT count(*) AS n FROM messages m LEFT JOIN latest l ON l.customer_id = m.customer_id AND l.channel = m.channel
       WHERE m.campaign_id = '${CAMPAIGN}' AND m.reason = 'OPTED_OUT' AND coalesce(l.granted, true)`,
    );
    expect(optedOutButGranted).toBe(0);
    // UNREACHABLE: no address for the arm's channel.
    const reachable = await count(
      e,
      `SELECT count(*) AS n FROM messages m JOIN customers c USING (customer_id)
       WHERE m.campaign_id = '${CAMPAIGN}' AND m.reason = 'UNREACHABLE'
         AND ((m.channel = 'email' AND c.email IS NOT NULL) OR (m.channel = 'sms' AND c.phone IS NOT NULL))`,
    );
    expect(reachable).toBe(0);
    if (scheduled.blockedBy.MARKETPLACE_ONLY) {
      const ownChannel = await count(
        e,
        `SELECT count(*) AS n FROM messages m JOIN customer_channels c ON c.customer_id = m.customer_id
         WHERE m.campaign_id = '${CAMPAIGN}' AND m.reason = 'MARKETPLACE_ONLY' AND c.channel IN ('cafe24', 'crm', 'offline', 'warranty')`,
      );
      expect(ownChannel).toBe(0);
    }

    // Ad marks in the queued content, per channel.
    const queued = await e.query<{ channel: string; content: string }>(
      `SELECT channel, content FROM messages WHERE campaign_id = '${CAMPAIGN}' AND status = 'queued'`,
    );
    const sms = queued.filter((q) => q.channel === 'sms').map((q) => JSON.parse(q.content) as { text: string });
    const mail = queued
      .filter((q) => q.channel === 'email')
      .map((q) => JSON.parse(q.content) as { subject: string; text: string });
    expect(sms.length).toBeGreaterThan(20);
    expect(mail.length).toBeGreaterThan(20);
    for (const m of sms) {
      expect(m.text.startsWith('(광고)달빛상회')).toBe(true);
      expect(m.text).toMatch(/무료수신거부 080-123-4567$/);
    }
    for (const m of mail) {
      expect(m.subject.startsWith('(광고)')).toBe(true);
      expect(m.text).toContain('수신거부');
    }
  });

  it('the dispatcher hands every queued message to the real servers; reports mark SMS delivered', async () => {
    const e = brand.engine;
    const queuedBy = await countBy(
      e,
      `SELECT channel AS k, count(*) AS n FROM messages WHERE campaign_id = '${CAMPAIGN}' AND status = 'queued' GROUP BY channel`,
    );
    dispatched = await dispatchUntilIdle(e, ch, now);
    expect(dispatched).toMatchObject({
      claimed: scheduled.queued,
      accepted: scheduled.queued,
      failed: 0,
      retried: 0,
      duplicates: 0,
    });
    const statusBy = await countBy(
      e,
      `SELECT channel || ':' || status AS k, count(*) AS n FROM messages WHERE campaign_id = '${CAMPAIGN}' AND status <> 'blocked' GROUP BY ALL`,
    );
    // SMTP has no delivery reports: accepted. Solapi posted 3000 then 4000 for each SMS.
    expect(statusBy).toEqual({ 'email:accepted': queuedBy.email, 'sms:delivered': queuedBy.sms });
    expect(ch.solapi.requests.flatMap((r) => r.body.messages)).toHaveLength(queuedBy.sms ?? -1);
    const receiptEvents = await countBy(
      e,
      `SELECT ev.status AS k, count(*) AS n FROM message_events ev JOIN messages m USING (idempotency_key)
       WHERE m.campaign_id = '${CAMPAIGN}' AND ev.source = 'receipt' GROUP BY ev.status`,
    );
    expect(receiptEvents).toEqual({ at_carrier: queuedBy.sms, delivered: queuedBy.sms });
  });

  it('what arrived at the SMTP server is a Korean ad with (광고) subject and a signed unsubscribe link', async () => {
    const e = brand.engine;
    const sent = await e.query<{ recipient: string; customer_id: string; name: string }>(
      `SELECT m.recipient, m.customer_id, c.name FROM messages m JOIN customers c USING (customer_id)
       WHERE m.campaign_id = '${CAMPAIGN}' AND m.channel = 'email' AND m.status = 'accepted'`,
    );
    expect(ch.smtp.mails).toHaveLength(sent.length);
    expect(ch.smtp.mails.flatMap((m) => m.envelope.to).sort()).toEqual(sent.map((s) => s.recipient).sort());
    const byAddress = new Map(sent.map((s) => [s.recipient, s]));
    for (const mail of ch.smtp.mails) {
      const who = byAddress.get(mail.envelope.to[0] ?? '');
      expect(mail.parsed.subject).toBe(`(광고) ${who?.name}님, 겨울 신상품이 나왔어요`);
      expect(mail.parsed.text).toContain(`${who?.name}님, 달빛상회 겨울 신상품을`);
      expect(mail.parsed.text).toContain('수신거부');
      // A signed link for this customer that Dalbit's /u/ page accepts (and that expires in 90 days).
      const link = new RegExp(`https://dalbit\\.test/u/(${who?.customer_id}\\.email\\.\\d+\\.[0-9a-f]{32})`).exec(
        mail.parsed.text ?? '',
      );
      expect(link).not.toBeNull();
      expect(verifyUnsubscribeToken(link?.[1] ?? '', { secret: COUPON_SECRET, now: RUN_AT }).ok).toBe(true);
      expect(mail.raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/dalbit\.test\/u\/c_/m);
      expect(mail.parsed.from?.value[0]?.address).toBe('news@dalbit.test');
    }
  });

  it('planted orders imported after the send give a report whose funnel equals the database', async () => {
    const e = brand.engine;
    planted = await plantExperiment(e, {
      campaignId: CAMPAIGN,
      via: 'importer',
      workDir: join(brand.dir, 'plant'),
      now: new Date('2026-12-01T00:00:00Z'),
      baselineRate: 0.1,
      effects: { A: 0.3, B: 0.3 },
      windowDays: 7,
      seed: 5,
    });
    expect(planted.orders.length).toBeGreaterThan(0);
    report = await loadCampaignReport(e, { campaignId: CAMPAIGN });
    const byArm = (sqlText: string) => countBy(e, sqlText);
    const exposures = await byArm(
      `SELECT arm AS k, count(DISTINCT customer_id) AS n FROM campaign_exposures WHERE campaign_id = '${CAMPAIGN}' GROUP BY arm`,
    );
    const blocked = await byArm(
      `SELECT x.arm AS k, count(*) AS n FROM campaign_exposures x JOIN messages m ON m.idempotency_key = x.idempotency_key
       WHERE x.campaign_id = '${CAMPAIGN}' AND m.status = 'blocked' GROUP BY x.arm`,
    );
    const sentBy = await byArm(
      `SELECT x.arm AS k, count(*) AS n FROM campaign_exposures x JOIN messages m ON m.idempotency_key = x.idempotency_key
       WHERE x.campaign_id = '${CAMPAIGN}' AND m.status IN ('accepted', 'at_carrier', 'delivered') GROUP BY x.arm`,
    );
    const deliveredBy = await byArm(
      `SELECT x.arm AS k, count(*) AS n FROM campaign_exposures x JOIN messages m ON m.idempotency_key = x.idempotency_key
       WHERE x.campaign_id = '${CAMPAIGN}' AND m.status = 'delivered' GROUP BY x.arm`,
    );
    expect(report.arms.slice().sort()).toEqual(['A', 'B', 'holdout']);
    for (const f of report.funnel) {
      expect(f.targeted, f.arm).toBe(exposures[f.arm] ?? 0);
      expect(f.blocked, f.arm).toBe(blocked[f.arm] ?? 0);
      expect(f.sent, f.arm).toBe(sentBy[f.arm] ?? 0);
      expect(f.delivered, f.arm).toBe(deliveredBy[f.arm] ?? 0);
      expect(f.pending, f.arm).toBe(0);
    }
    expect(report.funnel.find((f) => f.arm === 'holdout')?.heldOut).toBe(scheduled.holdout);
    const reasons: Record<string, number> = {};
    for (const f of report.funnel) for (const [k, n] of Object.entries(f.blockedBy)) reasons[k] = (reasons[k] ?? 0) + n;
    expect(reasons).toEqual(scheduled.blockedBy);

    // Conversions: the planted paid orders inside the window, per arm, found on the unified customer.
    const conversions = report.analysis?.arms.reduce((t, a) => t + a.conversions, 0) ?? 0;
    expect(conversions).toBeGreaterThan(0);
    for (const arm of ['holdout', 'A', 'B']) {
      const counted = planted.orders.filter((o) => o.arm === arm && o.counted);
      expect(report.analysis?.arms.find((a) => a.arm === arm)?.conversions, arm).toBe(
        new Set(counted.map((o) => o.customerId)).size,
      );
    }
    const text = renderCampaignReport(report, 'ko');
    expect(text).toContain(`캠페인 리포트 — ${CAMPAIGN}`);
    expect(text).toMatch(/결론: \S+/);
    expect(text).toContain('NO_CONSENT');
    console.log(
      JSON.stringify({
        e2e: {
          customers: brand.demo.customers,
          segment: members,
          scheduled,
          dispatched,
          smtpMails: ch.smtp.mails.length,
        },
        funnel: report.funnel.map((f) => [f.arm, f.targeted, f.blocked, f.sent, f.delivered, f.converted]),
        verdict: report.verdict.kind,
      }),
    );
  });
});
