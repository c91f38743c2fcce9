import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerOf, type LocalServer, listen, randomToken, readText, reply } from './loopback.ts';

/**
 * A local Cafe24 shop that speaks the Admin API as documented (developers.cafe24.com): the OAuth
 * authorization-code flow (consent page, 1-minute codes bound to client and redirect URI, Basic
 * client authentication, refresh and revocation), `X-Cafe24-Api-Version`, the leaky-bucket
 * `X-Api-Call-Limit` header with 429 when full, limit/offset pages over date windows, and signed
 * webhooks. Its data is whatever the test or the demo puts in (documented payload shapes).
 */
export interface LocalCafe24Options {
  readonly mallId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The app's service key: signs webhooks. */
  readonly serviceKey: string;
  /** Bucket size of `X-Api-Call-Limit` (Cafe24: 40). */
  readonly bucket?: number;
  /** The shop's clock (ms); tests move it to expire codes and tokens. */
  readonly now?: () => number;
  readonly port?: number;
}

export type Cafe24Record = Record<string, unknown> & { updated_date: string };
/** A small list without dates (member groups, coupons). */
export type Cafe24Item = Record<string, unknown>;
/** A coupon issued to a member (`GET /api/v2/admin/coupons/{coupon_no}/issues`). */
export type Cafe24Issue = Record<string, unknown> & { coupon_no: string; issued_date: string };

export interface LocalCafe24 extends LocalServer {
  readonly customers: Cafe24Record[];
  readonly orders: Cafe24Record[];
  readonly products: Cafe24Record[];
  readonly categories: Cafe24Record[];
  readonly customergroups: Cafe24Item[];
  readonly coupons: Cafe24Item[];
  readonly issues: Cafe24Issue[];
  /** Every Admin API call: path, query, the version header sent. */
  readonly calls: { path: string; query: string; version: string | undefined; status: number }[];
  /** The next `n` Admin API calls answer 429 as a full bucket does. */
  throttle(n: number): void;
  /** Every access token issued so far expires now (refresh tokens stay valid). */
  expireAccessTokens(): void;
  /** Posts a webhook `{event_no, resource}` to `url`, signed with the service key. */
  sendWebhook(url: string, eventNo: number, resource: Record<string, unknown>): Promise<number>;
  readonly revoked: string[];
}

export const CAFE24_WEBHOOK_HEADER = 'x-cafe24-hmac-sha256';

/** base64(HMAC-SHA256(service key, raw body)). */
export function signCafe24Webhook(serviceKey: string, body: string): string {
  return createHmac('sha256', serviceKey).update(body).digest('base64');
}

interface Grant {
  access: Map<string, number>;
  refresh: Map<string, number>;
  codes: Map<string, { redirectUri: string; scope: string; at: number }>;
}

export async function startLocalCafe24(o: LocalCafe24Options): Promise<LocalCafe24> {
  const now = o.now ?? Date.now;
  const grant: Grant = { access: new Map(), refresh: new Map(), codes: new Map() };
  const data = { customers: [], orders: [], products: [], categories: [], customergroups: [], coupons: [] } as Record<
    string,
    Cafe24Item[]
  >;
  const issues: Cafe24Issue[] = [];
  const calls: LocalCafe24['calls'] = [];
  const revoked: string[] = [];
  let throttled = 0;
  const bucket = { size: o.bucket ?? 40, level: 0, at: now() };
  const server = await listen(async (req, res, url) => {
    const path = url.pathname;
    if (path === '/api/v2/oauth/authorize') return authorizePage(o, url, res);
    if (path === '/api/v2/oauth/authorize/approve' && req.method === 'POST')
      return approve(o, grant, await readText(req), now, res);
    if (path === '/api/v2/oauth/token' && req.method === 'POST')
      return token(o, grant, req, await readText(req), now, res);
    if (path === '/api/v2/oauth/revoke' && req.method === 'POST')
      return revoke(o, grant, req, await readText(req), revoked, res);
    const list = adminList(path, data, issues);
    if (!list || req.method !== 'GET') return void reply(res, 404, error(404, 'No API found'));
    const version = req.headers['x-cafe24-api-version'] as string | undefined;
    const status = await admin({ o, grant, req, res, url, now, bucket, ...list }, () => {
      if (throttled <= 0) return false;
      throttled--;
      return true;
    });
    calls.push({ path, query: url.search, version, status });
  }, o.port);
  return {
    ...server,
    customers: data.customers as Cafe24Record[],
    orders: data.orders as Cafe24Record[],
    products: data.products as Cafe24Record[],
    categories: data.categories as Cafe24Record[],
    customergroups: data.customergroups as Cafe24Item[],
    coupons: data.coupons as Cafe24Item[],
    issues,
    calls,
    revoked,
    throttle: (n) => {
      throttled = n;
    },
    expireAccessTokens: () => {
      for (const k of grant.access.keys()) grant.access.set(k, now() - 1);
    },
    sendWebhook: async (url, eventNo, resource) => {
      const body = JSON.stringify({ event_no: eventNo, resource: { mall_id: o.mallId, ...resource } });
      const r = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CAFE24_WEBHOOK_HEADER]: signCafe24Webhook(o.serviceKey, body) },
        body,
      });
      await r.arrayBuffer();
      return r.status;
    },
  };
}

