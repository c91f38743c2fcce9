import type { LunarToSolar } from '@dalbit/core/campaigns/golden-times';
import { type CompliancePolicy, DEFAULT_COMPLIANCE_POLICY } from '@dalbit/core/compliance/policy';
import { addKstDays, fromKst, toKst } from '@dalbit/core/time/kst';
import type { Engine } from '../engines/engine.ts';
import { findCampaignOrThrow, listCampaigns } from './campaign-store.ts';
import type { TouchDecision } from './decision.ts';
import { memoryState } from './memory-state.ts';
import { planRun } from './plan-run.ts';
import { type DecisionTally, tallyDecisions } from './tally-decisions.ts';

export interface SimulationDay {
  readonly date: string;
  readonly decisions: readonly TouchDecision[];
}

export interface Simulation {
  readonly campaignId: string;
  /** Decisions of the other running campaigns planned in the same passes (they compete for cap slots). */
  readonly others: readonly TouchDecision[];
  readonly from: string;
  readonly to: string;
  readonly days: readonly SimulationDay[];
  readonly totals: DecisionTally;
}

/**
 * Replays a campaign over past KST days [from, to] on the real data: each day is planned as of
 * that day's end (nothing later is visible), with the same guard, caps and coupon rules as the
 * scheduler. Writes nothing: state between days lives in memory.
 * @example await simulateCampaign(engine, { campaignId: 'bday', from: '2025-06-01', to: '2025-06-30', policy })
 */
export async function simulateCampaign(
  engine: Engine,
  input: {
    campaignId: string;
    from: string;
    to: string;
    policy?: CompliancePolicy;
    couponSecret?: string;
    toSolar?: LunarToSolar;
    /** Plan the other active campaigns in the same passes, as the scheduler runs them together (caps). */
    withRunning?: boolean;
  },
): Promise<Simulation> {
  const { campaign } = await findCampaignOrThrow(engine, input.campaignId);
  const sim = { ...campaign, status: 'active' as const };
  const running = input.withRunning
    ? (await listCampaigns(engine)).map((s) => s.campaign).filter((c) => c.status === 'active' && c.id !== campaign.id)
    : [];
  const state = memoryState(engine, new Set([campaign.id, ...running.map((c) => c.id)]));
  const days: SimulationDay[] = [];
  const others: TouchDecision[] = [];
  for (let day = input.from; day <= input.to && days.length < 3700; day = addKstDays(day, 1)) {
    const start = fromKst(day);
    const end = fromKst(addKstDays(day, 1));
    const plan = await planRun(engine, {
      now: end,
      from: start,
      campaigns: [sim, ...running],
      policy: input.policy ?? DEFAULT_COMPLIANCE_POLICY,
      couponSecret: input.couponSecret ?? 'simulation',
      state,
      toSolar: input.toSolar,
    });
    state.record(plan);
    days.push({ date: toKst(start).dateKey, decisions: plan.decisions.filter((d) => d.campaignId === campaign.id) });
    others.push(...plan.decisions.filter((d) => d.campaignId !== campaign.id));
  }
  return {
    campaignId: campaign.id,
    others,
    from: input.from,
    to: input.to,
    days,
    totals: tallyDecisions(days.flatMap((d) => d.decisions)),
  };
}
