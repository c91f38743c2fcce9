import { translate } from '@dalbit/core/i18n/catalog';
import type { Engine } from '../engines/engine.ts';
import { type Connection, listConnections, readCursors, recentRuns } from './connection-store.ts';

/** A connection as the API and the dashboard show it: no secret, only that one is stored. */
export interface ConnectionView {
  readonly connectionId: string;
  readonly provider: string;
  readonly shopId: string;
  readonly apiBase: string;
  readonly clientId: string;
  readonly status: Connection['status'];
  readonly secretSet: true;
  readonly intervalMinutes: number;
  readonly lastSyncAt: string | null;
  readonly nextRunAt: string | null;
  readonly lastError: { readonly code: string; readonly message: string; readonly messageEn: string } | null;
  /** Records fetched so far per resource (cursor totals). */
  readonly rows: Record<string, number>;
  readonly lastRun: {
    readonly status: string;
    readonly rows: Record<string, number>;
    readonly finishedAt: string | null;
  } | null;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export async function connectionViews(engine: Engine): Promise<ConnectionView[]> {
  const out: ConnectionView[] = [];
  for (const c of await listConnections(engine)) {
    const cursors = await readCursors(engine, c.connectionId);
    const [run] = await recentRuns(engine, c.connectionId, 1);
    const code = c.lastErrorCode;
    const params = { id: c.connectionId, detail: '', status: '' };
    out.push({
      connectionId: c.connectionId,
      provider: c.provider,
      shopId: c.shopId,
      apiBase: c.apiBase,
      clientId: c.clientId,
      status: c.status,
      secretSet: true,
      intervalMinutes: c.intervalMinutes,
      lastSyncAt: iso(c.lastSyncAt),
      nextRunAt: iso(c.nextRunAt),
      lastError:
        code === null
          ? null
          : {
              code,
              message: translate('ko', `connectors.error.${code}` as never, params).replace(/ \(\)|\(\)/g, ''),
              messageEn: translate('en', `connectors.error.${code}` as never, params).replace(/ \(\)|\(\)/g, ''),
            },
      rows: Object.fromEntries([...cursors.values()].map((k) => [k.resource, k.rowsTotal])),
      lastRun: run ? { status: run.status, rows: run.rows, finishedAt: iso(run.finishedAt) } : null,
    });
  }
  return out;
}
