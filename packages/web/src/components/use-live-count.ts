import { useEffect, useState } from 'react';
import { errorText } from '../api/error-text.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n.ts';

export type LiveCount =
  | { state: 'counting' }
  | { state: 'invalid' }
  | { state: 'ok'; count: number; tookMs: number; ko: string; en: string }
  | { state: 'error'; message: string };

/**
 * Counts (and explains) a definition `delayMs` after it stops changing; each edit aborts the
 * request in flight, so only the answer for what is on screen lands. `null` = the form has problems.
 */
export function useLiveCount(definition: unknown, delayMs = 300): LiveCount {
  const { lang } = useI18n();
  const key = definition === null ? null : JSON.stringify(definition);
  const [value, setValue] = useState<LiveCount>({ state: 'counting' });
  useEffect(() => {
    if (key === null) {
      setValue({ state: 'invalid' });
      return;
    }
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
          if (!ctl.signal.aborted) setValue({ state: 'error', message: errorText(err, lang) });
        },
      );
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [key, delayMs, lang]);
  return value;
}
