import { AsyncLocalStorage } from 'node:async_hooks';
import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';

/**
 * Limits that every query run on behalf of one unit of work (an HTTP request) obeys: a deadline
 * shared by all its statements and a signal that fires when the caller goes away. Set once at the
 * edge (`withQueryScope` in the HTTP middleware); the engines read it for each statement, so route
 * code does not pass it down.
 */
export interface QueryScope {
  /** `performance.now()` value after which statements are interrupted. */
  readonly deadline?: number;
  /** The whole budget in ms (for the message). */
  readonly budgetMs?: number;
  readonly signal?: AbortSignal;
}

const store = new AsyncLocalStorage<QueryScope>();

/** Runs `fn` with a statement deadline of `timeoutMs` from now and/or a cancellation signal. */
export function withQueryScope<T>(
  opts: { timeoutMs?: number; signal?: AbortSignal },
  fn: () => Promise<T>,
): Promise<T> {
  const scope: QueryScope = {
    ...(opts.timeoutMs ? { deadline: performance.now() + opts.timeoutMs, budgetMs: opts.timeoutMs } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  return store.run(scope, fn);
}

/**
 * Runs `fn` outside any request's scope: work a request starts but does not wait for (an import
 * job) must not inherit the request's deadline or its cancellation.
 */
export function outsideQueryScope<T>(fn: () => T): T {
  return store.exit(fn);
}

export function currentQueryScope(): QueryScope | undefined {
  return store.getStore();
}

/** Milliseconds left before the scope's deadline (undefined: no deadline). */
export function remainingMs(scope: QueryScope | undefined): number | undefined {
  return scope?.deadline === undefined ? undefined : Math.max(0, scope.deadline - performance.now());
}

export function queryTimeoutError(scope: QueryScope | undefined, cause?: unknown): DalbitError {
  const seconds = Math.max(1, Math.round((scope?.budgetMs ?? 0) / 1000));
  return new DalbitError({
    code: 'QUERY_TIMEOUT',
    kind: 'unavailable',
    message: translate('ko', 'limits.queryTimeout', { seconds }),
    data: { timeoutSeconds: seconds },
    cause,
  });
}

export function queryCancelledError(cause?: unknown): DalbitError {
  return new DalbitError({
    code: 'QUERY_CANCELLED',
    kind: 'unavailable',
    message: translate('ko', 'limits.queryCancelled'),
    cause,
  });
}

/** Throws when the scope is already past its deadline or cancelled (checked before each statement). */
export function assertScopeOpen(scope: QueryScope | undefined): void {
  if (scope?.signal?.aborted) throw queryCancelledError(scope.signal.reason);
  if (scope?.deadline !== undefined && performance.now() >= scope.deadline) throw queryTimeoutError(scope);
}

/**
 * Runs one statement under the scope: `interrupt` is called when the deadline passes or the signal
 * fires while it runs, and the statement's failure is then reported as QUERY_TIMEOUT / QUERY_CANCELLED.
 */
export async function underScope<T>(interrupt: () => void, run: () => Promise<T>): Promise<T> {
  const scope = currentQueryScope();
  if (scope === undefined || (scope.deadline === undefined && scope.signal === undefined)) return run();
  assertScopeOpen(scope);
  let why: 'timeout' | 'cancelled' | undefined;
  const left = remainingMs(scope);
  const timer =
    left === undefined
      ? undefined
      : setTimeout(() => {
          why = 'timeout';
          interrupt();
        }, left);
  const onAbort = () => {
    why = 'cancelled';
    interrupt();
  };
  scope.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await run();
  } catch (e) {
    if (why === 'timeout') throw queryTimeoutError(scope, e);
    if (why === 'cancelled') throw queryCancelledError(e);
    throw e;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    scope.signal?.removeEventListener('abort', onAbort);
  }
}
