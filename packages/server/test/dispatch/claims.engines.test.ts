import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelPendingMessages } from '../../src/campaigns/cancel-pending.ts';
import { type ClaimInput, claimFresh, claimInDoubt, claimRetries } from '../../src/dispatch/claim-messages.ts';
import { enqueueFallbacks, recordOutcomes } from '../../src/dispatch/record-outcomes.ts';
import type { EngineKind } from '../../src/engines/open-engine.ts';
import { eventsOf, messageRows, openTempWarehouse, seedMessages, setCampaign, smsMessage } from './outbox-fixture.ts';

// The outbox's exactly-once rules on both engines (decision 0019: on ClickHouse a claim is an
// INSERT … SELECT of new row versions, taken in the engine's turn). What must hold: no message is in
// two claims; a claim whose process died is taken over whole; retries come back only when due;
// outcomes never overwrite a later status; a pause cancels what waits, not what is being sent.

const T0 = new Date('2026-05-04T03:00:00Z'); // 12:00 KST
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const key = (i: number) => `c:${String(i).padStart(2, '0')}`;
const claim = (token: string, now: Date, extra: Partial<ClaimInput> = {}): ClaimInput => ({
  channel: 'sms',
  token,
  now,
  lockMs: 60_000,
  limit: 4,
  startedAt: T0,
  ...extra,
});

