import { SendError, type SendErrorCode } from '@dalbit/core/channels/send-error';
import { z } from 'zod';
import { type HttpAnswer, httpFailure } from '../http/post-json.ts';

/** Status codes of refusals through the 080 opt-out service. */
export const SOLAPI_OPT_OUT_CODES: readonly string[] = ['1061', '2061'];

/** "This idempotency key was already accepted" (`customFields.idempotencyKey` seen before). */
export const SOLAPI_DUPLICATE_CODE = '1090';

const ErrorBody = z.object({ errorCode: z.string(), errorMessage: z.string().optional() });

/** Request-level failure (non-2xx) → SendError. */
export function parseSolapiHttpError(answer: HttpAnswer, now: Date): SendError {
  const body = ErrorBody.safeParse(answer.json);
  const code = body.success ? body.data.errorCode : undefined;
  if (answer.status === 400 && code === 'ValidationError')
    return new SendError('CONTENT_REJECTED', `solapi: ${body.success ? body.data.errorMessage : ''}`, {
      providerCode: code,
    });
  return httpFailure(answer, 'solapi', now, code);
}

/** A message Solapi refused at acceptance (`failedMessageList[]`) → SendError for that message. */
export function solapiFailedItemError(statusCode: string, statusMessage: string): SendError {
  let code: SendErrorCode = 'CONTENT_REJECTED';
  if (statusCode === SOLAPI_DUPLICATE_CODE) code = 'DUPLICATE';
  else if (SOLAPI_OPT_OUT_CODES.includes(statusCode)) code = 'RECIPIENT_OPTED_OUT';
  else if (/수신번호|recipient|\bto\b/i.test(statusMessage)) code = 'BAD_RECIPIENT';
  else if (/템플릿|template/i.test(statusMessage)) code = 'TEMPLATE_REJECTED';
  else if (/발신번호|sender|from/i.test(statusMessage)) code = 'AUTH_FAILED';
  return new SendError(code, `solapi ${statusCode}: ${statusMessage}`, { providerCode: statusCode });
}
