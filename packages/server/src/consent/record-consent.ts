import {
  type ConsentChannel,
  type ConsentEvent,
  type ConsentFact,
  type ConsentPurpose,
  foldConsents,
} from '@dalbit/core/compliance/consent-state';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import type { Engine } from '../engines/engine.ts';
import { findCustomer } from '../identity/find-customer.ts';
import { appendConsents, type ConsentRow, readConsentEvents } from './consent-store.ts';

export const CONSENT_CHANNELS = ['sms', 'kakao', 'email', 'push'] as const satisfies readonly ConsentChannel[];
export const CONSENT_PURPOSES = ['ad', 'night_ad', 'info'] as const satisfies readonly ConsentPurpose[];

/**
 * The customer id consents are keyed by, from what a person typed (id, phone in any format, email,
 * member key). Unknown → DalbitError CUSTOMER_NOT_FOUND, so nothing is recorded under a number no
 * send-time check would look up.
 */
export async function resolveCustomerOrThrow(engine: Engine, input: string): Promise<string> {
  const found = await findCustomer(engine, input);
  if (found.found) return found.customerId;
  throw new DalbitError({
    code: 'CUSTOMER_NOT_FOUND',
    kind: 'not_found',
    message: `고객을 찾을 수 없습니다: ${input} (고객 ID, 휴대폰 번호, 이메일 또는 회원 키) / no such customer: ${found.reason}`,
  });
}

export interface ConsentView {
  readonly customerId: string;
  /** Current state per `channel:purpose`. */
  readonly state: readonly (ConsentFact & { readonly key: string })[];
  readonly events: readonly ConsentRow[];
}

export async function readConsentView(engine: Engine, input: string): Promise<ConsentView> {
  const customerId = await resolveCustomerOrThrow(engine, input);
  const events = await readConsentEvents(engine, customerId);
  const state = [...foldConsents(events)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, f]) => ({ key, ...f }));
  return { customerId, state, events };
}

/**
 * Appends grant or withdrawal events (append-only). A grant needs proof (정보통신망법 §50: consent
 * must be provable): without it, DalbitError CONSENT_PROOF_REQUIRED and nothing is written.
 */
export async function recordConsentChange(
  engine: Engine,
  input: {
    customer: string;
    granted: boolean;
    channels: readonly ConsentChannel[];
    purposes: readonly ConsentPurpose[];
    at: Date;
    source: string;
    proof?: string | undefined;
  },
): Promise<{ customerId: string; added: number }> {
  if (input.granted && (input.proof ?? '').trim() === '')
    throw new DalbitError({
      code: 'CONSENT_PROOF_REQUIRED',
      kind: 'invalid_input',
      message:
        '동의를 기록하려면 증빙(proof)이 필요합니다 (정보통신망법 §50: 동의는 입증할 수 있어야 합니다) / a grant needs proof',
      issues: [{ path: ['body', 'proof'], message: '동의 증빙을 입력하세요 (동의 문구, 경로, 통화 기록 번호 등)' }],
    });
  const customerId = await resolveCustomerOrThrow(engine, input.customer);
  const events: ConsentEvent[] = input.channels.flatMap((channel) =>
    input.purposes.map((purpose) => ({
      customerId,
      channel,
      purpose,
      granted: input.granted,
      at: input.at,
      source: input.source,
      proof: input.proof,
    })),
  );
  return { customerId, added: await appendConsents(engine, events) };
}
