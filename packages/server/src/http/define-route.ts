import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { authError } from '../auth/errors.ts';
import { type Access, can } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';
import { ApiError, type ApiIssue } from './api-error.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

export interface ResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
}

/** One route: its inputs as zod schemas (validated here, documented in /openapi.json) and a handler. */
export interface RouteSpec<Q extends z.ZodType, P extends z.ZodType, B extends z.ZodType> {
  readonly method: HttpMethod;
  /** OpenAPI-style path: `/api/customers/{id}`. */
  readonly path: string;
  readonly tag: string;
  /** Who may call it: `'public'` or the permission the caller's role needs (auth/permissions.ts). */
  readonly access: Access;
  readonly summary: string;
  readonly description?: string;
  readonly query?: Q;
  readonly params?: P;
  readonly body?: B;
  /** What the body really accepts, when the handler validates part of it further (segment definitions). */
  readonly bodyDoc?: z.ZodType;
  readonly responses: Readonly<Record<number, ResponseSpec>>;
  handle(input: {
    query: z.output<Q>;
    params: z.output<P>;
    body: z.output<B>;
    c: Context;
  }): Promise<Response> | Response;
}

export type AnyRoute = RouteSpec<z.ZodType, z.ZodType, z.ZodType>;

const NONE = z.object({});

/** Types the handler's inputs from the schemas; absent schemas give `{}`. */
export function defineRoute<
  Q extends z.ZodType = typeof NONE,
  P extends z.ZodType = typeof NONE,
  B extends z.ZodType = typeof NONE,
>(spec: RouteSpec<Q, P, B>): AnyRoute {
  return spec as unknown as AnyRoute;
}

export const toHonoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

function issuesOf(where: 'query' | 'params' | 'body', error: z.ZodError): ApiIssue[] {
  return error.issues.map((i) => ({
    path: [where, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: i.message,
    code: i.code,
  }));
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '')
    throw new ApiError('BAD_JSON', 'the request body must be JSON', [{ path: ['body'], message: 'empty body' }]);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError('BAD_JSON', 'the request body is not valid JSON', [
      { path: ['body'], message: e instanceof Error ? e.message : String(e) },
    ]);
  }
}

/**
 * The caller when `access` allows them: 401 UNAUTHENTICATED without a session or token, 403
 * FORBIDDEN when their role lacks the permission. Public routes get the caller if there is one.
 */
export function requireAccess(c: Context, access: Access): Principal | undefined {
  const principal = c.get('principal');
  if (access === 'public') return principal;
  if (!principal) throw authError('UNAUTHENTICATED', 'unauthenticated', 'error.UNAUTHENTICATED');
  if (!can(principal.role, access))
    throw authError('FORBIDDEN', 'forbidden', 'error.FORBIDDEN', undefined, {
      data: { role: principal.role, needs: access },
    });
  return principal;
}

/** The caller of a non-public route (mountRoutes has already checked it). */
export function principalOf(c: Context): Principal {
  const p = c.get('principal');
  if (!p) throw authError('UNAUTHENTICATED', 'unauthenticated', 'error.UNAUTHENTICATED');
  return p;
}

/**
 * Registers every route on `app`: checks `access` first (before the body is read), then validates
 * query, path parameters and body before the handler runs.
 */
export function mountRoutes(app: Hono, routes: readonly AnyRoute[]): void {
  for (const route of routes) {
    app.on(route.method.toUpperCase(), toHonoPath(route.path), async (c) => {
      requireAccess(c, route.access);
      const issues: ApiIssue[] = [];
      const parse = (where: 'query' | 'params' | 'body', schema: z.ZodType | undefined, raw: unknown): unknown => {
        if (!schema) return {};
        const r = schema.safeParse(raw);
        if (r.success) return r.data;
        issues.push(...issuesOf(where, r.error));
        return undefined;
      };
      const query = parse('query', route.query, c.req.query());
      const params = parse('params', route.params, c.req.param());
      const body = route.body ? parse('body', route.body, await readJson(c)) : {};
      if (issues.length > 0) throw new ApiError('VALIDATION_FAILED', 'the request has invalid values', issues);
      return route.handle({ query, params, body, c });
    });
  }
}
