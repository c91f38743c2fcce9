import type { ServerResponse } from 'node:http';
import bcrypt from 'bcryptjs';
import { bearerOf, type LocalServer, listen, randomToken, readText, reply } from './loopback.ts';

/**
 * A local Naver Commerce API (apicenter.commerce.naver.com) for one SmartStore seller: tokens by
 * client credentials with the bcrypt `client_secret_sign` (timestamp within 5 minutes, 3-hour
 * tokens), changed product orders by `lastChangedFrom`/`lastChangedTo` with `moreSequence` paging,
 * details by `product-orders/query` in batches of at most 300, 429 from the gateway.
 */
export interface LocalNaverOptions {
  readonly clientId: string;
  /** A bcrypt salt (`$2a$04$…`), as Naver issues application secrets. */
  readonly clientSecret: string;
  readonly now?: () => number;
  /** Changes per `last-changed-statuses` page (Naver: limitCount, at most 300). */
  readonly pageSize?: number;
  readonly port?: number;
}

/** A product order as `product-orders/query` returns it, plus when it last changed. */
export interface NaverProductOrder {
  order: Record<string, unknown> & { orderId: string };
  productOrder: Record<string, unknown> & { productOrderId: string; productOrderStatus: string };
  lastChangedType: string;
  lastChangedDate: string;
}

export interface LocalNaver extends LocalServer {
  readonly productOrders: NaverProductOrder[];
  readonly calls: { path: string; status: number; ids?: number }[];
  throttle(n: number): void;
  expireTokens(): void;
}

const TOKEN_SECONDS = 10_800;
const SIGN_WINDOW_MS = 5 * 60_000;

/**
 * Checks a `client_secret_sign` the way the gateway can: base64 of a bcrypt hash whose salt is the
 * application secret and which matches `${clientId}_${timestamp}`.
 */
export function verifyClientSecretSign(
  clientId: string,
  clientSecret: string,
  timestamp: number,
  sign: string,
): boolean {
  const hash = Buffer.from(sign, 'base64').toString('utf8');
  if (!hash.startsWith(clientSecret) || hash.length !== 60) return false;
  return bcrypt.compareSync(`${clientId}_${timestamp}`, hash);
}

export async function startLocalNaver(o: LocalNaverOptions): Promise<LocalNaver> {
  const now = o.now ?? Date.now;
  const tokens = new Map<string, number>();
  const productOrders: NaverProductOrder[] = [];
  const calls: LocalNaver['calls'] = [];
  let throttled = 0;
  const server = await listen(async (req, res, url) => {
    const path = url.pathname;
    if (path === '/external/v1/oauth2/token' && req.method === 'POST')
      return issueToken(o, tokens, await readText(req), now, res);
    const known =
      path === '/external/v1/pay-order/seller/product-orders/last-changed-statuses' ||
      path === '/external/v1/pay-order/seller/product-orders/query';
    if (!known) return void reply(res, 404, gw('GW.NOT_FOUND', 'not found'));
    const until = tokens.get(bearerOf(req) ?? '');
    if (until === undefined || until < now()) {
      calls.push({ path, status: 401 });
      return void reply(res, 401, gw('GW.AUTHN', '인증에 실패했습니다.'));
    }
    if (throttled > 0) {
      throttled--;
      calls.push({ path, status: 429 });
      return void reply(res, 429, gw('GW.RATE_LIMIT', '요청이 많아 처리할 수 없습니다.'));
    }
    if (path.endsWith('last-changed-statuses')) return changed(o, productOrders, url, res, calls);
    return query(productOrders, await readText(req), res, calls);
  }, o.port);
  return {
    ...server,
    productOrders,
    calls,
    throttle: (n) => {
      throttled = n;
    },
    expireTokens: () => {
      for (const k of tokens.keys()) tokens.set(k, now() - 1);
    },
  };
}

const gw = (code: string, message: string) => ({
  code,
  message,
  timestamp: new Date().toISOString(),
  traceId: randomToken(8),
});

