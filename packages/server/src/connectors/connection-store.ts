import { CONNECTIONS, CONNECTOR_CURSORS, CONNECTOR_RUNS } from '@dalbit/core/connectors/tables';
import { columnNames } from '@dalbit/core/schema/table';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';
import { deleteRows } from '../engines/update-rows.ts';

export type Provider = 'cafe24' | 'smartstore';
export const PROVIDERS: readonly Provider[] = ['cafe24', 'smartstore'];
/** What each shop's sync reads, in order; a run reports every one (0 when nothing changed). */
export const PROVIDER_RESOURCES: Record<Provider, readonly string[]> = {
  cafe24: ['products', 'customers', 'orders', 'coupons'],
  smartstore: ['product_orders'],
};

/** What `connections.secrets` holds once opened; never leaves the server. */
export interface ConnectionSecrets {
  readonly clientSecret: string;
  readonly accessToken?: string;
  readonly refreshToken?: string;
  /** Cafe24 app service key: verifies webhooks. */
  readonly serviceKey?: string;
}

export interface Connection {
  readonly connectionId: string;
  readonly provider: Provider;
  readonly shopId: string;
  readonly apiBase: string;
  readonly clientId: string;
  readonly status: 'pending' | 'connected' | 'error' | 'disconnected';
  readonly secrets: string;
  readonly accessExpiresAt: Date | null;
  readonly refreshExpiresAt: Date | null;
  readonly stateHash: string | null;
  readonly stateExpiresAt: Date | null;
  readonly redirectUri: string | null;
  readonly intervalMinutes: number;
  readonly lastSyncAt: Date | null;
  readonly nextRunAt: Date | null;
  readonly lastErrorCode: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

const FIELD: Record<keyof Connection, string> = {
  connectionId: 'connection_id',
  provider: 'provider',
  shopId: 'shop_id',
  apiBase: 'api_base',
  clientId: 'client_id',
  status: 'status',
  secrets: 'secrets',
  accessExpiresAt: 'access_expires_at',
  refreshExpiresAt: 'refresh_expires_at',
  stateHash: 'state_hash',
  stateExpiresAt: 'state_expires_at',
  redirectUri: 'redirect_uri',
  intervalMinutes: 'interval_minutes',
  lastSyncAt: 'last_sync_at',
  nextRunAt: 'next_run_at',
  lastErrorCode: 'last_error_code',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

function fromRow(r: Record<string, unknown>): Connection {
  const out: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(FIELD)) out[k] = r[c] ?? null;
  out.intervalMinutes = Number(out.intervalMinutes);
  return out as unknown as Connection;
}

export async function listConnections(engine: Engine): Promise<Connection[]> {
  const rows = await engine.query('SELECT * FROM connections ORDER BY created_at, connection_id');
  return rows.map(fromRow);
}

export async function findConnection(engine: Engine, id: string): Promise<Connection | undefined> {
  const [r] = await engine.query(
    compileBound(engine.dialect, (b) => `SELECT * FROM connections WHERE connection_id = ${b.p(id, 'string')}`),
  );
  return r ? fromRow(r) : undefined;
}

/**
 * Replaces the connection's row (inside the caller's transaction when given one). Every write of
 * this store is a replace by key (delete, then insert), as the dialect deletes (decision 0019).
 */
export async function saveConnection(engine: Engine, c: Connection): Promise<void> {
  const cols = columnNames(CONNECTIONS);
  const byColumn = Object.fromEntries(
    Object.entries(FIELD).map(([k, col]) => [col, (c as unknown as Record<string, unknown>)[k]]),
  );
  await engine.transaction(async (tx) => {
    await deleteRows(tx, CONNECTIONS.name, { connection_id: [c.connectionId, 'string'] });
    await tx.insert(CONNECTIONS.name, cols, [cols.map((col) => byColumn[col] ?? null)]);
  });
}

/** Removes the connection, its cursors and its runs. */
export async function deleteConnection(engine: Engine, id: string): Promise<void> {
  await engine.transaction(async (tx) => {
    for (const t of [CONNECTOR_CURSORS, CONNECTOR_RUNS, CONNECTIONS])
      await deleteRows(tx, t.name, { connection_id: [id, 'string'] });
  });
}

export interface CursorRow {
  readonly resource: string;
  readonly cursor: Record<string, unknown>;
  readonly rowsTotal: number;
  readonly updatedAt: Date;
}

export async function readCursors(engine: Engine, id: string): Promise<Map<string, CursorRow>> {
  const rows = await engine.query<{ resource: string; cursor: unknown; rows_total: number; updated_at: Date }>(
    compileBound(
      engine.dialect,
      (b) =>
        `SELECT resource, cursor, rows_total, updated_at FROM connector_cursors WHERE connection_id = ${b.p(id, 'string')}`,
    ),
  );
  return new Map(
    rows.map((r) => [
      r.resource,
      {
        resource: r.resource,
        cursor: (typeof r.cursor === 'string' ? JSON.parse(r.cursor) : r.cursor) as Record<string, unknown>,
        rowsTotal: Number(r.rows_total),
        updatedAt: r.updated_at,
      },
    ]),
  );
}

/** Moves a resource's cursor; call inside the transaction that wrote the page it covers. */
export async function writeCursor(
  tx: Engine,
  id: string,
  resource: string,
  cursor: Record<string, unknown>,
  addRows: number,
  now: Date,
): Promise<void> {
  const [prev] = await tx.query<{ rows_total: number }>(
    compileBound(
      tx.dialect,
      (b) =>
        `SELECT rows_total FROM connector_cursors WHERE connection_id = ${b.p(id, 'string')} AND resource = ${b.p(resource, 'string')}`,
    ),
  );
  await deleteRows(tx, CONNECTOR_CURSORS.name, { connection_id: [id, 'string'], resource: [resource, 'string'] });
  await tx.insert(CONNECTOR_CURSORS.name, columnNames(CONNECTOR_CURSORS), [
    [id, resource, JSON.stringify(cursor), Number(prev?.rows_total ?? 0) + addRows, now],
  ]);
}

export interface RunRow {
  readonly runId: string;
  readonly trigger: string;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly status: string;
  readonly rows: Record<string, number>;
  readonly errorCode: string | null;
}

export async function writeRun(engine: Engine, connectionId: string, r: RunRow): Promise<void> {
  await engine.transaction(async (tx) => {
    await deleteRows(tx, CONNECTOR_RUNS.name, { run_id: [r.runId, 'string'] });
    await tx.insert(CONNECTOR_RUNS.name, columnNames(CONNECTOR_RUNS), [
      [r.runId, connectionId, r.trigger, r.startedAt, r.finishedAt, r.status, JSON.stringify(r.rows), r.errorCode],
    ]);
  });
}

export async function recentRuns(engine: Engine, connectionId: string, limit = 10): Promise<RunRow[]> {
  const rows = await engine.query<Record<string, unknown>>(
    compileBound(
      engine.dialect,
      (b) =>
        `SELECT * FROM connector_runs WHERE connection_id = ${b.p(connectionId, 'string')} ORDER BY started_at DESC, run_id LIMIT ${Math.max(1, Math.floor(limit))}`,
    ),
  );
  return rows.map((r) => ({
    runId: String(r.run_id),
    trigger: String(r.trigger),
    startedAt: r.started_at as Date,
    finishedAt: (r.finished_at as Date | null) ?? null,
    status: String(r.status),
    rows: (typeof r.rows === 'string' ? JSON.parse(r.rows) : r.rows) as Record<string, number>,
    errorCode: (r.error_code as string | null) ?? null,
  }));
}
