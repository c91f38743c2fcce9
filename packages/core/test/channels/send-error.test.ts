import { parseRetryAfter, sendErrorCodeForStatus, sendErrorForStatus } from '@dalbit/core/channels/http-status';
import { SEND_RETRYABLE, SendError } from '@dalbit/core/channels/send-error';
import { toDomesticDigits, toKoreanE164 } from '@dalbit/core/phone/phone';
import { describe, expect, it } from 'vitest';

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

describe('send errors', () => {
  it('retries only rate limits and outages', () => {
    expect(
      Object.entries(SEND_RETRYABLE)
        .filter(([, r]) => r)
        .map(([c]) => c),
    ).toEqual(['RATE_LIMITED', 'PROVIDER_DOWN']);
    expect(new SendError('DUPLICATE', 'x').retryable).toBe(false);
  });

  it('maps HTTP statuses the way the adapters need', () => {
    expect([200, 400, 401, 403, 404, 408, 409, 429, 500, 503].map(sendErrorCodeForStatus)).toEqual([
      undefined,
      'CONTENT_REJECTED',
      'AUTH_FAILED',
      'AUTH_FAILED',
      'CONTENT_REJECTED',
      'PROVIDER_DOWN',
      'DUPLICATE',
      'RATE_LIMITED',
      'PROVIDER_DOWN',
      'PROVIDER_DOWN',
    ]);
  });

  it('reads Retry-After as seconds or HTTP date, and RateLimit-Reset', () => {
    const now = new Date('2026-05-06T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': '7' }), now)).toBe(7000);
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 06 May 2026 00:00:30 GMT' }), now)).toBe(30_000);
    expect(parseRetryAfter(headers({ 'ratelimit-reset': '2' }), now)).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(sendErrorForStatus({ status: 429, message: 'slow down', retryAfterMs: 5000 })).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterMs: 5000,
      retryable: true,
    });
  });

  it('normalises Korean numbers for gateways and for the warehouse', () => {
    expect(['+82 10-1234-5678', '010.1234.5678', '821012345678', '0082-10-1234-5678'].map(toDomesticDigits)).toEqual(
      Array(4).fill('01012345678'),
    );
    expect(toKoreanE164('010-1234-5678')).toBe('+821012345678');
    expect(toDomesticDigits('12')).toBeUndefined();
  });
});
