import { armFor, HOLDOUT_ARM, planForArm } from '@dalbit/core/campaigns/arms';
import { buildMessage, type IssuedCoupon } from '@dalbit/core/campaigns/build-message';
import type { LunarToSolar } from '@dalbit/core/campaigns/golden-times';
import { idempotencyKeyFor } from '@dalbit/core/campaigns/occurrence-key';
import { planTouches } from '@dalbit/core/campaigns/plan-touches';
import type { JourneyState } from '@dalbit/core/campaigns/scenario';
import type { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import { checkCompliance } from '@dalbit/core/compliance/check-compliance';
import { CONSENT_CHANNEL, findConsent } from '@dalbit/core/compliance/consent-state';
import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { findNextSendTime } from '@dalbit/core/compliance/send-windows';
import { signUnsubscribeToken } from '@dalbit/core/compliance/unsubscribe-token';
import { lunarToSolarIso } from '@dalbit/core/time/lunar';
import type { Engine } from '../engines/engine.ts';
import { allocateCaps } from './allocate-caps.ts';
import { couponCodeFor, issuedCoupon } from './coupon-codes.ts';
import { applyCouponRules } from './coupon-rules.ts';
import type { CouponIssue, TouchDecision } from './decision.ts';
import { loadRecipients, type RecipientFacts } from './load-recipients.ts';
import { loadTriggerFacts } from './load-trigger-facts.ts';
import { resolveAudience } from './resolve-audience.ts';
import { runJourneys } from './run-journeys.ts';
import { couponOwnerKey, type RunState } from './run-state.ts';

export interface PlanRunInput {
  readonly now: Date;
  readonly campaigns: readonly CampaignDefinition[];
  readonly policy: CompliancePolicy;
  /** Secret for coupon codes (HMAC key). */
  readonly couponSecret: string;
  readonly state: RunState;
  /** Start of the window (exclusive); default now − campaign.maxLatenessHours. */
  readonly from?: Date | undefined;
  readonly toSolar?: LunarToSolar | undefined;
}

export interface RunPlan {
  readonly decisions: readonly TouchDecision[];
  readonly journeys: readonly { readonly campaignId: string; readonly state: JourneyState }[];
}

interface Item {
  readonly campaign: CampaignDefinition;
  readonly stepId: string;
  readonly customerId: string;
  readonly occurrence: string;
  readonly plannedAt: Date;
  readonly key: string;
}

async function collectItems(
  engine: Engine,
  c: CampaignDefinition,
  input: PlanRunInput,
  journeys: RunPlan['journeys'][number][],
): Promise<Item[]> {
  const from = input.from ?? new Date(input.now.getTime() - c.maxLatenessHours * 3600_000);
  const audience = await resolveAudience(engine, c.audience, input.now);
  const facts = await loadTriggerFacts(engine, {
    campaign: c,
    audience,
    from,
    to: input.now,
    asOf: input.now,
    toSolar: input.toSolar ?? lunarToSolarIso,
  });
  const touches = planTouches({ campaign: c, from, to: input.now, asOf: input.now, facts });
  const item = (stepId: string, t: { customerId: string; occurrence: string; plannedAt: Date }): Item => ({
    campaign: c,
    stepId,
    ...t,
    key: idempotencyKeyFor({ campaignId: c.id, stepId, customerId: t.customerId, occurrence: t.occurrence }),
  });
  if (!c.scenario) return touches.map((t) => item('main', t));
  const run = await runJourneys(engine, { campaign: c, entries: touches, now: input.now, state: input.state });
  for (const s of run.updates) journeys.push({ campaignId: c.id, state: s });
  return run.messages.map((m) => item(m.stepId, m));
}

function nightConsent(rf: RecipientFacts | undefined, channel: ChannelKind): boolean {
  const ch = CONSENT_CHANNEL[channel];
  return rf !== undefined && ch !== null && findConsent(rf.consents, ch, 'night_ad')?.granted === true;
}

async function decide(
  it: Item,
  rf: RecipientFacts | undefined,
  input: PlanRunInput,
  owners: Map<string, string>,
): Promise<TouchDecision> {
  const c = it.campaign;
  const arm = armFor(c, it.customerId);
  const plan = planForArm(c, arm);
  const step = c.scenario?.steps.find((s) => s.id === it.stepId);
  const channel = step?.kind === 'message' && step.channel ? step.channel : plan.channel;
  const templates = step?.kind === 'message' && step.templates ? step.templates : plan.templates;
  const base = {
    key: it.key,
    campaignId: c.id,
    stepId: it.stepId,
    customerId: it.customerId,
    occurrence: it.occurrence,
    arm,
    plannedAt: it.plannedAt,
    channel,
    purpose: c.purpose,
    priority: c.priority,
  };
  const blocked = (reason: string, detail: string, recipient: string | null = null): TouchDecision => ({
    ...base,
    outcome: 'blocked',
    dueAt: it.plannedAt,
    recipient,
    reason,
    detail,
  });
  if (arm === HOLDOUT_ARM) {
    const wait = findNextSendTime(it.plannedAt, {
      channel,
      purpose: c.purpose,
      hasNightConsent: nightConsent(rf, channel),
      policy: input.policy,
    });
    return { ...base, outcome: 'holdout', dueAt: wait?.until ?? it.plannedAt, recipient: null };
  }
  if (!rf) return blocked('UNREACHABLE', 'customer not found');
  let coupon: IssuedCoupon | undefined;
  let couponIssue: CouponIssue | undefined;
  if (plan.coupon) {
    const spec = plan.coupon;
    let code = '';
    for (let attempt = 0; attempt < 5; attempt++) {
      code = couponCodeFor({
        secret: input.couponSecret,
        campaignId: c.id,
        customerId: it.customerId,
        occurrence: it.occurrence,
        prefix: spec.prefix,
        attempt,
      });
      const owner = owners.get(code);
      if (owner === undefined || owner === couponOwnerKey(c.id, it.customerId, it.occurrence)) break;
    }
    coupon = issuedCoupon(code, it.plannedAt, spec);
    couponIssue = {
      code,
      kind: spec.kind,
      value: spec.value,
      productId: spec.secret?.productId ?? null,
      secret: spec.secret !== undefined,
      expiresAt: coupon.expiresAt,
      limits: { budget: spec.budget, perCustomer: spec.perCustomer, secret: spec.secret !== undefined },
    };
  }
  const built = buildMessage({
    channel,
    purpose: c.purpose,
    templates,
    fallbackToSms: c.fallbackToSms,
    sender: c.sender,
    recipient: rf.recipient,
    coupon,
    policy: input.policy,
    unsubscribeToken:
      input.couponSecret && (channel === 'email' || channel === 'push')
        ? signUnsubscribeToken({ secret: input.couponSecret, customerId: it.customerId, channel, sentAt: it.plannedAt })
        : undefined,
  });
  if (!built.ok) return blocked(built.reason, built.detail);
  const guard = checkCompliance(
    { message: built.message, consents: rf.consents, contact: rf.contact, sentAds: [], goodsCategory: c.goodsCategory },
    { policy: input.policy, now: it.plannedAt },
  );
  if (guard.kind === 'block')
    return { ...blocked(guard.reason, guard.detail, built.recipient), message: built.message };
  const common = {
    ...base,
    recipient: built.recipient,
    message: guard.message,
    notes: guard.notes,
    coupon: couponIssue,
  };
  return guard.kind === 'defer'
    ? {
        ...common,
        outcome: 'deferred',
        dueAt: guard.until,
        reason: guard.reason,
        detail: `deferred to ${guard.until.toISOString()}`,
      }
    : { ...common, outcome: 'queued', dueAt: it.plannedAt };
}

/**
 * The dry-run core of the scheduler: who is due in the window, their arm, the rendered message,
 * the guard's decision, caps across campaigns (priority wins) and coupon rules. Reads only; the
 * scheduler writes the result, `simulate` keeps it in memory.
 */
export async function planRun(engine: Engine, input: PlanRunInput): Promise<RunPlan> {
  const journeys: RunPlan['journeys'][number][] = [];
  const items: Item[] = [];
  for (const c of input.campaigns)
    if (c.status === 'active') items.push(...(await collectItems(engine, c, input, journeys)));
  const existing = await input.state.existingKeys(items.map((i) => i.key));
  const seen = new Set<string>();
  const due = items.filter((i) => !existing.has(i.key) && !seen.has(i.key) && seen.add(i.key));
  const recipients = await loadRecipients(
    engine,
    due.map((i) => i.customerId),
    input.now,
    input.policy,
  );
  const codes = due.flatMap((it) => {
    const plan = planForArm(it.campaign, armFor(it.campaign, it.customerId));
    return plan.coupon
      ? [0, 1].map((attempt) =>
          couponCodeFor({
            secret: input.couponSecret,
            campaignId: it.campaign.id,
            customerId: it.customerId,
            occurrence: it.occurrence,
            prefix: plan.coupon?.prefix ?? '',
            attempt,
          }),
        )
      : [];
  });
  const owners = await input.state.couponOwners(codes);
  const decided: TouchDecision[] = [];
  for (const it of due) decided.push(await decide(it, recipients.get(it.customerId), input, owners));
  const capped = await allocateCaps(decided, input.policy, input.state);
  return { decisions: await applyCouponRules(capped, input.state, input.now), journeys };
}
