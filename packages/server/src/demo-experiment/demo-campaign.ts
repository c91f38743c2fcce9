import { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import { CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { saveCampaign } from '../campaigns/campaign-store.ts';
import { runScheduler, type SchedulerSummary } from '../campaigns/run-scheduler.ts';
import type { Engine } from '../engines/engine.ts';

/** The planted-uplift campaign: an SMS ad broadcast with a 10 % holdout and arms A / B (B adds a coupon). */
export function demoExperimentCampaign(opts: { id: string; at: string }): CampaignDefinition {
  return CampaignDefinition.parse({
    id: opts.id,
    name: '겨울 신상품 안내 (실험)',
    purpose: 'ad',
    trigger: { kind: 'broadcast', at: opts.at },
    channel: 'sms',
    templates: [{ channel: 'sms', text: '{{ name }}님, 겨울 신상품이 나왔어요' }],
    sender: { smsFrom: '0212345678' },
    experiment: {
      holdoutPercent: 10,
      variants: [
        { name: 'A', weight: 1 },
        {
          name: 'B',
          weight: 1,
          templates: [{ channel: 'sms', text: '{{ name }}님, 쿠폰 {{ coupon.code }}' }],
          coupon: { kind: 'amount', value: 3000, validDays: 7 },
        },
      ],
    },
  });
}

export const DEMO_EXPERIMENT_POLICY = CompliancePolicySchema.parse({
  sender: { name: '달빛상회', contact: '02-123-4567', optOutNumber: '080-123-4567' },
  holidays: { avoidLunarHolidays: false },
});

/** Stores the campaign and runs the real scheduler once at `now` (exposures, messages, coupons). */
export async function runDemoExperimentCampaign(
  engine: Engine,
  opts: { id: string; at: string; now: Date; saveAt: Date },
): Promise<SchedulerSummary> {
  await saveCampaign(engine, demoExperimentCampaign(opts), opts.saveAt);
  return runScheduler(engine, {
    now: opts.now,
    campaignIds: [opts.id],
    policy: DEMO_EXPERIMENT_POLICY,
    couponSecret: 'demo-experiment-coupon-secret',
  });
}
