import type { OutboundMessage, SmsMessage } from '@dalbit/core/channels/outbound-message';
import { type FallbackSend, fallbackKeyFor } from './outcome.ts';

/**
 * The SMS/LMS replacing a failed Kakao message, built from the `fallback` the scheduler and
 * guard stored in the message (ad marks already applied there). Undefined when the campaign did
 * not ask for a fallback, the guard dropped it (no SMS ad consent), or this is not Kakao.
 */
export function fallbackFor(originalKey: string, msg: OutboundMessage | undefined): FallbackSend | undefined {
  if (!msg || (msg.channel !== 'kakao_alimtalk' && msg.channel !== 'kakao_brand') || !msg.fallback) return undefined;
  const fb = msg.fallback;
  const message: SmsMessage = {
    channel: 'sms',
    purpose: msg.purpose,
    to: msg.to,
    from: fb.from,
    kind: fb.kind,
    text: fb.text,
    ...(fb.kind === 'LMS' && fb.subject !== undefined ? { subject: fb.subject } : {}),
  };
  return { originalKey, key: fallbackKeyFor(originalKey), message };
}

/** Kakao content without its fallback, so the provider does not also send its own replacement. */
export function withoutProviderFallback(msg: OutboundMessage): OutboundMessage {
  if ((msg.channel === 'kakao_alimtalk' || msg.channel === 'kakao_brand') && msg.fallback) {
    const { fallback: _kept, ...rest } = msg;
    return rest;
  }
  return msg;
}
