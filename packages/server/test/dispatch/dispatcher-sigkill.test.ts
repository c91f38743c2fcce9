import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openWarehouse } from '../../src/engines/open-engine.ts';
import { type NhnGateway, startNhnGateway } from '../support/nhn-gateway.ts';
import { type ProxiedRequest, startCountingProxy } from './counting-proxy.ts';
import { spawnDispatcher } from './crash-child.ts';
import {
  alimtalkMessage,
  messageRows,
  openTempWarehouse,
  PF_ID,
  SENDER,
  seedMessages,
  TEMPLATE,
  TEMPLATE_TEXT,
} from './outbox-fixture.ts';

const N = 2000;
const BATCH = 200;
const STALL_AT = 4; // the 4th request reaches the gateway, its answer never comes back

const keyOf = (i: number) => `crash:${String(i).padStart(5, '0')}`;

/** Recipients the gateway accepted, per request: header success and resultCode 0. */
function acceptedKeys(requests: readonly ProxiedRequest[]): string[] {
  return requests.flatMap((r) => {
    const a = r.answer as {
      header?: { isSuccessful?: boolean };
      message?: { sendResults?: { resultCode: number; recipientGroupingKey?: string | null }[] };
    };
    if (!a?.header?.isSuccessful) return [];
    return (a.message?.sendResults ?? []).filter((s) => s.resultCode === 0).map((s) => s.recipientGroupingKey ?? '');
  });
}

for (const kind of ['duckdb', 'chdb'] as EngineKind[])
  describe(`${kind}: dispatcher survives SIGKILL mid-batch`, () => {
    let wh: Awaited<ReturnType<typeof openTempWarehouse>>;
    let gateway: NhnGateway;
    let proxy: Awaited<ReturnType<typeof startCountingProxy>>;
    const proxyOpts: { stallFrom?: number | undefined; onStall?: () => void } = { stallFrom: STALL_AT };
    let stalled: () => void = () => undefined;
    const stallSeen = new Promise<void>((resolve) => {
      stalled = resolve;
    });
    proxyOpts.onStall = () => stalled();

    beforeAll(async () => {
      wh = await openTempWarehouse(kind);
      await seedMessages(
        wh.engine,
        Array.from({ length: N }, (_, i) => ({ key: keyOf(i), message: alimtalkMessage(i) })),
        new Date(Date.now() - 60_000),
      );
      await wh.engine.close(); // the child is the only writer (and chDB user) of the directory from here on
      gateway = await startNhnGateway({
        alimtalkAppKey: 'AK',
        alimtalkSecretKey: 'AS',
        smsAppKey: 'SK',
        smsSecretKey: 'SS',
        senderKeys: [PF_ID],
        sendNumbers: [SENDER],
        templates: { [TEMPLATE]: TEMPLATE_TEXT },
        webhookSignature: 'sig',
      });
      proxy = await startCountingProxy(gateway.url, proxyOpts);
    });

    afterAll(async () => {
      await proxy?.close();
      await gateway?.close();
      await wh?.cleanup();
    });

    it('every due message is accepted by the gateway exactly once across a kill -9 and a restart', async () => {
      const env = {
        DALBIT_NHN_ALIMTALK_APP_KEY: 'AK',
        DALBIT_NHN_ALIMTALK_SECRET_KEY: 'AS',
        DALBIT_NHN_ALIMTALK_BASE_URL: proxy.url,
        DALBIT_KAKAO_PROVIDER: 'nhn',
        DALBIT_RATE_NHN: '100000',
        DALBIT_LANG: 'en',
        DALBIT_ENGINE: kind,
        DALBIT_TEST_MEM: '1GB',
      };
      const args = [
        '--data-dir',
        wh.dir,
        '--batch-size',
        String(BATCH),
        '--no-receipts',
        '--json',
        '--interval',
        '50ms',
      ];

      const first = spawnDispatcher(args, env);
      await Promise.race([
        stallSeen,
        first.exited.then((e) =>
          Promise.reject(new Error(`child exited early: ${JSON.stringify(e)} ${first.stderr.join('\n')}`)),
        ),
      ]);
      first.proc.kill('SIGKILL');
      expect((await first.exited).signal).toBe('SIGKILL');
      const beforeRestart = acceptedKeys(proxy.requests);
      expect(beforeRestart.length).toBe(STALL_AT * BATCH); // the gateway had some, not all
      expect(beforeRestart.length).toBeLessThan(N);

      proxyOpts.stallFrom = undefined;
      const second = spawnDispatcher(args, env);
      await second.waitForLine(/"event":"started"/);
      const deadline = Date.now() + 60_000;
      while (acceptedKeys(proxy.requests).length < N && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      await second.waitForLine(/"event":"pass"/);
      second.proc.kill('SIGTERM'); // graceful: finishes the claim in flight, then exits
      expect(await second.exited).toEqual({ code: 0, signal: null });
      expect(second.stdout.some((l) => l.includes('"event":"stopped"'))).toBe(true);

      const accepted = acceptedKeys(proxy.requests);
      const perKey = new Map<string, number>();
      for (const k of accepted) perKey.set(k, (perKey.get(k) ?? 0) + 1);
      expect(perKey.size).toBe(N);
      expect([...perKey.values()].every((n) => n === 1)).toBe(true);

      // What reached the gateway twice: only the batch whose answer was lost, as the same request
      // (same X-NC-API-IDEMPOTENCY-KEY), refused by the gateway as a duplicate.
      const idem = proxy.requests.map((r) => r.headers['x-nc-api-idempotency-key']);
      const stalledKey = idem[STALL_AT - 1];
      const repeats = proxy.requests.filter((r) => r.headers['x-nc-api-idempotency-key'] === stalledKey);
      expect(repeats).toHaveLength(2);
      const dupRecipients = proxy.requests.length - new Set(idem).size;
      expect(dupRecipients).toBe(1);
      const resend = repeats[1];
      if (!resend) throw new Error('no resend');
      const duplicateHttpDeliveries = (resend.body as { recipientList: unknown[] }).recipientList.length;
      expect(duplicateHttpDeliveries).toBe(BATCH);
      expect((resend.answer as { header: { resultCode: number } }).header.resultCode).toBe(-1005);

      const engine: Engine = await openWarehouse({ dataDir: wh.dir, engine: kind });
      try {
        const rows = [...(await messageRows(engine)).values()];
        expect(rows).toHaveLength(N);
        expect(rows.filter((r) => r.status === 'accepted')).toHaveLength(N);
        expect(rows.filter((r) => r.reason === 'DUPLICATE')).toHaveLength(BATCH);
        // Claimed twice: the stalled batch, and — when the dispatcher had already claimed the next batch
        // while the stalled one was in flight (pipelined claims) — that batch too, never sent before the
        // kill. `attempts` counts claims, so it is BATCH or 2 × BATCH; sends are counted above.
        const claimedTwice = rows.filter((r) => r.attempts === 2).length;
        expect([BATCH, 2 * BATCH]).toContain(claimedTwice);
        expect(rows.filter((r) => r.attempts > 2)).toHaveLength(0);
        console.info(
          JSON.stringify({
            sigkill: {
              engine: kind,
              messages: N,
              acceptedBeforeKill: beforeRestart.length,
              gatewayAcceptedPerKey: 1,
              duplicateHttpRequests: dupRecipients,
              duplicateHttpRecipients: duplicateHttpDeliveries,
              dedupedByProvider: duplicateHttpDeliveries,
            },
          }),
        );
      } finally {
        await engine.close();
      }
    }, 120_000);
  });
