import { translate } from '@dalbit/core/i18n/catalog';
import { useI18n } from '../i18n.ts';
import { sectionOf } from '../router/router-view.tsx';
import { useHashLocation } from '../router/use-location.ts';
import type { RouteDef } from '../routes.tsx';
import { useSession } from '../session/session-context.tsx';
import { useT } from '../use-t.ts';

/**
 * The user's name; the first owner is created with the Korean word for the owner role
 * (`auth.role.owner`) as its name, which is shown in the UI language rather than as stored.
 */
function displayName(user: { name: string; email: string }, t: ReturnType<typeof useT>): string {
  if (user.name === translate('ko', 'auth.role.owner')) return t('auth.role.owner');
  return user.name || user.email;
}

/** Brand, navigation (from the route registry), the logged-in user with role, language and logout. */
export function Sidebar({ routes }: { routes: readonly RouteDef[] }) {
  const { t: tw, lang, setLang } = useI18n();
  const t = useT();
  const { me, logout } = useSession();
  const active = sectionOf(useHashLocation().path);
  return (
    <aside className="sidebar">
      <div className="logo">
        <span className="moon" aria-hidden="true">
          ☾
        </span>
        <div>
          <div className="brand">{tw('brand')}</div>
          <div className="tagline">{tw('tagline')}</div>
        </div>
      </div>
      <nav>
        {routes.map((r) => {
          if (!r.nav) return null;
          const id = sectionOf(r.pattern) || 'home';
          return (
            <a
              key={r.pattern}
              href={`#${r.pattern}`}
              className={sectionOf(r.pattern) === active ? 'active' : ''}
              data-testid={`nav-${id}`}
            >
              {'label' in r.nav ? tw(r.nav.label) : t(r.nav.coreLabel)}
            </a>
          );
        })}
      </nav>
      <div className="user" data-testid="current-user">
        <div className="user-name">{displayName(me.user, t)}</div>
        <div className="user-role">{t(`shell.role.${me.user.role}`)}</div>
        <button type="button" className="link" data-testid="logout" onClick={() => void logout()}>
          {t('shell.logout')}
        </button>
      </div>
      <button
        type="button"
        className="lang"
        data-testid="lang-toggle"
        onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}
      >
        {tw('langToggle')}
      </button>
      <p className="footer">{tw('footer')}</p>
    </aside>
  );
}
