import { armFor, HOLDOUT_ARM, planForArm } from '@dalbit/core/campaigns/arms';
import { buildMessage } from '@dalbit/core/campaigns/build-message';
import type { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import { checkCompliance, type GuardDecision } from '@dalbit/core/compliance/check-compliance';
import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import type { TemplateIssue } from '@dalbit/core/templates/template-issue';
import { validateMessage } from '@dalbit/core/templates/validate-message';
import type { Engine } from '../engines/engine.ts';
import { couponCodeFor, issuedCoupon } from './coupon-codes.ts';
import { loadAdLedger, loadRecipients } from './load-recipients.ts';

export interface ChannelPreview {
  readonly channel: ChannelKind;
  /** Rendered before the guard (what the marketer wrote, filled in). */
  readonly rendered?: OutboundMessage | undefined;
  /** The guard's verdict at `at`, with the message as it would leave (ad marks added). */
  readonly decision?: GuardDecision | undefined;
  readonly problem?: { readonly reason: string; readonly detail: string } | undefined;
  readonly issues: readonly TemplateIssue[];
}

export interface CampaignPreview {
  readonly campaignId: string;
  readonly customerId: string;
  readonly arm: string;
  readonly at: Date;
  readonly channels: readonly ChannelPreview[];
}

/**
 * Renders every channel template of a campaign for one customer, and what the compliance guard
 * would decide at `at` (consents, night window, caps against the outbox). Writes nothing; the
 * coupon code shown is the one the customer would get.
 */
export async function previewCampaign(
  engine: Engine,
  input: {
    campaign: CampaignDefinition;
    customerId: string;
    at: Date;
    policy: CompliancePolicy;
    couponSecret: string;
    occurrence?: string;
  },
): Promise<CampaignPreview | undefined> {
  const c = input.campaign;
  const facts = (await loadRecipients(engine, [input.customerId], input.at, input.policy)).get(input.customerId);
  if (!facts) return undefined;
  const arm = armFor(c, input.customerId);
  const plan = planForArm(c, arm === HOLDOUT_ARM ? (c.experiment.variants[0]?.name ?? 'main') : arm);
  const ledger = await loadAdLedger(engine, [input.customerId], input.at, input.at, input.policy.caps.weekDays);
  const coupon = plan.coupon
    ? issuedCoupon(
        couponCodeFor({
          secret: input.couponSecret,
          campaignId: c.id,
          customerId: input.customerId,
          occurrence: input.occurrence ?? 'preview',
          prefix: plan.coupon.prefix,
        }),
        input.at,
        plan.coupon,
      )
    : undefined;
  const channels = [...new Set([plan.channel, ...plan.templates.map((t) => t.channel)])];
  const previews: ChannelPreview[] = channels.map((channel) => {
    const built = buildMessage({
      channel,
      purpose: c.purpose,
      templates: plan.templates,
      fallbackToSms: c.fallbackToSms,
      sender: c.sender,
      recipient: facts.recipient,
      coupon,
      policy: input.policy,
    });
    if (!built.ok) return { channel, problem: { reason: built.reason, detail: built.detail }, issues: built.issues };
    const decision = checkCompliance(
      {
        message: built.message,
        consents: facts.consents,
        contact: facts.contact,
        sentAds: ledger.get(input.customerId) ?? [],
        goodsCategory: c.goodsCategory,
      },
      { policy: input.policy, now: input.at },
    );
    const out = decision.kind === 'block' ? built.message : decision.message;
    return {
      channel,
      rendered: built.message,
      decision,
      issues: validateMessage(out).filter((i) => !i.code.startsWith('ALIMTALK_MISMATCH')),
    };
  });
  return { campaignId: c.id, customerId: input.customerId, arm, at: input.at, channels: previews };
}
