import { useEffect, useMemo, useState } from 'react';
import { I18nContext, type Lang, MESSAGES, type MessageKey } from './i18n.ts';
import { AnalyticsPage } from './pages/analytics-page.tsx';
import { CampaignsPage } from './pages/campaigns-page.tsx';
import { CustomersPage } from './pages/customers-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { SegmentsPage } from './pages/segments-page.tsx';

const PAGES = [
  { id: 'home', label: 'navHome', Page: HomePage },
  { id: 'customers', label: 'navCustomers', Page: CustomersPage },
  { id: 'segments', label: 'navSegments', Page: SegmentsPage },
  { id: 'analytics', label: 'navAnalytics', Page: AnalyticsPage },
  { id: 'campaigns', label: 'navCampaigns', Page: CampaignsPage },
] as const satisfies readonly { id: string; label: MessageKey; Page: () => unknown }[];

type PageId = (typeof PAGES)[number]['id'];

const pageFromHash = (): PageId => {
  const id = window.location.hash.replace(/^#\/?/, '').split('/')[0];
  return PAGES.find((p) => p.id === id)?.id ?? 'home';
};

const initialLang = (): Lang => {
  const q = new URLSearchParams(window.location.search).get('lang');
  if (q === 'en' || q === 'ko') return q;
  return window.localStorage.getItem('dalbit.lang') === 'en' ? 'en' : 'ko';
};

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [page, setPage] = useState<PageId>(pageFromHash);
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    window.localStorage.setItem('dalbit.lang', lang);
  }, [lang]);
  const i18n = useMemo(() => ({ lang, t: (k: MessageKey) => MESSAGES[lang][k], setLang }), [lang]);
  const t = i18n.t;
  const Current = PAGES.find((p) => p.id === page)?.Page ?? HomePage;
  return (
    <I18nContext.Provider value={i18n}>
      <div className="layout">
        <aside className="sidebar">
          <div className="logo">
            <span className="moon" aria-hidden="true">
              ☾
            </span>
            <div>
              <div className="brand">{t('brand')}</div>
              <div className="tagline">{t('tagline')}</div>
            </div>
          </div>
          <nav>
            {PAGES.map((p) => (
              <a key={p.id} href={`#/${p.id}`} className={p.id === page ? 'active' : ''} data-testid={`nav-${p.id}`}>
                {t(p.label)}
              </a>
            ))}
          </nav>
          <button
            type="button"
            className="lang"
            data-testid="lang-toggle"
            onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}
          >
            {t('langToggle')}
          </button>
          <p className="footer">{t('footer')}</p>
        </aside>
        <main className="content">
          <Current />
        </main>
      </div>
    </I18nContext.Provider>
  );
}
