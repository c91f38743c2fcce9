import type { ConsentEvent } from '@dalbit/core/compliance/consent-state';
import { findReconfirmationsDue, formatReconfirmationNotice } from '@dalbit/core/compliance/reconfirmation';
import { describe, expect, it } from 'vitest';
import { brandPolicy, kst } from './fixtures.ts';

const policy = brandPolicy();
const ev = (
  customerId: string,
  at: string,
  granted = true,
  channel: ConsentEvent['channel'] = 'sms',
): ConsentEvent => ({
  customerId,
  channel,
  purpose: 'ad',
  granted,
  at: kst(at),
  source: 'cafe24',
});

describe('2-year consent re-confirmation', () => {
  const consents = [
    ev('due', '2024-05-15T10:00:00'), // 2 years on 2026-05-15, inside the 14-day lead
    ev('early', '2024-06-30T10:00:00'), // not yet
    ev('gone', '2024-05-01T10:00:00'),
    ev('gone', '2025-01-01T10:00:00', false), // withdrew
    ev('regranted', '2022-05-10T10:00:00'),
    ev('regranted', '2025-05-10T10:00:00'), // clock restarts
    ev('fourth', '2020-05-12T10:00:00'), // cycles 2022, 2024, 2026 → 2026 is due
  ];
  const now = kst('2026-05-06T09:00:00');

  it('lists who is due with the anniversary they are due for', () => {
    const due = findReconfirmationsDue({ consents, notified: [], now, policy });
    expect(due.map((d) => [d.customerId, d.dueAt.toISOString().slice(0, 10), d.cycle])).toEqual([
      ['fourth', '2026-05-12', 3],
      ['due', '2026-05-15', 1],
    ]);
  });

  it('skips notices already sent for that cycle', () => {
    const first = findReconfirmationsDue({ consents, notified: [], now, policy });
    const sent = first.map((d) => ({ customerId: d.customerId, channel: d.channel, dueAt: d.dueAt }));
    expect(findReconfirmationsDue({ consents, notified: sent, now, policy })).toEqual([]);
  });

  it('writes a notice with sender, consent date and how to withdraw', () => {
    const [due] = findReconfirmationsDue({ consents, notified: [], now, policy }).filter((d) => d.customerId === 'due');
    if (!due) throw new Error('missing');
    expect(formatReconfirmationNotice(due, policy)).toBe(
      '[달빛상점] 광고성 정보 수신동의 안내\n고객님은 2024년 5월 15일에 문자(SMS) 광고성 정보 수신에 동의하셨습니다. 별도 의사 표시가 없으면 동의가 유지됩니다. 수신을 원하지 않으시면 무료수신거부 080-123-4567',
    );
  });
});