function issueToken(
  o: LocalNaverOptions,
  tokens: Map<string, number>,
  body: string,
  now: () => number,
  res: ServerResponse,
): void {
  const f = new URLSearchParams(body);
  const ts = Number(f.get('timestamp'));
  const problems: string[] = [];
  if (f.get('grant_type') !== 'client_credentials') problems.push('grant_type');
  if (f.get('type') !== 'SELF') problems.push('type');
  if (f.get('client_id') !== o.clientId) problems.push('client_id');
  if (!Number.isFinite(ts) || Math.abs(now() - ts) > SIGN_WINDOW_MS) problems.push('timestamp');
  else if (!verifyClientSecretSign(o.clientId, o.clientSecret, ts, f.get('client_secret_sign') ?? ''))
    problems.push('client_secret_sign');
  if (problems.length > 0)
    return void reply(res, 400, {
      ...gw('BadRequest', '잘못된 요청입니다.'),
      invalidInputs: problems.map((name) => ({ name })),
    });
  const access = randomToken(24);
  tokens.set(access, now() + TOKEN_SECONDS * 1000);
  reply(res, 200, { access_token: access, expires_in: TOKEN_SECONDS, token_type: 'Bearer' });
}

function changed(
  o: LocalNaverOptions,
  all: readonly NaverProductOrder[],
  url: URL,
  res: ServerResponse,
  calls: LocalNaver['calls'],
): void {
  const from = Date.parse(url.searchParams.get('lastChangedFrom') ?? '');
  if (!Number.isFinite(from)) {
    calls.push({ path: url.pathname, status: 400 });
    return void reply(res, 400, gw('BadRequest', 'lastChangedFrom is required'));
  }
  const toText = url.searchParams.get('lastChangedTo');
  const to = toText === null ? from + 86_400_000 : Date.parse(toText);
  const size = Math.min(Number(url.searchParams.get('limitCount') ?? o.pageSize ?? 300), o.pageSize ?? 300);
  const skip = Number(url.searchParams.get('moreSequence') ?? 0);
  const inWindow = all
    .filter((p) => Date.parse(p.lastChangedDate) >= from && Date.parse(p.lastChangedDate) < to)
    .sort((a, b) => Date.parse(a.lastChangedDate) - Date.parse(b.lastChangedDate));
  const page = inWindow.slice(skip, skip + size);
  const next = inWindow[skip + size];
  calls.push({ path: url.pathname, status: 200 });
  reply(res, 200, {
    timestamp: new Date().toISOString(),
    traceId: randomToken(8),
    data: {
      lastChangeStatuses: page.map((p) => ({
        orderId: p.order.orderId,
        productOrderId: p.productOrder.productOrderId,
        lastChangedType: p.lastChangedType,
        lastChangedDate: p.lastChangedDate,
        productOrderStatus: p.productOrder.productOrderStatus,
        paymentDate: p.order.paymentDate ?? null,
      })),
      count: page.length,
      // The next page repeats the same `lastChangedFrom` with `moreSequence` (how far it got).
      ...(next
        ? { more: { moreFrom: url.searchParams.get('lastChangedFrom'), moreSequence: String(skip + size) } }
        : {}),
    },
  });
}

function query(all: readonly NaverProductOrder[], body: string, res: ServerResponse, calls: LocalNaver['calls']): void {
  let ids: unknown;
  try {
    ids = (JSON.parse(body) as { productOrderIds?: unknown }).productOrderIds;
  } catch {
    ids = undefined;
  }
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > 300) {
    calls.push({ path: '/external/v1/pay-order/seller/product-orders/query', status: 400 });
    return void reply(res, 400, gw('BadRequest', 'productOrderIds: 1–300 ids'));
  }
  const wanted = new Set(ids.map(String));
  const data = all
    .filter((p) => wanted.has(p.productOrder.productOrderId))
    .map((p) => ({ order: p.order, productOrder: p.productOrder }));
  calls.push({ path: '/external/v1/pay-order/seller/product-orders/query', status: 200, ids: ids.length });
  reply(res, 200, { timestamp: new Date().toISOString(), traceId: randomToken(8), data });
}
