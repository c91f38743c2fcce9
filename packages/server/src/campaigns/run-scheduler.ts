import { randomUUID } from 'node:crypto';
import type { LunarToSolar } from '@dalbit/core/campaigns/golden-times';
import { SCHEDULER_RUNS } from '@dalbit/core/campaigns/tables';
import { type CompliancePolicy, DEFAULT_COMPLIANCE_POLICY } from '@dalbit/core/compliance/policy';
import { columnNames } from '@dalbit/core/schema/table';
import type { Engine } from '../engines/engine.ts';
import { listCampaigns } from './campaign-store.ts';
import { planRun } from './plan-run.ts';
import { AudienceError, checkAudience } from './resolve-audience.ts';
import { warehouseState } from './run-state.ts';
import { type DecisionTally, tallyDecisions } from './tally-decisions.ts';
import { writeRun } from './write-run.ts';

export interface SchedulerOptions {
  readonly now: Date;
  /** Only these campaigns (default: every active one). */
  readonly campaignIds?: readonly string[] | undefined;
  readonly policy?: CompliancePolicy | undefined;
  /** HMAC key for coupon codes; keep it secret and stable (codes are re-derived from it). */
  readonly couponSecret?: string | undefined;
  readonly toSolar?: LunarToSolar | undefined;
}

export interface SchedulerSummary extends DecisionTally {
  readonly runId: string;
  readonly campaigns: readonly string[];
  /** Campaigns left out of this pass because their audience cannot be resolved. */
  readonly skipped: readonly { readonly campaignId: string; readonly reason: string }[];
}

/**
 * One scheduler pass: computes the touches due up to `now`, decides each (arm, render, guard,
 * caps, coupons) and writes messages (`queued` / `deferred` / `blocked`) and exposures. Safe to
 * re-run at any time: a touch whose deterministic key is already recorded is skipped.
 * @example await runScheduler(engine, { now: new Date(), policy, couponSecret })
 */
export async function runScheduler(engine: Engine, options: SchedulerOptions): Promise<SchedulerSummary> {
  const started = new Date();
  const stored = await listCampaigns(engine);
  const wanted = options.campaignIds ? new Set(options.campaignIds) : undefined;
  const active = stored.map((s) => s.campaign).filter((c) => c.status === 'active' && (!wanted || wanted.has(c.id)));
  // One campaign whose audience cannot be resolved (a deleted segment, a stored recipe that no
  // longer builds) is skipped and reported; it must not stop every other campaign's sends.
  const campaigns: typeof active = [];
  const skipped: { campaignId: string; reason: string }[] = [];
  for (const c of active) {
    try {
      await checkAudience(engine, c.audience);
      campaigns.push(c);
    } catch (e) {
      if (!(e instanceof AudienceError)) throw e;
      skipped.push({ campaignId: c.id, reason: e.message });
    }
  }
  const needsSecret = campaigns.some(
    (c) =>
      c.coupon !== undefined ||
      c.experiment.variants.some((v) => v.coupon) ||
      c.sender.unsubscribeUrl?.includes('{unsubscribe_token}'),
  );
  if (needsSecret && !options.couponSecret)
    throw new Error(
      'runScheduler: couponSecret is required when a campaign issues coupons or signed unsubscribe links',
    );
  const plan = await planRun(engine, {
    now: options.now,
    campaigns,
    policy: options.policy ?? DEFAULT_COMPLIANCE_POLICY,
    couponSecret: options.couponSecret ?? '',
    state: warehouseState(engine),
    toSolar: options.toSolar,
  });
  await writeRun(engine, plan, options.now, new Map(stored.map((s) => [s.campaign.id, s.revision])));
  const summary: SchedulerSummary = {
    runId: randomUUID(),
    campaigns: campaigns.map((c) => c.id),
    skipped,
    ...tallyDecisions(plan.decisions),
  };
  await engine.insert(SCHEDULER_RUNS.name, columnNames(SCHEDULER_RUNS), [
    [
      summary.runId,
      options.now,
      started,
      new Date(),
      JSON.stringify(summary.campaigns),
      summary.touches,
      summary.queued,
      summary.deferred,
      summary.blocked,
      summary.holdout,
    ],
  ]);
  return summary;
}
