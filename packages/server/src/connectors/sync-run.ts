import { randomUUID } from 'node:crypto';
import { isDalbitError } from '@dalbit/core/errors/dalbit-error';
import { refreshFeatures } from '../segments/refresh-features.ts';
import type { PageResult } from './commit-page.ts';
import type { ConnectDeps } from './connect.ts';
import {
  type Connection,
  findConnection,
  listConnections,
  PROVIDER_RESOURCES,
  saveConnection,
  writeRun,
} from './connection-store.ts';
import { connectorError } from './connector-error.ts';
import { syncCafe24 } from './sync-cafe24.ts';
import { createSyncSession, type SyncSession } from './sync-session.ts';
import { syncSmartstore } from './sync-smartstore.ts';

export type SyncTrigger = 'schedule' | 'manual' | 'cli' | 'webhook';

/** One sync of one connection in progress. */
export interface SyncRun {
  readonly deps: ConnectDeps;
  readonly conn: Connection;
  readonly session: SyncSession;
  readonly startedAt: Date;
  /** `--since`: fetch again from this instant instead of the cursors. */
  readonly since: string | undefined;
  /** Records fetched per resource in this run. */
  readonly rows: Record<string, number>;
  readonly rejected: { resource: string; line: number; reasons: readonly string[] }[];
  commit(resource: string, write: () => Promise<PageResult>): Promise<void>;
}

export interface SyncResult {
  readonly connectionId: string;
  readonly runId: string;
  readonly status: 'ok' | 'failed';
  /** When the run started (the instant its data is as of), ISO 8601. */
  readonly at: string;
  readonly rows: Record<string, number>;
  readonly rejected: number;
  readonly error?: { readonly code: string; readonly message: string };
}

const inFlight = new Map<string, Promise<SyncResult>>();

/**
 * Syncs one connection: every resource from its cursor, each page committed with its cursor.
 * A second call while one runs for the same connection gets the running one's result.
 */
export function syncConnection(
  deps: ConnectDeps,
  connectionId: string,
  opts: { trigger: SyncTrigger; since?: Date | undefined },
): Promise<SyncResult> {
  const running = inFlight.get(connectionId);
  if (running) return running;
  const p = runOnce(deps, connectionId, opts).finally(() => inFlight.delete(connectionId));
  inFlight.set(connectionId, p);
  return p;
}

async function runOnce(
  deps: ConnectDeps,
  connectionId: string,
  opts: { trigger: SyncTrigger; since?: Date | undefined },
): Promise<SyncResult> {
  const conn = await findConnection(deps.engine, connectionId);
  if (!conn) throw connectorError('CONNECTOR_NOT_FOUND', { id: connectionId });
  if (conn.status === 'pending' || conn.status === 'disconnected')
    throw connectorError('CONNECTOR_NOT_CONNECTED', { id: connectionId });
  const runId = randomUUID();
  const startedAt = deps.now;
  const t0 = performance.now();
  const rows: Record<string, number> = Object.fromEntries(PROVIDER_RESOURCES[conn.provider].map((r) => [r, 0]));
  const rejected: SyncRun['rejected'] = [];
  const session = createSyncSession(deps, conn);
  await writeRun(deps.engine, connectionId, {
    runId,
    trigger: opts.trigger,
    startedAt,
    finishedAt: null,
    status: 'running',
    rows,
    errorCode: null,
  });
  const run: SyncRun = {
    deps,
    conn,
    session,
    startedAt,
    since: opts.since?.toISOString(),
    rows,
    rejected,
    async commit(resource, write) {
      const page = await write();
      rows[resource] = (rows[resource] ?? 0) + page.rows;
      for (const r of page.rejected) rejected.push({ resource, ...r });
    },
  };
  let error: { code: string; message: string } | undefined;
  try {
    if (conn.provider === 'cafe24') await syncCafe24(run);
    else await syncSmartstore(run);
  } catch (e) {
    if (!isDalbitError(e)) throw e;
    error = { code: e.code, message: e.message };
  }
  const finishedAt = new Date(startedAt.getTime() + Math.round(performance.now() - t0));
  const after = session.connection();
  await saveConnection(deps.engine, {
    ...after,
    status: error?.code === 'CONNECTOR_AUTH_FAILED' ? 'error' : 'connected',
    lastSyncAt: error ? after.lastSyncAt : startedAt,
    nextRunAt: new Date(startedAt.getTime() + after.intervalMinutes * 60_000),
    lastErrorCode: error?.code ?? null,
    updatedAt: finishedAt,
  });
  // Audiences read segment features: new orders and members count at once, as after an import.
  if (Object.values(rows).some((n) => n > 0)) await refreshFeatures(deps.engine, { asOf: startedAt });
  const status = error ? 'failed' : 'ok';
  await writeRun(deps.engine, connectionId, {
    runId,
    trigger: opts.trigger,
    startedAt,
    finishedAt,
    status,
    rows,
    errorCode: error?.code ?? null,
  });
  return {
    connectionId,
    runId,
    status,
    at: startedAt.toISOString(),
    rows,
    rejected: rejected.length,
    ...(error ? { error } : {}),
  };
}

/** Syncs every connected shop (or only those whose next run is due). */
export async function syncAll(
  deps: ConnectDeps,
  opts: { trigger: SyncTrigger; since?: Date | undefined; dueOnly?: boolean },
): Promise<SyncResult[]> {
  const out: SyncResult[] = [];
  for (const c of await listConnections(deps.engine)) {
    if (c.status === 'pending' || c.status === 'disconnected') continue;
    if (opts.dueOnly && c.nextRunAt !== null && c.nextRunAt > deps.now) continue;
    out.push(await syncConnection(deps, c.connectionId, opts));
  }
  return out;
}
