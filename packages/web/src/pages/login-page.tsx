import { type FormEvent, useState } from 'react';
import { login } from '../api/auth.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { useI18n } from '../i18n.ts';
import { useT } from '../use-t.ts';

/** Email + password form; on success the session cookie is set and `onLoggedIn` re-reads /api/auth/me. */
export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const t = useT();
  const { lang, setLang, t: tw } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
      onLoggedIn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} data-testid="login-form">
        <div className="logo">
          <span className="moon" aria-hidden="true">
            ☾
          </span>
          <div className="brand">{t('shell.loginTitle')}</div>
        </div>
        <label>
          {t('shell.email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            data-testid="login-email"
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          {t('shell.password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            data-testid="login-password"
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error ? <ErrorBanner error={error} /> : null}
        <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
          {busy ? t('shell.loggingIn') : t('shell.login')}
        </button>
        <p className="muted small">{t('shell.loginHint')}</p>
        <button type="button" className="link" onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}>
          {tw('langToggle')}
        </button>
      </form>
    </div>
  );
}
