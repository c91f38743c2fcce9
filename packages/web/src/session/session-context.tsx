import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { fetchMe, logout as logoutCall, type Me } from '../api/auth.ts';
import { ApiFailure, onUnauthorized } from '../api/client.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { Loading } from '../components/loading.tsx';
import { LoginPage } from '../pages/login-page.tsx';

export interface Session {
  readonly me: Me;
  /** Whether the logged-in role has `permission` (e.g. 'pii.unmask', 'audience.write'). */
  can(permission: string): boolean;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The logged-in user; only available inside SessionGate. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionGate');
  return s;
}

type State = { kind: 'checking' } | { kind: 'anonymous' } | { kind: 'failed'; error: unknown } | { kind: 'in'; me: Me };

/** Shows the login page until there is a session, then the app; any later 401 returns to login. */
export function SessionGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ kind: 'checking' });
  const check = useCallback(() => {
    fetchMe().then(
      (me) => setState({ kind: 'in', me }),
      (e: unknown) =>
        setState(e instanceof ApiFailure && e.status === 401 ? { kind: 'anonymous' } : { kind: 'failed', error: e }),
    );
  }, []);
  useEffect(check, [check]);
  useEffect(() => onUnauthorized(() => setState({ kind: 'anonymous' })), []);
  const session = useMemo<Session | null>(() => {
    if (state.kind !== 'in') return null;
    return {
      me: state.me,
      can: (p) => state.me.permissions.includes(p),
      logout: async () => {
        await logoutCall().catch(() => undefined);
        setState({ kind: 'anonymous' });
      },
    };
  }, [state]);
  if (state.kind === 'checking') return <Loading />;
  if (state.kind === 'failed') return <ErrorBanner error={state.error} onRetry={check} />;
  if (state.kind === 'anonymous' || !session) return <LoginPage onLoggedIn={check} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
