import { translate } from '@dalbit/core/i18n/catalog';
import type { Engine } from '../engines/engine.ts';
import type { PassResult } from '../runtime/run-loop.ts';
import type { ConnectorDeps } from './connector-deps.ts';
import { syncAll } from './sync-run.ts';

/** One tick of `serve`'s connector loop: every connection whose next run is due syncs from its cursors. */
export function createConnectorsPass(
  d: ConnectorDeps & { engine: Engine; now: () => Date; ko: boolean },
): () => Promise<PassResult> {
  const lang = d.ko ? 'ko' : 'en';
  return async () => {
    const results = await syncAll(
      { engine: d.engine, box: d.box, http: d.http, now: d.now() },
      { trigger: 'schedule', dueOnly: true },
    );
    if (results.length === 0) return {};
    const lines = results.map((r) =>
      r.error
        ? translate(lang, 'connectors.sync.failed', { id: r.connectionId, message: r.error.message })
        : Object.entries(r.rows)
            .map(([resource, rows]) => translate(lang, 'connectors.sync.line', { id: r.connectionId, resource, rows }))
            .join(' · ') || translate(lang, 'connectors.sync.line', { id: r.connectionId, resource: '-', rows: 0 }),
    );
    return { line: `[connectors] ${lines.join(' · ')}` };
  };
}
