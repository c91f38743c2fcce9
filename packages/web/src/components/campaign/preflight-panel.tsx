import { useState } from 'react';
import { type Preflight, type PreflightReason, runPreflight } from '../../api/campaigns.ts';
import { formatKst, formatNumber } from '../../format.ts';
import { channelName, useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { ErrorBanner } from '../error-banner.tsx';

function ReasonTable({ title, rows, testId }: { title: string; rows: readonly PreflightReason[]; testId: string }) {
  const t = useT();
  return (
    <div>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p className="muted small">{t('studio.preflight.none')}</p>
      ) : (
        <table data-testid={testId}>
          <thead>
            <tr>
              <th>{t('studio.preflight.reason')}</th>
              <th className="num">{t('studio.preflight.count')}</th>
              <th>{t('studio.preflight.samples')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.reason} data-testid={`${testId}-${r.reason}`} data-count={r.count}>
                <td>{r.label}</td>
                <td className="num">{formatNumber(r.count)}</td>
                <td className="small">
                  {r.sampleCustomerIds.map((id) => (
                    <a key={id} href={`#/customers/${encodeURIComponent(id)}`}>
                      {id}{' '}
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Totals({ p }: { p: Preflight }) {
  const t = useT();
  const items = [
    ['touches', p.totals.touches],
    ['queued', p.totals.queued],
    ['deferred', p.totals.deferred],
    ['blocked', p.totals.blocked],
    ['holdout', p.totals.holdout],
  ] as const;
  return (
    <div className="kpis" data-testid="preflight-totals">
      {items.map(([k, v]) => (
        <div key={k} className="kpi" data-testid={`preflight-${k}`} data-count={v}>
          <div className="kpi-label">{t(`studio.preflight.${k}`)}</div>
          <div className="kpi-value">{formatNumber(v)}</div>
        </div>
      ))}
    </div>
  );
}

function PreflightResult({ p }: { p: Preflight }) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <div data-testid="preflight-result">
      <Totals p={p} />
      <p className="small">
        {t('studio.preflight.byChannel')}:{' '}
        {p.channels.map((c) => `${channelName(c.channel, lang)} ${formatNumber(c.queued)}`).join(' · ') || '—'}
      </p>
      <ReasonTable title={t('studio.preflight.blockedBy')} rows={p.blocked} testId="preflight-blocked" />
      <ReasonTable title={t('studio.preflight.deferredBy')} rows={p.deferred} testId="preflight-deferred" />
      <ReasonTable
        title={t('studio.collisions.title')}
        rows={p.collisions.map((c) => ({
          reason: c.campaignId,
          label: t('studio.collisions.row', { name: c.name }),
          count: c.count,
          sampleCustomerIds: c.sampleCustomerIds,
        }))}
        testId="preflight-collision"
      />
      {p.samples.length > 0 ? (
        <>
          <h4>{t('studio.preflight.sampleMessages')}</h4>
          {p.samples.map((s) => (
            <div key={`${s.customerId}:${s.channel}`} className="preview-channel">
              <p className="small muted">
                {s.customerId} · {channelName(s.channel, lang)} · {formatKst(s.dueAt)}
              </p>
              <pre className="preview-text">{s.text}</pre>
            </div>
          ))}
        </>
      ) : null}
    </div>
  );
}

/** Pre-flight over a KST date range: the scheduler's decisions replayed without sending. */
export function PreflightPanel({ id, defaultFrom, defaultTo }: { id: string; defaultFrom: string; defaultTo: string }) {
  const t = useT();
  const { lang } = useI18n();
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [result, setResult] = useState<Preflight | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await runPreflight(id, from, to, lang));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card" data-testid="preflight">
      <h2>{t('studio.preflight.title')}</h2>
      <div className="row">
        <label className="field">
          <span>{t('studio.preflight.from')}</span>
          <input
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            data-testid="preflight-from"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('studio.preflight.to')}</span>
          <input
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            data-testid="preflight-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
        <button type="button" data-testid="preflight-run" disabled={busy} onClick={run}>
          {busy ? t('studio.checking') : t('studio.preflight.run')}
        </button>
      </div>
      {error ? <ErrorBanner error={error} /> : null}
      {result ? <PreflightResult p={result} /> : null}
    </div>
  );
}
