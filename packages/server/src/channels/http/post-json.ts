import { parseRetryAfter, sendErrorForStatus } from '@dalbit/core/channels/http-status';
import { SendError } from '@dalbit/core/channels/send-error';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined when the body is not JSON. */
  readonly json: unknown;
  readonly text: string;
}

/**
 * POSTs JSON and returns the answer whatever its status. Network failures and timeouts become
 * `SendError('PROVIDER_DOWN')`: the caller retries with the same idempotency key.
 */
export async function postJson(
  url: string,
  init: { headers: Record<string, string>; body: unknown; signal?: AbortSignal | undefined; timeoutMs?: number },
): Promise<HttpAnswer> {
  const timeout = AbortSignal.timeout(init.timeoutMs ?? 15_000);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=UTF-8', ...init.headers },
      body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      signal,
    });
  } catch (cause) {
    throw new SendError(
      'PROVIDER_DOWN',
      `request to ${new URL(url).host} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** The SendError for a transport-level failure (429, 401/403, 5xx …), with Retry-After kept. */
export function httpFailure(answer: HttpAnswer, provider: string, now: Date, providerCode?: string): SendError {
  return sendErrorForStatus({
    status: answer.status,
    message: `${provider} answered HTTP ${answer.status}: ${answer.text.slice(0, 200)}`,
    retryAfterMs: parseRetryAfter(answer.headers, now),
    providerCode,
  });
}
