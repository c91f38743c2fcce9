import { armFor, HOLDOUT_ARM, planForArm } from '@dalbit/core/campaigns/arms';
import { buildMessage, type IssuedCoupon } from '@dalbit/core/campaigns/build-message';
import type { CampaignDefinition } from '@dalbit/core/campaigns/schema';
import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import { checkCompliance, type GuardDecision } from '@dalbit/core/compliance/check-compliance';
import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import { fillAlimtalkTemplate } from '@dalbit/core/templates/alimtalk-variables';
import type { TemplateIssue } from '@dalbit/core/templates/template-issue';
import { validateMessage } from '@dalbit/core/templates/validate-message';
import type { Engine } from '../engines/engine.ts';
import { couponCodeFor, issuedCoupon } from './coupon-codes.ts';
import { loadAdLedger, loadRecipients, type RecipientFacts } from './load-recipients.ts';

export interface ChannelPreview {
  readonly channel: ChannelKind;
  /** Rendered before the guard (what the marketer wrote, filled in). */
  readonly rendered?: OutboundMessage | undefined;
  /** The guard's verdict at `at`, with the message as it would leave (ad marks added). */
  readonly decision?: GuardDecision | undefined;
  readonly problem?: { readonly reason: string; readonly detail: string } | undefined;
  readonly issues: readonly TemplateIssue[];
  /** AlimTalk with its approved text known: that text filled for this customer, as Kakao shows it. */
  readonly alimtalkText?: string | undefined;
}

export interface CampaignPreview {
  readonly campaignId: string;
  readonly customerId: string;
  readonly arm: string;
  readonly at: Date;
  /** True when the coupon shown is the code already issued to this customer (else an example code). */
  readonly couponIssued: boolean;
  readonly channels: readonly ChannelPreview[];
  /** Later message steps of the scenario with their own text (a follow-up), rendered the same way. */
  readonly steps: readonly { readonly stepId: string; readonly channels: readonly ChannelPreview[] }[];
}

/** The code this campaign last issued to the customer, as the message carried it. */
async function latestIssuedCoupon(
  engine: Engine,
  campaignId: string,
  customerId: string,
): Promise<IssuedCoupon | undefined> {
  const [row] = await engine.query<{ code: string; kind: string; value: number; expires_at: Date }>(
    compileBound(
      engine.dialect,
      (b) =>
        `SELECT code, kind, value, expires_at FROM coupons WHERE campaign_id = ${b.p(campaignId, 'string')} AND customer_id = ${b.p(customerId, 'string')} ORDER BY issued_at DESC LIMIT 1`,
    ),
  );
  if (!row) return undefined;
  const value = Number(row.value);
  return {
    code: row.code,
    expiresAt: new Date(row.expires_at),
    value: row.kind === 'percent' ? `${value}%` : `${value.toLocaleString('en-US')}원`,
  };
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
  const issued = plan.coupon ? await latestIssuedCoupon(engine, c.id, input.customerId) : undefined;
  const coupon = plan.coupon
    ? (issued ??
      issuedCoupon(
        couponCodeFor({
          secret: input.couponSecret,
          campaignId: c.id,
          customerId: input.customerId,
          occurrence: input.occurrence ?? 'preview',
          prefix: plan.coupon.prefix,
        }),
        input.at,
        plan.coupon,
      ))
    : undefined;
  const render = (
    channel: ChannelKind,
    templates: readonly CampaignDefinition['templates'][number][],
  ): ChannelPreview =>
    renderChannel({
      c,
      channel,
      templates,
      facts,
      coupon,
      policy: input.policy,
      at: input.at,
      ledger,
      customerId: input.customerId,
    });
  const channels = [...new Set([plan.channel, ...plan.templates.map((t) => t.channel)])];
  const previews = channels.map((channel) => render(channel, plan.templates));
  const steps = (c.scenario?.steps ?? []).flatMap((s) =>
    s.kind === 'message' && s.templates
      ? [{ stepId: s.id, channels: [render(s.channel ?? plan.channel, s.templates)] }]
      : [],
  );
  return {
    campaignId: c.id,
    customerId: input.customerId,
    arm,
    at: input.at,
    couponIssued: issued !== undefined,
    channels: previews,
    steps,
  };
}

/** One channel's message for the customer, and the guard's verdict at `at` (nothing written). */
function renderChannel(x: {
  c: CampaignDefinition;
  channel: ChannelKind;
  templates: readonly CampaignDefinition['templates'][number][];
  facts: RecipientFacts;
  coupon: IssuedCoupon | undefined;
  policy: CompliancePolicy;
  at: Date;
  ledger: Awaited<ReturnType<typeof loadAdLedger>>;
  customerId: string;
}): ChannelPreview {
  const { c, channel } = x;
  const built = buildMessage({
    channel,
    purpose: c.purpose,
    templates: x.templates,
    fallbackToSms: c.fallbackToSms,
    sender: c.sender,
    recipient: x.facts.recipient,
    coupon: x.coupon,
    policy: x.policy,
  });
  if (!built.ok) return { channel, problem: { reason: built.reason, detail: built.detail }, issues: built.issues };
  const decision = checkCompliance(
    {
      message: built.message,
      consents: x.facts.consents,
      contact: x.facts.contact,
      sentAds: x.ledger.get(x.customerId) ?? [],
      goodsCategory: c.goodsCategory,
    },
    { policy: x.policy, now: x.at },
  );
  const out = decision.kind === 'block' ? built.message : decision.message;
  const tpl = x.templates.find((t) => t.channel === channel);
  const body = tpl?.channel === 'kakao_alimtalk' ? tpl.templateBody : undefined;
  return {
    channel,
    rendered: built.message,
    decision,
    issues: validateMessage(out).filter((i) => !i.code.startsWith('ALIMTALK_MISMATCH')),
    ...(body !== undefined && built.message.channel === 'kakao_alimtalk'
      ? { alimtalkText: fillAlimtalkTemplate(body, built.message.variables) }
      : {}),
  };
}
