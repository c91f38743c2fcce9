import type { Engine } from '../engines/engine.ts';
import { createDispatcher, type DispatchOptions, type DispatchSummary, emptySummary } from './dispatcher.ts';
import { sleepMs } from './rate-limiter.ts';

export interface RunOptions extends DispatchOptions {
  /** Pause between passes when nothing was due. */
  readonly intervalMs?: number;
  /** Called after every pass that touched messages. */
  readonly onPass?: (s: DispatchSummary) => void;
}

/**
 * Runs passes until `signal` aborts. A pass that found work is followed at once by the next;
 * an idle pass waits `intervalMs`. On abort the claim in flight is sent and recorded first.
 *
 * @example
 * const stop = new AbortController();
 * process.on('SIGTERM', () => stop.abort());
 * await runDispatcher(engine, { adapters, now: () => new Date(), workerId: 'w1', signal: stop.signal });
 */
export async function runDispatcher(engine: Engine, opts: RunOptions): Promise<DispatchSummary> {
  const dispatcher = createDispatcher(engine, opts);
  const total = emptySummary();
  while (!opts.signal?.aborted) {
    let s: DispatchSummary;
    try {
      s = await dispatcher.pass();
    } catch (e) {
      opts.log?.(`dispatcher pass failed: ${e instanceof Error ? e.message : String(e)}`);
      await sleepMs(opts.intervalMs ?? 1000, opts.signal);
      continue;
    }
    for (const k of Object.keys(total) as (keyof DispatchSummary)[]) total[k] += s[k];
    if (s.claimed > 0) opts.onPass?.(s);
    else await sleepMs(opts.intervalMs ?? 1000, opts.signal);
  }
  return total;
}
