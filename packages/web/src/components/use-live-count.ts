import { useEffect, useState } from 'react';
import { api } from '../api.ts';

export type LiveCount =
  | { state: 'counting' }
  | { state: 'ok'; count: number; tookMs: number; ko: string; en: string }
  | { state: 'error'; message: string };

/** Counts (and explains) a definition ~300 ms after it stops changing; stale answers are dropped. */
export function useLiveCount(definition: unknown, delayMs = 300): LiveCount {
  const key = JSON.stringify(definition);
  const [value, setValue] = useState<LiveCount>({ state: 'counting' });
  useEffect(() => {
    const ctl = new AbortController();
    setValue({ state: 'counting' });
    const timer = window.setTimeout(() => {
      const body = { definition: JSON.parse(key) as unknown };
      Promise.all([
        api<{ count: number; tookMs: number }>('/api/segments/count', { body, signal: ctl.signal }),
        api<{ ko: string; en: string }>('/api/segments/explain', { body, signal: ctl.signal }),
      ]).then(
        ([c, e]) => setValue({ state: 'ok', count: c.count, tookMs: c.tookMs, ko: e.ko, en: e.en }),
        (err: unknown) => {
          if (!ctl.signal.aborted)
            setValue({ state: 'error', message: err instanceof Error ? err.message : String(err) });
        },
      );
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [key, delayMs]);
  return value;
}
