import type { CustomerNotices } from '../../api/customers.ts';
import { formatKst, formatWon } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';

const day = (iso: string | null): string => (iso ? formatKst(iso).slice(0, 10) : '-');

/**
 * The customer page's notices: each two-year consent re-confirmation cycle (channel, consent date,
 * due date, sent / waiting / not delivered / lapsed / upcoming and why) and the coupons the customer
 * received (campaign, code, value, issue and expiry, used / expired / usable). No contact values.
 */
export function NoticesCard({ notices: n }: { notices: CustomerNotices }) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <div className="card" data-testid="customer-notices">
      <h2>{t('coupons.notices.title')}</h2>
      <h3>{t('coupons.notices.reconfirm')}</h3>
      {n.reconfirmations.length === 0 ? (
        <p className="muted small">{t('coupons.notices.noReconfirm')}</p>
      ) : (
        <table className="small" data-testid="customer-reconfirmations">
          <thead>
            <tr>
              <th>{t('reconfirm.col.channel')}</th>
              <th>{t('reconfirm.col.consentedAt')}</th>
              <th>{t('reconfirm.col.dueAt')}</th>
              <th>{t('reconfirm.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {n.reconfirmations.map((r) => (
              <tr key={`${r.channel}:${r.dueAt}`} data-state={r.state}>
                <td>{t(`reconfirm.channel.${r.channel as 'sms'}`)}</td>
                <td>{day(r.consentedAt)}</td>
                <td>{day(r.dueAt)}</td>
                <td
                  className={r.state === 'lapsed' || r.state === 'undelivered' ? 'bad' : r.state === 'sent' ? 'ok' : ''}
                >
                  {t(`reconfirm.state.${r.state}`)}
                  {r.reason === 'UNREACHABLE' ? ` · ${t('reconfirm.reason.UNREACHABLE')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('coupons.notices.coupons')}</h3>
      {n.coupons.length === 0 ? (
        <p className="muted small">{t('coupons.notices.noCoupons')}</p>
      ) : (
        <table className="small" data-testid="customer-coupons">
          <thead>
            <tr>
              <th>{t('coupons.col.campaign')}</th>
              <th>{t('coupons.col.code')}</th>
              <th>{t('coupons.col.value')}</th>
              <th>{t('coupons.col.issuedAt')}</th>
              <th>{t('coupons.col.expiresAt')}</th>
              <th>{t('coupons.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {n.coupons.map((k) => (
              <tr key={k.code} data-state={k.state}>
                <td>
                  <a href={`#/campaigns/${encodeURIComponent(k.campaignId)}`}>{k.campaignName ?? k.campaignId}</a>
                </td>
                <td className="mono">{k.code}</td>
                <td>{k.kind === 'percent' ? `${k.value}%` : formatWon(k.value, lang)}</td>
                <td>{day(k.issuedAt)}</td>
                <td>{day(k.expiresAt)}</td>
                <td className={k.state === 'live' ? 'ok' : k.state === 'expired' ? 'muted' : ''}>
                  {t(`coupons.state.${k.state}`, { at: day(k.redeemedAt) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
