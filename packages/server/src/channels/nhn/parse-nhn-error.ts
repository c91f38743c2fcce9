import { SendError, type SendErrorCode } from '@dalbit/core/channels/send-error';

const AUTH = new Set([-1000, -1001, -1002, -1003, -1004, -1006, -1027, -2017]);
const TEMPLATE = new Set([-3003, -3004, -3005, -3010]);

/** NHN `resultCode` (header or per recipient) → our code. */
export function nhnCodeToSendErrorCode(resultCode: number): SendErrorCode {
  if (resultCode === -1005) return 'DUPLICATE'; // same X-NC-API-IDEMPOTENCY-KEY within 10 minutes
  if (AUTH.has(resultCode)) return 'AUTH_FAILED';
  if (TEMPLATE.has(resultCode)) return 'TEMPLATE_REJECTED';
  if (resultCode === -9999) return 'PROVIDER_DOWN';
  if (resultCode === -1019) return 'AUTH_FAILED'; // 080 number not registered
  return 'CONTENT_REJECTED';
}

export function nhnError(resultCode: number, resultMessage: string, recipientLevel = false): SendError {
  let code = nhnCodeToSendErrorCode(resultCode);
  if (recipientLevel && code === 'CONTENT_REJECTED' && /recipient|수신/i.test(resultMessage)) code = 'BAD_RECIPIENT';
  return new SendError(code, `nhn ${resultCode}: ${resultMessage}`, { providerCode: String(resultCode) });
}
