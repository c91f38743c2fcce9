import type { ChannelKind, MessagePurpose } from '../channels/channel-kind.ts';
import type { OutboundMessage, SmsFallback } from '../channels/outbound-message.ts';
import type { CompliancePolicy } from '../compliance/policy.ts';
import { translate } from '../i18n/catalog.ts';
import { toDomesticDigits } from '../phone/phone.ts';
import { fillAlimtalkTemplate } from '../templates/alimtalk-variables.ts';
import { DEFAULT_CHANNEL_LIMITS } from '../templates/channel-limits.ts';
import { compileTemplate, type TemplateMode } from '../templates/render-template.ts';
import type { ProductRef, TemplateContext } from '../templates/template-context.ts';
import type { TemplateIssue } from '../templates/template-issue.ts';
import type { MessageTemplate } from './message-template.ts';
import type { Sender } from './schema.ts';

/** The customer as templates and addresses need them. */
export interface Recipient {
  readonly customerId: string;
  readonly name?: string | null | undefined;
  readonly grade?: string | null | undefined;
  /** E.164, marketable mobile only (customers.phone). */
  readonly phone?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly pushToken?: string | null | undefined;
  readonly relatedProducts?: readonly ProductRef[] | undefined;
  readonly lastViewedProduct?: ProductRef | undefined;
}

export interface IssuedCoupon {
  readonly code: string;
  readonly expiresAt: Date;
  readonly value: string;
}

export type BuiltMessage =
  | { readonly ok: true; readonly message: OutboundMessage; readonly recipient: string | null }
  | {
      readonly ok: false;
      readonly reason: 'UNREACHABLE' | 'NO_TEMPLATE' | 'TEMPLATE_ERROR';
      readonly detail: string;
      readonly issues: readonly TemplateIssue[];
    };

function render(
  source: string,
  mode: TemplateMode,
  ctx: TemplateContext,
  path: string,
  issues: TemplateIssue[],
): string {
  const compiled = compileTemplate(source, mode, path);
  if (!compiled.ok) {
    issues.push(...compiled.issues);
    return '';
  }
  const out = compiled.template.render(ctx);
  issues.push(...out.issues);
  return out.text;
}

const fail = (
  reason: 'UNREACHABLE' | 'NO_TEMPLATE' | 'TEMPLATE_ERROR',
  detail: string,
  issues: TemplateIssue[] = [],
): BuiltMessage => ({ ok: false, reason, detail, issues });

/** The approved AlimTalk text filled for this customer, as an issue when over the 1,000-character limit. */
function alimtalkOverLimit(body: string, variables: Readonly<Record<string, string>>): TemplateIssue | null {
  const actual = [...fillAlimtalkTemplate(body, variables)].length;
  const limit = DEFAULT_CHANNEL_LIMITS.alimtalkChars;
  if (actual <= limit) return null;
  const message = translate('ko', 'campaign.alimtalkTooLong', {
    actual: actual.toLocaleString('en-US'),
    limit: limit.toLocaleString('en-US'),
  });
  return { code: 'ALIMTALK_TOO_LONG', path: 'text', message, limit, actual };
}

/**
 * Renders one channel's template for one customer into an `OutboundMessage` (before the guard,
 * which adds the ad marks). SMS fallback of a Kakao message comes from its `smsFallback`, else
 * from the campaign's SMS template.
 */
