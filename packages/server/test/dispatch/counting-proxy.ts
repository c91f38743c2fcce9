import type { LoopbackServer } from '../support/http-server.ts';
import { readBody, startLoopbackServer } from '../support/http-server.ts';

export interface ProxiedRequest {
  readonly at: number;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  status?: number;
  answer?: unknown;
}

/**
 * Sits between an adapter and a local gateway and records every request with its arrival time.
 * `stallFrom`: from that request on (1-based), the request still reaches the gateway (which
 * accepts it) but the answer never comes back — a process killed in that moment has sent
 * messages it never recorded.
 */
export async function startCountingProxy(
  target: string,
  /** Read on every request, so a test can switch stalling off before a restart. */
  opts: { stallFrom?: number | undefined; onStall?: () => void } = {},
): Promise<LoopbackServer & { readonly requests: ProxiedRequest[] }> {
  const requests: ProxiedRequest[] = [];
  const server = await startLoopbackServer(async (req, res) => {
    const text = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && k !== 'host' && k !== 'content-length' && k !== 'connection') headers[k] = v;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    const entry: ProxiedRequest = { at: Date.now(), path: req.url ?? '/', headers, body };
    requests.push(entry);
    const answer = await fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, body: text });
    const out = await answer.text();
    entry.status = answer.status;
    try {
      entry.answer = JSON.parse(out);
    } catch {
      entry.answer = out;
    }
    if (opts.stallFrom !== undefined && requests.length >= opts.stallFrom) {
      opts.onStall?.();
      return; // never answer
    }
    const h: Record<string, string> = {};
    answer.headers.forEach((v, k) => {
      if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection' && k !== 'keep-alive') h[k] = v;
    });
    res.writeHead(answer.status, h);
    res.end(out);
  });
  return { ...server, requests };
}
