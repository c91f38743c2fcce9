import { useEffect, useMemo, useState } from 'react';
import { setApiLang } from './api/client.ts';
import { Sidebar } from './components/sidebar.tsx';
import { ToastProvider } from './components/toast.tsx';
import { I18nContext, type Lang, type MessageKey, webText } from './i18n.ts';
import { RouterView } from './router/router-view.tsx';
import { ROUTES } from './routes.tsx';
import { SessionGate } from './session/session-context.tsx';

const initialLang = (): Lang => {
  const q = new URLSearchParams(window.location.search).get('lang');
  if (q === 'en' || q === 'ko') return q;
  return window.localStorage.getItem('dalbit.lang') === 'en' ? 'en' : 'ko';
};

/** Language, session (login page until logged in), toasts, sidebar and the routed page. */
export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  setApiLang(lang); // before any child's effect asks the API
  useEffect(() => {
    document.documentElement.lang = lang;
    window.localStorage.setItem('dalbit.lang', lang);
  }, [lang]);
  const i18n = useMemo(() => ({ lang, t: (k: MessageKey) => webText(lang, k), setLang }), [lang]);
  return (
    <I18nContext.Provider value={i18n}>
      <ToastProvider>
        <SessionGate>
          <div className="layout">
            <Sidebar routes={ROUTES} />
            <main className="content">
              <RouterView routes={ROUTES} />
            </main>
          </div>
        </SessionGate>
      </ToastProvider>
    </I18nContext.Provider>
  );
}
