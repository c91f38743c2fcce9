import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { DEFAULT_AUTH_OPTIONS } from '../../auth/auth-options.ts';
import { login } from '../../auth/login.ts';
import { permissionsOf, ROLES } from '../../auth/permissions.ts';
import type { Principal } from '../../auth/principal.ts';
import { createLoginLimits } from '../../auth/rate-limit.ts';
import { endSession, SESSION_COOKIE } from '../../auth/sessions.ts';
import type { ApiDeps } from '../api-deps.ts';
import { clientIp } from '../caller.ts';
import { type AnyRoute, defineRoute, principalOf } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

export const UserView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});
const Me = z.object({ user: UserView, permissions: z.array(z.string()) });

const userView = (p: Pick<Principal, 'id' | 'email' | 'name' | 'role'>) => ({
  id: p.id,
  email: p.email,
  name: p.name,
  role: p.role,
});

function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'Strict', path: '/', secure } as const;
}

/** Login, logout and "who am I" for the dashboard (session cookie) and scripts (bearer token). */
export function authRoutes(deps: ApiDeps): AnyRoute[] {
  const auth = deps.auth ?? DEFAULT_AUTH_OPTIONS;
  const limits = createLoginLimits();
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      access: 'public',
      summary: 'Log in with email and password; sets the HttpOnly session cookie dalbit_session',
      body: z.object({ email: z.string().trim().min(1).max(200), password: z.string().min(1).max(500) }),
      responses: {
        200: { description: 'logged in', schema: z.object({ user: UserView }) },
        401: { description: 'wrong email or password (LOGIN_FAILED)' },
        429: { description: 'too many failed attempts from this address or for this account (RATE_LIMITED)' },
      },
      handle: async ({ body, c }) => {
        const s = await login(
          deps.engine,
          {
            email: body.email,
            password: body.password,
            ip: clientIp(c, auth.trustedProxy),
            userAgent: c.req.header('user-agent') ?? null,
          },
          { now: deps.now(), auth, limits },
        );
        setCookie(c, SESSION_COOKIE, s.token, cookieOptions(auth.secureCookies));
        return sendJson(c, { user: userView(s.user) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      tag: 'auth',
      access: 'public',
      summary: 'End the session of the cookie (if any) and clear the cookie',
      responses: { 200: { description: 'logged out', schema: z.object({ ok: z.literal(true) }) } },
      handle: async ({ c }) => {
        const token = c.get('sessionToken');
        if (token) await endSession(deps.engine, token, deps.now());
        deleteCookie(c, SESSION_COOKIE, cookieOptions(auth.secureCookies));
        return sendJson(c, { ok: true });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      tag: 'auth',
      access: 'public',
      summary: 'The logged-in user and the permissions of their role; 401 UNAUTHENTICATED when not logged in',
      responses: { 200: { description: 'the caller', schema: Me }, 401: { description: 'not logged in' } },
      handle: ({ c }) => me(c),
    }),
  ];
}

function me(c: Context): Response {
  const p = principalOf(c);
  return sendJson(c, { user: userView(p), permissions: [...permissionsOf(p.role)] });
}
