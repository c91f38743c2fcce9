import type { Row } from '../../api/customers.ts';
import { formatKst, formatWon } from '../../format.ts';
import { channelName, termName, useI18n } from '../../i18n.ts';
import { eventName } from '../../labels.ts';
import { useT } from '../../use-t.ts';

const s = (v: unknown): string => (v === null || v === undefined || v === '' ? '' : String(v));

/** Orders and behavioural events, newest first, in Korean wall time. */
export function CustomerTimeline({ rows }: { rows: readonly Row[] }) {
  const { t: tw, lang } = useI18n();
  const t = useT();
  return (
    <div className="card">
      <h2>{t('audience.insight.timeline')}</h2>
      {rows.length === 0 ? <p className="muted">{tw('none')}</p> : null}
      <table className="small" data-testid="customer-timeline">
        <tbody>
          {rows.map((r) => {
            const order = r.kind === 'order';
            const utm = [r.utm_source, r.utm_medium, r.utm_campaign].map(s).filter(Boolean).join(' / ');
            return (
              <tr key={`${s(r.kind)}:${s(r.ref)}`} className={order ? 'order-row' : ''}>
                <td>{formatKst(r.happened_at)}</td>
                <td>{order ? <strong>{t('audience.insight.order')}</strong> : eventName(s(r.detail), lang)}</td>
                <td>{order ? [channelName(s(r.channel), lang), s(r.store)].filter(Boolean).join(' · ') : ''}</td>
                <td>
                  {order
                    ? `${termName(s(r.detail), lang)} · ${formatWon(Number(r.amount ?? 0), lang)}`
                    : [s(r.product_name) || s(r.product_id), utm].filter(Boolean).join(' · ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
