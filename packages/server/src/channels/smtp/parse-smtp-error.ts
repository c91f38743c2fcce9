import { SendError } from '@dalbit/core/channels/send-error';

interface SmtpFailure {
  readonly code?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly message?: string;
}

/**
 * SMTP reply codes → our codes (RFC 5321): 421/45x temporary, 535 authentication, 550–553
 * mailbox problems, other 5xx permanent content/policy refusals.
 */
export function parseSmtpError(e: unknown): SendError {
  const f = (typeof e === 'object' && e !== null ? e : {}) as SmtpFailure;
  const reply = f.responseCode;
  const text = f.response ?? f.message ?? String(e);
  const opts = { cause: e, ...(reply ? { providerCode: String(reply) } : {}) };
  if (reply === 535 || reply === 530 || f.code === 'EAUTH') return new SendError('AUTH_FAILED', `smtp: ${text}`, opts);
  if (reply === 421 || reply === 450 || reply === 451 || reply === 452)
    return new SendError(reply === 452 || reply === 421 ? 'RATE_LIMITED' : 'PROVIDER_DOWN', `smtp: ${text}`, opts);
  if (reply !== undefined && reply >= 550 && reply <= 553) return new SendError('BAD_RECIPIENT', `smtp: ${text}`, opts);
  if (reply !== undefined && reply >= 500) return new SendError('CONTENT_REJECTED', `smtp: ${text}`, opts);
  return new SendError('PROVIDER_DOWN', `smtp: ${text}`, opts);
}
