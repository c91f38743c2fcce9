import type { ChannelKind } from './channel-kind.ts';
import type { OutboundMessage } from './outbound-message.ts';
import type { SendError } from './send-error.ts';

export type { ChannelKind, MessagePurpose } from './channel-kind.ts';
export type { OutboundMessage } from './outbound-message.ts';

/** The provider took the message. Accepted is not delivered: delivery comes later as a `ReceiptEvent`. */
export interface ProviderAccepted {
  readonly provider: string;
  /** The provider's id for this message, used to match delivery reports. */
  readonly providerMessageId: string;
  /** Batch/request id (Solapi groupId, NHN requestId) when the provider has one. */
  readonly providerGroupId?: string;
}

export interface SendContext {
  /** Deterministic key (campaign, customer, occurrence); passed to providers that support it. */
  readonly idempotencyKey: string;
  readonly signal?: AbortSignal;
}

/** What a provider reported after acceptance, in our words. */
export type ReceiptEvent =
  | {
      readonly kind: 'delivered' | 'failed' | 'at_carrier';
      readonly provider: string;
      readonly providerMessageId: string;
      readonly idempotencyKey?: string;
      readonly at: Date;
      readonly providerCode: string;
      readonly detail?: string;
      /** True when the provider delivered (or failed) the SMS fallback of a Kakao message. */
      readonly viaFallback?: boolean;
      /** The recipient as the provider reported it; when present it must be the message's recipient. */
      readonly recipient?: string;
    }
  | {
      /** The recipient refused ads (080 service). Feed into consent withdrawal at once. */
      readonly kind: 'opt_out';
      readonly provider: string;
      /** Digits-only Korean number as the provider reported it. */
      readonly phone: string;
      readonly optOutNumber?: string;
      readonly at: Date;
      readonly providerMessageId?: string;
      readonly providerCode?: string;
    };

/** One recipient's outcome in a batch send: accepted, or the error for that message alone. */
export type BatchItemResult =
  | { readonly ok: true; readonly idempotencyKey: string; readonly accepted: ProviderAccepted }
  | {
      readonly ok: false;
      readonly idempotencyKey: string;
      readonly error: SendError;
      /**
       * Set when the whole provider request failed (not this message alone): the messages of one
       * request share it, so they are retried together as the same request.
       */
      readonly request?: string;
    };

/**
 * A channel adapter speaks one provider's protocol. Credentials arrive through the constructor;
 * vendor errors leave as `SendError` codes.
 *
 * @example
 * const accepted = await adapters.sms.send(msg, { idempotencyKey: 'c1:cust9:2026-05-01' });
 */
export interface ChannelAdapter<C extends ChannelKind = ChannelKind> {
  readonly channel: C;
  readonly provider: string;
  /** Throws `SendError`. */
  send(msg: OutboundMessage<C>, ctx: SendContext): Promise<ProviderAccepted>;
  /**
   * Sends many messages in as few requests as the provider allows (Solapi 10,000, NHN 1,000).
   * Per-recipient failures come back as items. An adapter that makes several requests returns a
   * failed request as items marked with `request` (so one refused request never hides another's
   * acceptance); an adapter making one request may throw `SendError` for it.
   */
  sendMany?(
    items: readonly { readonly msg: OutboundMessage<C>; readonly idempotencyKey: string }[],
    ctx: { readonly signal?: AbortSignal },
  ): Promise<readonly BatchItemResult[]>;
  /** One vendor report item → our event; undefined for items we do not track. */
  parseReceipt(payload: unknown): ReceiptEvent | undefined;
  /** A whole webhook body (vendors batch reports) → our events. */
  parseReceipts(body: unknown): readonly ReceiptEvent[];
}
