import { useCallback, useEffect, useState } from 'react';

export interface ApiIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** An error answer of the API: `{ error: { code, message, issues } }`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(
  path: string,
  init?: { method?: string; body?: unknown; signal?: AbortSignal },
): Promise<T> {
  const res = await fetch(path, {
    method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
    headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
    ...(init?.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    ...(init?.signal ? { signal: init.signal } : {}),
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string; issues?: ApiIssue[] } }).error;
    throw new ApiFailure(res.status, e?.code ?? 'HTTP_ERROR', e?.message ?? `HTTP ${res.status}`, e?.issues ?? []);
  }
  return json as T;
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiFailure | Error } | { state: 'ok'; data: T };

/** GET `path` (null = nothing to load) and keep the latest answer. */
export function useApi<T>(path: string | null): [Loaded<T>, () => void] {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `tick` is the reload trigger
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setValue({ state: 'loading' });
    api<T>(path, { signal: ctl.signal }).then(
      (data) => setValue({ state: 'ok', data }),
      (error: unknown) => {
        if (!ctl.signal.aborted)
          setValue({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => ctl.abort();
  }, [path, tick]);
  return [value, useCallback(() => setTick((n) => n + 1), [])];
}
