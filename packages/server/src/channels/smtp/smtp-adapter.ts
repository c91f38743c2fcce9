import { createHash } from 'node:crypto';
import type { EmailMessage } from '@dalbit/core/channels/outbound-message';
import type { ChannelAdapter, ProviderAccepted, ReceiptEvent, SendContext } from '@dalbit/core/channels/port';
import { SendError } from '@dalbit/core/channels/send-error';
import nodemailer, { type Transporter } from 'nodemailer';
import { parseSmtpError } from './parse-smtp-error.ts';
import type { SmtpConfig } from './smtp-config.ts';

/** `List-Unsubscribe` (RFC 2369) with one-click POST (RFC 8058) when an https URL is given. */
export function listUnsubscribeHeaders(msg: EmailMessage): Record<string, string> {
  const targets = [msg.unsubscribeUrl, msg.unsubscribeMailto ? `mailto:${msg.unsubscribeMailto}` : undefined].filter(
    (t): t is string => t !== undefined,
  );
  if (targets.length === 0) return {};
  return {
    'List-Unsubscribe': targets.map((t) => `<${t}>`).join(', '),
    ...(msg.unsubscribeUrl?.startsWith('https://') ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
  };
}

/**
 * Email over SMTP with nodemailer. The `(광고)` subject prefix and footer come from the guard;
 * the adapter adds transport headers only. The Message-ID derives from the idempotency key, so a
 * retried send carries the same id and receivers can drop the duplicate.
 */
export class SmtpAdapter implements ChannelAdapter<'email'> {
  readonly channel = 'email' as const;
  readonly provider = 'smtp';
  private readonly transport: Transporter;

  constructor(private readonly config: SmtpConfig) {
    this.transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure ?? false,
      ignoreTLS: config.ignoreTLS ?? false,
      ...(config.auth ? { auth: { user: config.auth.user, pass: config.auth.pass } } : {}),
      connectionTimeout: config.timeoutMs ?? 15_000,
      socketTimeout: config.timeoutMs ?? 15_000,
      ...(config.pool ? { pool: true } : {}),
    });
  }

  async send(msg: EmailMessage, ctx: SendContext): Promise<ProviderAccepted> {
    if (ctx.signal?.aborted) throw new SendError('PROVIDER_DOWN', 'aborted before sending');
    const messageId = `<${createHash('sha256').update(ctx.idempotencyKey).digest('hex').slice(0, 32)}@${this.config.messageIdDomain ?? 'dalbit.local'}>`;
    try {
      const info = await this.transport.sendMail({
        from: { name: msg.from.name, address: msg.from.address },
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        ...(msg.html !== undefined ? { html: msg.html } : {}),
        messageId,
        headers: { ...listUnsubscribeHeaders(msg), 'X-Dalbit-Idempotency-Key': ctx.idempotencyKey },
      });
      const rejected = info.rejected ?? [];
      if (rejected.length > 0) throw new SendError('BAD_RECIPIENT', `smtp rejected ${rejected.map(String).join(', ')}`);
      return { provider: 'smtp', providerMessageId: info.messageId };
    } catch (e) {
      throw e instanceof SendError ? e : parseSmtpError(e);
    }
  }

  /** SMTP has no delivery webhooks; bounces arrive later as DSN mail. */
  parseReceipt(_payload: unknown): ReceiptEvent | undefined {
    return undefined;
  }

  parseReceipts(_body: unknown): ReceiptEvent[] {
    return [];
  }

  close(): void {
    this.transport.close();
  }
}
