import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import type { Context } from 'hono';
import { createRequestLimiter } from '../auth/rate-limit.ts';
import { sameSecret } from '../auth/secret-token.ts';
import { clientIp } from '../http/caller.ts';
import type { SiteKeys } from './site-keys.ts';

/** Bounds on public tracker traffic (per minute; events per request). */
export interface TrackerLimits {
  readonly perKeyPerMinute: number;
  readonly perIpPerMinute: number;
  readonly maxEvents: number;
  /** Events accepted but not yet written beyond which a request is refused (503, Retry-After). */
  readonly maxQueuedEvents: number;
}

/** A busy shop: 10,000 visitors each flushing every 2 s stay under the key limit; one browser flushes at most ~60 times a minute. */
export const DEFAULT_TRACKER_LIMITS: TrackerLimits = {
  perKeyPerMinute: 20_000,
  perIpPerMinute: 300,
  maxEvents: 500,
  maxQueuedEvents: 20_000,
};

const fail = (code: string, kind: 'unauthenticated' | 'unavailable', key: MessageKey): DalbitError =>
  new DalbitError({ code, kind, message: translate('ko', key) });

/** The site a write key belongs to, or 401 (missing or wrong key) / 503 (no keys configured). */
export function checkWriteKey(given: string | undefined, keys: SiteKeys | undefined): { site: string } {
  if (keys === undefined) throw fail('TRACKER_NOT_CONFIGURED', 'unavailable', 'tracker.notConfigured');
  if (given === undefined || given === '')
    throw fail('WRITE_KEY_REQUIRED', 'unauthenticated', 'tracker.writeKeyRequired');
  if (!sameSecret(given, keys.writeKey)) throw fail('BAD_WRITE_KEY', 'unauthenticated', 'tracker.badWriteKey');
  return { site: keys.site };
}

export function rateLimited(seconds: number): DalbitError {
  return new DalbitError({
    code: 'RATE_LIMITED',
    kind: 'rate_limited',
    message: translate('ko', 'tracker.rateLimited', { seconds }),
    data: { retryAfter: seconds },
  });
}

/** 503 with Retry-After when the event write queue is full: the tracker keeps the batch and sends it again. */
export function ingestBusy(): DalbitError {
  return new DalbitError({
    code: 'INGEST_BUSY',
    kind: 'unavailable',
    message: translate('ko', 'tracker.busy', { seconds: 1 }),
    data: { retryAfter: 1 },
  });
}

export interface TrackerGate {
  readonly limits: TrackerLimits;
  /**
   * For a public tracker request, before its body is read: the write key (`?key=`) must be the
   * site's, and the key and the client address must be under their per-minute limits (429 with
   * Retry-After). Returns the site.
   */
  admit(c: Context): { site: string };
}

/** One gate per server; routes that take the write key (events, on-site messages) share it. */
export function createTrackerGate(deps: {
  siteKeys?: SiteKeys | undefined;
  now: () => Date;
  trustedProxy: boolean;
  limits?: Partial<TrackerLimits> | undefined;
}): TrackerGate {
  const limits = { ...DEFAULT_TRACKER_LIMITS, ...deps.limits };
  const perKey = createRequestLimiter(limits.perKeyPerMinute, 60_000);
  const perIp = createRequestLimiter(limits.perIpPerMinute, 60_000);
  return {
    limits,
    admit(c) {
      const site = checkWriteKey(c.req.query('key'), deps.siteKeys);
      const t = deps.now().getTime();
      const ipWait = perIp.take(clientIp(c, deps.trustedProxy) ?? 'unknown', t);
      if (ipWait > 0) throw rateLimited(ipWait);
      const keyWait = perKey.take(site.site, t);
      if (keyWait > 0) throw rateLimited(keyWait);
      return site;
    },
  };
}
