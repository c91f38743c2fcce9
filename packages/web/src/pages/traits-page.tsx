import { useApi } from '../api.ts';
import { BarChart } from '../components/charts/bar-chart.tsx';
import { SankeyChart } from '../components/charts/sankey-chart.tsx';
import { Freshness } from '../components/freshness.tsx';
import { type CostlyCustomer, CostlyTable } from '../components/insight/costly-table.tsx';
import { StatusView } from '../components/status-view.tsx';
import { formatKst, formatNumber, formatPercent } from '../format.ts';
import { channelName, useI18n } from '../i18n.ts';
import { useT } from '../use-t.ts';

interface Overview {
  asOf: string;
  computedAt: string;
  customers: number;
  buyers: number;
  discountSensitive: number;
  cherryPickers: number;
  migratedToOwnShop: number;
  goldenTimeNext7Days: number;
  medianOfMedianIntervals: number | null;
  channelPaths: { from: string; to: string; customers: number }[];
  preferredCategories: { category: string; customers: number }[];
  preferredHours: number[];
  discountShareBuckets: number[];
  costly: { rate: number; minOrders: number; customers: number; top: CostlyCustomer[] };
}

function Kpi({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <div className="card kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {hint ? <div className="muted small">{hint}</div> : null}
    </div>
  );
}

/** Traits over the base: discount sensitivity, cherry-pickers, channel migration, costly customers, categories, hours. */
export function TraitsPage() {
  const t = useT();
  const { lang } = useI18n();
  const [data, reload] = useApi<Overview>('/api/traits/overview');
  const people = (n: number) => t('insight.people', { count: formatNumber(n) });
  return (
    <section>
      <h1>{t('insight.traits.title')}</h1>
      <StatusView value={data}>
        {(d) => (
          <>
            <Freshness computedAt={d.computedAt} onRefreshed={reload} />
            <p className="muted" data-testid="traits-asof">
              {t('insight.traits.asOf', {
                asOf: formatKst(d.asOf),
                customers: formatNumber(d.customers),
                buyers: formatNumber(d.buyers),
              })}
            </p>
            <div className="kpis">
              <Kpi
                testId="kpi-discount"
                label={t('insight.traits.discountSensitive')}
                value={people(d.discountSensitive)}
                hint={t('insight.traits.discountSensitiveHint')}
              />
              <Kpi
                testId="kpi-cherry"
                label={t('insight.traits.cherryPickers')}
                value={people(d.cherryPickers)}
                hint={t('insight.traits.cherryPickersHint')}
              />
              <Kpi
                testId="kpi-migrated"
                label={t('insight.traits.migrated')}
                value={people(d.migratedToOwnShop)}
                hint={t('insight.traits.migratedHint')}
              />
              <Kpi
                testId="kpi-golden"
                label={t('insight.traits.golden')}
                value={people(d.goldenTimeNext7Days)}
                hint={t('insight.traits.goldenHint')}
              />
              <Kpi
                testId="kpi-interval"
                label={t('insight.traits.interval')}
                value={
                  d.medianOfMedianIntervals === null
                    ? '-'
                    : t('insight.traits.days', { days: Math.round(d.medianOfMedianIntervals) })
                }
              />
            </div>
            <div className="grid-2">
              <div className="card">
                <h2>{t('insight.traits.migration')}</h2>
                <p className="muted small">{t('workspace.sankey.intro')}</p>
                <SankeyChart
                  title={t('insight.traits.migration')}
                  testId="traits-migration"
                  format={(n) => people(n)}
                  label={(c) => channelName(c, lang)}
                  flows={d.channelPaths.map((p) => ({ from: p.from, to: p.to, value: p.customers }))}
                />
              </div>
              <div className="card">
                <h2>{t('insight.traits.discountShare')}</h2>
                <BarChart
                  title={t('insight.traits.discountShare')}
                  testId="traits-discount"
                  format={(n) => people(n)}
                  data={d.discountShareBuckets.map((n, i) => ({ label: `${i * 10}–${i * 10 + 10}%`, value: n }))}
                />
              </div>
              <div className="card">
                <h2>{t('insight.traits.costly')}</h2>
                <p data-testid="costly-count">
                  {t('insight.traits.costlyCount', {
                    rate: formatPercent(d.costly.rate, 0),
                    orders: formatNumber(d.costly.minOrders),
                    customers: formatNumber(d.costly.customers),
                  })}
                </p>
                <CostlyTable rows={d.costly.top} />
              </div>
              <div className="card">
                <h2>{t('insight.traits.categories')}</h2>
                <BarChart
                  title={t('insight.traits.categories')}
                  testId="traits-categories"
                  format={(n) => people(n)}
                  data={d.preferredCategories.slice(0, 10).map((c) => ({ label: c.category, value: c.customers }))}
                />
              </div>
              <div className="card">
                <h2>{t('insight.traits.hours')}</h2>
                <BarChart
                  title={t('insight.traits.hours')}
                  testId="traits-hours"
                  format={(n) => people(n)}
                  data={d.preferredHours
                    .map((n, h) => ({ label: t('insight.traits.hour', { hour: h }), value: n }))
                    .filter((x) => x.value > 0)}
                />
              </div>
            </div>
          </>
        )}
      </StatusView>
    </section>
  );
}
