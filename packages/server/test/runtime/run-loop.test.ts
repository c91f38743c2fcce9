import { describe, expect, it } from 'vitest';
import { type PassEvent, runLoop } from '../../src/runtime/run-loop.ts';
import { createManualClock, waitFor } from './manual-clock.ts';

describe('runLoop', () => {
  it('survives a failing pass, never overlaps, waits its interval on the clock and finishes the pass in flight on stop', async () => {
    const clock = createManualClock(new Date('2026-11-23T01:00:00Z'));
    const stop = new AbortController();
    const lines: string[] = [];
    const events: PassEvent[] = [];
    let active = 0;
    let maxActive = 0;
    let calls = 0;
    let release: (() => void) | undefined;
    const loop = runLoop({
      name: 'scheduler',
      intervalMs: 60_000,
      clock,
      signal: stop.signal,
      log: (l) => lines.push(l),
      onPass: (e) => events.push(e),
      async pass() {
        active++;
        maxActive = Math.max(maxActive, active);
        calls++;
        try {
          if (calls === 2) throw new Error('warehouse busy');
          if (calls === 4) await new Promise<void>((r) => (release = r));
          return { line: `pass ${calls}` };
        } finally {
          active--;
        }
      },
    });
    await waitFor(() => (calls === 1 && clock.sleepers() === 1 ? true : undefined));
    clock.advance(59_999); // not yet
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(1);
    clock.advance(1);
    await waitFor(() => (calls === 2 && clock.sleepers() === 1 ? true : undefined));
    clock.advance(60_000);
    await waitFor(() => (calls === 3 && clock.sleepers() === 1 ? true : undefined));
    clock.advance(60_000);
    await waitFor(() => (release ? true : undefined));
    stop.abort(); // pass 4 is in flight
    release?.();
    expect(await loop).toEqual({ passes: 3, failures: 1 });
    expect(maxActive).toBe(1);
    expect(lines).toEqual([
      '[scheduler] pass 1',
      '[scheduler] pass failed (retry in 60 s): warehouse busy',
      '[scheduler] pass 3',
      '[scheduler] pass 4',
    ]);
    expect(events.map((e) => [e.ok, e.at.toISOString()])).toEqual([
      [true, '2026-11-23T01:00:00.000Z'],
      [false, '2026-11-23T01:01:00.000Z'],
      [true, '2026-11-23T01:02:00.000Z'],
      [true, '2026-11-23T01:03:00.000Z'],
    ]);
  });

  it('goes again at once when a pass asks for it', async () => {
    const clock = createManualClock(new Date('2026-11-23T01:00:00Z'));
    const stop = new AbortController();
    let calls = 0;
    const loop = runLoop({
      name: 'dispatcher',
      intervalMs: 1000,
      clock,
      signal: stop.signal,
      log: () => undefined,
      pass: async () => ({ again: ++calls < 5 }),
    });
    await waitFor(() => (calls === 5 && clock.sleepers() === 1 ? true : undefined));
    stop.abort();
    expect(await loop).toEqual({ passes: 5, failures: 0 });
  });
});
