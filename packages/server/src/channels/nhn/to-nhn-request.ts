import type { AlimtalkMessage, SmsMessage } from '@dalbit/core/channels/outbound-message';
import { SendError } from '@dalbit/core/channels/send-error';
import { toDomesticDigits } from '@dalbit/core/phone/phone';

export function nhnDigits(phone: string): string {
  const d = toDomesticDigits(phone);
  if (d === undefined) throw new SendError('BAD_RECIPIENT', `not a Korean phone number: ${phone}`);
  return d;
}

/** `POST /alimtalk/v2.3/appkeys/{appkey}/messages` recipient entry. */
export function toNhnAlimtalkRecipient(msg: AlimtalkMessage, idempotencyKey: string): Record<string, unknown> {
  return {
    recipientNo: nhnDigits(msg.to),
    templateParameter: { ...msg.variables },
    ...(msg.fallback
      ? {
          resendParameter: {
            isResend: true,
            resendType: msg.fallback.kind,
            ...(msg.fallback.subject !== undefined ? { resendTitle: msg.fallback.subject } : {}),
            resendContent: msg.fallback.text,
            resendSendNo: nhnDigits(msg.fallback.from),
          },
        }
      : { resendParameter: { isResend: false } }),
    recipientGroupingKey: idempotencyKey,
  };
}

/** SMS v3.0: SMS → `sender/sms`, LMS → `sender/mms`; ads use the `ad-` endpoints (080 opt-out enforced). */
export function nhnSmsPath(msg: SmsMessage): string {
  return `sender/${msg.purpose === 'ad' ? 'ad-' : ''}${msg.kind === 'SMS' ? 'sms' : 'mms'}`;
}

/** The body is shared by every recipient of a request, so only identical texts share a request. */
export function nhnSmsGroupKey(msg: SmsMessage): string {
  return JSON.stringify([nhnSmsPath(msg), msg.from, msg.subject ?? '', msg.text]);
}
