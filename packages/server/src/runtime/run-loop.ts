import type { RuntimeClock } from './runtime-clock.ts';

export type LoopName = 'scheduler' | 'dispatcher' | 'daily-refresh' | 'connectors' | 'reconfirmation';

/** What one pass did: a log line (omitted for passes with nothing to report), and whether to go again at once. */
export interface PassResult {
  readonly line?: string | undefined;
  readonly again?: boolean;
}

export interface PassEvent {
  readonly loop: LoopName;
  readonly ok: boolean;
  /** The clock's time when the pass ended. */
  readonly at: Date;
  readonly line?: string | undefined;
}

export interface LoopOptions {
  readonly name: LoopName;
  readonly intervalMs: number;
  readonly clock: RuntimeClock;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  readonly pass: () => Promise<PassResult>;
  readonly onPass?: ((e: PassEvent) => void) | undefined;
}

export interface LoopTotals {
  passes: number;
  failures: number;
}

/**
 * Runs `pass` until `signal` aborts, one at a time (a pass never overlaps the previous one),
 * pausing `intervalMs` on the injected clock between passes. A failing pass is logged and the
 * loop carries on at the next tick; on abort the pass in flight finishes first.
 */
export async function runLoop(o: LoopOptions): Promise<LoopTotals> {
  const totals: LoopTotals = { passes: 0, failures: 0 };
  while (!o.signal.aborted) {
    let again = false;
    try {
      const r = await o.pass();
      totals.passes++;
      again = r.again === true;
      if (r.line) o.log(`[${o.name}] ${r.line}`);
      o.onPass?.({ loop: o.name, ok: true, at: o.clock.now(), line: r.line });
    } catch (e) {
      totals.failures++;
      const message = e instanceof Error ? e.message : String(e);
      o.log(`[${o.name}] pass failed (retry in ${Math.round(o.intervalMs / 1000)} s): ${message}`);
      o.onPass?.({ loop: o.name, ok: false, at: o.clock.now(), line: message });
    }
    if (!again) await o.clock.sleep(o.intervalMs, o.signal);
  }
  return totals;
}
