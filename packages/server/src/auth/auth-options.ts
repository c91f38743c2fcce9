import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './sessions.ts';

/** Security settings of one server (from the environment in the entry point; defaults are safe on loopback). */
export interface AuthOptions {
  readonly session: SessionPolicy;
  /** `Secure` on the session cookie: when the public URL is https. */
  readonly secureCookies: boolean;
  /** Trust `x-forwarded-for` / `x-dalbit-actor` from a proxy in front (DALBIT_TRUSTED_PROXY). */
  readonly trustedProxy: boolean;
  /** Extra Host names accepted besides loopback and the bound host (DALBIT_ALLOWED_HOSTS). */
  readonly allowedHosts: readonly string[];
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  session: DEFAULT_SESSION_POLICY,
  secureCookies: false,
  trustedProxy: false,
  allowedHosts: [],
};

/** Reads the DALBIT_* security variables (validated by config.ts). */
export function authOptionsFromEnv(e: {
  publicUrl?: string | undefined;
  trustedProxy?: boolean | undefined;
  allowedHosts?: readonly string[] | undefined;
  sessionIdleMinutes?: number | undefined;
  sessionMaxHours?: number | undefined;
}): AuthOptions {
  return {
    session: {
      idleMs: (e.sessionIdleMinutes ?? 30) * 60_000,
      absoluteMs: (e.sessionMaxHours ?? 12) * 3_600_000,
    },
    secureCookies: (e.publicUrl ?? '').startsWith('https:'),
    trustedProxy: e.trustedProxy ?? false,
    allowedHosts: [...(e.allowedHosts ?? []), ...(e.publicUrl ? [new URL(e.publicUrl).host] : [])],
  };
}
