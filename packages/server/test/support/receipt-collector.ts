import type { IncomingHttpHeaders } from 'node:http';
import { type LoopbackServer, readBody, sendJson, startLoopbackServer } from './http-server.ts';

export interface CollectedPost {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** Our side of delivery-report webhooks: records every POST; can refuse the first N to test retries. */
export async function startReceiptCollector(opts: { failFirst?: number } = {}): Promise<
  LoopbackServer & {
    readonly posts: CollectedPost[];
    readonly refused: number;
    waitFor(n: number, timeoutMs?: number): Promise<void>;
  }
> {
  const posts: CollectedPost[] = [];
  let toFail = opts.failFirst ?? 0;
  let refused = 0;
  const server = await startLoopbackServer(async (req, res) => {
    const text = await readBody(req);
    if (toFail > 0) {
      toFail--;
      refused++;
      return sendJson(res, 503, { error: 'busy' });
    }
    posts.push({ path: req.url ?? '/', headers: req.headers, body: JSON.parse(text) as unknown });
    sendJson(res, 200, { ok: true });
  });
  return {
    ...server,
    posts,
    get refused() {
      return refused;
    },
    async waitFor(n, timeoutMs = 5000) {
      const start = Date.now();
      while (posts.length < n) {
        if (Date.now() - start > timeoutMs) throw new Error(`expected ${n} posts, got ${posts.length}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}
