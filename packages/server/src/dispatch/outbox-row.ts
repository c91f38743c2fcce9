import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';

/** Statuses the dispatcher adds to the scheduler's (`queued`, `deferred`, `blocked` …). */
export const RETRY = 'retry';
export const IN_DOUBT = 'in_doubt';
export const SENDING = 'sending';

/** A message row as claimed by the dispatcher. */
export interface ClaimedRow {
  readonly key: string;
  readonly channel: ChannelKind;
  readonly purpose: string;
  readonly attempts: number;
  readonly customerId: string | null;
  readonly recipient: string | null;
  readonly content: unknown;
  /** Lock token of the claim this row belonged to before (in-doubt and retry groups). */
  readonly previousToken: string | null;
  /** Why it was claimed: a first send, a retry, or a send whose outcome was never recorded. */
  readonly via: 'fresh' | 'retry' | 'in_doubt';
  readonly viaFallback: boolean;
}

export const CLAIM_COLUMNS =
  'idempotency_key, channel, purpose, attempts, customer_id, recipient, content, locked_by, via_fallback';

export type RawClaim = {
  readonly idempotency_key: string;
  readonly channel: string;
  readonly purpose: string;
  readonly attempts: number;
  readonly customer_id: string | null;
  readonly recipient: string | null;
  readonly content: unknown;
  readonly locked_by: string | null;
  readonly via_fallback: boolean | null;
};

export function toClaimedRow(r: RawClaim, via: ClaimedRow['via'], previousToken: string | null): ClaimedRow {
  return {
    key: r.idempotency_key,
    channel: r.channel as ChannelKind,
    purpose: r.purpose,
    attempts: Number(r.attempts),
    customerId: r.customer_id,
    recipient: r.recipient,
    content: r.content,
    previousToken,
    via,
    viaFallback: r.via_fallback === true,
  };
}

/**
 * The rendered message stored by the scheduler, read back. Returns undefined when the content is
 * missing or is not a message for this row's channel (the row then fails as CONTENT_REJECTED).
 */
export function parseContent(row: ClaimedRow): OutboundMessage | undefined {
  let v: unknown = row.content;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return undefined;
    }
  }
  if (typeof v !== 'object' || v === null || (v as { channel?: unknown }).channel !== row.channel) return undefined;
  const msg = v as Record<string, unknown>;
  if (row.channel === 'onsite' && typeof msg.expiresAt === 'string')
    return { ...msg, expiresAt: new Date(msg.expiresAt) } as unknown as OutboundMessage;
  return msg as unknown as OutboundMessage;
}