for (const kind of ['duckdb', 'chdb'] as EngineKind[]) {
  describe(`${kind}: outbox claims and outcomes`, () => {
    let wh: Awaited<ReturnType<typeof openTempWarehouse>>;
    beforeAll(async () => {
      wh = await openTempWarehouse(kind);
      await seedMessages(
        wh.engine,
        [
          ...Array.from({ length: 10 }, (_, i) => ({ key: key(i), message: smsMessage(i) })),
          { key: 'c:high', message: smsMessage(50), priority: 5 },
          { key: 'c:later', message: smsMessage(51), status: 'deferred', dueAt: at(3600) },
          { key: 'c:blocked', message: smsMessage(52), status: 'blocked' },
        ],
        T0,
      );
    });
    afterAll(async () => {
      await wh?.cleanup();
    });

    it('no message is in two claims; the first takes the highest priority; nothing due is left out', async () => {
      const e = wh.engine;
      const claims = [];
      for (let n = 1; n <= 4; n++) claims.push(await claimFresh(e, claim(`w/${n}`, at(n))));
      expect(claims.map((c) => c.length)).toEqual([4, 4, 3, 0]);
      expect(claims[0]?.[0]?.key).toBe('c:00');
      expect(claims[0]?.map((r) => r.key)).toContain('c:high');
      const keys = claims.flat().map((r) => r.key);
      expect(new Set(keys).size).toBe(11);
      expect(keys).not.toContain('c:later');
      const rows = await messageRows(e);
      for (const k of keys) expect(rows.get(k)).toMatchObject({ status: 'sending', attempts: 1 });
      expect(rows.get('c:high')?.locked_by).toBe('w/1');
      expect(rows.get('c:later')).toMatchObject({ status: 'deferred', attempts: 0 });
      expect(rows.get('c:blocked')).toMatchObject({ status: 'blocked', attempts: 0 });
      const [{ n } = { n: -1 }] = await e.query<{ n: number }>('SELECT count(*) AS n FROM messages');
      expect(n).toBe(13); // one live row per message on both engines
    });

    it('a live claim is not in doubt; after a restart each dead claim is taken over whole, once', async () => {
      const e = wh.engine;
      expect((await claimInDoubt(e, claim('w/5', at(10)))).rows).toEqual([]);
      const restarted = { startedAt: at(20) };
      const groups = [];
      for (let n = 1; n <= 4; n++) groups.push(await claimInDoubt(e, claim(`v/${n}`, at(20 + n), restarted)));
      expect(groups.map((g) => g.rows.length)).toEqual([4, 4, 3, 0]);
      expect(groups[0]?.rows.every((r) => r.via === 'in_doubt' && r.previousToken === 'w/1')).toBe(true);
      expect(groups[0]?.claimedAt).toEqual(at(1));
      expect(groups[1]?.rows.map((r) => r.key)).toEqual([...(groups[1]?.rows.map((r) => r.key) ?? [])].sort());
      const rows = await messageRows(e);
      expect(rows.get('c:high')).toMatchObject({ status: 'sending', attempts: 2, locked_by: 'v/1' });
      expect(new Set(groups.flatMap((g) => g.rows.map((r) => r.key))).size).toBe(11);
    });

    it('outcomes: accepted stays accepted, a retry returns once due, a failure queues its fallback once', async () => {
      const e = wh.engine;
      const now = at(40);
      await recordOutcomes(
        e,
        [
          { kind: 'accepted', key: key(0), provider: 'solapi', providerMessageId: 'M1', duplicate: false },
          { kind: 'accepted', key: 'c:high', provider: 'solapi', providerMessageId: 'M2', duplicate: true },
          // claimed together (w/1, then v/1): they fail together and go out again together
          { kind: 'retry', key: key(1), code: 'HTTP_503', message: 'busy', nextAttemptAt: at(100) },
          { kind: 'retry', key: key(2), code: 'HTTP_503', message: 'busy', nextAttemptAt: at(100) },
          { kind: 'failed', key: key(4), code: '3059', message: 'bad number' },
          { kind: 'in_doubt', key: key(5), detail: 'no answer' },
        ],
        { now, attemptSalt: 'v/9' },
      );
      let rows = await messageRows(e);
      expect(rows.get(key(0))).toMatchObject({ status: 'accepted', provider_message_id: 'M1', reason: null });
      expect(rows.get('c:high')).toMatchObject({ status: 'accepted', reason: 'DUPLICATE' });
      expect(rows.get(key(0))?.accepted_at).toEqual(now);
      expect(rows.get(key(2))).toMatchObject({ status: 'retry', reason: 'HTTP_503', next_attempt_at: at(100) });
      expect(rows.get(key(4))).toMatchObject({ status: 'failed', reason: '3059', failed_at: now });
      expect(rows.get(key(5))).toMatchObject({ status: 'in_doubt', reason: 'IN_DOUBT' });
      expect((await eventsOf(e, key(0))).map((x) => x.status)).toEqual(['accepted']);

      // A report that moved a row on first is not overwritten by a late outcome of the same attempt.
      await recordOutcomes(e, [{ kind: 'retry', key: key(0), code: 'X', message: 'late', nextAttemptAt: at(100) }], {
        now: at(41),
        attemptSalt: 'v/9b',
      });
      expect((await messageRows(e)).get(key(0))?.status).toBe('accepted');

      expect(await claimRetries(e, claim('v/10', at(99), { startedAt: at(20) }))).toEqual([]);
      const retried = await claimRetries(e, claim('v/11', at(101), { startedAt: at(20) }));
      expect(retried.map((r) => [r.key, r.via, r.attempts])).toEqual([
        [key(1), 'retry', 3],
        [key(2), 'retry', 3],
      ]);
      expect(await claimRetries(e, claim('v/12', at(102), { startedAt: at(20) }))).toEqual([]);

      const fb = { originalKey: key(4), key: `${key(4)}:fallback`, message: smsMessage(4) };
      expect(await enqueueFallbacks(e, [fb, fb], at(42))).toEqual([fb.key]);
      expect(await enqueueFallbacks(e, [fb], at(43))).toEqual([]);
      expect(await enqueueFallbacks(e, [{ ...fb, originalKey: 'nope', key: 'nope:fallback' }], at(43))).toEqual([]);
      rows = await messageRows(e);
      expect(rows.get(fb.key)).toMatchObject({ status: 'queued', channel: 'sms', via_fallback: true, attempts: 0 });
      expect(rows.has('nope:fallback')).toBe(false);
      const fresh = await claimFresh(e, claim('v/13', at(103), { startedAt: at(20) }));
      expect(fresh.map((r) => [r.key, r.viaFallback])).toEqual([[fb.key, true]]);
    });

    it('a pause cancels the campaign’s waiting messages, not the ones being sent, and says how many', async () => {
      const e = wh.engine;
      await seedMessages(
        e,
        Array.from({ length: 5 }, (_, i) => ({ key: `p:${i}`, message: smsMessage(60 + i) })),
        at(200),
      );
      await setCampaign(e, 'camp-p', ['p:0', 'p:1', 'p:2', 'p:3', 'p:4']);
      const sending = await claimFresh(e, claim('v/14', at(201), { startedAt: at(20), limit: 2 }));
      expect(sending.map((r) => r.key)).toEqual(['p:0', 'p:1']);
      expect(await cancelPendingMessages(e, 'camp-p', 'CAMPAIGN_PAUSED', at(202))).toBe(3);
      expect(await cancelPendingMessages(e, 'camp-p', 'CAMPAIGN_PAUSED', at(203))).toBe(0);
      const rows = await messageRows(e);
      expect(['p:0', 'p:1', 'p:2', 'p:3', 'p:4'].map((k) => rows.get(k)?.status)).toEqual([
        'sending',
        'sending',
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
      expect(rows.get('p:2')?.reason).toBe('CAMPAIGN_PAUSED');
      expect((await eventsOf(e, 'p:2')).map((x) => `${x.source}:${x.status}:${x.code}`)).toEqual([
        'campaign:cancelled:CAMPAIGN_PAUSED',
      ]);
      expect(await claimFresh(e, claim('v/15', at(204), { startedAt: at(20) }))).toEqual([]);
    });
  });
}
