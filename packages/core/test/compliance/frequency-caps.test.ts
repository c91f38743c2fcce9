import { checkCompliance } from '@dalbit/core/compliance/check-compliance';
import { allocateSlots, type SentAd, type SlotCandidate } from '@dalbit/core/compliance/frequency-caps';
import { describe, expect, it } from 'vitest';
import { brandPolicy, grant, intent, kst, smsAd } from './fixtures.ts';

const policy = brandPolicy();
const now = kst('2026-05-06T12:00:00'); // Wednesday

describe('frequency caps', () => {
  const sent = (iso: string, channel: SentAd['channel'] = 'sms'): SentAd => ({ at: kst(iso), channel });

  it('allows one ad a KST day across channels', () => {
    const todayEmail = [sent('2026-05-06T09:00:00', 'email')];
    expect(
      checkCompliance(intent(smsAd(), [grant('sms', 'ad')], { sentAds: todayEmail }), { policy, now }),
    ).toMatchObject({
      kind: 'block',
      reason: 'CAPPED',
      detail: 'day cap 1/1',
    });
    // 23:30 KST yesterday is another KST day even though it is the same UTC day
    const yesterday = [sent('2026-05-05T23:30:00')];
    expect(checkCompliance(intent(smsAd(), [grant('sms', 'ad')], { sentAds: yesterday }), { policy, now }).kind).toBe(
      'send',
    );
  });

  it('allows three ads in the last seven KST days', () => {
    const three = [sent('2026-04-30T10:00:00'), sent('2026-05-02T10:00:00'), sent('2026-05-04T10:00:00')];
    expect(checkCompliance(intent(smsAd(), [grant('sms', 'ad')], { sentAds: three }), { policy, now })).toMatchObject({
      reason: 'CAPPED',
      detail: 'week cap 3/3',
    });
    const older = [sent('2026-04-29T10:00:00'), sent('2026-05-02T10:00:00'), sent('2026-05-04T10:00:00')];
    expect(checkCompliance(intent(smsAd(), [grant('sms', 'ad')], { sentAds: older }), { policy, now }).kind).toBe(
      'send',
    );
  });

  it('does not count informational messages', () => {
    const info = { ...smsAd('배송 출발'), purpose: 'info' as const };
    expect(checkCompliance(intent(info, [], { sentAds: [sent('2026-05-06T09:00:00')] }), { policy, now }).kind).toBe(
      'send',
    );
  });
});

describe('allocateSlots', () => {
  const c = (id: string, customerId: string, priority: number, extra: Partial<SlotCandidate> = {}): SlotCandidate => ({
    id,
    customerId,
    channel: 'sms',
    purpose: 'ad',
    priority,
    ...extra,
  });

  it('gives the day slot to the highest priority and caps the rest', () => {
    const r = allocateSlots({
      candidates: [c('broadcast:c1', 'c1', 1), c('birthday:c1', 'c1', 10), c('broadcast:c2', 'c2', 1)],
      ledger: new Map(),
      now,
      policy,
    });
    expect(r.granted.map((g) => g.id)).toEqual(['birthday:c1', 'broadcast:c2']);
    expect(r.capped.map((x) => [x.candidate.id, x.verdict.rule])).toEqual([['broadcast:c1', 'day']]);
  });

  it('breaks ties by due time, then id, and lets info through', () => {
    const r = allocateSlots({
      candidates: [
        c('b', 'c1', 5, { dueAt: kst('2026-05-06T10:00:00') }),
        c('a', 'c1', 5, { dueAt: kst('2026-05-06T11:00:00') }),
        c('ship', 'c1', 0, { purpose: 'info' }),
      ],
      ledger: new Map(),
      now,
      policy,
    });
    expect(r.granted.map((g) => g.id)).toEqual(['b', 'ship']);
  });

  it('respects what the ledger already used and the brand-message daily cap', () => {
    const loose = brandPolicy({ caps: { adsPerDay: 5, adsPerWeek: 10 } });
    const ledger = new Map([['c1', [{ at: kst('2026-05-06T09:00:00'), channel: 'kakao_brand' as const }]]]);
    const r = allocateSlots({
      candidates: [c('brand2', 'c1', 9, { channel: 'kakao_brand' }), c('sms', 'c1', 1)],
      ledger,
      now,
      policy: loose,
    });
    expect(r.granted.map((g) => g.id)).toEqual(['sms']);
    expect(r.capped[0]?.verdict.rule).toBe('channel_day');
  });

  it('is deterministic whatever the input order', () => {
    const cands = [c('x', 'c1', 3), c('y', 'c1', 3), c('z', 'c1', 3)];
    const first = allocateSlots({ candidates: cands, ledger: new Map(), now, policy }).granted.map((g) => g.id);
    const reversed = allocateSlots({ candidates: [...cands].reverse(), ledger: new Map(), now, policy }).granted.map(
      (g) => g.id,
    );
    expect(first).toEqual(['x']);
    expect(reversed).toEqual(['x']);
  });
});
