import { markAdText } from '@dalbit/core/compliance/ad-marks';
import { checkCompliance } from '@dalbit/core/compliance/check-compliance';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandPolicy, grant, intent, kst, smsAd } from './fixtures.ts';

const policy = brandPolicy();
const noon = kst('2026-05-06T12:00:00');

describe('ad marks', () => {
  it('starts an SMS ad with exactly (광고), the sender name and contact, and ends with the free opt-out line', () => {
    const d = checkCompliance(intent(smsAd('봄 신상 20% 할인'), [grant('sms', 'ad')]), { policy, now: noon });
    if (d.kind !== 'send' || d.message.channel !== 'sms') throw new Error(`expected send, got ${d.kind}`);
    expect(d.message.text).toBe('(광고)달빛상점 02-123-4567\n봄 신상 20% 할인\n무료수신거부 080-123-4567');
    expect(d.notes).toContain('AD_MARKS_ADDED');
  });

  it('replaces look-alike prefixes such as [광고] and (광 고)', () => {
    expect(markAdText('[광고] 세일', policy).startsWith('(광고)달빛상점')).toBe(true);
    expect(markAdText('(광 고)세일', policy)).not.toContain('광 고');
    expect(markAdText('（광고）세일', policy).split('(광고)').length).toBe(2);
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const once = markAdText(s, policy);
        expect(markAdText(once, policy)).toBe(once);
        expect(once.startsWith('(광고)')).toBe(true);
        expect(once.endsWith('무료수신거부 080-123-4567')).toBe(true);
      }),
    );
  });

  it('marks the SMS fallback of a brand message too', () => {
    const brand = {
      channel: 'kakao_brand' as const,
      purpose: 'ad' as const,
      to: '01012345678',
      senderKey: 'k',
      targeting: 'I' as const,
      text: '신상 입고 알림',
      fallback: { kind: 'LMS' as const, from: '0212345678', text: '신상 입고 알림', subject: '신상 입고' },
    };
    const d = checkCompliance(intent(brand, [grant('kakao', 'ad'), grant('sms', 'ad')]), { policy, now: noon });
    if (d.kind !== 'send' || d.message.channel !== 'kakao_brand') throw new Error('expected send');
    expect(d.message.text.startsWith('(광고)달빛상점')).toBe(true);
    expect(d.message.fallback?.text.startsWith('(광고)')).toBe(true);
    expect(d.message.fallback?.text.endsWith('무료수신거부 080-123-4567')).toBe(true);
  });

  it('drops the SMS fallback of a brand message when the customer has no SMS ad consent', () => {
    const brand = {
      channel: 'kakao_brand' as const,
      purpose: 'ad' as const,
      to: '01012345678',
      senderKey: 'k',
      targeting: 'I' as const,
      text: '신상',
      fallback: { kind: 'SMS' as const, from: '0212345678', text: '신상' },
    };
    const d = checkCompliance(intent(brand, [grant('kakao', 'ad')]), { policy, now: noon });
    expect(d).toMatchObject({ kind: 'send', notes: ['AD_MARKS_ADDED', 'FALLBACK_DROPPED_NO_CONSENT'] });
    expect(d.kind === 'send' && d.message.channel === 'kakao_brand' && d.message.fallback).toBe(undefined);
  });

  it('prefixes email subjects with (광고) and adds sender and unsubscribe link to the body', () => {
    const email = {
      channel: 'email' as const,
      purpose: 'ad' as const,
      to: 'kim@example.com',
      from: { name: '달빛상점', address: 'news@dalbit.example' },
      subject: '5월 가정의 달 기획전',
      text: '안녕하세요',
      html: '<p>안녕하세요</p>',
      unsubscribeUrl: 'https://dalbit.example/u/abc',
    };
    const d = checkCompliance(intent(email, [grant('email', 'ad')]), { policy, now: noon });
    if (d.kind !== 'send' || d.message.channel !== 'email') throw new Error('expected send');
    expect(d.message.subject).toBe('(광고) 5월 가정의 달 기획전');
    expect(d.message.text).toContain('수신거부를 눌러 주세요: https://dalbit.example/u/abc');
    expect(d.message.html).toContain('<a href="https://dalbit.example/u/abc">수신거부</a>');
  });

  it('upgrades an SMS pushed over 90 bytes by the marks to LMS', () => {
    const d = checkCompliance(intent(smsAd('가'.repeat(40)), [grant('sms', 'ad')]), { policy, now: noon });
    expect(d).toMatchObject({ kind: 'send', message: { kind: 'LMS' }, notes: ['AD_MARKS_ADDED', 'UPGRADED_TO_LMS'] });
  });

  it('blocks ads until the sender name and 080 number are configured', () => {
    const unset = brandPolicy({ sender: { name: '', optOutNumber: '' } });
    expect(checkCompliance(intent(smsAd(), [grant('sms', 'ad')]), { policy: unset, now: noon })).toMatchObject({
      kind: 'block',
      reason: 'SENDER_INFO_MISSING',
      detail: 'set sender.name, sender.optOutNumber',
    });
  });

  it('blocks ads carrying emoji the carrier cannot encode', () => {
    expect(checkCompliance(intent(smsAd('세일🎉'), [grant('sms', 'ad')]), { policy, now: noon })).toMatchObject({
      kind: 'block',
      reason: 'CONTENT_INVALID',
    });
  });
});
