import { createHash } from 'node:crypto';

export interface BackoffPolicy {
  /** Delay before the second attempt; doubles each attempt. */
  readonly baseMs: number;
  readonly maxMs: number;
  /** Attempts in total (the first send included) before a retryable failure becomes final. */
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 10_000, maxMs: 30 * 60_000, maxAttempts: 8 };

/** A number in [0, 1) derived from the seed, so a retry schedule is reproducible. */
export function deterministicJitter(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * Delay after the `attempt`-th failed attempt: exponential with "equal jitter" (half fixed, half
 * drawn from the seed), capped at `maxMs`, and never shorter than the provider's Retry-After.
 *
 * @example
 * backoffDelayMs({ attempt: 1, seed: 'c1:cust9:2026', policy: DEFAULT_BACKOFF }) // 5,000–10,000
 */
export function backoffDelayMs(input: {
  attempt: number;
  seed: string;
  policy: BackoffPolicy;
  retryAfterMs?: number | undefined;
}): number {
  const { policy } = input;
  const exp = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, input.attempt - 1));
  const jittered = Math.round(exp / 2 + (exp / 2) * deterministicJitter(`${input.seed}#${input.attempt}`));
  return Math.max(jittered, input.retryAfterMs ?? 0);
}
