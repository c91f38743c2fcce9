import { SendError, type SendErrorCode } from './send-error.ts';

/**
 * Generic HTTP status → send error code, for vendors whose body says nothing more specific.
 * Returns undefined for 2xx/3xx.
 */
export function sendErrorCodeForStatus(status: number): SendErrorCode | undefined {
  if (status < 400) return undefined;
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401 || status === 403) return 'AUTH_FAILED';
  if (status === 408 || status >= 500) return 'PROVIDER_DOWN';
  if (status === 409) return 'DUPLICATE';
  return 'CONTENT_REJECTED';
}

/**
 * Parses `Retry-After` (seconds or HTTP date) or IETF `RateLimit-Reset` (seconds) into milliseconds
 * from `now`. Unparseable or negative values give undefined.
 */
export function parseRetryAfter(headers: { get(name: string): string | null }, now: Date): number | undefined {
  const raw = headers.get('retry-after') ?? headers.get('ratelimit-reset');
  if (raw === null) return undefined;
  const trimmed = raw.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** Builds the SendError for a non-2xx HTTP answer. */
export function sendErrorForStatus(input: {
  status: number;
  message: string;
  retryAfterMs?: number | undefined;
  providerCode?: string | undefined;
}): SendError {
  const code = sendErrorCodeForStatus(input.status) ?? 'PROVIDER_DOWN';
  return new SendError(code, input.message, {
    ...(input.retryAfterMs === undefined ? {} : { retryAfterMs: input.retryAfterMs }),
    ...(input.providerCode === undefined ? {} : { providerCode: input.providerCode }),
  });
}