export function buildMessage(input: {
  channel: ChannelKind;
  purpose: MessagePurpose;
  templates: readonly MessageTemplate[];
  fallbackToSms: boolean;
  sender: Sender;
  recipient: Recipient;
  coupon?: IssuedCoupon | undefined;
  policy: CompliancePolicy;
  /** Signed, expiring token for Dalbit's `/u/<token>` page (`{unsubscribe_token}` in the sender's URL; kept as written without one, e.g. in previews). */
  unsubscribeToken?: string | undefined;
}): BuiltMessage {
  const { channel, purpose, recipient: r, sender } = input;
  const tpl = input.templates.find((t) => t.channel === channel);
  if (!tpl) return fail('NO_TEMPLATE', `no template for ${channel}`);
  const phone = r.phone ? toDomesticDigits(r.phone) : undefined;
  const phoneChannel = channel === 'sms' || channel === 'kakao_brand' || channel === 'kakao_alimtalk';
  const unsubscribe =
    channel === 'email'
      ? (sender.unsubscribeUrl
          ?.replaceAll('{customer_id}', encodeURIComponent(r.customerId))
          .replaceAll('{unsubscribe_token}', input.unsubscribeToken ?? '{unsubscribe_token}') ?? '')
      : phoneChannel
        ? input.policy.marks.optOutLine.replace('{number}', input.policy.sender.optOutNumber)
        : channel === 'push'
          ? input.policy.marks.pushOptOutHint
          : '';
  const ctx: TemplateContext = {
    name: r.name ?? undefined,
    grade: r.grade ?? undefined,
    relatedProducts: r.relatedProducts,
    lastViewedProduct: r.lastViewedProduct,
    coupon: input.coupon,
    unsubscribe,
  };
  const issues: TemplateIssue[] = [];
  const text = (s: string, path: string) => render(s, 'text', ctx, path, issues);
  if (phoneChannel && !phone) return fail('UNREACHABLE', 'no marketable mobile number');
  const smsTpl = input.templates.find((t) => t.channel === 'sms');
  const fallbackOf = (own: { text: string; subject?: string | undefined } | undefined): SmsFallback | undefined => {
    if (!input.fallbackToSms || !sender.smsFrom) return undefined;
    const src = own ?? (smsTpl?.channel === 'sms' ? smsTpl : undefined);
    if (!src) return undefined;
    const body = text(src.text, 'fallback.text');
    const subject = src.subject === undefined ? undefined : text(src.subject, 'fallback.subject');
    return { kind: 'SMS', from: sender.smsFrom, text: body, ...(subject === undefined ? {} : { subject }) };
  };
  let message: OutboundMessage;
  let recipient: string | null = null;
  switch (tpl.channel) {
    case 'sms': {
      const subject = tpl.subject === undefined ? undefined : text(tpl.subject, 'subject');
      message = {
        channel: 'sms',
        purpose,
        to: phone ?? '',
        from: sender.smsFrom ?? '',
        kind: subject === undefined ? 'SMS' : 'LMS',
        text: text(tpl.text, 'text'),
        ...(subject === undefined ? {} : { subject }),
      };
      recipient = phone ?? null;
      break;
    }
    case 'kakao_brand': {
      const fallback = fallbackOf(tpl.smsFallback);
      message = {
        channel: 'kakao_brand',
        purpose,
        to: phone ?? '',
        senderKey: sender.kakaoSenderKey ?? '',
        text: text(tpl.text, 'text'),
        targeting: tpl.targeting,
        ...(fallback ? { fallback } : {}),
      };
      recipient = phone ?? null;
      break;
    }
    case 'kakao_alimtalk': {
      const variables: Record<string, string> = {};
      for (const [k, v] of Object.entries(tpl.variables)) variables[k] = text(v, `variables.${k}`);
      const tooLong = tpl.templateBody === undefined ? null : alimtalkOverLimit(tpl.templateBody, variables);
      if (tooLong) return fail('TEMPLATE_ERROR', tooLong.message, [tooLong]);
      const fallback = fallbackOf(tpl.smsFallback);
      message = {
        channel: 'kakao_alimtalk',
        purpose,
        to: phone ?? '',
        senderKey: sender.kakaoSenderKey ?? '',
        templateCode: tpl.templateCode,
        variables,
        ...(fallback ? { fallback } : {}),
      };
      recipient = phone ?? null;
      break;
    }
    case 'email': {
      if (!r.email) return fail('UNREACHABLE', 'no email address');
      const html = tpl.html === undefined ? undefined : render(tpl.html, 'html', ctx, 'html', issues);
      message = {
        channel: 'email',
        purpose,
        to: r.email,
        from: sender.email ?? { name: '', address: '' },
        subject: text(tpl.subject, 'subject'),
        text: text(tpl.text, 'text'),
        ...(html === undefined ? {} : { html }),
        ...(unsubscribe ? { unsubscribeUrl: unsubscribe } : {}),
      };
      recipient = r.email;
      break;
    }
    case 'push':
      if (!r.pushToken) return fail('UNREACHABLE', 'no push token');
      message = {
        channel: 'push',
        purpose,
        token: r.pushToken,
        title: text(tpl.title, 'title'),
        body: text(tpl.body, 'body'),
      };
      recipient = r.pushToken;
      break;
    case 'onsite':
      message = {
        channel: 'onsite',
        purpose,
        customerId: r.customerId,
        title: text(tpl.title, 'title'),
        body: text(tpl.body, 'body'),
        ...(tpl.url ? { url: text(tpl.url, 'url') } : {}),
      };
      recipient = r.customerId;
      break;
    case 'webhook': {
      const payload: Record<string, string> = { customer_id: r.customerId };
      for (const [k, v] of Object.entries(tpl.payload)) payload[k] = text(v, `payload.${k}`);
      message = { channel: 'webhook', purpose, event: tpl.event, payload };
      break;
    }
  }
  const errors = issues.filter(
    (i) => i.code === 'SYNTAX' || i.code === 'RENDER' || i.code === 'UNKNOWN_VARIABLE' || i.code === 'COUPON_MISSING',
  );
  if (errors.length > 0) return fail('TEMPLATE_ERROR', errors.map((i) => `${i.path}: ${i.message}`).join('; '), errors);
  return { ok: true, message, recipient };
}
