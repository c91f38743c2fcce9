import { sha256Hex } from '../hash/sha256.ts';

/** What makes a message unique: the same tuple always gives the same key, on every run. */
export interface TouchKey {
  readonly campaignId: string;
  /** `main` for single-message campaigns, the scenario step id otherwise. */
  readonly stepId: string;
  readonly customerId: string;
  /** Which firing: `broadcast`, a KST date, `birthday:2026`, `event:2026-05-01` … */
  readonly occurrence: string;
}

/**
 * Deterministic idempotency key of a touch (32 hex characters, safe for every provider header).
 * The outbox inserts a message only when its key is absent, so re-running the scheduler is safe.
 * @example idempotencyKeyFor({ campaignId: 'bday', stepId: 'main', customerId: 'c1', occurrence: 'birthday:2026' })
 */
export function idempotencyKeyFor(k: TouchKey): string {
  const text = ['dalbit-campaign-v1', k.campaignId, k.stepId, k.customerId, k.occurrence].join('\u0000');
  return sha256Hex(text).slice(0, 32);
}
