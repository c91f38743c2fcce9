import { sleepMs } from '../dispatch/rate-limiter.ts';

/**
 * Where the runtime's loops get time: the instant passes are "as of", and the pause between
 * passes. Tests inject a manual clock; `dalbit serve` uses the system clock.
 */
export interface RuntimeClock {
  now(): Date;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const SYSTEM_CLOCK: RuntimeClock = {
  now: () => new Date(),
  sleep: sleepMs,
};
