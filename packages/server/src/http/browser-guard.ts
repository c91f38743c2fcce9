import { translate } from '@dalbit/core/i18n/catalog';
import type { Context, MiddlewareHandler } from 'hono';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { bearerOf } from './authenticate.ts';
import { errorJson } from './error-response.ts';

/**
 * Paths any web site may call (CORS open, no origin rule): the tracker snippet and the endpoints
 * it posts to from shop pages. Everything else answers only its own origin. Onsite/tracker routes
 * added later go here (one list, so docs/security.md and the CORS middleware agree).
 */
export const CROSS_ORIGIN_PATHS: readonly string[] = [
  '/api/events',
  '/tracker.js',
  '/api/push/tokens',
  '/api/push/tokens/remove',
  '/api/onsite/pending',
];

/**
 * Paths that take a file as the raw request body (`application/octet-stream`) instead of JSON, and
 * enforce their own size cap while streaming it to disk (the import upload). Still same-origin only:
 * `application/octet-stream` is not a CORS-safelisted type, so another site cannot send it without
 * a preflight, which these paths never grant.
 */
export const RAW_UPLOAD_PATHS: readonly string[] = ['/api/imports/uploads'];

export const isRawUploadPath = (path: string): boolean => RAW_UPLOAD_PATHS.includes(path);

const isOctetStream = (value: string | undefined): boolean =>
  /^application\/octet-stream\s*(;|$)/i.test(value?.trim() ?? '');

/** Host names that always reach a local server (DNS rebinding cannot produce these). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface BrowserGuardOptions {
  /** Extra `Host` values accepted (name or name:port), from DALBIT_ALLOWED_HOSTS, the public URL and `--host`. */
  readonly allowedHosts: readonly string[];
  /** Behind a trusted proxy, `X-Forwarded-Proto`/`X-Forwarded-Host` say which origin the browser used. */
  readonly trustedProxy: boolean;
}

export const isCrossOriginPath = (path: string): boolean => CROSS_ORIGIN_PATHS.includes(path);

/** `example.com:8080` → `example.com`; `[::1]:80` → `[::1]`. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

/** True when the `Host` header names this server: loopback, `*.localhost`, or a configured name. */
export function isAllowedHost(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  const full = host.trim().toLowerCase();
  const name = hostName(full);
  if (LOOPBACK_HOSTS.has(name) || name.endsWith('.localhost')) return true;
  return allowed.some((a) => {
    const x = a.trim().toLowerCase();
    return x === full || x === name;
  });
}

/**
 * Refuses requests whose `Host` is not this server's (421): a page on attacker.example whose DNS
 * name was rebound to 127.0.0.1 sends `Host: attacker.example`, so it never reaches the API.
 */
export function hostGuard(opts: BrowserGuardOptions): MiddlewareHandler {
  return async (c, next) => {
    // In-process `app.fetch(new Request(url))` has no Host header: the URL's host stands for it.
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!isAllowedHost(host, opts.allowedHosts))
      return errorJson(
        c,
        421,
        'HOST_NOT_ALLOWED',
        translate('ko', 'auth.badHost', { host: (host ?? '').slice(0, 100) }),
      );
    return next();
  };
}

/** The origins a same-origin browser request carries: the served one (and the proxy's, when trusted). */
function servedOrigins(c: Context, trustedProxy: boolean): string[] {
  const url = new URL(c.req.url);
  const host = c.req.header('host') ?? url.host;
  const origins = [`${url.protocol}//${host}`.toLowerCase()];
  if (trustedProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const fwdHost = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() ?? host;
    if (proto) origins.push(`${proto}://${fwdHost}`.toLowerCase());
  }
  return origins;
}

/** A body is JSON: `application/json`, optionally with parameters (`; charset=utf-8`). */
export const isJsonContentType = (value: string | undefined): boolean =>
  /^application\/json\s*(;|$)/i.test(value?.trim() ?? '');

const hasBody = (c: Context): boolean =>
  c.req.header('transfer-encoding') !== undefined || Number(c.req.header('content-length') ?? '0') > 0;

/** Scripts authenticate with a bearer token and send no cookie; browsers cannot forge that header cross-site. */
function isScript(c: Context): boolean {
  return bearerOf(c.req.header('authorization')) !== undefined && !c.req.header('cookie')?.includes(SESSION_COOKIE);
}

/** Why a state-changing request is not same-origin, or undefined when it is. */
function crossSiteReason(c: Context, trustedProxy: boolean): string | undefined {
  const site = c.req.header('sec-fetch-site')?.toLowerCase();
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = c.req.header('origin')?.toLowerCase();
  if (origin !== undefined && !servedOrigins(c, trustedProxy).includes(origin)) return `Origin: ${origin}`;
  return undefined;
}

/**
 * CSRF defence for `/api/*`: a state-changing request (POST, PUT, PATCH, DELETE) must carry a JSON
 * body (415 otherwise: forms and `text/plain` fetches are what another site can send without a
 * preflight) and come from this origin (`Sec-Fetch-Site: same-origin|none`, or an `Origin` equal to
 * the served origin; 403 CROSS_SITE otherwise). Upload paths (RAW_UPLOAD_PATHS) also take
 * `application/octet-stream`. Bearer-token scripts without cookies skip the origin
 * rule; a request with neither header is not from a browser. Tracker paths are exempt (CORS open).
 */
export function originGuard(opts: BrowserGuardOptions): MiddlewareHandler {
  return async (c, next) => {
    if (!STATE_CHANGING.has(c.req.method) || isCrossOriginPath(c.req.path)) return next();
    if (!isScript(c)) {
      const reason = crossSiteReason(c, opts.trustedProxy);
      if (reason !== undefined)
        return errorJson(c, 403, 'CROSS_SITE', translate('ko', 'auth.crossSite'), [
          { path: ['headers'], message: reason.slice(0, 200) },
        ]);
    }
    const type = c.req.header('content-type');
    if (isRawUploadPath(c.req.path) && isOctetStream(type)) return next();
    if ((type !== undefined || hasBody(c)) && !isJsonContentType(type))
      return errorJson(c, 415, 'UNSUPPORTED_MEDIA_TYPE', translate('ko', 'auth.jsonOnly'), [
        { path: ['headers', 'content-type'], message: (type ?? '(none)').slice(0, 100) },
      ]);
    return next();
  };
}

/**
 * The dashboard's Content-Security-Policy: scripts and styles only from this origin (the Vite build
 * has no inline script), no framing, no plugins, forms and fetches back to this origin only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every response; API answers are never cached. The tracker paths may be
 * loaded by other sites (Cross-Origin-Resource-Policy: cross-origin); everything else is same-origin.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('content-security-policy', CONTENT_SECURITY_POLICY);
    h.set('x-content-type-options', 'nosniff');
    h.set('x-frame-options', 'DENY');
    h.set('referrer-policy', 'no-referrer');
    h.set('cross-origin-opener-policy', 'same-origin');
    h.set('cross-origin-resource-policy', isCrossOriginPath(c.req.path) ? 'cross-origin' : 'same-origin');
    if (c.req.path.startsWith('/api/') || c.req.path === '/openapi.json') h.set('cache-control', 'no-store');
  };
}
