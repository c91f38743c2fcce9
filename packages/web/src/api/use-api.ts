import { useCallback, useEffect, useState } from 'react';
import { request } from './client.ts';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ok'; data: T };

/** Runs `load` (null = nothing to load) whenever `key` changes and keeps the latest answer. */
export function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): [Loaded<T>, () => void] {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies `load`; `tick` is the reload trigger
  useEffect(() => {
    if (key === null) return;
    const ctl = new AbortController();
    setValue({ state: 'loading' });
    load(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) setValue({ state: 'ok', data });
      },
      (error: unknown) => {
        if (!ctl.signal.aborted)
          setValue({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => ctl.abort();
  }, [key, tick]);
  return [value, useCallback(() => setTick((n) => n + 1), [])];
}

/** GET `path` (null = nothing to load) and keep the latest answer. */
export function useApi<T>(path: string | null): [Loaded<T>, () => void] {
  return useLoad<T>(path, (signal) => request<T>(path ?? '', { signal }));
}
