import { useApi } from '../api.ts';
import { DonutChart } from '../components/charts/donut-chart.tsx';
import { StatusView } from '../components/status-view.tsx';
import { formatNumber, formatPercent, formatWon, formatWonShort } from '../format.ts';
import { channelName, termName, useI18n } from '../i18n.ts';

export interface Stats {
  customers: number;
  customersOnTwoOrMoreChannels: number;
  orders: number;
  orderLines: number;
  events: number;
  consents: number;
  merges: { active: number; undone: number };
  summaryRefreshing: boolean;
  ordersByStatus: { status: string; orders: number }[];
  revenueByChannel: { channel: string; orders: number; revenue: number; customers: number }[];
}

function Kpi({ label, value, hint, id }: { label: string; value: string; hint?: string; id: string }) {
  return (
    <div className="card kpi" data-testid={`kpi-${id}`}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {hint ? <div className="kpi-hint">{hint}</div> : null}
    </div>
  );
}

export function HomePage() {
  const { t, lang } = useI18n();
  const [stats, reload] = useApi<Stats>('/api/stats');
  return (
    <section>
      <h1>{t('homeTitle')}</h1>
      <StatusView value={stats} onRetry={reload}>
        {(s) => {
          const revenue = s.revenueByChannel.reduce((a, r) => a + r.revenue, 0);
          const max = Math.max(1, ...s.revenueByChannel.map((r) => r.revenue));
          return (
            <>
              {s.summaryRefreshing ? (
                <p className="muted" data-testid="stats-refreshing">
                  {t('statsRefreshing')}
                </p>
              ) : null}
              <div className="kpis">
                <Kpi id="customers" label={t('kpiCustomers')} value={`${formatNumber(s.customers)}${t('people')}`} />
                <Kpi id="orders" label={t('kpiOrders')} value={`${formatNumber(s.orders)}${t('count')}`} />
                <Kpi
                  id="revenue"
                  label={t('kpiRevenue')}
                  value={formatWonShort(revenue, lang)}
                  hint={formatWon(revenue, lang)}
                />
                <Kpi
                  id="cross"
                  label={t('kpiCrossChannel')}
                  value={`${formatNumber(s.customersOnTwoOrMoreChannels)}${t('people')}`}
                  hint={formatPercent(s.customers ? s.customersOnTwoOrMoreChannels / s.customers : 0)}
                />
                <Kpi id="merges" label={t('kpiMerges')} value={`${formatNumber(s.merges.active)}${t('count')}`} />
                <Kpi id="events" label={t('kpiEvents')} value={formatNumber(s.events)} />
              </div>
              <div className="grid-2">
                <div className="card">
                  <h2>{t('revenueByChannel')}</h2>
                  <table data-testid="revenue-by-channel">
                    <thead>
                      <tr>
                        <th>{t('channel')}</th>
                        <th className="num">{t('orders')}</th>
                        <th className="num">{t('customers')}</th>
                        <th className="num">{t('revenue')}</th>
                        <th className="bar-col" />
                      </tr>
                    </thead>
                    <tbody>
                      {s.revenueByChannel.map((r) => (
                        <tr key={r.channel}>
                          <td>{channelName(r.channel, lang)}</td>
                          <td className="num">{formatNumber(r.orders)}</td>
                          <td className="num">{formatNumber(r.customers)}</td>
                          <td className="num">{formatWon(r.revenue, lang)}</td>
                          <td className="bar-col">
                            <div className="bar" style={{ width: `${(100 * r.revenue) / max}%` }} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <div className="card">
                  <h2>{t('ordersByStatus')}</h2>
                  <DonutChart
                    title={t('ordersByStatus')}
                    testId="orders-by-status-chart"
                    data={s.ordersByStatus.map((r) => ({ label: termName(r.status, lang), value: r.orders }))}
                  />
                  <ul className="plain">
                    {s.ordersByStatus.map((r) => (
                      <li key={r.status}>
                        <span>{termName(r.status, lang)}</span>
                        <strong>{formatNumber(r.orders)}</strong>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </>
          );
        }}
      </StatusView>
    </section>
  );
}
