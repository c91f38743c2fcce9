import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import type {
  BatchItemResult,
  ChannelAdapter,
  ChannelKind,
  ProviderAccepted,
  ReceiptEvent,
  SendContext,
} from '@dalbit/core/channels/port';
import { SendError } from '@dalbit/core/channels/send-error';

/**
 * A provider whose API sends in batches (Solapi, NHN): one message is a batch of one, and the
 * clock (for report times and retry hints) comes from the config or the system.
 */
export abstract class BatchChannelAdapter<C extends ChannelKind, Config extends { readonly clock?: () => Date }>
  implements ChannelAdapter<C>
{
  abstract readonly provider: string;
  protected readonly clock: () => Date;

  constructor(
    readonly channel: C,
    protected readonly config: Config,
  ) {
    this.clock = config.clock ?? (() => new Date());
  }

  async send(msg: OutboundMessage<C>, ctx: SendContext): Promise<ProviderAccepted> {
    const [result] = await this.sendMany([{ msg, idempotencyKey: ctx.idempotencyKey }], { signal: ctx.signal });
    if (!result) throw new SendError('PROVIDER_DOWN', `${this.provider} returned no result`);
    if (!result.ok) throw result.error;
    return result.accepted;
  }

  abstract sendMany(
    items: readonly { msg: OutboundMessage<C>; idempotencyKey: string }[],
    ctx?: { signal?: AbortSignal | undefined },
  ): Promise<BatchItemResult[]>;

  abstract parseReceipt(payload: unknown): ReceiptEvent | undefined;

  abstract parseReceipts(body: unknown): readonly ReceiptEvent[];
}
