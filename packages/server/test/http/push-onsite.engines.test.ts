import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGES, ONSITE_MESSAGES } from '@dalbit/core/channels/tables';
import { columnNames } from '@dalbit/core/schema/table';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engines/engine.ts';
import { type EngineKind, openWarehouse } from '../../src/engines/open-engine.ts';
import { type RunningServer, startServer } from '../../src/http/start-server.ts';
import { loadSiteKeys, type SiteKeys } from '../../src/tracker/site-keys.ts';

// The tracker's write routes on both engines: push tokens (register, move, remove) and on-site
// popups (handed out once, the outbox row becomes delivered). On chDB each change is a new row
// version (decision 0019); what a reader sees must be the same as on DuckDB.

const NOW = new Date('2026-11-16T01:00:00Z');

for (const kind of ['duckdb', 'chdb'] as EngineKind[])
  describe(`${kind}: push token and on-site popup writes over HTTP`, () => {
    let dir: string;
    let engine: Engine;
    let server: RunningServer;
    let keys: SiteKeys;
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}${path}?key=${keys.writeKey}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), `dalbit-push-${kind}-`));
      engine = await openWarehouse({ dataDir: dir, engine: kind });
      keys = await loadSiteKeys(dir);
      server = await startServer({
        engine,
        host: '127.0.0.1',
        port: 0,
        now: () => NOW,
        log: () => undefined,
        siteKeys: keys,
        linkSecret: 'push-onsite-secret',
      });
    });
    afterAll(async () => {
      await server?.close();
      await engine?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('a token is stored once, moves to the visitor who registers it again, and is removed once', async () => {
      const token = 'fcm-token-engines-0001';
      expect(await post('/api/push/tokens', { token, anonymous_id: 'anon-1', platform: 'android' })).toEqual({
        status: 201,
        body: { registered: true },
      });
      expect((await post('/api/push/tokens', { token, anonymous_id: 'anon-2' })).status).toBe(201);
      // (ClickHouse answers `IS NOT NULL` as 0/1: the flag is read here.)
      const rows = async () =>
        (
          await engine.query<{ anonymous_id: string; platform: string; removed_at: Date | null }>(
            'SELECT anonymous_id, platform, removed_at FROM push_tokens',
          )
        ).map((r) => ({ anonymous_id: r.anonymous_id, platform: r.platform, removed: r.removed_at !== null }));
      expect(await rows()).toEqual([{ anonymous_id: 'anon-2', platform: 'web', removed: false }]);
      expect(await post('/api/push/tokens/remove', { token })).toEqual({ status: 200, body: { removed: 1 } });
      expect(await post('/api/push/tokens/remove', { token })).toEqual({ status: 200, body: { removed: 0 } });
      expect(await rows()).toEqual([{ anonymous_id: 'anon-2', platform: 'web', removed: true }]);
      // Registering again revives it.
      expect((await post('/api/push/tokens', { token, anonymous_id: 'anon-2' })).status).toBe(201);
      expect(await rows()).toEqual([{ anonymous_id: 'anon-2', platform: 'web', removed: false }]);
    });

    it('an on-site popup is handed out once and its outbox row becomes delivered, with one event', async () => {
      const row: Record<string, unknown> = {
        idempotency_key: 'onsite:1',
        campaign_id: null,
        channel: 'onsite',
        purpose: 'info',
        priority: 0,
        recipient: 'anon-9',
        status: 'accepted',
        content: '{}',
        attempts: 1,
        due_at: NOW,
        created_at: NOW,
        updated_at: NOW,
        accepted_at: NOW,
      };
      await engine.insert(MESSAGES.name, columnNames(MESSAGES), [columnNames(MESSAGES).map((c) => row[c] ?? null)]);
      const popup: Record<string, unknown> = {
        onsite_id: 'pop-1',
        idempotency_key: 'onsite:1',
        anonymous_id: 'anon-9',
        title: '겨울 세일',
        body: '오늘만 20% 할인',
        url: 'https://dalbit.test/sale',
        created_at: NOW,
      };
      await engine.insert(ONSITE_MESSAGES.name, columnNames(ONSITE_MESSAGES), [
        columnNames(ONSITE_MESSAGES).map((c) => popup[c] ?? null),
      ]);
      const first = await post('/api/onsite/pending', { anonymous_id: 'anon-9' });
      expect(first).toEqual({
        status: 200,
        body: {
          messages: [
            {
              id: 'pop-1',
              campaign_id: null,
              title: '겨울 세일',
              body: '오늘만 20% 할인',
              url: 'https://dalbit.test/sale',
            },
          ],
        },
      });
      expect(await post('/api/onsite/pending', { anonymous_id: 'anon-9' })).toEqual({
        status: 200,
        body: { messages: [] },
      });
      expect(
        await engine.query("SELECT status, delivered_at, attempts FROM messages WHERE idempotency_key = 'onsite:1'"),
      ).toEqual([{ status: 'delivered', delivered_at: NOW, attempts: 1 }]);
      expect(await engine.query('SELECT count(*) AS n FROM messages')).toEqual([{ n: 1 }]);
      expect(
        await engine.query("SELECT status, source FROM message_events WHERE idempotency_key = 'onsite:1'"),
      ).toEqual([{ status: 'delivered', source: 'receipt' }]);
    });
  });
