import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import type { ChannelAdapter } from '@dalbit/core/channels/port';
import type { SendError } from '@dalbit/core/channels/send-error';

/**
 * How a provider treats a second send with the same idempotency key — this decides what the
 * dispatcher may do with a message whose outcome it never recorded (process died mid-call):
 * - `key`: per-message key deduplicated by the provider or receiver (webhook `Idempotency-Key`,
 *   on-site store, Solapi `customFields` in our gateway) → resend;
 * - `request`: the key covers one request (NHN `X-NC-API-IDEMPOTENCY-KEY`) → resend the same
 *   messages in the same order so the request key repeats;
 * - `none`: nothing deduplicates (FCM) → hold the message as `in_doubt` unless told to resend.
 */
export type DedupeKind = 'key' | 'request' | 'none';

export interface ChannelRoute {
  readonly adapter: ChannelAdapter;
  readonly dedupe: DedupeKind;
  /** How long the provider remembers a key (NHN: 10 minutes); older in-doubt sends are held. */
  readonly dedupeWindowMs?: number;
  /** What to do with an in-doubt message outside the dedupe guarantee. */
  readonly inDoubt: 'resend' | 'hold';
  /** Messages per provider request and per claim (bounded by the rate limiter's burst). */
  readonly batchSize: number;
  /** Token bucket (messages/second); undefined = unlimited. */
  readonly ratePerSecond?: number;
  /** Provider answers meaning "already accepted under this key" besides code DUPLICATE. */
  readonly duplicateProviderCodes?: readonly string[];
  /** Concurrent sends for adapters without `sendMany`. */
  readonly concurrency?: number;
}

/** Channel → route. Built once in the entry point from configuration. */
export type AdapterRegistry = Partial<Record<ChannelKind, ChannelRoute>>;

export function isDuplicateError(route: ChannelRoute, e: SendError): boolean {
  return (
    e.code === 'DUPLICATE' ||
    (e.providerCode !== undefined && (route.duplicateProviderCodes ?? []).includes(e.providerCode))
  );
}

/** Defaults per provider name; each can be overridden when the registry is built. */
export const PROVIDER_DEFAULTS: Readonly<Record<string, Omit<ChannelRoute, 'adapter'>>> = {
  solapi: { dedupe: 'key', inDoubt: 'resend', batchSize: 1000, ratePerSecond: 1000 },
  nhn: {
    dedupe: 'request',
    dedupeWindowMs: 10 * 60_000,
    inDoubt: 'hold',
    batchSize: 1000,
    ratePerSecond: 1000,
  },
  webhook: { dedupe: 'key', inDoubt: 'resend', batchSize: 100, ratePerSecond: 50, concurrency: 8 },
  onsite: { dedupe: 'key', inDoubt: 'resend', batchSize: 500, concurrency: 1 },
  smtp: { dedupe: 'none', inDoubt: 'resend', batchSize: 100, ratePerSecond: 20, concurrency: 4 },
  fcm: { dedupe: 'none', inDoubt: 'hold', batchSize: 100, ratePerSecond: 500, concurrency: 8 },
};

export function routeFor(
  adapter: ChannelAdapter,
  overrides: Partial<Omit<ChannelRoute, 'adapter'>> = {},
): ChannelRoute {
  const base = PROVIDER_DEFAULTS[adapter.provider] ?? { dedupe: 'none', inDoubt: 'hold', batchSize: 100 };
  // NHN SMS v3.0 has no idempotency header (only AlimTalk does).
  const channel =
    adapter.provider === 'nhn' && adapter.channel === 'sms'
      ? { dedupe: 'none' as const, inDoubt: 'hold' as const }
      : {};
  return { ...base, ...channel, ...overrides, adapter };
}
