import { createHash } from 'node:crypto';
import type { AlimtalkMessage, OutboundMessage, SmsMessage } from '@dalbit/core/channels/outbound-message';
import type { BatchItemResult, ReceiptEvent } from '@dalbit/core/channels/port';
import { SendError } from '@dalbit/core/channels/send-error';
import { chunks } from '@dalbit/core/sql/bind-sql';
import { z } from 'zod';
import { BatchChannelAdapter } from '../batch-adapter.ts';
import { type HttpAnswer, httpFailure, postJson } from '../http/post-json.ts';
import { NHN_MAX_RECIPIENTS, type NhnConfig } from './nhn-config.ts';
import { nhnError } from './parse-nhn-error.ts';
import { nhnHookToEvent, parseNhnWebhook } from './parse-nhn-webhook.ts';
import { nhnDigits, nhnSmsGroupKey, nhnSmsPath, toNhnAlimtalkRecipient } from './to-nhn-request.ts';

type NhnChannel = 'kakao_alimtalk' | 'sms';
type Item<C extends NhnChannel> = { msg: OutboundMessage<C>; idempotencyKey: string };

const Header = z.object({ isSuccessful: z.boolean(), resultCode: z.number(), resultMessage: z.string() });
const Result = z.object({
  recipientSeq: z.number(),
  recipientNo: z.string(),
  resultCode: z.number(),
  resultMessage: z.string(),
  recipientGroupingKey: z.string().nullish(),
});
const AlimtalkAnswer = z.object({
  header: Header,
  message: z.object({ requestId: z.string(), sendResults: z.array(Result) }).nullish(),
});
const SmsAnswer = z.object({
  header: Header,
  body: z.object({ data: z.object({ requestId: z.string(), sendResultList: z.array(Result) }) }).nullish(),
});

/**
 * NHN Cloud: AlimTalk v2.3 (`X-Secret-Key`, `X-NC-API-IDEMPOTENCY-KEY`, ≤ 1,000 recipients, SMS
 * fallback through `resendParameter`) and SMS v3.0 (sms / mms, ad-sms / ad-mms).
 */
export class NhnAdapter<C extends NhnChannel> extends BatchChannelAdapter<C, NhnConfig> {
  readonly provider = 'nhn';

