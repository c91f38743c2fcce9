import {
  NOTICE_STATES,
  type NoticeState,
  type ReconfirmationOverview,
} from '@dalbit/core/compliance/reconfirmation-view';
import { formatKstDate } from '@dalbit/core/time/kst';
import { useState } from 'react';
import { useApi } from '../api.ts';
import { StatusView } from '../components/status-view.tsx';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useT } from '../use-t.ts';

const day = (iso: string | null): string => (iso ? formatKstDate(new Date(iso)) : '-');

/**
 * The two-year consent re-confirmation (정보통신망법 §50 ⑧): counts per state (each card filters
 * the list), channels that cannot be told for want of a sender, and the customers with masked
 * name and contact. The runtime plans and sends; this page only reads.
 */
export function ReconfirmationsPage() {
  const t = useT();
  const { lang } = useI18n();
  const [state, setState] = useState<NoticeState | undefined>(undefined);
  const [data] = useApi<ReconfirmationOverview>(
    `/api/consent/reconfirmations?lang=${lang}&limit=200${state ? `&state=${state}` : ''}`,
  );
  return (
    <section>
      <h1>{t('reconfirm.title')}</h1>
      <p className="muted">{t('reconfirm.lead')}</p>
      <StatusView value={data}>
        {(d) => (
          <>
            {d.refusals.map((r) => (
              <p key={r.channel} className="notice warn" role="alert" data-testid={`reconfirm-refused-${r.channel}`}>
                {r.message}
              </p>
            ))}
            <div className="kpis">
              {NOTICE_STATES.map((s) => (
                <button
                  key={s}
                  type="button"
                  className="card kpi"
                  aria-pressed={state === s}
                  data-testid={`reconfirm-count-${s}`}
                  onClick={() => setState(state === s ? undefined : s)}
                >
                  <span className="kpi-label">{t(`reconfirm.card.${s}`)}</span>
                  <span className="kpi-value" data-testid={`reconfirm-count-${s}-value`}>
                    {formatNumber(d.counts[s])}
                  </span>
                </button>
              ))}
            </div>
            <p className="muted small" data-testid="reconfirm-shown">
              {state ? t(`reconfirm.state.${state}`) : t('reconfirm.filter.all')} · {formatNumber(d.total)}
            </p>
            {d.items.length === 0 ? (
              <p className="muted">{t('reconfirm.empty')}</p>
            ) : (
              <table className="small" data-testid="reconfirm-list">
                <thead>
                  <tr>
                    <th>{t('reconfirm.col.customer')}</th>
                    <th>{t('reconfirm.col.contact')}</th>
                    <th>{t('reconfirm.col.channel')}</th>
                    <th>{t('reconfirm.col.consentedAt')}</th>
                    <th>{t('reconfirm.col.dueAt')}</th>
                    <th>{t('reconfirm.col.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((i) => (
                    <tr key={`${i.customerId}:${i.channel}:${i.dueAt}`} data-state={i.state}>
                      <td>
                        <a href={`#/customers/${encodeURIComponent(i.customerId)}`}>{i.name ?? '-'}</a>
                      </td>
                      <td>{i.contact ?? '-'}</td>
                      <td>{t(`reconfirm.channel.${i.channel}`)}</td>
                      <td>{day(i.consentedAt)}</td>
                      <td>{day(i.dueAt)}</td>
                      <td>
                        {t(`reconfirm.state.${i.state}`)}
                        {i.reason === 'UNREACHABLE' ? ` · ${t('reconfirm.reason.UNREACHABLE')}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </StatusView>
    </section>
  );
}
