import type { RuntimeClock } from '../../src/runtime/runtime-clock.ts';

/**
 * A clock that moves only when the test says so: `sleep` resolves once `advance` has carried
 * the time past its deadline (or its signal aborts). Loops under test see exactly the instants
 * the test chooses.
 */
export function createManualClock(start: Date): RuntimeClock & {
  advance(ms: number): void;
  /** How many sleeps are waiting (a loop that is idle between passes holds one). */
  sleepers(): number;
} {
  let t = start.getTime();
  const waiting = new Set<{ until: number; wake: () => void }>();
  return {
    now: () => new Date(t),
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const entry = {
          until: t + ms,
          wake: () => {
            waiting.delete(entry);
            signal?.removeEventListener('abort', entry.wake);
            resolve();
          },
        };
        waiting.add(entry);
        signal?.addEventListener('abort', entry.wake, { once: true });
      });
    },
    advance(ms) {
      t += ms;
      for (const w of [...waiting]) if (w.until <= t) w.wake();
    },
    sleepers: () => waiting.size,
  };
}

/** Polls `check` (real time, up to `timeoutMs`) until it returns a value other than undefined. */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
