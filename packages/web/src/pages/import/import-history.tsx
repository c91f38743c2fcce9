import { useEffect } from 'react';
import { fetchImportHistory } from '../../api/imports.ts';
import { useLoad } from '../../api/use-api.ts';
import { StatusView } from '../../components/status-view.tsx';
import { formatKst, formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { actorLabel, baseName, sourceLabel } from './import-labels.ts';

const n = (v: number | null): string => (v === null ? '-' : formatNumber(v));

/** Past imports (dashboard, CLI and demo): when, who, file, kind, what it did. `version` reloads it. */
export function ImportHistory({ version }: { version: number }) {
  const t = useT();
  const { lang } = useI18n();
  const [history, reload] = useLoad('import-history', (signal) => fetchImportHistory(signal));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    if (version > 0) reload();
  }, [version]);
  return (
    <div className="card" data-testid="import-history">
      <h2>{t('imports.history')}</h2>
      <StatusView value={history} onRetry={reload}>
        {({ imports }) =>
          imports.length === 0 ? (
            <p className="muted">{t('imports.historyNone')}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th>{t('imports.when')}</th>
                    <th>{t('imports.who')}</th>
                    <th>{t('imports.file')}</th>
                    <th>{t('imports.kindLabel')}</th>
                    <th className="num">{t('imports.result.rowsWritten')}</th>
                    <th className="num">{t('imports.result.rowsRejected')}</th>
                    <th className="num">{t('imports.result.customersCreated')}</th>
                    <th className="num">{t('imports.result.customersUpdated')}</th>
                    <th className="num">{t('imports.result.customersMerged')}</th>
                    <th className="num">{t('imports.result.orders')}</th>
                  </tr>
                </thead>
                <tbody>
                  {imports.map((r) => (
                    <tr key={r.importId} data-testid="import-history-row">
                      <td>{formatKst(r.startedAt)}</td>
                      <td>{actorLabel(r.actor, lang)}</td>
                      <td>{baseName(r.file)}</td>
                      <td>{sourceLabel(r.source, lang)}</td>
                      <td className="num">{n(r.rowsWritten)}</td>
                      <td className="num">{n(r.rowsRejected)}</td>
                      <td className="num">{n(r.customersCreated)}</td>
                      <td className="num">{n(r.customersUpdated)}</td>
                      <td className="num">{n(r.customersMerged)}</td>
                      <td className="num">{n(r.orders)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </StatusView>
    </div>
  );
}
