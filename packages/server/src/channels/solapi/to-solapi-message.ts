import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import { SendError } from '@dalbit/core/channels/send-error';
import { toDomesticDigits } from '@dalbit/core/phone/phone';

export type SolapiChannel = 'sms' | 'kakao_alimtalk' | 'kakao_brand';

/** One entry of `messages` in `POST /messages/v4/send-many/detail`. */
export interface SolapiMessage {
  readonly to: string;
  readonly from?: string;
  readonly text?: string;
  readonly subject?: string;
  readonly type: 'SMS' | 'LMS' | 'ATA' | 'BMS_TEXT';
  readonly autoTypeDetect: false;
  readonly kakaoOptions?: {
    readonly pfId: string;
    readonly templateId?: string;
    readonly variables?: Record<string, string>;
    readonly disableSms: boolean;
    readonly adFlag?: boolean;
    readonly bms?: { readonly targeting: 'I' | 'M' | 'N'; readonly chatBubbleType: 'TEXT' };
  };
  /** Solapi echoes custom fields in responses and reports; we carry the idempotency key there. */
  readonly customFields: { readonly idempotencyKey: string };
}

function digits(to: string): string {
  const d = toDomesticDigits(to);
  if (d === undefined) throw new SendError('BAD_RECIPIENT', `not a Korean phone number: ${to}`);
  return d;
}

export function toSolapiMessage(msg: OutboundMessage<SolapiChannel>, idempotencyKey: string): SolapiMessage {
  const customFields = { idempotencyKey };
  switch (msg.channel) {
    case 'sms':
      return {
        to: digits(msg.to),
        from: digits(msg.from),
        text: msg.text,
        type: msg.kind,
        autoTypeDetect: false,
        ...(msg.kind === 'LMS' && msg.subject !== undefined ? { subject: msg.subject } : {}),
        customFields,
      };
    case 'kakao_alimtalk':
      return {
        to: digits(msg.to),
        ...(msg.fallback ? { from: digits(msg.fallback.from) } : {}),
        type: 'ATA',
        autoTypeDetect: false,
        kakaoOptions: {
          pfId: msg.senderKey,
          templateId: msg.templateCode,
          variables: Object.fromEntries(Object.entries(msg.variables).map(([k, v]) => [`#{${k}}`, v])),
          disableSms: msg.fallback === undefined,
        },
        customFields,
      };
    case 'kakao_brand':
      return {
        to: digits(msg.to),
        ...(msg.fallback ? { from: digits(msg.fallback.from) } : {}),
        text: msg.text,
        type: 'BMS_TEXT',
        autoTypeDetect: false,
        kakaoOptions: {
          pfId: msg.senderKey,
          disableSms: msg.fallback === undefined,
          adFlag: msg.purpose === 'ad',
          bms: { targeting: msg.targeting, chatBubbleType: 'TEXT' },
        },
        customFields,
      };
  }
}
