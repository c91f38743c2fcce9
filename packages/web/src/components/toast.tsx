import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { errorText } from '../api/error-text.ts';
import { useI18n } from '../i18n.ts';
import { useT } from '../use-t.ts';

type Tone = 'ok' | 'error';
interface Toast {
  readonly id: number;
  readonly tone: Tone;
  readonly text: string;
}

export interface Toaster {
  /** A short confirmation ("저장했습니다"), gone after a few seconds. */
  ok(text: string): void;
  /** A failed call, in the UI language; stays until closed. */
  error(e: unknown): void;
}

const ToastContext = createContext<Toaster>({ ok: () => undefined, error: () => undefined });
export const useToast = (): Toaster => useContext(ToastContext);

let serial = 0;

/** Toasts at the bottom right; `useToast()` anywhere below it adds one. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const t = useT();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const close = useCallback((id: number) => setToasts((ts) => ts.filter((x) => x.id !== id)), []);
  const toaster = useMemo<Toaster>(
    () => ({
      ok: (text) => {
        const id = ++serial;
        setToasts((ts) => [...ts, { id, tone: 'ok', text }]);
        setTimeout(() => close(id), 4000);
      },
      error: (e) => setToasts((ts) => [...ts, { id: ++serial, tone: 'error', text: errorText(e, lang) }]),
    }),
    [lang, close],
  );
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((x) => (
          <div
            key={x.id}
            className={`toast ${x.tone}`}
            role={x.tone === 'error' ? 'alert' : 'status'}
            data-testid="toast"
          >
            <span>{x.text}</span>
            <button type="button" className="link" aria-label={t('shell.close')} onClick={() => close(x.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
