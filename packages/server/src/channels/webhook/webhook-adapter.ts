import type { WebhookMessage } from '@dalbit/core/channels/outbound-message';
import type { ChannelAdapter, ProviderAccepted, ReceiptEvent, SendContext } from '@dalbit/core/channels/port';
import { SendError } from '@dalbit/core/channels/send-error';
import { z } from 'zod';
import { httpFailure, postJson } from '../http/post-json.ts';
import { SIGNATURE_HEADER, signWebhook } from './sign-webhook.ts';

export interface WebhookConfig {
  readonly url: string;
  readonly secret: string;
  readonly timeoutMs?: number;
  readonly clock?: () => Date;
}

const Callback = z.object({
  type: z.enum(['message.delivered', 'message.failed']),
  idempotencyKey: z.string(),
  at: z.iso.datetime({ offset: true }),
  code: z.string().optional(),
});

/** Signed JSON POSTs to a partner endpoint (see `sign-webhook.ts` for the header format). */
export class WebhookAdapter implements ChannelAdapter<'webhook'> {
  readonly channel = 'webhook' as const;
  readonly provider = 'webhook';
  private readonly clock: () => Date;

  constructor(private readonly config: WebhookConfig) {
    this.clock = config.clock ?? (() => new Date());
  }

  async send(msg: WebhookMessage, ctx: SendContext): Promise<ProviderAccepted> {
    const at = this.clock();
    const body = JSON.stringify({
      id: ctx.idempotencyKey,
      type: msg.event,
      createdAt: at.toISOString(),
      purpose: msg.purpose,
      data: msg.payload,
    });
    const answer = await postJson(this.config.url, {
      headers: {
        [SIGNATURE_HEADER]: signWebhook({ secret: this.config.secret, body, at }),
        'Idempotency-Key': ctx.idempotencyKey,
        'Dalbit-Event': msg.event,
      },
      body,
      signal: ctx.signal,
      ...(this.config.timeoutMs ? { timeoutMs: this.config.timeoutMs } : {}),
    });
    if (answer.status === 404 || answer.status === 410)
      throw new SendError('BAD_RECIPIENT', `webhook endpoint answered ${answer.status}`);
    if (answer.status < 200 || answer.status >= 300) throw httpFailure(answer, 'webhook', at);
    return { provider: 'webhook', providerMessageId: ctx.idempotencyKey };
  }

  /** Optional partner callback `{ type: 'message.delivered' | 'message.failed', idempotencyKey, at }`. */
  parseReceipt(payload: unknown): ReceiptEvent | undefined {
    const p = Callback.safeParse(payload);
    if (!p.success) return undefined;
    return {
      kind: p.data.type === 'message.delivered' ? 'delivered' : 'failed',
      provider: 'webhook',
      providerMessageId: p.data.idempotencyKey,
      idempotencyKey: p.data.idempotencyKey,
      at: new Date(p.data.at),
      providerCode: p.data.code ?? p.data.type,
    };
  }

  parseReceipts(body: unknown): ReceiptEvent[] {
    return (Array.isArray(body) ? body : [body]).flatMap((b) => {
      const e = this.parseReceipt(b);
      return e ? [e] : [];
    });
  }
}
