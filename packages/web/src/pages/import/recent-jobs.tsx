import { useEffect } from 'react';
import { fetchImportJobs, type ImportJob, jobEnded } from '../../api/imports.ts';
import { useLoad } from '../../api/use-api.ts';
import { StatusView } from '../../components/status-view.tsx';
import { formatKst, formatPercent } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';

/**
 * My latest import jobs as the server keeps them (also across a restart): a job under way can be
 * followed again, a failed or interrupted one says why. `version` reloads the list.
 */
export function RecentJobs({
  version,
  current,
  onOpen,
}: {
  version: number;
  current: string | undefined;
  onOpen: (job: ImportJob) => void;
}) {
  const t = useT();
  const { lang } = useI18n();
  const [jobs, reload] = useLoad(`import-jobs:${lang}`, (signal) => fetchImportJobs(lang, signal));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    if (version > 0) reload();
  }, [version]);
  return (
    <StatusView value={jobs} onRetry={reload}>
      {(d) =>
        d.jobs.length === 0 ? null : (
          <div className="card" data-testid="import-jobs">
            <h2>{t('imports.jobs.title')}</h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th>{t('imports.when')}</th>
                    <th>{t('imports.file')}</th>
                    <th>{t('imports.jobs.state')}</th>
                    <th>{t('imports.jobs.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.jobs.map((j) => (
                    <tr key={j.id} data-testid={`import-job-${j.phase}`}>
                      <td className="small">{formatKst(j.createdAt)}</td>
                      <td>{j.fileName}</td>
                      <td>
                        <span className={`chip${j.phase === 'failed' || j.phase === 'interrupted' ? ' bad' : ''}`}>
                          {t(`imports.phase.${j.phase}`)}
                          {jobEnded(j) ? '' : ` · ${formatPercent(j.fraction, 0)}`}
                        </span>
                        {!jobEnded(j) && j.id !== current ? (
                          <button
                            type="button"
                            className="link"
                            data-testid="import-job-open"
                            onClick={() => onOpen(j)}
                          >
                            {t('imports.jobs.open')}
                          </button>
                        ) : null}
                      </td>
                      <td className="small" data-testid="import-job-reason">
                        {j.error?.message ?? ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )
      }
    </StatusView>
  );
}
