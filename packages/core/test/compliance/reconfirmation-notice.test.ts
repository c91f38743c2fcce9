import type { ConsentEvent } from '@dalbit/core/compliance/consent-state';
import {
  buildReconfirmationNotice,
  findLapses,
  missingNoticeSender,
  parseReconfirmationOccurrence,
  reconfirmationOccurrence,
} from '@dalbit/core/compliance/reconfirmation-notice';
import { describe, expect, it } from 'vitest';
import { brandPolicy, kst } from './fixtures.ts';

const policy = brandPolicy();
const due = (channel: ConsentEvent['channel']) => ({
  customerId: 'c1',
  channel,
  consentedAt: kst('2024-05-15T10:00:00'),
  dueAt: kst('2026-05-15T10:00:00'),
  cycle: 1,
});
const recipient = { phone: '+821012345678', email: 'a@example.kr', pushToken: 'tok-1' };

describe('re-confirmation notice per channel', () => {
  it('goes by Kakao brand message (informational, LMS fallback) when a sender key is known, else by LMS', () => {
    const withKey = buildReconfirmationNotice({
      due: due('kakao'),
      recipient,
      policy,
      sender: { kakaoSenderKey: 'pf-1', smsFrom: '0212345678' },
    });
    if (!withKey.ok || withKey.message.channel !== 'kakao_brand') throw new Error('expected a brand message');
    expect(withKey.message.purpose).toBe('info');
    expect(withKey.message.to).toBe('01012345678');
    expect(withKey.message.text).toContain('2024년 5월 15일에 카카오톡 광고성 정보 수신에 동의하셨습니다');
    expect(withKey.message.fallback).toMatchObject({ kind: 'LMS', from: '0212345678' });
    const noKey = buildReconfirmationNotice({
      due: due('kakao'),
      recipient,
      policy,
      sender: { smsFrom: '0212345678' },
    });
    expect(noKey.ok && noKey.message.channel).toBe('sms');
  });

  it('push and email carry their own way to withdraw instead of the 080 line', () => {
    const push = buildReconfirmationNotice({ due: due('push'), recipient, policy, sender: {} });
    if (!push.ok || push.message.channel !== 'push') throw new Error('expected push');
    expect(push.message.body).not.toContain('080');
    expect(push.message.body).toContain('수신거부: 앱 설정 > 알림');
    const email = buildReconfirmationNotice({
      due: due('email'),
      recipient,
      policy,
      sender: { email: { name: '달빛', address: 'news@dalbit.test' } },
      unsubscribeUrl: 'https://dalbit.test/u/tok',
    });
    if (!email.ok || email.message.channel !== 'email') throw new Error('expected email');
    expect(email.message.text).toContain('수신거부: https://dalbit.test/u/tok');
    expect(email.message.unsubscribeUrl).toBe('https://dalbit.test/u/tok');
  });

  it('is unreachable without an address and names what the sender lacks', () => {
    expect(
      buildReconfirmationNotice({ due: due('sms'), recipient: {}, policy, sender: { smsFrom: '02' } }),
    ).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
    expect(missingNoticeSender('sms', brandPolicy({ sender: { optOutNumber: '' } }), {})).toEqual([
      'optOutNumber',
      'smsFrom',
    ]);
    expect(missingNoticeSender('push', policy, {})).toEqual([]);
  });

  it('reads its occurrence back', () => {
    const at = kst('2026-05-15T10:00:00');
    expect(parseReconfirmationOccurrence(reconfirmationOccurrence('email', at))).toEqual({
      channel: 'email',
      dueAt: at,
    });
    expect(parseReconfirmationOccurrence('birthday-2026')).toBeUndefined();
  });
});

describe('lapse', () => {
  const grant = (id: string, at: string, granted = true): ConsentEvent => ({
    customerId: id,
    channel: 'sms',
    purpose: 'ad',
    granted,
    at: kst(at),
    source: 'cafe24',
  });
  const row = (id: string, status: string, createdAt = '2026-05-01T10:00:00') => ({
    customerId: id,
    channel: 'sms' as const,
    dueAt: kst('2026-05-15T10:00:00'),
    status,
    createdAt: kst(createdAt),
  });
  const consents = [
    grant('sent', '2024-05-15T10:00:00'),
    grant('blocked', '2024-05-15T10:00:00'),
    grant('regranted', '2024-05-15T10:00:00'),
    grant('regranted', '2026-05-10T10:00:00'),
    grant('late', '2024-05-15T10:00:00'),
  ];
  const rows = [
    row('sent', 'delivered'),
    row('blocked', 'blocked'),
    row('regranted', 'failed'),
    row('late', 'failed', '2026-06-01T10:00:00'),
  ];

  it('lapses a consent whose notice never left by the anniversary, or 14 days after a late plan', () => {
    const at = (now: string) =>
      findLapses({ rows, consents, now: kst(now), leadDays: 14, intervalYears: 2 }).map((e) => [
        e.customerId,
        e.at.toISOString(),
      ]);
    expect(at('2026-05-15T09:00:00')).toEqual([]);
    expect(at('2026-05-15T10:00:00')).toEqual([['blocked', kst('2026-05-15T10:00:00').toISOString()]]);
    expect(at('2026-06-15T10:00:00')).toEqual([
      ['blocked', kst('2026-05-15T10:00:00').toISOString()],
      ['late', kst('2026-06-15T10:00:00').toISOString()],
    ]);
  });
});
