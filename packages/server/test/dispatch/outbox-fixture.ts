import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelKind } from '@dalbit/core/channels/channel-kind';
import type { OutboundMessage } from '@dalbit/core/channels/outbound-message';
import { MESSAGES } from '@dalbit/core/channels/tables';
import { columnNames } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { DuckDbEngine } from '../../src/engines/duckdb/engine.ts';
import type { Engine } from '../../src/engines/engine.ts';
import { migrate } from '../../src/engines/migrate.ts';
import { type EngineKind, openWarehouse } from '../../src/engines/open-engine.ts';

export const SENDER = '0212345678';
export const PF_ID = 'KA01PF-dalbit';
export const TEMPLATE = 'ORDER_SHIPPED';
export const TEMPLATE_TEXT = '#{name}님, 주문하신 상품이 출발했습니다.';

export function phoneFor(i: number): string {
  return `010${String(10_000_000 + i).slice(-8)}`;
}

export function smsMessage(i: number, purpose: 'ad' | 'info' = 'info'): OutboundMessage<'sms'> {
  const text = purpose === 'ad' ? `(광고)달빛상점 ${i}번 쿠폰 무료수신거부 0801234567` : `달빛상점 주문 ${i} 안내`;
  return { channel: 'sms', purpose, to: phoneFor(i), from: SENDER, kind: 'SMS', text };
}

export function alimtalkMessage(i: number, withFallback = false): OutboundMessage<'kakao_alimtalk'> {
  return {
    channel: 'kakao_alimtalk',
    purpose: 'info',
    to: phoneFor(i),
    senderKey: PF_ID,
    templateCode: TEMPLATE,
    variables: { name: `고객${i}` },
    ...(withFallback
      ? { fallback: { kind: 'SMS' as const, from: SENDER, text: `고객${i}님 상품이 출발했습니다` } }
      : {}),
  };
}

export interface SeedSpec {
  readonly key: string;
  readonly message: OutboundMessage | Record<string, never>;
  readonly channel?: ChannelKind;
  readonly status?: string;
  readonly dueAt?: Date;
  readonly customerId?: string;
  readonly priority?: number;
}

/** Writes outbox rows the way the scheduler does (status queued unless told, content = the message). */
export async function seedMessages(engine: Engine, specs: readonly SeedSpec[], now: Date): Promise<void> {
  const cols = columnNames(MESSAGES);
  const rows = specs.map((s) => {
    const m = s.message as Partial<OutboundMessage>;
    const recipient = 'to' in m && typeof m.to === 'string' ? m.to : null;
    const row: Record<string, unknown> = {
      idempotency_key: s.key,
      campaign_id: 'camp-1',
      step_id: 'step-1',
      occurrence: '2026-05',
      customer_id: s.customerId ?? `cust-${s.key}`,
      channel: s.channel ?? m.channel,
      purpose: m.purpose ?? 'info',
      priority: s.priority ?? 0,
      recipient,
      status: s.status ?? 'queued',
      content: JSON.stringify(s.message),
      attempts: 0,
      due_at: s.dueAt ?? now,
      created_at: now,
      updated_at: now,
    };
    return cols.map((c) => row[c] ?? null);
  });
  for (let i = 0; i < rows.length; i += 5000) await engine.insert(MESSAGES.name, cols, rows.slice(i, i + 5000));
}

export interface MessageRow {
  idempotency_key: string;
  status: string;
  attempts: number;
  reason: string | null;
  provider: string | null;
  provider_message_id: string | null;
  next_attempt_at: Date | null;
  accepted_at: Date | null;
  delivered_at: Date | null;
  failed_at: Date | null;
  via_fallback: boolean | null;
  channel: string;
  [k: string]: unknown;
}

export async function messageRows(engine: Engine): Promise<Map<string, MessageRow>> {
  const rows = await engine.query<MessageRow>('SELECT * FROM messages ORDER BY idempotency_key');
  return new Map(rows.map((r) => [r.idempotency_key, r]));
}

export async function eventsOf(
  engine: Engine,
  key: string,
): Promise<{ status: string; code: string | null; source: string }[]> {
  return engine.query(
    compileBound(
      engine.dialect,
      (b) =>
        `SELECT status, code, source FROM message_events WHERE idempotency_key = ${b.p(key, 'string')} ORDER BY "at", status`,
    ),
  );
}

export async function openTempWarehouse(
  kind: EngineKind = 'duckdb',
): Promise<{ engine: Engine; dir: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'dalbit-dispatch-'));
  const engine = kind === 'duckdb' ? await openDuckDbFile(dir) : await openWarehouse({ dataDir: dir, engine: kind });
  return {
    engine,
    dir,
    async cleanup() {
      await engine.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sets `campaign_id` of outbox rows, as the dialect writes a change (both engines). */
export async function setCampaign(engine: Engine, campaignId: string, keys: readonly string[]): Promise<void> {
  await engine.query(
    compileBound(engine.dialect, (b) =>
      engine.dialect.write.updateWhere({
        table: MESSAGES,
        alias: 'm',
        set: { campaign_id: b.p(campaignId, 'string') },
        where: `m.idempotency_key IN ${b.in(keys)}`,
      }),
    ),
  );
}

/** Serves a hono app on 127.0.0.1 with an ephemeral port. */
export async function serveApp(app: Hono): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}

/** The warehouse file of `dataDir`, opened the way `openWarehouse` does (DuckDB, migrated). */
export async function openDuckDbFile(dataDir: string): Promise<Engine> {
  const engine = await DuckDbEngine.open(join(dataDir, 'dalbit.duckdb'));
  await migrate(engine);
  return engine;
}
