import { connectorError } from './connector-error.ts';

/** How a connector talks HTTP: injectable fetch and sleep (tests shorten waits, never assert them). */
export interface ShopHttp {
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number) => Promise<void>;
  /** First wait after a 429 (doubles each time, capped at 60 s). */
  readonly backoffMs: number;
  /** 429s in a row before giving up (the cursor keeps the place; the next run resumes). */
  readonly maxRetries: number;
}

export const DEFAULT_SHOP_HTTP: ShopHttp = {
  fetch: (input, init) => fetch(input, init),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  backoffMs: 1000,
  maxRetries: 6,
};

/** `X-Api-Call-Limit: used/limit` (Cafe24); undefined when absent. */
export function parseCallLimit(h: string | null): { used: number; limit: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(h?.trim() ?? '');
  return m ? { used: Number(m[1]), limit: Number(m[2]) } : undefined;
}

/**
 * One request with the shop's limits respected: a 429 waits (`Retry-After` seconds, else the
 * doubling backoff) and retries the same request; a call-limit header near full pauses before the
 * next call. Answers other than 429 are returned as they are; network failures throw
 * CONNECTOR_UNREACHABLE.
 */
export async function shopFetch(http: ShopHttp, url: string, init: RequestInit): Promise<Response> {
  let wait = http.backoffMs;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await http.fetch(url, init);
    } catch (e) {
      throw connectorError('CONNECTOR_UNREACHABLE', { detail: new URL(url).host }, e);
    }
    if (res.status !== 429) {
      const limit = parseCallLimit(res.headers.get('x-api-call-limit'));
      if (limit && limit.used >= limit.limit - 2) await http.sleep(http.backoffMs);
      return res;
    }
    await res.arrayBuffer();
    if (attempt >= http.maxRetries) throw connectorError('CONNECTOR_RATE_LIMITED');
    const after = Number(res.headers.get('retry-after'));
    await http.sleep(Number.isFinite(after) && after > 0 ? after * 1000 : wait);
    wait = Math.min(wait * 2, 60_000);
  }
}

/** The JSON of a 2xx answer; other statuses become CONNECTOR_HTTP with the shop's message. */
export async function jsonOf(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw connectorError('CONNECTOR_HTTP', { status: res.status, detail: shopMessage(text) });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw connectorError('CONNECTOR_BAD_PAYLOAD', { detail: 'not JSON' }, e);
  }
}

/** The shop's error message, short (never the request, which may carry secrets). */
export function shopMessage(text: string): string {
  try {
    const j = JSON.parse(text) as {
      error?: { message?: string } | string;
      error_description?: string;
      message?: string;
    };
    const m = typeof j.error === 'object' ? j.error.message : (j.error_description ?? j.message ?? j.error);
    return String(m ?? '').slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
