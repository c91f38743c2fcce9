import { isDalbitError, messageIn } from '@dalbit/core/errors/dalbit-error';
import { HTTP_STATUS_BY_KIND } from '@dalbit/core/errors/error-codes';
import { type Lang, parseLang } from '@dalbit/core/i18n/lang';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from './api-error.ts';

/** The one JSON error body: `{ error: { code, message, issues } }`. */
export function errorJson(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues: readonly { path: readonly (string | number)[]; message: string; code?: string }[] = [],
  headers: Record<string, string> = {},
): Response {
  return c.json({ error: { code, message, issues: issues.map((i) => ({ ...i, path: [...i.path] })) } }, status, {
    'cache-control': 'no-store',
    ...headers,
  });
}

/** The reader's language of a request: `?lang=`, else `Accept-Language`; Korean by default. */
export function requestLang(c: Context): Lang {
  return parseLang(c.req.query('lang') ?? c.req.header('accept-language'));
}

/** Renders ApiError and DalbitError (status from its kind); anything else is logged and answered 500. */
export function renderError(e: unknown, c: Context, log: (line: string) => void): Response {
  if (e instanceof ApiError) return c.json(e.toBody(), e.status);
  if (isDalbitError(e)) {
    const retry = e.data.retryAfter;
    return errorJson(
      c,
      HTTP_STATUS_BY_KIND[e.kind],
      e.code,
      messageIn(e, requestLang(c)),
      e.issues,
      typeof retry === 'number' ? { 'retry-after': String(retry) } : {},
    );
  }
  log(`[http] ${c.req.method} ${c.req.path} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return c.json(new ApiError('INTERNAL', 'unexpected error; see the server log').toBody(), 500);
}
