import type { ChannelKind, MessagePurpose } from './channel-kind.ts';

/** SMS is up to 90 bytes EUC-KR; LMS up to 2,000 bytes with a 40-byte title. */
export type SmsKind = 'SMS' | 'LMS';

/** Text sent by SMS/LMS when a Kakao message cannot be delivered (대체발송). */
export interface SmsFallback {
  readonly kind: SmsKind;
  readonly from: string;
  readonly text: string;
  readonly subject?: string;
}

interface Base<C extends ChannelKind> {
  readonly channel: C;
  readonly purpose: MessagePurpose;
}

export interface EmailMessage extends Base<'email'> {
  readonly to: string;
  readonly from: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** One-click unsubscribe target (RFC 8058); becomes the List-Unsubscribe header. */
  readonly unsubscribeUrl?: string;
  readonly unsubscribeMailto?: string;
}

export interface SmsMessage extends Base<'sms'> {
  /** Korean mobile number, digits only (`01012345678`) or E.164. */
  readonly to: string;
  /** Pre-registered sender number (발신번호). */
  readonly from: string;
  readonly kind: SmsKind;
  readonly text: string;
  readonly subject?: string;
}

export interface AlimtalkMessage extends Base<'kakao_alimtalk'> {
  readonly to: string;
  /** Kakao channel sender key (Solapi `pfId`, NHN `senderKey`). */
  readonly senderKey: string;
  /** Approved template id (Solapi `templateId`, NHN `templateCode`). */
  readonly templateCode: string;
  /** Values for the template's `#{name}` variables, keyed by bare name (`name`, not `#{name}`). */
  readonly variables: Readonly<Record<string, string>>;
  readonly fallback?: SmsFallback;
}

export interface BrandMessage extends Base<'kakao_brand'> {
  readonly to: string;
  readonly senderKey: string;
  readonly text: string;
  /** Kakao targeting: `I` channel friends with consent, `M`/`N` non-friends (channels ≥ 50k friends). */
  readonly targeting: 'I' | 'M' | 'N';
  readonly fallback?: SmsFallback;
}

export interface PushMessage extends Base<'push'> {
  /** Device registration token. */
  readonly token: string;
  readonly title: string;
  readonly body: string;
  readonly data?: Readonly<Record<string, string>>;
}

export interface OnsiteMessage extends Base<'onsite'> {
  readonly customerId?: string;
  readonly anonymousId?: string;
  readonly title: string;
  readonly body: string;
  readonly url?: string;
  readonly expiresAt?: Date;
}

export interface WebhookMessage extends Base<'webhook'> {
  /** Event name, e.g. `customer.birthday_due`. */
  readonly event: string;
  readonly payload: unknown;
}

export interface OutboundMessageMap {
  email: EmailMessage;
  sms: SmsMessage;
  kakao_alimtalk: AlimtalkMessage;
  kakao_brand: BrandMessage;
  push: PushMessage;
  onsite: OnsiteMessage;
  webhook: WebhookMessage;
}

/** A fully rendered, compliance-checked message for one recipient on channel `C`. */
export type OutboundMessage<C extends ChannelKind = ChannelKind> = OutboundMessageMap[C];
