import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../src/campaigns/build-message.ts';
import { DEFAULT_COMPLIANCE_POLICY } from '../../src/compliance/policy.ts';
import { signUnsubscribeToken, verifyUnsubscribeToken } from '../../src/compliance/unsubscribe-token.ts';

const sentAt = new Date('2026-11-15T01:00:00Z');
const secret = 'brand-secret';

describe('unsubscribe tokens', () => {
  it('verify with the same secret until 90 days after the send, and not after', () => {
    const t = signUnsubscribeToken({ secret, customerId: 'c_0123456789abcdefghjk', channel: 'email', sentAt });
    expect(t).toMatch(/^c_0123456789abcdefghjk\.email\.\d{10}\.[0-9a-f]{32}$/);
    expect(verifyUnsubscribeToken(t, { secret, now: new Date(sentAt.getTime() + 89 * 86_400_000) })).toMatchObject({
      ok: true,
      customerId: 'c_0123456789abcdefghjk',
      channel: 'email',
    });
    expect(verifyUnsubscribeToken(t, { secret, now: new Date(sentAt.getTime() + 90 * 86_400_000) })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(verifyUnsubscribeToken(t, { secret: 'other', now: sentAt })).toEqual({ ok: false, reason: 'bad_signature' });
    const longer = t.replace(/\.(\d+)\./, (_m, exp: string) => `.${Number(exp) + 86_400 * 365}.`);
    expect(verifyUnsubscribeToken(longer, { secret, now: sentAt })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyUnsubscribeToken('c_x.email.1.zz', { secret, now: sentAt })).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('accept old hex ids too, and fill {unsubscribe_token} in the sender URL', () => {
    const t = signUnsubscribeToken({ secret, customerId: 'c_00ff00ff00ff00ff', channel: 'email', sentAt });
    expect(verifyUnsubscribeToken(t, { secret, now: sentAt }).ok).toBe(true);
    const input = {
      channel: 'email' as const,
      purpose: 'ad' as const,
      templates: [{ channel: 'email' as const, subject: '안내', text: '본문 {{ unsubscribe }}' }],
      fallbackToSms: false,
      sender: {
        email: { name: '달빛', address: 'hello@example.com' },
        unsubscribeUrl: 'https://crm.example.com/u/{unsubscribe_token}',
      },
      recipient: { customerId: 'c_00ff00ff00ff00ff', email: 'kim@example.com' },
      policy: DEFAULT_COMPLIANCE_POLICY,
      unsubscribeToken: t,
    };
    const built = buildMessage(input);
    expect(built.ok && built.message.channel === 'email' && built.message.unsubscribeUrl).toBe(
      `https://crm.example.com/u/${t}`,
    );
    // A preview has no token: the placeholder stays visible instead of a live link.
    const preview = buildMessage({ ...input, unsubscribeToken: undefined });
    expect(preview.ok && preview.message.channel === 'email' && preview.message.unsubscribeUrl).toBe(
      'https://crm.example.com/u/{unsubscribe_token}',
    );
  });
});
