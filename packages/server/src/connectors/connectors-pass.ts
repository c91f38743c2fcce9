import type { Lang } from '@dalbit/core/i18n/lang';
import type { Engine } from '../engines/engine.ts';
import type { PassResult } from '../runtime/run-loop.ts';
import type { ConnectorDeps } from './connector-deps.ts';
import { syncLine } from './sync-lines.ts';
import { syncAll } from './sync-run.ts';

/** One tick of `serve`'s connector loop: every connection whose next run is due syncs from its cursors. */
export function createConnectorsPass(
  d: ConnectorDeps & { engine: Engine; now: () => Date; lang: Lang },
): () => Promise<PassResult> {
  const lang = d.lang;
  return async () => {
    const results = await syncAll(
      { engine: d.engine, box: d.box, http: d.http, now: d.now() },
      { trigger: 'schedule', dueOnly: true },
    );
    if (results.length === 0) return {};
    return { line: results.map((r) => syncLine(lang, r)).join(' · ') };
  };
}
