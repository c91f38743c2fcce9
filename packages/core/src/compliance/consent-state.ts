import type { ChannelKind } from '../channels/channel-kind.ts';

/** Consent channels as stored in the `consents` table. */
export type ConsentChannel = 'sms' | 'kakao' | 'email' | 'push';
export type ConsentPurpose = 'ad' | 'night_ad' | 'info';

/** One append-only row of the `consents` table. */
export interface ConsentEvent {
  readonly customerId: string;
  readonly channel: ConsentChannel;
  readonly purpose: ConsentPurpose;
  readonly granted: boolean;
  readonly at: Date;
  readonly source: string;
  readonly proof?: string | undefined;
}

export interface ConsentFact {
  readonly granted: boolean;
  readonly at: Date;
  readonly source: string;
}

/** Latest fact per `channel:purpose`. */
export type ConsentState = ReadonlyMap<string, ConsentFact>;

/** Consent channel a message channel needs; null for channels outside §50 (on-site, partner webhooks). */
export const CONSENT_CHANNEL: Record<ChannelKind, ConsentChannel | null> = {
  email: 'email',
  sms: 'sms',
  kakao_alimtalk: 'kakao',
  kakao_brand: 'kakao',
  push: 'push',
  onsite: null,
  webhook: null,
};

/**
 * Folds append-only consent events into the current state. Later events win; at equal times a
 * withdrawal wins (refusal must take effect).
 */
export function foldConsents(events: readonly ConsentEvent[]): ConsentState {
  const state = new Map<string, ConsentFact>();
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime() || Number(b.granted) - Number(a.granted));
  for (const e of sorted) state.set(`${e.channel}:${e.purpose}`, { granted: e.granted, at: e.at, source: e.source });
  return state;
}

export function findConsent(
  state: ConsentState,
  channel: ConsentChannel,
  purpose: ConsentPurpose,
): ConsentFact | undefined {
  return state.get(`${channel}:${purpose}`);
}