const error = (code: number, message: string) => ({ error: { code, message } });

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The consent screen a mall operator sees before the app is installed. */
function authorizePage(o: LocalCafe24Options, url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  const problems: string[] = [];
  if (q.get('response_type') !== 'code') problems.push('response_type must be code');
  if (q.get('client_id') !== o.clientId) problems.push('unknown client_id');
  if (!q.get('state')) problems.push('state is required');
  if (!q.get('redirect_uri')) problems.push('redirect_uri is required');
  if (problems.length > 0)
    return void reply(res, 400, { error: 'invalid_request', error_description: problems.join('; ') });
  const hidden = ['redirect_uri', 'state', 'scope']
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`)
    .join('');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html lang="ko"><meta charset="utf-8"><title>앱 설치 동의 — ${escapeHtml(o.mallId)}</title>` +
      `<body><h1>${escapeHtml(o.mallId)} 쇼핑몰</h1><p>앱이 다음 권한을 요청합니다: ${escapeHtml(q.get('scope') ?? '')}</p>` +
      `<form method="post" action="/api/v2/oauth/authorize/approve">${hidden}<button type="submit">동의함</button></form></body></html>`,
  );
}

function approve(_o: LocalCafe24Options, grant: Grant, body: string, now: () => number, res: ServerResponse): void {
  const f = new URLSearchParams(body);
  const redirectUri = f.get('redirect_uri') ?? '';
  const code = randomToken(16);
  grant.codes.set(code, { redirectUri, scope: f.get('scope') ?? '', at: now() });
  const to = new URL(redirectUri);
  to.searchParams.set('code', code);
  to.searchParams.set('state', f.get('state') ?? '');
  res.writeHead(302, { location: to.toString() });
  res.end();
}

