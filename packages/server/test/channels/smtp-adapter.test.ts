import type { EmailMessage } from '@dalbit/core/channels/outbound-message';
import { checkCompliance } from '@dalbit/core/compliance/check-compliance';
import { foldConsents } from '@dalbit/core/compliance/consent-state';
import { CompliancePolicySchema } from '@dalbit/core/compliance/policy';
import { renderTemplate } from '@dalbit/core/templates/render-template';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpAdapter } from '../../src/channels/smtp/smtp-adapter.ts';
import { catchSendError } from '../support/catch-send-error.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let smtp: SmtpAdapter;

beforeAll(async () => {
  sink = await startSmtpSink({
    reject: ['nobody@dalbit.example'],
    tempFail: ['later@dalbit.example'],
    auth: { user: 'mailer', pass: 's3cret' },
  });
  smtp = new SmtpAdapter({
    host: '127.0.0.1',
    port: sink.port,
    ignoreTLS: true,
    auth: { user: 'mailer', pass: 's3cret' },
    messageIdDomain: 'mail.dalbit.example',
  });
});
afterAll(async () => {
  smtp.close();
  await sink.close();
});

const base: EmailMessage = {
  channel: 'email',
  purpose: 'ad',
  to: 'kim@dalbit.example',
  from: { name: '달빛상점', address: 'news@dalbit.example' },
  subject: '5월 가정의 달 기획전',
  text: '',
  unsubscribeUrl: 'https://dalbit.example/u/abc123',
};

describe('SMTP adapter against a real SMTP server on loopback', () => {
  it('delivers a guarded, rendered Korean ad with (광고) subject, List-Unsubscribe and escaped HTML', async () => {
    const html = renderTemplate({
      source: '<p>{{ name }}님, 쿠폰 <b>{{ coupon.code }}</b></p>',
      mode: 'html',
      context: { name: '<김달빛>', coupon: { code: 'MAY&10', expiresAt: new Date() } },
    });
    const text = renderTemplate({
      source: '{{ name }}님, 쿠폰 {{ coupon.code }}',
      mode: 'text',
      context: { name: '김달빛', coupon: { code: 'MAY&10', expiresAt: new Date() } },
    });
    const policy = CompliancePolicySchema.parse({
      sender: {
        name: '달빛상점',
        contact: '02-123-4567',
        address: '서울시 중구 세종대로 1',
        optOutNumber: '080-123-4567',
      },
    });
    const decision = checkCompliance(
      {
        message: { ...base, text: text.text ?? '', html: html.text ?? '' },
        consents: foldConsents([
          {
            customerId: 'c1',
            channel: 'email',
            purpose: 'ad',
            granted: true,
            at: new Date('2025-01-01'),
            source: 'cafe24',
          },
        ]),
        contact: { phoneMarketable: false, marketplaceOnly: false, optedOut: false },
      },
      { policy, now: new Date('2026-05-06T03:00:00Z') },
    );
    if (decision.kind !== 'send' || decision.message.channel !== 'email')
      throw new Error(`guard said ${decision.kind}`);
    const accepted = await smtp.send(decision.message, { idempotencyKey: 'may:c1:2026' });
    const mail = sink.mails.at(-1);
    if (!mail) throw new Error('nothing arrived');
    expect(accepted.providerMessageId).toMatch(/^<[0-9a-f]{32}@mail\.dalbit\.example>$/);
    expect(mail.parsed.messageId).toBe(accepted.providerMessageId);
    expect(mail.envelope).toEqual({ from: 'news@dalbit.example', to: ['kim@dalbit.example'] });
    expect(mail.parsed.subject).toBe('(광고) 5월 가정의 달 기획전');
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m); // encoded-word, not raw 8-bit
    expect(mail.parsed.from?.value[0]).toEqual({ name: '달빛상점', address: 'news@dalbit.example' });
    expect(mail.raw).toMatch(/^List-Unsubscribe: <https:\/\/dalbit\.example\/u\/abc123>\r?$/m);
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(mail.parsed.headers.get('x-dalbit-idempotency-key')).toBe('may:c1:2026');
    expect(mail.parsed.text).toContain('김달빛님, 쿠폰 MAY&10');
    expect(mail.parsed.text).toContain('수신거부를 눌러 주세요: https://dalbit.example/u/abc123');
    expect(mail.parsed.html).toContain('&lt;김달빛&gt;님, 쿠폰 <b>MAY&amp;10</b>');
    expect(mail.parsed.html).toContain('발신자: 달빛상점 | 서울시 중구 세종대로 1 | 02-123-4567');
  });

  it('keeps the same Message-ID when a send is retried with the same key', async () => {
    const a = await smtp.send(
      { ...base, purpose: 'info', subject: '주문 확인', text: '감사합니다' },
      { idempotencyKey: 'order:42' },
    );
    const b = await smtp.send(
      { ...base, purpose: 'info', subject: '주문 확인', text: '감사합니다' },
      { idempotencyKey: 'order:42' },
    );
    expect(a.providerMessageId).toBe(b.providerMessageId);
  });

  it('maps 550 to BAD_RECIPIENT, 451 to retryable, wrong password to AUTH_FAILED, no server to PROVIDER_DOWN', async () => {
    expect(
      await catchSendError(smtp.send({ ...base, to: 'nobody@dalbit.example' }, { idempotencyKey: 'x1' })),
    ).toMatchObject({ code: 'BAD_RECIPIENT', providerCode: '550', retryable: false });
    expect(
      await catchSendError(smtp.send({ ...base, to: 'later@dalbit.example' }, { idempotencyKey: 'x2' })),
    ).toMatchObject({ providerCode: '451', retryable: true });
    const wrong = new SmtpAdapter({
      host: '127.0.0.1',
      port: sink.port,
      ignoreTLS: true,
      auth: { user: 'mailer', pass: 'nope' },
    });
    expect(await catchSendError(wrong.send(base, { idempotencyKey: 'x3' }))).toMatchObject({ code: 'AUTH_FAILED' });
    wrong.close();
    const down = new SmtpAdapter({ host: '127.0.0.1', port: 9, ignoreTLS: true, timeoutMs: 2000 });
    expect(await catchSendError(down.send(base, { idempotencyKey: 'x4' }))).toMatchObject({
      code: 'PROVIDER_DOWN',
      retryable: true,
    });
    down.close();
  });
});
