import type { CampaignInput } from '@dalbit/core/campaigns/schema';
import { addKstDays, fromKst, toKst } from '@dalbit/core/time/kst';
import { lunarToSolarIso } from '@dalbit/core/time/lunar';
import { saveCampaignDefinition } from '../campaigns/campaign-lifecycle.ts';
import { findCampaign } from '../campaigns/campaign-store.ts';
import { readComplianceSettings, saveComplianceSettings } from '../campaigns/compliance-settings.ts';
import { runScheduler } from '../campaigns/run-scheduler.ts';
import { plantExperiment } from '../demo-experiment/plant-experiment.ts';
import type { Engine } from '../engines/engine.ts';
import { listSegments } from '../segments/segment-store.ts';
import { markDemoDelivered } from './mark-demo-delivered.ts';

/** Clearly fake sender settings, so ads in the demo are not all blocked with SENDER_INFO_MISSING. */
export const DEMO_SENDER = {
  name: '달빛코스메틱(데모)',
  contact: '02-0000-0000',
  address: '서울시 데모구 예시로 1',
  optOutNumber: '080-000-0000',
} as const;

const SMS_FROM = '0200000000';
const COUPON_SECRET = 'demo-campaign-coupon-secret';

interface DemoCampaign {
  readonly definition: CampaignInput;
  /** KST days the scheduler ran on (each run at the end of the day). */
  readonly days: readonly string[];
  /** Planted relative conversion lift per arm (the demo's ground truth of the message's effect). */
  readonly effects: Readonly<Record<string, number>>;
}

const range = (from: string, n: number): string[] => Array.from({ length: n }, (_, i) => addKstDays(from, i));

function demoCampaigns(asOfDay: string, vipSegment: string | undefined): DemoCampaign[] {
  const start = addKstDays(asOfDay, -35);
  const vipDay = addKstDays(asOfDay, -21);
  const ad = {
    purpose: 'ad' as const,
    status: 'active' as const,
    channel: 'sms' as const,
    sender: { smsFrom: SMS_FROM },
  };
  return [
    {
      definition: {
        ...ad,
        id: 'vip-winter-sale',
        name: 'VIP 겨울 세일 안내 (대조군 20%)',
        audience: vipSegment
          ? { kind: 'segment', segmentId: vipSegment }
          : { kind: 'recipe', recipe: 'vip-top-spenders' },
        trigger: { kind: 'broadcast', at: fromKst(vipDay, 10 * 60).toISOString() },
        templates: [
          { channel: 'sms', text: '{{ name }}님, VIP 고객님께만 겨울 세일 최대 30% 할인을 먼저 알려드려요.' },
        ],
        experiment: { holdoutPercent: 20, variants: [] },
      },
      days: [vipDay],
      effects: { main: 0.5 },
    },
    {
      definition: {
        ...ad,
        id: 'cart-reminder-ab',
        name: '장바구니 리마인드 A/B (72시간 후)',
        audience: { kind: 'recipe', recipe: 'cart-abandonment', params: { hours: 72, lookback: 7 } },
        trigger: {
          kind: 'event',
          event: { type: 'add_to_cart', properties: [] },
          delayHours: 72,
          exitIf: [{ kind: 'order', sameProduct: false }],
        },
        templates: [{ channel: 'sms', text: '{{ name }}님, 장바구니에 담아 두신 상품이 기다리고 있어요.' }],
        experiment: {
          holdoutPercent: 10,
          variants: [
            { name: 'A', weight: 1 },
            {
              name: 'B',
              weight: 1,
              templates: [
                {
                  channel: 'sms',
                  text: '{{ name }}님, 장바구니 상품 3,000원 할인 쿠폰 {{ coupon.code }} ({{ coupon.expires_at | date: "%m월 %d일" }}까지)',
                },
              ],
              coupon: { kind: 'amount', value: 3000, validDays: 7 },
            },
          ],
        },
      },
      days: range(start, 28),
      effects: { A: 0.2, B: 0.6 },
    },
    {
      definition: {
        ...ad,
        id: 'birthday-coupon',
        name: '생일 3일 전 5,000원 쿠폰',
        audience: { kind: 'recipe', recipe: 'birthday-soon', params: { days: 7 } },
        trigger: { kind: 'date_relative', anchor: 'birthday', offsetDays: -3 },
        templates: [
          { channel: 'sms', text: '{{ name }}님, 생일 축하드려요! 5,000원 쿠폰 {{ coupon.code }}를 드려요.' },
        ],
        coupon: { kind: 'amount', value: 5000, validDays: 7 },
        experiment: { holdoutPercent: 10, variants: [] },
      },
      days: range(start, 28),
      effects: { main: 0.4 },
    },
  ];
}

export interface SeededCampaign {
  readonly id: string;
  readonly touches: number;
  readonly plantedOrders: number;
}

/**
 * Gives the demo brand fake sender settings and three campaigns that have run over its history —
 * a VIP broadcast with a 20 % holdout, a cart reminder with A/B arms, a birthday coupon — through
 * the real scheduler (exposures, messages, coupons, blocked reasons), then plants post-exposure
 * orders with a known lift so each report has a result. Idempotent: existing campaigns are kept.
 */
export async function seedDemoCampaigns(
  engine: Engine,
  opts: { now: Date; asOf: Date; workDir: string },
): Promise<SeededCampaign[]> {
  if ((await readComplianceSettings(engine)).revision === 0)
    await saveComplianceSettings(
      engine,
      { sender: DEMO_SENDER, holidays: { avoidLunarHolidays: true } },
      { by: 'demo', at: opts.now },
    );
  const { policy } = await readComplianceSettings(engine);
  const vip = (await listSegments(engine)).find((s) => s.recipe === 'vip-top-spenders' && s.status === 'active');
  const asOfDay = toKst(opts.asOf).dateKey;
  const out: SeededCampaign[] = [];
  for (const [i, c] of demoCampaigns(asOfDay, vip?.segmentId).entries()) {
    if (await findCampaign(engine, c.definition.id)) continue;
    const saved = await saveCampaignDefinition(engine, c.definition, {
      at: fromKst(c.days[0] ?? asOfDay),
      mode: 'create',
    });
    let touches = 0;
    for (const day of c.days) {
      const s = await runScheduler(engine, {
        now: new Date(fromKst(addKstDays(day, 1)).getTime() - 60_000),
        campaignIds: [saved.campaign.id],
        policy,
        couponSecret: COUPON_SECRET,
        toSolar: lunarToSolarIso,
      });
      touches += s.touches;
    }
    // The demo's campaigns ran in the past: their messages went out then.
    await markDemoDelivered(
      engine,
      (b) =>
        `m.campaign_id = ${b.p(saved.campaign.id, 'string')} AND m.status IN ('planned', 'deferred', 'queued', 'retry')`,
    );
    const planted = await plantExperiment(engine, {
      campaignId: saved.campaign.id,
      via: 'insert',
      workDir: opts.workDir,
      now: opts.now,
      baselineRate: 0.03,
      effects: c.effects,
      windowDays: 7,
      seed: 101 + i,
    });
    out.push({ id: saved.campaign.id, touches, plantedOrders: planted.orders.length });
  }
  return out;
}
