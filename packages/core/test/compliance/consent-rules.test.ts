import { checkCompliance } from '@dalbit/core/compliance/check-compliance';
import type { ConsentEvent } from '@dalbit/core/compliance/consent-state';
import { describe, expect, it } from 'vitest';
import { brandPolicy, contact, grant, intent, kst, smsAd } from './fixtures.ts';

const policy = brandPolicy();
const now = kst('2026-05-06T12:00:00');
const reason = (d: ReturnType<typeof checkCompliance>) => (d.kind === 'block' ? d.reason : d.kind);

describe('consent', () => {
  it('blocks ads without consent and sends with it', () => {
    expect(reason(checkCompliance(intent(smsAd(), []), { policy, now }))).toBe('NO_CONSENT');
    expect(reason(checkCompliance(intent(smsAd(), [grant('sms', 'ad')]), { policy, now }))).toBe('send');
    // consent is per channel: email consent does not open SMS
    expect(reason(checkCompliance(intent(smsAd(), [grant('email', 'ad')]), { policy, now }))).toBe('NO_CONSENT');
  });

  it('treats the latest withdrawal as an opt-out; a withdrawal at the same instant wins', () => {
    const withdraw: ConsentEvent = {
      ...grant('sms', 'ad', kst('2026-03-01T00:00:00')),
      granted: false,
      source: 'solapi-080',
    };
    expect(reason(checkCompliance(intent(smsAd(), [grant('sms', 'ad'), withdraw]), { policy, now }))).toBe('OPTED_OUT');
    const same = grant('sms', 'ad', kst('2026-03-01T00:00:00'));
    expect(reason(checkCompliance(intent(smsAd(), [withdraw, same]), { policy, now }))).toBe('OPTED_OUT');
    const later = grant('sms', 'ad', kst('2026-04-01T00:00:00'));
    expect(reason(checkCompliance(intent(smsAd(), [withdraw, later]), { policy, now }))).toBe('send');
  });

  it('blocks numbers on the 080 list even with a consent on file', () => {
    expect(
      reason(
        checkCompliance(intent(smsAd(), [grant('sms', 'ad')], { contact: contact({ optedOut: true }) }), {
          policy,
          now,
        }),
      ),
    ).toBe('OPTED_OUT');
  });

  it('keeps marketplace-only contacts informational: marketplace consent does not count', () => {
    const market = intent(smsAd(), [grant('sms', 'ad', kst('2026-01-01T00:00:00'), 'smartstore')], {
      contact: contact({ marketplaceOnly: true }),
    });
    expect(reason(checkCompliance(market, { policy, now }))).toBe('MARKETPLACE_ONLY');
    const info = { ...market, message: { ...smsAd('주문 발송 안내'), purpose: 'info' as const } };
    expect(reason(checkCompliance(info, { policy, now }))).toBe('send');
  });

  it('blocks SMS/Kakao to 050 virtual numbers and landlines for every purpose', () => {
    const unreachable = intent({ ...smsAd('배송 안내'), purpose: 'info' }, [], {
      contact: contact({ phoneMarketable: false }),
    });
    expect(reason(checkCompliance(unreachable, { policy, now }))).toBe('UNREACHABLE');
  });

  it('never sends AlimTalk ads', () => {
    const alim = {
      channel: 'kakao_alimtalk' as const,
      purpose: 'ad' as const,
      to: '01012345678',
      senderKey: 'k',
      templateCode: 'T',
      variables: {},
    };
    expect(reason(checkCompliance(intent(alim, [grant('kakao', 'ad')]), { policy, now }))).toBe(
      'AD_NOT_ALLOWED_ON_CHANNEL',
    );
  });
});

describe('transaction exception', () => {
  const purchase = (monthsAgo: number, viaMarketplace = false, category = 'skincare') => ({
    at: new Date(now.getTime() - monthsAgo * 30 * 86_400_000),
    category,
    viaMarketplace,
  });

  it('allows ads for the same kind of goods within 6 months of an own-shop purchase', () => {
    const d = checkCompliance(
      intent(smsAd(), [], { contact: contact({ purchases: [purchase(3)] }), goodsCategory: 'skincare' }),
      { policy, now },
    );
    expect(d).toMatchObject({ kind: 'send', notes: ['TRANSACTION_EXCEPTION', 'AD_MARKS_ADDED'] });
  });

  it('does not apply after 6 months, for other goods, for marketplace buyers, or when switched off', () => {
    const run = (p: ReturnType<typeof purchase>, category = 'skincare', pol = policy, marketplaceOnly = false) =>
      reason(
        checkCompliance(
          intent(smsAd(), [], { contact: contact({ purchases: [p], marketplaceOnly }), goodsCategory: category }),
          { policy: pol, now },
        ),
      );
    expect(run(purchase(7))).toBe('NO_CONSENT');
    expect(run(purchase(1), 'haircare')).toBe('NO_CONSENT');
    expect(run(purchase(1, true), 'skincare', policy, true)).toBe('MARKETPLACE_ONLY');
    expect(run(purchase(1), 'skincare', brandPolicy({ transactionException: { enabled: false } }))).toBe('NO_CONSENT');
  });

  it('ends at refusal', () => {
    const withdraw: ConsentEvent = { ...grant('sms', 'ad', kst('2026-05-01T00:00:00')), granted: false };
    const d = checkCompliance(
      intent(smsAd(), [withdraw], { contact: contact({ purchases: [purchase(1)] }), goodsCategory: 'skincare' }),
      { policy, now },
    );
    expect(reason(d)).toBe('OPTED_OUT');
  });
});
