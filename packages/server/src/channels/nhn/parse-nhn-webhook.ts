import type { ReceiptEvent } from '@dalbit/core/channels/port';
import { z } from 'zod';
import { sameSecret } from '../../auth/secret-token.ts';

const Webhook = z.object({
  hooksId: z.string().optional(),
  productName: z.string().optional(),
  event: z.string(),
  hooks: z.array(z.record(z.string(), z.unknown())),
});

/** NHN times come without a zone (`2024-04-29T20:58:04`, `2024-04-29 20:58:04`): they are KST. */
export function parseNhnTime(raw: unknown, fallback: Date): Date {
  if (typeof raw !== 'string' || raw === '') return fallback;
  const iso = raw.includes('T') ? raw : raw.replace(' ', 'T');
  const zoned = /([+-]\d{2}:?\d{2}|Z)$/.test(iso) ? iso : `${iso}${iso.length === 10 ? 'T00:00:00' : ''}+09:00`;
  const t = Date.parse(zoned);
  return Number.isNaN(t) ? fallback : new Date(t);
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/** One hook item of a webhook body → receipt events. */
export function nhnHookToEvent(event: string, hook: Record<string, unknown>, now: Date): ReceiptEvent | undefined {
  if (event === 'UNSUBSCRIBE') {
    const phone = str(hook.recipientNo);
    if (!phone) return undefined;
    const optOutNumber = str(hook.unsubscribeNo);
    return {
      kind: 'opt_out',
      provider: 'nhn',
      phone,
      at: parseNhnTime(hook.createdDateTime, now),
      ...(optOutNumber ? { optOutNumber } : {}),
    };
  }
  if (event !== 'MESSAGE_RESULT_UPDATE') return undefined;
  const requestId = str(hook.requestId);
  const seq = str(hook.recipientSeq);
  if (!requestId || !seq) return undefined;
  const resultCode = str(hook.resultCode) ?? '';
  const status = str(hook.messageStatus);
  const key = str(hook.recipientGroupingKey);
  const recipient = str(hook.recipientNo);
  let kind: 'delivered' | 'failed' | undefined;
  if (status !== undefined)
    kind = status === 'COMPLETED' ? 'delivered' : status.startsWith('FAILED') ? 'failed' : undefined;
  else kind = resultCode === '1000' || resultCode === 'MRC01' ? 'delivered' : 'failed';
  if (!kind) return undefined;
  return {
    kind,
    provider: 'nhn',
    providerMessageId: `${requestId}:${seq}`,
    at: parseNhnTime(hook.receiveDate ?? hook.requestDate, now),
    providerCode: resultCode,
    ...(key ? { idempotencyKey: key } : {}),
    ...(recipient ? { recipient } : {}),
    ...(hook.resendStatus === 'RSC03' || hook.isResend === true ? { viaFallback: true } : {}),
  };
}

/** Whole webhook body (`MESSAGE_RESULT_UPDATE`, `UNSUBSCRIBE`) → events. */
export function parseNhnWebhook(body: unknown, now: Date): ReceiptEvent[] {
  const parsed = Webhook.safeParse(body);
  if (!parsed.success) return [];
  return parsed.data.hooks.flatMap((h) => {
    const e = nhnHookToEvent(parsed.data.event, h, now);
    return e ? [e] : [];
  });
}

/** NHN signs webhooks with the static `X-Toast-Webhook-Signature` set in the console. */
export function isNhnWebhookAuthentic(header: string | undefined, expected: string): boolean {
  return header !== undefined && sameSecret(header, expected);
}
