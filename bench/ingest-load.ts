// The ingest bench's load generator, run as its own process (`node --import tsx bench/ingest-load.ts`)
// so its HTTP client does not share the server's event loop or CPU accounting. Reads one JSON line
// {url, clients, from, batches, resendEvery, now} on stdin, POSTs tracker batches with that many
// concurrent clients (batch n = trackerBatch(n)), every `resendEvery`-th batch twice, and prints
// {latencies, seconds, refused, connectionsDropped} on stdout. A 503 (queue full) is waited out as
// the tracker would (Retry-After) and counted; a connection closed under the request is sent again.
import { trackerBatch } from './tracker-batch.ts';

interface Job {
  url: string;
  clients: number;
  from: number;
  batches: number;
  resendEvery: number;
  now: string;
}

async function send(job: Job, n: number, refused: { n: number; dropped: number }): Promise<number> {
  const t = performance.now();
  const body = JSON.stringify(trackerBatch(n, new Date(job.now)));
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(job.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch(
      (e: unknown) => {
        // A kept-alive connection the server closed as it was reused: sent again like the tracker
        // does (same event ids, so replaced, never doubled); counted.
        if (attempt >= 5) throw e;
        return undefined;
      },
    );
    if (res === undefined) {
      refused.dropped++;
      continue;
    }
    const out = (await res.json()) as { accepted?: number };
    if (res.status === 202 && out.accepted === 20) return performance.now() - t;
    if (res.status !== 503) throw new Error(`batch ${n}: ${res.status} ${JSON.stringify(out)}`);
    refused.n++;
    await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') ?? 1)));
  }
}

const job = JSON.parse(await new Response(process.stdin as unknown as ReadableStream).text()) as Job;
const plan = Array.from({ length: job.batches }, (_, i) => job.from + i);
const queue = [...plan, ...plan.filter((n) => (n - job.from) % job.resendEvery === 0)];
const latencies: number[] = [];
const refused = { n: 0, dropped: 0 };
const started = performance.now();
await Promise.all(
  Array.from({ length: job.clients }, async () => {
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) latencies.push(await send(job, n, refused));
  }),
);
process.stdout.write(
  JSON.stringify({
    latencies,
    seconds: (performance.now() - started) / 1000,
    refused: refused.n,
    connectionsDropped: refused.dropped,
  }),
);
