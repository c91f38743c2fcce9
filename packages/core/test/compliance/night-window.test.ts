import { checkCompliance } from '@dalbit/core/compliance/check-compliance';
import { findNextSendTime, isInClockWindow } from '@dalbit/core/compliance/send-windows';
import { toKst } from '@dalbit/core/time/kst';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brandPolicy, grant, intent, kst, smsAd } from './fixtures.ts';

describe('night window', () => {
  const policy = brandPolicy();

  it('defers a night-time ad at 22:30 KST to 08:00 KST the next day', () => {
    const d = checkCompliance(intent(smsAd(), [grant('sms', 'ad')]), { policy, now: kst('2026-05-06T22:30:00') });
    expect(d.kind).toBe('defer');
    if (d.kind !== 'defer') return;
    expect(d.until.toISOString()).toBe(kst('2026-05-07T08:00:00').toISOString());
    expect(d.reason).toBe('NO_NIGHT_CONSENT');
    expect(d.message.channel === 'sms' && d.message.text.startsWith('(광고)')).toBe(true);
  });

  it('defers with QUIET_HOURS from 20:50 under the house rule, even with night consent', () => {
    const d = checkCompliance(intent(smsAd(), [grant('sms', 'ad'), grant('sms', 'night_ad')]), {
      policy,
      now: kst('2026-05-06T20:55:00'),
    });
    expect(d).toMatchObject({ kind: 'defer', reason: 'QUIET_HOURS', until: kst('2026-05-07T08:00:00') });
  });

  it('lets an SMS ad go at 22:30 with night consent when the house rule is switched off', () => {
    const loose = brandPolicy({ quietHours: { window: null } });
    const withNight = checkCompliance(intent(smsAd(), [grant('sms', 'ad'), grant('sms', 'night_ad')]), {
      policy: loose,
      now: kst('2026-05-06T22:30:00'),
    });
    expect(withNight.kind).toBe('send');
    const without = checkCompliance(intent(smsAd(), [grant('sms', 'ad')]), {
      policy: loose,
      now: kst('2026-05-06T22:30:00'),
    });
    expect(without).toMatchObject({ kind: 'defer', reason: 'NO_NIGHT_CONSENT' });
  });

  it('defers email by default policy and sends it when email is taken out of quiet hours (exempt by law)', () => {
    const email = {
      channel: 'email' as const,
      purpose: 'ad' as const,
      to: 'kim@example.com',
      from: { name: '달빛상점', address: 'news@dalbit.example' },
      subject: '봄 세일',
      text: '본문',
      unsubscribeUrl: 'https://dalbit.example/u/abc',
    };
    const now = kst('2026-05-06T23:00:00');
    expect(checkCompliance(intent(email, [grant('email', 'ad')]), { policy, now })).toMatchObject({
      kind: 'defer',
      reason: 'QUIET_HOURS',
    });
    const lawOnly = brandPolicy({ quietHours: { channels: ['sms', 'kakao_brand', 'push'] } });
    expect(checkCompliance(intent(email, [grant('email', 'ad')]), { policy: lawOnly, now }).kind).toBe('send');
  });

  it('keeps Kakao brand messages out of 20:50–08:00 whatever the house rule says', () => {
    const loose = brandPolicy({ quietHours: { window: null } });
    const brand = {
      channel: 'kakao_brand' as const,
      purpose: 'ad' as const,
      to: '01012345678',
      senderKey: 'k',
      targeting: 'I' as const,
      text: '신상 입고',
    };
    const d = checkCompliance(intent(brand, [grant('kakao', 'ad'), grant('kakao', 'night_ad')]), {
      policy: loose,
      now: kst('2026-05-06T20:51:00'),
    });
    expect(d).toMatchObject({ kind: 'defer', reason: 'QUIET_HOURS', until: kst('2026-05-07T08:00:00') });
  });

  it('sends informational messages at night', () => {
    const info = { ...smsAd('주문하신 상품이 발송되었습니다'), purpose: 'info' as const };
    expect(checkCompliance(intent(info, []), { policy, now: kst('2026-05-06T23:59:00') }).kind).toBe('send');
  });

  it('never returns a time inside a window, and never earlier than now (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }), fc.boolean(), (ms, night) => {
        const now = new Date(ms);
        const r = findNextSendTime(now, { channel: 'sms', purpose: 'ad', hasNightConsent: night, policy });
        const t = r?.until ?? now;
        expect(t.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(isInClockWindow(toKst(t).minuteOfDay, { start: '20:50', end: '08:00' })).toBe(false);
        if (r) expect(toKst(r.until).minuteOfDay).toBe(8 * 60);
      }),
      { numRuns: 500 },
    );
  });
});

describe('holiday blocks', () => {
  const policy = brandPolicy();

  it('defers ads in 추석 2026 (Sep 24–26) to 08:00 on Sep 27', () => {
    const d = checkCompliance(intent(smsAd(), [grant('sms', 'ad')]), { policy, now: kst('2026-09-25T11:00:00') });
    expect(d).toMatchObject({ kind: 'defer', reason: 'HOLIDAY_BLOCK', until: kst('2026-09-27T08:00:00') });
  });

  it('blocks 설날 2026 (Feb 16–18) when configured to block, and follows an extra date list', () => {
    const blocking = brandPolicy({ holidays: { action: 'block' } });
    expect(
      checkCompliance(intent(smsAd(), [grant('sms', 'ad')]), { policy: blocking, now: kst('2026-02-17T12:00:00') }),
    ).toMatchObject({
      kind: 'block',
      reason: 'HOLIDAY_BLOCK',
    });
    expect(
      checkCompliance(intent(smsAd(), [grant('sms', 'ad')]), { policy, now: kst('2026-02-19T12:00:00') }).kind,
    ).toBe('send');
    const extra = brandPolicy({
      holidays: { extraBlocks: [{ name: '창립기념일', from: '2026-06-10', to: '2026-06-10' }] },
    });
    expect(
      checkCompliance(intent(smsAd(), [grant('sms', 'ad')]), { policy: extra, now: kst('2026-06-10T12:00:00') }),
    ).toMatchObject({
      kind: 'defer',
      until: kst('2026-06-11T08:00:00'),
    });
  });

  it('moves a night-time ad on the eve of a block past the whole block', () => {
    const d = checkCompliance(intent(smsAd(), [grant('sms', 'ad')]), { policy, now: kst('2026-09-23T22:00:00') });
    expect(d).toMatchObject({ kind: 'defer', reason: 'NO_NIGHT_CONSENT', until: kst('2026-09-27T08:00:00') });
  });
});
