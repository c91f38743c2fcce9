import type { SmsMessage } from '@dalbit/core/channels/outbound-message';

/** What became of one claimed message in this attempt. */
export type Outcome =
  | {
      readonly kind: 'accepted';
      readonly key: string;
      readonly provider: string;
      readonly providerMessageId?: string | undefined;
      readonly providerGroupId?: string | undefined;
      /** The provider answered "already have this key": an earlier attempt went through. */
      readonly duplicate: boolean;
    }
  | {
      readonly kind: 'retry';
      readonly key: string;
      readonly code: string;
      readonly message: string;
      readonly nextAttemptAt: Date;
    }
  | {
      readonly kind: 'failed';
      readonly key: string;
      readonly code: string;
      readonly message: string;
      readonly fallback?: FallbackSend | undefined;
      /** A push token the provider says is no longer registered (FCM `UNREGISTERED`): removed from `push_tokens`. */
      readonly staleToken?: string | undefined;
    }
  | { readonly kind: 'in_doubt'; readonly key: string; readonly detail: string }
  | { readonly kind: 'cancelled'; readonly key: string; readonly code: string; readonly detail: string };

/** The SMS to send once because the Kakao message it replaces failed (대체발송). */
export interface FallbackSend {
  readonly originalKey: string;
  readonly key: string;
  readonly message: SmsMessage;
}

export const FALLBACK_SUFFIX = ':fallback';

/** Provider codes meaning "this device token is dead": FCM HTTP v1 `UNREGISTERED` (HTTP 404). */
export const STALE_TOKEN_CODES: ReadonlySet<string> = new Set(['UNREGISTERED']);

export function fallbackKeyFor(originalKey: string): string {
  return `${originalKey}${FALLBACK_SUFFIX}`;
}
