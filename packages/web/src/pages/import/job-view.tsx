import { type ImportJob, rejectsUrl } from '../../api/imports.ts';
import { formatNumber, formatPercent } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { type CoreMessageKey, useT } from '../../use-t.ts';
import { formatSize } from './import-labels.ts';
import { ProblemList } from './problem-list.tsx';

/** The progress bar while the job runs: phase in words, share done, rows and bytes read. */
export function JobProgress({ job }: { job: ImportJob }) {
  const t = useT();
  return (
    <div className="card" data-testid="import-progress">
      <h2>{t('imports.progress')}</h2>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(job.fraction * 100)}
      >
        <div className="progress-fill" style={{ width: `${Math.round(job.fraction * 100)}%` }} />
      </div>
      <p className="small">
        <span data-testid="import-phase">{t(`imports.phase.${job.phase}`)}</span> · {formatPercent(job.fraction, 0)} ·{' '}
        <span data-testid="import-rows-read">{t('imports.rowsRead', { count: formatNumber(job.rowsRead) })}</span> ·{' '}
        <span data-testid="import-bytes-read">
          {t('imports.bytesRead', { read: formatSize(job.bytesRead), total: formatSize(job.totalBytes) })}
        </span>
      </p>
    </div>
  );
}

const COUNTS: readonly { key: keyof NonNullable<ImportJob['result']>; label: CoreMessageKey; unit: CoreMessageKey }[] =
  [
    { key: 'customersCreated', label: 'imports.result.customersCreated', unit: 'imports.countPeople' },
    { key: 'customersUpdated', label: 'imports.result.customersUpdated', unit: 'imports.countPeople' },
    { key: 'customersMerged', label: 'imports.result.customersMerged', unit: 'imports.countPeople' },
    { key: 'orders', label: 'imports.result.orders', unit: 'imports.countOrders' },
    { key: 'rowsWritten', label: 'imports.result.rowsWritten', unit: 'imports.countRows' },
    { key: 'rowsRejected', label: 'imports.result.rowsRejected', unit: 'imports.countRows' },
  ];

/** The outcome: counts with links onward, or why nothing was written with every problem. */
export function JobResult({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const r = job.result;
  const failed = job.phase !== 'done';
  return (
    <div className="card" data-testid="import-result">
      <h2>{t('imports.resultTitle')}</h2>
      {failed ? (
        <div className="notice error" role="alert" data-testid="import-error">
          <strong>{job.error?.message ?? t('imports.error.failed')}</strong>
        </div>
      ) : null}
      {r && !failed ? (
        <div className="kpis">
          {COUNTS.map((c) => (
            <div key={c.key} className="card kpi" data-testid={`import-count-${c.key}`}>
              <div className="kpi-label">{t(c.label)}</div>
              <div className="kpi-value">{t(c.unit, { count: formatNumber(Number(r[c.key] ?? 0)) })}</div>
            </div>
          ))}
        </div>
      ) : null}
      {r?.changes && !failed ? <ChangesTable changes={r.changes} /> : null}
      {failed && job.problems && job.problemCount ? (
        <ProblemList problems={job.problems} total={job.problemCount} />
      ) : null}
      <p className="actions">
        {!failed ? (
          <a href="#/customers" className="button primary" data-testid="import-to-customers">
            {t('imports.toCustomers')}
          </a>
        ) : null}
        {job.hasRejects && !failed ? (
          <a href={rejectsUrl(job.id, lang)} download className="button" data-testid="import-rejects">
            {t('imports.downloadRejects')}
          </a>
        ) : null}
        <button type="button" data-testid="import-another" onClick={onAnother}>
          {t('imports.another')}
        </button>
      </p>
    </div>
  );
}

/** Customers and orders inserted / updated / unchanged; a re-import that changed nothing says so. */
function ChangesTable({ changes }: { changes: NonNullable<NonNullable<ImportJob['result']>['changes']> }) {
  const t = useT();
  const rows = [
    { what: 'customers', label: t('importCheck.customers'), c: changes.customers },
    { what: 'orders', label: t('importCheck.orders'), c: changes.orders },
  ] as const;
  const news =
    changes.customers.inserted + changes.customers.updated + changes.orders.inserted + changes.orders.updated;
  const seen = news + changes.customers.unchanged + changes.orders.unchanged;
  return (
    <>
      <h3>{t('importCheck.changesTitle')}</h3>
      <table className="small" data-testid="import-changes">
        <thead>
          <tr>
            <th />
            <th>{t('importCheck.inserted')}</th>
            <th>{t('importCheck.updated')}</th>
            <th>{t('importCheck.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ what, label, c }) => (
            <tr key={what} data-testid={`import-changes-${what}`}>
              <th>{label}</th>
              <td>{formatNumber(c.inserted)}</td>
              <td>{formatNumber(c.updated)}</td>
              <td>{formatNumber(c.unchanged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {seen > 0 && news === 0 ? (
        <p className="notice" data-testid="import-nothing-new">
          {t('importCheck.nothingNew')}
        </p>
      ) : null}
    </>
  );
}
