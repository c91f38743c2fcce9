import type { Engine } from '../engines/engine.ts';
import { currentQueryScope, withQueryScope } from '../engines/query-scope.ts';

/** A result computed from the warehouse and when it was computed (shown as the page's freshness). */
export interface Derived<T> {
  readonly value: T;
  readonly computedAt: Date;
}

interface Entry {
  readonly promise: Promise<Derived<unknown>>;
}

/**
 * Model results and overviews computed from the warehouse (RFM, rules, CLV, traits), kept until
 * the warehouse changes. An import, a connector sync or a refresh calls `changed()`, which drops
 * every kept result, so the next page load computes from the new data.
 */
export class DerivedResults {
  private readonly entries = new Map<string, Entry>();
  private generationNo = 0;

  constructor(private readonly limit = 128) {}

  /** How many times the warehouse changed since the server started. */
  get generation(): number {
    return this.generationNo;
  }

  /** The kept result for `key`, or `make()`'s, stamped with `now()` when it was computed. */
  get<T>(key: string, now: () => Date, make: () => Promise<T>): Promise<Derived<T>> {
    const kept = this.entries.get(key);
    if (kept) return kept.promise as Promise<Derived<T>>;
    const generation = this.generationNo;
    // Shared by every caller: keep the first caller's time budget, not its cancellation (one
    // closed tab must not fail the others waiting for the same result).
    const budget = currentQueryScope()?.budgetMs;
    const promise = withQueryScope(budget ? { timeoutMs: budget } : {}, make).then((value) => ({
      value,
      computedAt: now(),
    }));
    this.entries.set(key, { promise });
    promise.then(
      () => {
        // Computed from data that changed meanwhile: do not keep it.
        if (generation !== this.generationNo) this.drop(key, promise);
      },
      () => this.drop(key, promise),
    );
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return promise;
  }

  /** The warehouse changed: forget every kept result. */
  changed(): void {
    this.generationNo += 1;
    this.entries.clear();
  }

  private drop(key: string, promise: Promise<unknown>): void {
    if (this.entries.get(key)?.promise === promise) this.entries.delete(key);
  }
}

const BY_ENGINE = new WeakMap<Engine, DerivedResults>();

/** The derived results of one warehouse (one per open engine, shared by every route and job). */
export function derivedResults(engine: Engine): DerivedResults {
  let r = BY_ENGINE.get(engine);
  if (!r) {
    r = new DerivedResults();
    BY_ENGINE.set(engine, r);
  }
  return r;
}

/** Call after anything wrote to the warehouse (import, sync, refresh). */
export function warehouseChanged(engine: Engine): void {
  derivedResults(engine).changed();
}
