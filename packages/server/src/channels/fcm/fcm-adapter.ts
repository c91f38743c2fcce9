import type { PushMessage } from '@dalbit/core/channels/outbound-message';
import type { ChannelAdapter, ProviderAccepted, ReceiptEvent, SendContext } from '@dalbit/core/channels/port';
import { SendError } from '@dalbit/core/channels/send-error';
import { ownValue } from '@dalbit/core/json/own-value';
import { z } from 'zod';
import { httpFailure, postJson } from '../http/post-json.ts';

export interface FcmConfig {
  readonly projectId: string;
  /** OAuth 2 access token source (service account); called per request so it can refresh. */
  readonly getAccessToken: () => Promise<string>;
  /** Default `https://fcm.googleapis.com`. */
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  readonly clock?: () => Date;
}

const FcmErrorBody = z.object({
  error: z.object({
    code: z.number(),
    status: z.string().optional(),
    message: z.string().optional(),
    details: z.array(z.object({ errorCode: z.string().optional() }).loose()).optional(),
  }),
});

/** FCM HTTP v1 error codes → ours (firebase.google.com/docs/reference/fcm/rest/v1/ErrorCode). */
const FCM_CODES: Record<string, SendError['code']> = {
  UNREGISTERED: 'BAD_RECIPIENT',
  INVALID_ARGUMENT: 'CONTENT_REJECTED',
  SENDER_ID_MISMATCH: 'AUTH_FAILED',
  THIRD_PARTY_AUTH_ERROR: 'AUTH_FAILED',
  QUOTA_EXCEEDED: 'RATE_LIMITED',
  UNAVAILABLE: 'PROVIDER_DOWN',
  INTERNAL: 'PROVIDER_DOWN',
};

/** App push in the FCM HTTP v1 shape: `POST /v1/projects/{project}/messages:send`, bearer token. */
export class FcmAdapter implements ChannelAdapter<'push'> {
  readonly channel = 'push' as const;
  readonly provider = 'fcm';
  private readonly clock: () => Date;

  constructor(private readonly config: FcmConfig) {
    this.clock = config.clock ?? (() => new Date());
  }

  async send(msg: PushMessage, ctx: SendContext): Promise<ProviderAccepted> {
    const token = await this.config.getAccessToken();
    const answer = await postJson(
      `${this.config.baseUrl ?? 'https://fcm.googleapis.com'}/v1/projects/${this.config.projectId}/messages:send`,
      {
        headers: { authorization: `Bearer ${token}` },
        body: {
          message: {
            token: msg.token,
            notification: { title: msg.title, body: msg.body },
            data: { ...(msg.data ?? {}), dalbit_idempotency_key: ctx.idempotencyKey },
          },
        },
        signal: ctx.signal,
        ...(this.config.timeoutMs ? { timeoutMs: this.config.timeoutMs } : {}),
      },
    );
    if (answer.status >= 200 && answer.status < 300) {
      const name = z.object({ name: z.string() }).safeParse(answer.json);
      if (!name.success) throw new SendError('PROVIDER_DOWN', 'fcm: answer without message name');
      return { provider: 'fcm', providerMessageId: name.data.name };
    }
    const err = FcmErrorBody.safeParse(answer.json);
    const fcmCode = err.success
      ? (err.data.error.details?.find((d) => d.errorCode)?.errorCode ?? err.data.error.status)
      : undefined;
    const mapped = fcmCode ? ownValue(FCM_CODES, fcmCode) : undefined;
    if (mapped && answer.status !== 429 && answer.status < 500)
      throw new SendError(mapped, `fcm ${fcmCode}: ${err.success ? (err.data.error.message ?? '') : ''}`, {
        providerCode: fcmCode ?? '',
      });
    throw httpFailure(answer, 'fcm', this.clock(), fcmCode);
  }

  /** FCM has no delivery webhooks (delivery data is exported to BigQuery). */
  parseReceipt(_payload: unknown): ReceiptEvent | undefined {
    return undefined;
  }

  parseReceipts(_body: unknown): ReceiptEvent[] {
    return [];
  }
}
