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

/**
 * Request limiter: at most `max` requests per key in each fixed window of `windowMs` (in memory,
 * O(1) per request, at most 50,000 keys). `take` counts the request when it is allowed.
 */
export interface RequestLimiter {
  /** 0 when the request is allowed (and counted), else seconds until the window resets. */
  take(key: string, now: number): number;
}

export function createRequestLimiter(max: number, windowMs: number): RequestLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key, now) {
      let w = windows.get(key);
      if (w === undefined || now - w.start >= windowMs || now < w.start) {
        w = { start: now, count: 0 };
        windows.delete(key);
        windows.set(key, w);
        if (windows.size > 50_000) windows.delete(windows.keys().next().value as string);
      }
      if (w.count >= max) return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
      w.count++;
      return 0;
    },
  };
}
