/**
 * Token bucket per provider: `ratePerSecond` tokens refill continuously up to `burst`. A 429 with
 * Retry-After pauses the whole bucket. Time comes from `now`; waiting from `sleep`.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    private readonly now: () => Date,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void> = sleepMs,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1))
      throw new RangeError('rate limiter needs ratePerSecond > 0 and burst >= 1');
    this.tokens = burst;
    this.last = now().getTime();
  }

  private refill(): number {
    const t = this.now().getTime();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
    this.last = t;
    return t;
  }

  /** Waits until `n` tokens (at most `burst`) are available and takes them. */
  async take(n: number, signal?: AbortSignal): Promise<void> {
    const want = Math.min(n, this.burst);
    for (;;) {
      const t = this.refill();
      const pause = this.pausedUntil - t;
      const missing = want - this.tokens;
      if (pause <= 0 && missing <= 1e-9) {
        this.tokens -= want;
        return;
      }
      await this.sleep(Math.max(pause, Math.ceil((missing / this.ratePerSecond) * 1000), 1), signal);
      if (signal?.aborted) return;
    }
  }

  /** Waits out a pause the provider asked for (tokens already taken stay taken). */
  async untilResumed(signal?: AbortSignal): Promise<void> {
    for (let wait = this.pausedUntil - this.now().getTime(); wait > 0 && !signal?.aborted; ) {
      await this.sleep(wait, signal);
      wait = this.pausedUntil - this.now().getTime();
    }
  }

  /** Gives back tokens taken for messages that were not sent. */
  refund(n: number): void {
    this.refill();
    this.tokens = Math.min(this.burst, this.tokens + n);
  }

  /** The provider said "slow down": no tokens until `ms` from now, and the bucket empties. */
  pauseFor(ms: number): void {
    const t = this.refill();
    this.pausedUntil = Math.max(this.pausedUntil, t + ms);
    this.tokens = 0;
  }
}

export function sleepMs(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
