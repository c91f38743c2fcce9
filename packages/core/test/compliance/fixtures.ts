import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import type { ContactFacts, SendIntent } from '@dalbit/core/compliance/check-compliance';
import { type ConsentEvent, foldConsents } from '@dalbit/core/compliance/consent-state';
import {
  type CompliancePolicy,
  type CompliancePolicyInput,
  CompliancePolicySchema,
} from '@dalbit/core/compliance/policy';

/** A brand with its sender settings filled in; everything else is the KOREA.md default. */
export function brandPolicy(overrides: CompliancePolicyInput = {}): CompliancePolicy {
  return CompliancePolicySchema.parse({
    ...overrides,
    sender: {
      name: '달빛상점',
      contact: '02-123-4567',
      address: '서울시 중구 세종대로 1',
      optOutNumber: '080-123-4567',
      ...overrides.sender,
    },
  });
}

/** KST wall-clock time as an instant. */
export const kst = (iso: string): Date => new Date(`${iso}+09:00`);

export const smsAd = (text = '봄 신상 20% 할인! 지금 확인하세요'): OutboundMessage<'sms'> => ({
  channel: 'sms',
  purpose: 'ad',
  kind: 'SMS',
  to: '01012345678',
  from: '0212345678',
  text,
});

export const grant = (
  channel: ConsentEvent['channel'],
  purpose: ConsentEvent['purpose'],
  at = kst('2025-01-01T10:00:00'),
  source = 'cafe24',
): ConsentEvent => ({
  customerId: 'c1',
  channel,
  purpose,
  granted: true,
  at,
  source,
});

export const contact = (over: Partial<ContactFacts> = {}): ContactFacts => ({
  phoneMarketable: true,
  marketplaceOnly: false,
  optedOut: false,
  ...over,
});

export function intent(message: OutboundMessage, consents: ConsentEvent[], over: Partial<SendIntent> = {}): SendIntent {
  return { message, consents: foldConsents(consents), contact: contact(), ...over };
}