function clientOk(o: LocalCafe24Options, req: IncomingMessage): boolean {
  const m = /^Basic (\S+)$/.exec(req.headers.authorization ?? '');
  if (!m?.[1]) return false;
  const expected = Buffer.from(`${o.clientId}:${o.clientSecret}`);
  const given = Buffer.from(m[1], 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const ACCESS_MS = 2 * 3600_000;
const REFRESH_MS = 14 * 86_400_000;
const CODE_MS = 60_000;

/** Cafe24 writes these instants as KST wall-clock time without an offset. */
function kst(ms: number): string {
  return new Date(ms + 9 * 3600_000).toISOString().replace('Z', '');
}

function token(
  o: LocalCafe24Options,
  grant: Grant,
  req: IncomingMessage,
  body: string,
  now: () => number,
  res: ServerResponse,
): void {
  if (!clientOk(o, req))
    return void reply(res, 401, { error: 'invalid_client', error_description: 'client authentication failed' });
  const f = new URLSearchParams(body);
  const type = f.get('grant_type');
  let scope = '';
  if (type === 'authorization_code') {
    const code = grant.codes.get(f.get('code') ?? '');
    grant.codes.delete(f.get('code') ?? '');
    if (!code || now() - code.at > CODE_MS || code.redirectUri !== f.get('redirect_uri'))
      return void reply(res, 400, {
        error: 'invalid_grant',
        error_description: 'the code is invalid, used or expired',
      });
    scope = code.scope;
  } else if (type === 'refresh_token') {
    const old = f.get('refresh_token') ?? '';
    const until = grant.refresh.get(old);
    if (until === undefined || until < now())
      return void reply(res, 400, { error: 'invalid_grant', error_description: 'refresh_token is invalid or expired' });
    grant.refresh.delete(old);
  } else return void reply(res, 400, { error: 'unsupported_grant_type', error_description: String(type) });
  const access = randomToken(16);
  const refresh = randomToken(16);
  const at = now();
  grant.access.set(access, at + ACCESS_MS);
  grant.refresh.set(refresh, at + REFRESH_MS);
  reply(res, 200, {
    access_token: access,
    expires_at: kst(at + ACCESS_MS),
    refresh_token: refresh,
    refresh_token_expires_at: kst(at + REFRESH_MS),
    client_id: o.clientId,
    mall_id: o.mallId,
    user_id: o.mallId,
    scopes: scope.split(/[ ,]+/).filter(Boolean),
    issued_at: kst(at),
  });
}

function revoke(
  o: LocalCafe24Options,
  grant: Grant,
  req: IncomingMessage,
  body: string,
  revoked: string[],
  res: ServerResponse,
): void {
  if (!clientOk(o, req))
    return void reply(res, 401, { error: 'invalid_client', error_description: 'client authentication failed' });
  const t = new URLSearchParams(body).get('token') ?? '';
  grant.access.delete(t);
  grant.refresh.delete(t);
  revoked.push(t);
  reply(res, 200, {});
}

/** What a list call reads: its records, the date the window filters on, its page size cap. */
interface AdminList {
  /** The answer's key (`customers`, `issues` …). */
  resource: string;
  rows: readonly Cafe24Item[];
  /** Date field and the query parameters bounding it; no window for small lists. */
  window?: { field: string; from: string; to: string };
  maxLimit: number;
}

const WINDOWED = { field: 'updated_date', from: 'start_date', to: 'end_date' };

/**
 * The Admin API lists Dalbit reads: members, orders and products by `updated_date` window;
 * categories, member groups and coupons whole; a coupon's issues by `issued_start_date` /
 * `issued_end_date`, up to 500 a page.
 */
function adminList(
  path: string,
  data: Record<string, Cafe24Item[]>,
  issues: readonly Cafe24Issue[],
): AdminList | undefined {
  const m =
    /^\/api\/v2\/admin\/(customers|orders|products|categories|customergroups|coupons)(?:\/(\d+)\/issues)?$/.exec(path);
  const resource = m?.[1];
  if (!resource) return undefined;
  const couponNo = m?.[2];
  if (couponNo !== undefined) {
    if (resource !== 'coupons' || !(data.coupons ?? []).some((c) => String(c.coupon_no) === couponNo)) return undefined;
    return {
      resource: 'issues',
      rows: issues.filter((i) => i.coupon_no === couponNo),
      window: { field: 'issued_date', from: 'issued_start_date', to: 'issued_end_date' },
      maxLimit: 500,
    };
  }
  const dated = resource === 'customers' || resource === 'orders' || resource === 'products';
  return { resource, rows: data[resource] ?? [], ...(dated ? { window: WINDOWED } : {}), maxLimit: 100 };
}

interface AdminCall extends AdminList {
  o: LocalCafe24Options;
  grant: Grant;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  now: () => number;
  bucket: { size: number; level: number; at: number };
}

const MAX_OFFSET = 8000;
const VERSION = /^\d{4}-\d{2}-\d{2}$/;

/** One Admin API list call; returns the status it answered. */
async function admin(a: AdminCall, forced429: () => boolean): Promise<number> {
  const { res, url, bucket } = a;
  const until = a.grant.access.get(bearerOf(a.req) ?? '');
  if (until === undefined || until < a.now()) {
    reply(res, 401, error(401, 'Invalid access_token'));
    return 401;
  }
  const version = a.req.headers['x-cafe24-api-version'];
  if (version !== undefined && !VERSION.test(String(version))) {
    reply(res, 400, error(400, 'X-Cafe24-Api-Version is invalid'));
    return 400;
  }
  // Leaky bucket: 2 calls leak per second.
  const t = a.now();
  bucket.level = Math.max(0, bucket.level - ((t - bucket.at) / 1000) * 2);
  bucket.at = t;
  if (forced429() || bucket.level + 1 > bucket.size) {
    reply(res, 429, error(429, 'Too Many Requests'), { 'x-api-call-limit': `${bucket.size}/${bucket.size}` });
    return 429;
  }
  bucket.level += 1;
  const limit = Number(url.searchParams.get('limit') ?? 10);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  if (!(limit >= 1 && limit <= a.maxLimit) || !(offset >= 0 && offset <= MAX_OFFSET)) {
    reply(res, 422, error(422, `limit must be 1–${a.maxLimit} and offset 0–${MAX_OFFSET}`));
    return 422;
  }
  const page = windowed(a, url)
    .slice(offset, offset + limit)
    .map((r) => embedded(r, url.searchParams.get('embed')));
  reply(res, 200, { [a.resource]: page }, { 'x-api-call-limit': `${Math.ceil(bucket.level)}/${bucket.size}` });
  return 200;
}

/** The list's records inside the asked window, oldest first (small lists: all, as stored). */
function windowed(a: AdminList, url: URL): Cafe24Item[] {
  const w = a.window;
  if (!w) return [...a.rows];
  const from = url.searchParams.get(w.from);
  const to = url.searchParams.get(w.to);
  const at = (r: Cafe24Item) => Date.parse(String(r[w.field]));
  return a.rows
    .filter((r) => (from === null || at(r) >= Date.parse(from)) && (to === null || at(r) < Date.parse(to)))
    .sort((x, y) => at(x) - at(y));
}

/** Orders carry `items` and `buyer` only when `embed` asks for them. */
function embedded(r: Cafe24Item, embed: string | null): Cafe24Item {
  const want = new Set((embed ?? '').split(','));
  const out: Cafe24Item = { ...r };
  for (const k of ['items', 'buyer']) if (k in out && !want.has(k)) delete out[k];
  return out;
}
