import type { ReceiptEvent } from '@dalbit/core/channels/port';
import { z } from 'zod';
import { SOLAPI_OPT_OUT_CODES } from './parse-solapi-error.ts';

/** One message report as Solapi posts it to the webhook (a JSON array of these). */
export const SolapiReport = z.object({
  messageId: z.string(),
  groupId: z.string().optional(),
  to: z.string().optional(),
  type: z.string().optional(),
  statusCode: z.string(),
  statusMessage: z.string().optional(),
  dateReceived: z.string().optional(),
  dateReported: z.string().optional(),
  dateProcessed: z.string().optional(),
  replacement: z.boolean().optional(),
  customFields: z.record(z.string(), z.string()).optional(),
});
export type SolapiReport = z.infer<typeof SolapiReport>;

function reportTime(r: SolapiReport, fallback: Date): Date {
  const raw = r.dateReceived ?? r.dateReported ?? r.dateProcessed;
  const t = raw === undefined ? Number.NaN : Date.parse(raw);
  return Number.isNaN(t) ? fallback : new Date(t);
}

/**
 * Solapi's status table (docs "메시지 상태 코드"): 2000 accepted (nothing new), 3000 at the carrier,
 * 4000 delivered; every other code is a failure — 1xxx at acceptance, 2xxx inside the platform
 * (2061 refused through 080, 2230 no balance …), 3xxx at the carrier (3040 timeout, 3043 power
 * off, 3059 forged sender, 3104 not a Kakao user …). 1061/2061 are also an opt-out.
 */
export function solapiReportToEvents(raw: unknown, now: Date): ReceiptEvent[] {
  const parsed = SolapiReport.safeParse(raw);
  if (!parsed.success) return [];
  const r = parsed.data;
  const at = reportTime(r, now);
  const base = {
    provider: 'solapi',
    providerMessageId: r.messageId,
    at,
    providerCode: r.statusCode,
    ...(r.customFields?.idempotencyKey ? { idempotencyKey: r.customFields.idempotencyKey } : {}),
    ...(r.statusMessage ? { detail: r.statusMessage } : {}),
    ...(r.replacement ? { viaFallback: true } : {}),
    ...(r.to ? { recipient: r.to } : {}),
  };
  if (r.statusCode === '4000') return [{ kind: 'delivered', ...base }];
  if (r.statusCode === '3000') return [{ kind: 'at_carrier', ...base }];
  if (r.statusCode === '2000') return [];
  const failed: ReceiptEvent = { kind: 'failed', ...base };
  if (SOLAPI_OPT_OUT_CODES.includes(r.statusCode) && r.to)
    return [
      failed,
      {
        kind: 'opt_out',
        provider: 'solapi',
        phone: r.to,
        at,
        providerMessageId: r.messageId,
        providerCode: r.statusCode,
      },
    ];
  return [failed];
}
