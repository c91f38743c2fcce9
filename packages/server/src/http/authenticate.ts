import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { readApiToken } from '../auth/api-tokens.ts';
import type { AuthOptions } from '../auth/auth-options.ts';
import type { Principal } from '../auth/principal.ts';
import { readSession, SESSION_COOKIE } from '../auth/sessions.ts';
import type { Engine } from '../engines/engine.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The authenticated caller, when there is one (set by `authenticate`). */
    principal: Principal | undefined;
    /** The raw session token of the request's cookie (for logout). */
    sessionToken: string | undefined;
  }
}

/** The bearer token of `Authorization: Bearer …`, if any. */
export function bearerOf(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

/**
 * Resolves the caller from a bearer token (scripts) or the session cookie (dashboard). It never
 * rejects: routes decide with their `access`; an unknown token simply leaves no principal.
 */
export function authenticate(deps: { engine: Engine; now: () => Date; auth: AuthOptions }): MiddlewareHandler {
  return async (c, next) => {
    const bearer = bearerOf(c.req.header('authorization'));
    if (bearer !== undefined) {
      c.set('principal', (await readApiToken(deps.engine, bearer)) ?? undefined);
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) {
        c.set('sessionToken', token);
        c.set('principal', (await readSession(deps.engine, token, deps.now(), deps.auth.session)) ?? undefined);
      }
    }
    await next();
  };
}
