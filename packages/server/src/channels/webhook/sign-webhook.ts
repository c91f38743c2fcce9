import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Dalbit webhook signature, in the Stripe/Svix style:
 *
 *   Dalbit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *   Idempotency-Key: <deterministic message key>   (same on every retry; dedupe on it)
 *
 * Receivers recompute the HMAC over the raw body, compare in constant time and reject timestamps
 * older than the tolerance (default 5 minutes) to stop replays. Several `v1=` entries may appear
 * while a secret is being rotated; any match is valid.
 */
export const SIGNATURE_HEADER = 'Dalbit-Signature';

export function signWebhook(input: { secret: string; body: string; at: Date }): string {
  const t = Math.floor(input.at.getTime() / 1000);
  const v1 = createHmac('sha256', input.secret).update(`${t}.${input.body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

export type WebhookVerification =
  | { ok: true; at: Date }
  | { ok: false; reason: 'MALFORMED' | 'TOO_OLD' | 'BAD_SIGNATURE' };

export function verifyWebhookSignature(input: {
  header: string | undefined;
  body: string;
  secrets: readonly string[];
  now: Date;
  toleranceSeconds?: number;
}): WebhookVerification {
  const parts = (input.header ?? '').split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find((p) => p[0] === 't')?.[1]);
  const sigs = parts.filter((p) => p[0] === 'v1' && /^[0-9a-f]{64}$/.test(p[1] ?? '')).map((p) => p[1] ?? '');
  if (!Number.isInteger(t) || sigs.length === 0) return { ok: false, reason: 'MALFORMED' };
  if (Math.abs(input.now.getTime() / 1000 - t) > (input.toleranceSeconds ?? 300))
    return { ok: false, reason: 'TOO_OLD' };
  for (const secret of input.secrets) {
    const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${input.body}`).digest('hex'));
    if (sigs.some((s) => timingSafeEqual(Buffer.from(s), expected))) return { ok: true, at: new Date(t * 1000) };
  }
  return { ok: false, reason: 'BAD_SIGNATURE' };
}
