import { toKstDay } from '@dalbit/core/time/kst';
import { warehouseChanged } from '../analytics/derived-results.ts';
import type { Engine } from '../engines/engine.ts';
import { withQueryScope } from '../engines/query-scope.ts';
import { REFRESH_STEPS, type RefreshStep, type RefreshStepName, refreshWarehouse } from './refresh-warehouse.ts';

/** The dashboard's view of a warehouse refresh: which step runs, how many are done, how each went. */
export interface RefreshRun {
  readonly running: boolean;
  readonly step: RefreshStepName | null;
  readonly done: number;
  readonly total: number;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly startedBy: string | null;
  readonly steps: readonly RefreshStep[];
}

const IDLE: RefreshRun = {
  running: false,
  step: null,
  done: 0,
  total: REFRESH_STEPS.length,
  startedAt: null,
  finishedAt: null,
  startedBy: null,
  steps: [],
};

/**
 * One refresh at a time per warehouse, started from the dashboard and polled for progress. When it
 * ends, kept model results are dropped so every page computes from the refreshed data.
 */
export class RefreshRuns {
  private current: RefreshRun = IDLE;
  private running: Promise<void> | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly log: (line: string) => void,
  ) {}

  get state(): RefreshRun {
    return this.current;
  }

  /** Starts a refresh as of `now`'s KST day, or returns the one already running. */
  start(now: () => Date, actor: string): RefreshRun {
    if (this.running) return this.current;
    this.current = { ...IDLE, running: true, startedAt: now(), startedBy: actor };
    // Outside the starting request's scope: the refresh outlives the request and its 30 s budget.
    this.running = withQueryScope({}, () =>
      refreshWarehouse(this.engine, {
        asOfDay: toKstDay(now()),
        clock: () => performance.now(),
        onStep: (step, index) => {
          this.current = { ...this.current, step, done: index };
        },
      }),
    )
      .then(
        (steps) => {
          this.current = { ...this.current, running: false, step: null, done: steps.length, steps, finishedAt: now() };
        },
        (e: unknown) => {
          this.log(`[refresh] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          this.current = { ...this.current, running: false, step: null, finishedAt: now() };
        },
      )
      .finally(() => {
        warehouseChanged(this.engine);
        this.running = null;
      });
    return this.current;
  }

  /** Resolves when the running refresh (if any) has ended. */
  async settled(): Promise<void> {
    await this.running;
  }
}

const BY_ENGINE = new WeakMap<Engine, RefreshRuns>();

/** The refresh runner of one warehouse. */
export function refreshRuns(engine: Engine, log: (line: string) => void): RefreshRuns {
  let r = BY_ENGINE.get(engine);
  if (!r) {
    r = new RefreshRuns(engine, log);
    BY_ENGINE.set(engine, r);
  }
  return r;
}
