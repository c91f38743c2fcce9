import { DalbitError } from '@dalbit/core/errors/dalbit-error';
import { translate } from '@dalbit/core/i18n/catalog';
import { zodKorean } from '@dalbit/core/i18n/zod-korean';
import { MAX_JSON_DEPTH, parseBoundedJson } from '@dalbit/core/json/bounded-json';
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
  /** The body is a file, not JSON (the handler streams `c.req.raw.body`); documented with this media type. */
  readonly rawBody?: { readonly mediaType: string; readonly description: string };
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

/** The headline of a 400 whose issues say what is wrong per field. */
const INVALID_REQUEST = translate('ko', 'studio.request.invalid');

function issuesOf(where: 'query' | 'params' | 'body', error: z.ZodError): ApiIssue[] {
  return error.issues.map((i) => ({
    path: [where, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: i.message,
    code: i.code,
  }));
}

/**
 * The body as JSON, nesting bounded before parsing (400 BAD_JSON / JSON_TOO_DEEP), so a hostile
 * 200,000-deep body never reaches a recursive walk.
 */
export async function readJson(c: Context): Promise<unknown> {
  const r = parseBoundedJson(await c.req.text(), MAX_JSON_DEPTH);
  if (r.ok) return r.value;
  if (r.reason === 'too_deep')
    throw new DalbitError({
      code: 'JSON_TOO_DEEP',
      kind: 'invalid_input',
      message: translate('ko', 'json.tooDeep', { max: MAX_JSON_DEPTH }),
      issues: [{ path: ['body'], message: r.message }],
    });
  throw new ApiError('BAD_JSON', translate('ko', r.reason === 'empty' ? 'json.empty' : 'json.bad'), [
    { path: ['body'], message: r.message },
  ]);
}

/** Validates a parsed body against `schema`: 400 VALIDATION_FAILED with `body.…` paths. */
export function validateBody<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw, { error: zodKorean });
  if (!r.success) throw new ApiError('VALIDATION_FAILED', INVALID_REQUEST, issuesOf('body', r.error));
  return r.data;
}

/** Reads and validates the body, for routes that check something (a key, a signature) before reading it. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return validateBody(schema, await readJson(c));
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
        const r = schema.safeParse(raw, { error: zodKorean });
        if (r.success) return r.data;
        issues.push(...issuesOf(where, r.error));
        return undefined;
      };
      const query = parse('query', route.query, c.req.query());
      const params = parse('params', route.params, c.req.param());
      const body = route.body ? parse('body', route.body, await readJson(c)) : {};
      if (issues.length > 0) throw new ApiError('VALIDATION_FAILED', INVALID_REQUEST, issues);
      return route.handle({ query, params, body, c });
    });
  }
}

/** The methods `routes` accept at a concrete `path` (for 405 Allow); empty when no route has the path. */
export function methodsAt(routes: readonly AnyRoute[], path: string): string[] {
  const methods = new Set<string>();
  for (const r of routes) {
    const pattern = new RegExp(`^${r.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);
    if (pattern.test(path)) methods.add(r.method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
