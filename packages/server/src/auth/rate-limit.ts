/**
 * Failed-login limiter: at most `max` failures per key within `windowMs` (kept in memory; a restart
 * clears it, which only helps an attacker who can also restart the server).
 */
export interface RateLimiter {
  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  retryAfter(key: string, now: number): number;
  fail(key: string, now: number): void;
  clear(key: string): void;
}

export function createRateLimiter(max: number, windowMs: number): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const kept = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    retryAfter(key, now) {
      const r = recent(key, now);
      if (r.length < max) return 0;
      return Math.max(1, Math.ceil((windowMs - (now - (r[0] ?? now))) / 1000));
    },
    fail(key, now) {
      const r = recent(key, now);
      r.push(now);
      failures.set(key, r);
      // Bound memory under a spray of keys: forget the oldest keys beyond 10,000.
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
    clear(key) {
      failures.delete(key);
    },
  };
}

/** Per client address and per account: 10 failures / 15 min per IP, 5 failures / 15 min per account. */
export function createLoginLimits(): { ip: RateLimiter; account: RateLimiter } {
  return { ip: createRateLimiter(10, 15 * 60_000), account: createRateLimiter(5, 15 * 60_000) };
}
