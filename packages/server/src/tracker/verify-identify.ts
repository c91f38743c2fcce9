import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import { verifyWebhookSignature } from '../channels/webhook/sign-webhook.ts';
import type { SiteKeys } from './site-keys.ts';

/** Seconds a signed identify call may be early or late (replays inside it only repeat an idempotent call). */
export const IDENTIFY_TOLERANCE_SECONDS = 300;

/**
 * Checks a server-to-server identify call: `Dalbit-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secretKey, "<t>.<raw body>")>` — the scheme Dalbit's own webhooks use — with the
 * timestamp inside ±5 minutes, compared in constant time. 401 otherwise; 503 without keys.
 */
export function verifyIdentifyCall(input: {
  header: string | undefined;
  body: string;
  keys: SiteKeys | undefined;
  now: Date;
}): { site: string } {
  if (input.keys === undefined)
    throw new DalbitError({
      code: 'TRACKER_NOT_CONFIGURED',
      kind: 'unavailable',
      message: translate('ko', 'tracker.notConfigured'),
    });
  const v = verifyWebhookSignature({
    header: input.header,
    body: input.body,
    secrets: [input.keys.secretKey],
    now: input.now,
    toleranceSeconds: IDENTIFY_TOLERANCE_SECONDS,
  });
  if (v.ok) return { site: input.keys.site };
  const [code, message] =
    v.reason === 'MALFORMED'
      ? ['SIGNATURE_REQUIRED', translate('ko', 'tracker.signatureRequired')]
      : v.reason === 'TOO_OLD'
        ? ['STALE_SIGNATURE', translate('ko', 'tracker.staleSignature', { seconds: IDENTIFY_TOLERANCE_SECONDS })]
        : ['BAD_SIGNATURE', translate('ko', 'tracker.badSignature')];
  throw new DalbitError({ code, kind: 'unauthenticated', message });
}
