import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import type { BatchItemResult, ReceiptEvent } from '@dalbit/core/channels/port';
import { SendError } from '@dalbit/core/channels/send-error';
import { z } from 'zod';
import { BatchChannelAdapter } from '../batch-adapter.ts';
import { postJson } from '../http/post-json.ts';
import { parseSolapiHttpError, solapiFailedItemError } from './parse-solapi-error.ts';
import { solapiReportToEvents } from './parse-solapi-report.ts';
import { signSolapiRequest } from './sign-solapi-request.ts';
import { SOLAPI_MAX_BATCH, type SolapiConfig } from './solapi-config.ts';
import { type SolapiChannel, type SolapiMessage, toSolapiMessage } from './to-solapi-message.ts';

const Answer = z.object({
  groupInfo: z.object({ groupId: z.string() }).loose(),
  failedMessageList: z
    .array(
      z
        .object({
          statusCode: z.string(),
          statusMessage: z.string(),
          customFields: z.record(z.string(), z.string()).optional(),
        })
        .loose(),
    )
    .default([]),
  messageList: z
    .array(
      z
        .object({
          messageId: z.string(),
          statusCode: z.string(),
          customFields: z.record(z.string(), z.string()).optional(),
        })
        .loose(),
    )
    .default([]),
});

/**
 * SMS/LMS, AlimTalk (`ATA`) and brand messages (`BMS_TEXT`) through Solapi
 * `POST /messages/v4/send-many/detail`, up to 10,000 messages a request.
 */
export class SolapiAdapter<C extends SolapiChannel> extends BatchChannelAdapter<C, SolapiConfig> {
  readonly provider = 'solapi';

  async sendMany(
    items: readonly { msg: OutboundMessage<C>; idempotencyKey: string }[],
    ctx: { signal?: AbortSignal | undefined } = {},
  ): Promise<BatchItemResult[]> {
    const out: BatchItemResult[] = [];
    const max = Math.min(this.config.maxBatch ?? SOLAPI_MAX_BATCH, SOLAPI_MAX_BATCH);
    for (let i = 0; i < items.length; i += max)
      out.push(...(await this.sendChunk(items.slice(i, i + max), ctx.signal)));
    return out;
  }

  private async sendChunk(
    items: readonly { msg: OutboundMessage<C>; idempotencyKey: string }[],
    signal: AbortSignal | undefined,
  ): Promise<BatchItemResult[]> {
    const results = new Map<string, BatchItemResult>();
    const messages: SolapiMessage[] = [];
    for (const it of items) {
      try {
        messages.push(toSolapiMessage(it.msg as OutboundMessage<SolapiChannel>, it.idempotencyKey));
      } catch (e) {
        if (!(e instanceof SendError)) throw e;
        results.set(it.idempotencyKey, { ok: false, idempotencyKey: it.idempotencyKey, error: e });
      }
    }
    if (messages.length > 0) {
      const now = this.clock();
      const answer = await postJson(`${this.config.baseUrl ?? 'https://api.solapi.com'}/messages/v4/send-many/detail`, {
        headers: {
          authorization: signSolapiRequest({
            apiKey: this.config.apiKey,
            apiSecret: this.config.apiSecret,
            date: now,
            ...(this.config.salt ? { salt: this.config.salt() } : {}),
          }),
        },
        body: { messages, showMessageList: true, allowDuplicates: false },
        signal,
        ...(this.config.timeoutMs ? { timeoutMs: this.config.timeoutMs } : {}),
      });
      if (answer.status < 200 || answer.status >= 300) throw parseSolapiHttpError(answer, now);
      const parsed = Answer.safeParse(answer.json);
      if (!parsed.success)
        throw new SendError('PROVIDER_DOWN', `solapi: unexpected answer ${answer.text.slice(0, 200)}`);
      const groupId = parsed.data.groupInfo.groupId;
      for (const f of parsed.data.failedMessageList) {
        const key = f.customFields?.idempotencyKey;
        if (key)
          results.set(key, {
            ok: false,
            idempotencyKey: key,
            error: solapiFailedItemError(f.statusCode, f.statusMessage),
          });
      }
      for (const m of parsed.data.messageList) {
        const key = m.customFields?.idempotencyKey;
        if (key && !results.has(key))
          results.set(key, {
            ok: true,
            idempotencyKey: key,
            accepted: { provider: 'solapi', providerMessageId: m.messageId, providerGroupId: groupId },
          });
      }
    }
    return items.map(
      (it) =>
        results.get(it.idempotencyKey) ?? {
          ok: false,
          idempotencyKey: it.idempotencyKey,
          error: new SendError('PROVIDER_DOWN', 'solapi did not report on this message'),
        },
    );
  }

  parseReceipt(payload: unknown): ReceiptEvent | undefined {
    return solapiReportToEvents(payload, this.clock())[0];
  }

  parseReceipts(body: unknown): ReceiptEvent[] {
    const items = Array.isArray(body) ? body : [body];
    return items.flatMap((r) => solapiReportToEvents(r, this.clock()));
  }
}

/** The three Solapi-backed channels sharing one configuration. */
export function createSolapiAdapters(config: SolapiConfig): {
  sms: SolapiAdapter<'sms'>;
  kakao_alimtalk: SolapiAdapter<'kakao_alimtalk'>;
  kakao_brand: SolapiAdapter<'kakao_brand'>;
} {
  return {
    sms: new SolapiAdapter('sms', config),
    kakao_alimtalk: new SolapiAdapter('kakao_alimtalk', config),
    kakao_brand: new SolapiAdapter('kakao_brand', config),
  };
}
