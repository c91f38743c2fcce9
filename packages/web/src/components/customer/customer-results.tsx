import type { CustomerPage } from '../../api/customers.ts';
import { formatKst, formatNumber, formatWon } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { hrefOf } from '../../router/match-route.ts';
import { navigate } from '../../router/use-location.ts';
import { useT } from '../../use-t.ts';

const s = (v: unknown): string => (v === null || v === undefined || v === '' ? '-' : String(v));

/** One page of (masked) customers; each row opens the customer page. */
export function CustomerResults({ page, onPage }: { page: CustomerPage; onPage: (page: number) => void }) {
  const { t, lang } = useI18n();
  const tc = useT();
  if (page.customers.length === 0) return <p className="muted">{t('noResults')}</p>;
  const index = Math.floor(page.offset / page.limit);
  const to = page.offset + page.customers.length;
  return (
    <>
      <p className="muted" data-testid="customer-total" data-total={page.total}>
        {tc('audience.customers.total', {
          total: formatNumber(page.total),
          from: formatNumber(page.offset + 1),
          to: formatNumber(to),
        })}
      </p>
      <table data-testid="customer-results" className="clickable">
        <thead>
          <tr>
            <th>{t('name')}</th>
            <th>{t('phone')}</th>
            <th>{t('email')}</th>
            <th className="num">{t('orders')}</th>
            <th className="num">{t('revenue')}</th>
            <th>{t('lastOrder')}</th>
          </tr>
        </thead>
        <tbody>
          {page.customers.map((c) => (
            <tr key={c.customerId} onClick={() => navigate(hrefOf('/customers/:id', { id: c.customerId }).slice(1))}>
              <td>
                <a href={hrefOf('/customers/:id', { id: c.customerId })}>{s(c.name)}</a>
              </td>
              <td className="mono">{s(c.phone)}</td>
              <td className="mono">{s(c.email)}</td>
              <td className="num">{formatNumber(c.orders)}</td>
              <td className="num">{formatWon(c.revenue, lang)}</td>
              <td>{formatKst(c.lastOrderAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" data-testid="page-prev" disabled={index === 0} onClick={() => onPage(index - 1)}>
          {tc('audience.customers.prev')}
        </button>
        <button type="button" data-testid="page-next" disabled={to >= page.total} onClick={() => onPage(index + 1)}>
          {tc('audience.customers.next')}
        </button>
      </div>
    </>
  );
}
