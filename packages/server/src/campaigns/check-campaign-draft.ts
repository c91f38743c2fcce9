import type { DraftCheck, DraftIssue, PreviewChannel } from '@dalbit/core/campaigns/draft-check';
import { type CampaignDefinition, CampaignDefinition as CampaignSchema } from '@dalbit/core/campaigns/schema';
import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import type { CompliancePolicy } from '@dalbit/core/compliance/policy';
import { translate } from '@dalbit/core/i18n/catalog';
import { zodKorean } from '@dalbit/core/i18n/zod-korean';
import { DEFAULT_CHANNEL_LIMITS } from '@dalbit/core/templates/channel-limits';
import { measureEucKr } from '@dalbit/core/templates/euc-kr';
import type { Engine } from '../engines/engine.ts';
import { findCustomer } from '../identity/find-customer.ts';
import { missingSenderFields } from './compliance-settings.ts';
import { campaignIssueCode } from './issue-code.ts';
import { type ChannelPreview, previewCampaign } from './preview-campaign.ts';
import { reasonText } from './reason-text.ts';
import { AudienceError, checkAudience } from './resolve-audience.ts';

export type { DraftCheck, DraftIssue, PreviewChannel } from '@dalbit/core/campaigns/draft-check';

const str = (m: Record<string, unknown>, k: string): string | null => (typeof m[k] === 'string' ? String(m[k]) : null);

function lengthOf(m: OutboundMessage): PreviewChannel['length'] {
  const L = DEFAULT_CHANNEL_LIMITS;
  switch (m.channel) {
    case 'sms':
      return {
        value: measureEucKr(m.text, L.encoding).bytes,
        limit: m.kind === 'SMS' ? L.smsBytes : L.lmsBytes,
        unit: 'bytes',
      };
    case 'kakao_brand':
      return { value: [...m.text].length, limit: L.brandChars, unit: 'chars' };
    case 'push':
      return { value: [...m.body].length, limit: L.pushBodyChars, unit: 'chars' };
    case 'email':
      return { value: [...m.subject].length, limit: L.emailSubjectChars, unit: 'chars' };
    default:
      return null;
  }
}

/** AlimTalk's variables or a webhook's event and payload, as JSON (these channels carry no text). */
function keyedText(m: Record<string, unknown>): string {
  if (m.channel === 'kakao_alimtalk') return JSON.stringify(m.variables ?? {}, null, 1);
  if (m.channel === 'webhook') return JSON.stringify({ event: m.event, payload: m.payload ?? {} }, null, 1);
  return '';
}

/** A channel preview in the composer's terms: outcome, reason in Korean, the text as it leaves, its length. */
export function presentChannel(p: ChannelPreview, lang: 'ko' | 'en'): PreviewChannel {
  const d = p.decision;
  const out = d && d.kind !== 'block' ? d.message : p.rendered;
  const m = (out ?? {}) as Record<string, unknown>;
  const reason = p.problem?.reason ?? (d && d.kind !== 'send' ? d.reason : null);
  return {
    channel: p.channel,
    outcome: p.problem ? 'problem' : (d?.kind ?? 'problem'),
    reason,
    reasonLabel: reason ? (reasonText(reason, lang) ?? p.problem?.detail ?? reason) : null,
    until: d?.kind === 'defer' ? d.until.toISOString() : null,
    subject: str(m, 'subject') ?? str(m, 'title'),
    text: p.alimtalkText ?? str(m, 'text') ?? str(m, 'body') ?? keyedText(m),
    length:
      p.alimtalkText !== undefined
        ? { value: [...p.alimtalkText].length, limit: DEFAULT_CHANNEL_LIMITS.alimtalkChars, unit: 'chars' }
        : out
          ? lengthOf(out)
          : null,
    notes: d && d.kind !== 'block' ? [...d.notes] : [],
    issues: p.issues.map((i) => i.message),
  };
}

function parseDraft(raw: unknown): { campaign?: CampaignDefinition; issues: DraftIssue[] } {
  const r = CampaignSchema.safeParse({ status: 'draft', ...(raw as object) }, { error: zodKorean });
  if (r.success) return { campaign: r.data, issues: [] };
  return {
    issues: r.error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: i.message,
      code: campaignIssueCode(i),
    })),
  };
}

/** Sender fields an ad needs before launch, as issues at `settings.sender.<field>`. */
export function senderIssues(purpose: unknown, policy: CompliancePolicy): DraftIssue[] {
  if (purpose !== 'ad') return [];
  return missingSenderFields(policy).map((f) => ({
    path: ['settings', 'sender', f],
    code: 'SENDER_INFO_MISSING',
    message: translate('ko', 'studio.check.senderSettings', { field: translate('ko', `campaign.sender.${f}`) }),
  }));
}

/**
 * The composer's live check of an unsaved campaign: every issue a save would refuse (same schema,
 * same audience check), what would stop a launch, and — given a customer (id, phone or email) —
 * the message each channel would send them now, after the compliance guard. Writes nothing.
 */
export async function checkCampaignDraft(
  engine: Engine,
  input: {
    raw: unknown;
    customer?: string | undefined;
    at: Date;
    policy: CompliancePolicy;
    couponSecret: string;
    lang: 'ko' | 'en';
  },
): Promise<DraftCheck> {
  const { campaign, issues } = parseDraft(input.raw);
  if (campaign)
    try {
      await checkAudience(engine, campaign.audience);
    } catch (e) {
      if (!(e instanceof AudienceError)) throw e;
      issues.push({ path: ['audience'], code: 'AUDIENCE_INVALID', message: e.message });
    }
  let preview: DraftCheck['preview'] = null;
  if (campaign && input.customer) {
    const found = await findCustomer(engine, input.customer);
    const p = found.found
      ? await previewCampaign(engine, {
          campaign,
          customerId: found.customerId,
          at: input.at,
          policy: input.policy,
          couponSecret: input.couponSecret,
        })
      : undefined;
    if (p)
      preview = {
        customerId: p.customerId,
        arm: p.arm,
        couponIssued: p.couponIssued,
        channels: p.channels.map((c) => presentChannel(c, input.lang)),
        steps: p.steps.map((s) => ({
          stepId: s.stepId,
          channels: s.channels.map((c) => presentChannel(c, input.lang)),
        })),
      };
    else
      issues.push({
        path: ['customer'],
        code: 'CUSTOMER_NOT_FOUND',
        message: translate('ko', 'campaign.CUSTOMER_NOT_FOUND', { query: input.customer }),
      });
  }
  return {
    ok: issues.filter((i) => i.path[0] !== 'customer').length === 0,
    issues,
    launchBlockers: senderIssues((input.raw as { purpose?: unknown } | null)?.purpose, input.policy),
    preview,
  };
}
