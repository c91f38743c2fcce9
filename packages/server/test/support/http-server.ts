import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A real HTTP server on 127.0.0.1 with an ephemeral port. */
export async function startLoopbackServer(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void,
): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(e) });
      else res.end();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs JSON until answered 2xx (providers retry delivery reports until acknowledged). */
export async function deliverWithRetry(
  url: string,
  body: unknown,
  opts: { headers?: Record<string, string>; attempts?: number; delayMs?: number } = {},
): Promise<{ attempts: number; ok: boolean }> {
  const attempts = opts.attempts ?? 8;
  for (let i = 1; i <= attempts; i++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json;charset=UTF-8', ...opts.headers },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (res.ok) return { attempts: i, ok: true };
    } catch {
      // receiver down: retry
    }
    await new Promise((r) => setTimeout(r, (opts.delayMs ?? 10) * i));
  }
  return { attempts, ok: false };
}