  async sendMany(
    items: readonly Item<C>[],
    ctx: { signal?: AbortSignal | undefined } = {},
  ): Promise<BatchItemResult[]> {
    const results = new Map<string, BatchItemResult>();
    const groups = new Map<string, Item<C>[]>();
    for (const it of items) {
      const m = it.msg as OutboundMessage<NhnChannel>;
      try {
        nhnDigits(m.to);
      } catch (e) {
        if (!(e instanceof SendError)) throw e;
        results.set(it.idempotencyKey, { ok: false, idempotencyKey: it.idempotencyKey, error: e });
        continue;
      }
      const key = m.channel === 'sms' ? nhnSmsGroupKey(m) : JSON.stringify([m.senderKey, m.templateCode]);
      groups.set(key, [...(groups.get(key) ?? []), it]);
    }
    for (const [groupKey, group] of groups)
      for (const [n, chunk] of chunks(group, NHN_MAX_RECIPIENTS).entries()) {
        const first = chunk[0]?.msg as OutboundMessage<NhnChannel>;
        let got: BatchItemResult[];
        try {
          got =
            first.channel === 'sms'
              ? await this.sendSms(first, chunk as Item<'sms'>[], ctx.signal)
              : await this.sendAlimtalk(first, chunk as Item<'kakao_alimtalk'>[], ctx.signal);
        } catch (e) {
          // One request failed: its messages get that failure; other requests keep their answers.
          const error =
            e instanceof SendError
              ? e
              : new SendError('PROVIDER_DOWN', `nhn: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
          const request = `${groupKey}#${n}`;
          got = chunk.map((c) => ({ ok: false, idempotencyKey: c.idempotencyKey, error, request }));
        }
        for (const r of got) results.set(r.idempotencyKey, r);
      }
    return items.map(
      (it) =>
        results.get(it.idempotencyKey) ?? {
          ok: false,
          idempotencyKey: it.idempotencyKey,
          error: new SendError('PROVIDER_DOWN', 'nhn did not report on this message'),
        },
    );
  }

  private requireKeys(
    appKey: string | undefined,
    secret: string | undefined,
    product: string,
  ): { appKey: string; secret: string } {
    if (!appKey || !secret) throw new SendError('AUTH_FAILED', `nhn ${product} app key / secret key not configured`);
    return { appKey, secret };
  }

  private async sendAlimtalk(
    first: AlimtalkMessage,
    chunk: Item<'kakao_alimtalk'>[],
    signal: AbortSignal | undefined,
  ): Promise<BatchItemResult[]> {
    const { appKey, secret } = this.requireKeys(this.config.alimtalkAppKey, this.config.alimtalkSecretKey, 'alimtalk');
    const keys = chunk.map((c) => c.idempotencyKey);
    const idem = keys.length === 1 ? (keys[0] ?? '') : createHash('sha256').update(keys.join('\n')).digest('hex');
    const answer = await postJson(
      `${this.config.alimtalkBaseUrl ?? 'https://api-alimtalk.cloud.toast.com'}/alimtalk/v2.3/appkeys/${appKey}/messages`,
      {
        headers: { 'X-Secret-Key': secret, 'X-NC-API-IDEMPOTENCY-KEY': idem },
        body: {
          senderKey: first.senderKey,
          templateCode: first.templateCode,
          recipientList: chunk.map((c) => toNhnAlimtalkRecipient(c.msg, c.idempotencyKey)),
        },
        signal,
        ...(this.config.timeoutMs ? { timeoutMs: this.config.timeoutMs } : {}),
      },
    );
    const parsed = this.parse(answer, AlimtalkAnswer);
    return this.toResults(chunk, parsed.message?.requestId, parsed.message?.sendResults ?? []);
  }

  private async sendSms(
    first: SmsMessage,
    chunk: Item<'sms'>[],
    signal: AbortSignal | undefined,
  ): Promise<BatchItemResult[]> {
    const { appKey, secret } = this.requireKeys(this.config.smsAppKey, this.config.smsSecretKey, 'sms');
    const answer = await postJson(
      `${this.config.smsBaseUrl ?? 'https://sms.api.nhncloudservice.com'}/sms/v3.0/appKeys/${appKey}/${nhnSmsPath(first)}`,
      {
        headers: { 'X-Secret-Key': secret },
        body: {
          body: first.text,
          sendNo: nhnDigits(first.from),
          ...(first.kind === 'LMS' ? { title: first.subject ?? '' } : {}),
          recipientList: chunk.map((c) => ({
            recipientNo: nhnDigits(c.msg.to),
            recipientGroupingKey: c.idempotencyKey,
          })),
        },
        signal,
        ...(this.config.timeoutMs ? { timeoutMs: this.config.timeoutMs } : {}),
      },
    );
    const parsed = this.parse(answer, SmsAnswer);
    return this.toResults(chunk, parsed.body?.data.requestId, parsed.body?.data.sendResultList ?? []);
  }

  private parse<T extends z.ZodType<{ header: z.infer<typeof Header> }>>(answer: HttpAnswer, schema: T): z.infer<T> {
    if (answer.status < 200 || answer.status >= 300) throw httpFailure(answer, 'nhn', this.clock());
    const parsed = schema.safeParse(answer.json);
    if (!parsed.success) throw new SendError('PROVIDER_DOWN', `nhn: unexpected answer ${answer.text.slice(0, 200)}`);
    const { header } = parsed.data;
    if (!header.isSuccessful) throw nhnError(header.resultCode, header.resultMessage);
    return parsed.data;
  }

  private toResults(
    chunk: readonly { idempotencyKey: string }[],
    requestId: string | undefined,
    list: z.infer<typeof Result>[],
  ): BatchItemResult[] {
    const byKey = new Map(list.map((r) => [r.recipientGroupingKey ?? '', r]));
    return chunk.map((c, i) => {
      const r = byKey.get(c.idempotencyKey) ?? list[i];
      if (!r || !requestId)
        return {
          ok: false,
          idempotencyKey: c.idempotencyKey,
          error: new SendError('PROVIDER_DOWN', 'nhn did not report on this recipient'),
        };
      if (r.resultCode !== 0)
        return { ok: false, idempotencyKey: c.idempotencyKey, error: nhnError(r.resultCode, r.resultMessage, true) };
      return {
        ok: true,
        idempotencyKey: c.idempotencyKey,
        accepted: { provider: 'nhn', providerMessageId: `${requestId}:${r.recipientSeq}`, providerGroupId: requestId },
      };
    });
  }

  parseReceipt(payload: unknown): ReceiptEvent | undefined {
    if (typeof payload !== 'object' || payload === null) return undefined;
    const p = payload as Record<string, unknown>;
    return nhnHookToEvent(typeof p.event === 'string' ? p.event : 'MESSAGE_RESULT_UPDATE', p, this.clock());
  }

  parseReceipts(body: unknown): ReceiptEvent[] {
    return parseNhnWebhook(body, this.clock());
  }
}

export function createNhnAdapters(config: NhnConfig): {
  kakao_alimtalk: NhnAdapter<'kakao_alimtalk'>;
  sms: NhnAdapter<'sms'>;
} {
  return { kakao_alimtalk: new NhnAdapter('kakao_alimtalk', config), sms: new NhnAdapter('sms', config) };
}
