import { createHash } from 'node:crypto';
import type { OnsiteMessage } from '@dalbit/core/channels/outbound-message';
import type { ChannelAdapter, ProviderAccepted, ReceiptEvent, SendContext } from '@dalbit/core/channels/port';
import { SendError } from '@dalbit/core/channels/send-error';
import { type Engine, sql } from '../../engines/engine.ts';

export function onsiteIdFor(idempotencyKey: string): string {
  return createHash('sha256').update(`onsite\u0000${idempotencyKey}`).digest('hex').slice(0, 32);
}

/**
 * On-site messages are stored in the warehouse for the browser tracker to fetch
 * (`fetchOnsite`). Sending twice with the same key stores one message.
 */
export class OnsiteAdapter implements ChannelAdapter<'onsite'> {
  readonly channel = 'onsite' as const;
  readonly provider = 'onsite';
  private readonly clock: () => Date;

  constructor(
    private readonly engine: Engine,
    opts: { clock?: () => Date } = {},
  ) {
    this.clock = opts.clock ?? (() => new Date());
  }

  async send(msg: OnsiteMessage, ctx: SendContext): Promise<ProviderAccepted> {
    if (!msg.customerId && !msg.anonymousId)
      throw new SendError('BAD_RECIPIENT', 'on-site message needs a customer id or an anonymous id');
    const onsiteId = onsiteIdFor(ctx.idempotencyKey);
    const d = this.engine.dialect;
    const found = await this.engine.query(
      sql(`SELECT 1 AS x FROM onsite_messages WHERE onsite_id = ${d.placeholder(1, 'string')}`, [onsiteId], ['string']),
    );
    if (found.length === 0)
      await this.engine.insert(
        'onsite_messages',
        [
          'onsite_id',
          'idempotency_key',
          'customer_id',
          'anonymous_id',
          'title',
          'body',
          'url',
          'created_at',
          'expires_at',
          'shown_at',
        ],
        [
          [
            onsiteId,
            ctx.idempotencyKey,
            msg.customerId ?? null,
            msg.anonymousId ?? null,
            msg.title,
            msg.body,
            msg.url ?? null,
            this.clock(),
            msg.expiresAt ?? null,
            null,
          ],
        ],
      );
    return { provider: 'onsite', providerMessageId: onsiteId };
  }

  /** Impressions are recorded by `fetchOnsite`, not reported by a provider. */
  parseReceipt(_payload: unknown): ReceiptEvent | undefined {
    return undefined;
  }

  parseReceipts(_body: unknown): ReceiptEvent[] {
    return [];
  }
}
