import { useCallback, useState } from 'react';
import { postJson } from '../api/client.ts';
import { useApi } from '../api.ts';
import { StoredRulesNote, type StoredRun } from '../components/analytics/stored-rules-note.tsx';
import { NetworkChart } from '../components/charts/network-chart.tsx';
import { dedupeRules } from '../components/dedupe-rules.ts';
import { Freshness } from '../components/freshness.tsx';
import { ClvDistributions } from '../components/insight/clv-distributions.tsx';
import { RfmTransitions } from '../components/insight/rfm-transitions.tsx';
import { StatusView } from '../components/status-view.tsx';
import { useToast } from '../components/toast.tsx';
import { formatNumber, formatPercent, formatWon, formatWonShort } from '../format.ts';
import { termName, useI18n } from '../i18n.ts';
import { hrefOf } from '../router/match-route.ts';
import { useSession } from '../session/session-context.tsx';
import { useT } from '../use-t.ts';

type Label = { ko: string; en: string };
interface Rfm {
  asOf: string;
  computedAt: string;
  customers: number;
  segments: {
    segment: string;
    label: Label;
    customers: number;
    share: number;
    revenue: number;
    revenueShare: number;
  }[];
  grid: { r: number; f: number; count: number; meanMonetary: number | null }[];
}
interface Rules {
  transactions: number;
  total: number;
  stored: StoredRun | null;
  rules: {
    lhs: { id: string; name: string }[];
    rhs: { id: string; name: string };
    support: number;
    confidence: number;
    lift: number;
    count: number;
  }[];
}
interface Clv {
  customers: number;
  top: { customerId: string; name: string | null; pAlive: number; expected90d: number; clv1y: number }[];
}
interface Report {
  size: number;
  buyers: number;
  revenue: number;
  aov: number | null;
  frequency: number | null;
  topCategories: { key: string; name: string; buyers: number; share: number }[];
  channels: { channel: string; buyers: number; revenueShare: number }[];
  reach: { channel: string; reachable: number; reachableShare: number }[];
}

export function AnalyticsPage() {
  const { t, lang } = useI18n();
  const tc = useT();
  const [rfm, reloadRfm] = useApi<Rfm>('/api/rfm');
  const [rules, reloadRules] = useApi<Rules>('/api/basket/rules?limit=60');
  const [clv, reloadClv] = useApi<Clv>('/api/clv/top?limit=10');
  const [report, reloadReport] = useApi<Report>(`/api/reports/base?lang=${lang}`);
  const [tick, setTick] = useState(0);
  const reloadAll = useCallback(() => {
    setTick((n) => n + 1);
    reloadRfm();
    reloadRules();
    reloadClv();
    reloadReport();
  }, [reloadRfm, reloadRules, reloadClv, reloadReport]);
  return (
    <section>
      <h1>{t('analyticsTitle')}</h1>
      {rfm.state === 'ok' ? <Freshness computedAt={rfm.data.computedAt} onRefreshed={reloadAll} /> : null}
      <div className="grid-2">
        <div className="card">
          <h2>{t('rfmTitle')}</h2>
          <StatusView value={rfm}>
            {(d) => (
              <table data-testid="rfm-segments">
                <thead>
                  <tr>
                    <th />
                    <th className="num">{t('customers')}</th>
                    <th className="num">{t('share')}</th>
                    <th className="num">{t('revenue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.segments.map((s) => (
                    <tr key={s.segment}>
                      <td>{s.label[lang]}</td>
                      <td className="num">{formatNumber(s.customers)}</td>
                      <td className="num">{formatPercent(s.share)}</td>
                      <td className="num">{formatWonShort(s.revenue, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </StatusView>
        </div>
        <div className="card">
          <h2>{t('rfmGrid')}</h2>
          <StatusView value={rfm}>
            {(d) => {
              const max = Math.max(1, ...d.grid.map((c) => c.count));
              return (
                <div className="rfm-grid" data-testid="rfm-grid">
                  <div className="axis-y">{t('recency')} ↑</div>
                  <div className="cells">
                    {d.grid.map((c) => (
                      <RfmCell key={`${c.r}-${c.f}`} cell={c} max={max} />
                    ))}
                  </div>
                  <div className="axis-x">{t('frequency')} →</div>
                </div>
              );
            }}
          </StatusView>
        </div>
        <RfmTransitions tick={tick} />
        <div className="card span-all">
          <h2>{t('basketTitle')}</h2>
          <StatusView value={rules}>
            {(d) => (
              <>
                <StoredRulesNote run={d.stored} />
                <p className="muted small">{tc('workspace.network.intro')}</p>
                <NetworkChart
                  title={t('basketTitle')}
                  testId="basket-network"
                  edges={dedupeRules(d.rules)
                    .slice(0, 12)
                    .flatMap((r) =>
                      r.lhs.map((x) => ({
                        from: x,
                        to: r.rhs,
                        weight: r.lift,
                        strength: r.confidence,
                        text: tc('workspace.network.edge', {
                          from: r.lhs.map((y) => y.name).join(' + '),
                          to: r.rhs.name,
                          confidence: formatPercent(r.confidence),
                          lift: r.lift.toFixed(1),
                        }),
                      })),
                    )}
                />
                <table data-testid="basket-rules">
                  <thead>
                    <tr>
                      <th>{t('antecedent')}</th>
                      <th>{t('consequent')}</th>
                      <th className="num">{t('confidence')}</th>
                      <th className="num">{t('lift')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dedupeRules(d.rules)
                      .slice(0, 12)
                      .map((r) => (
                        <tr key={`${r.lhs.map((x) => x.id).join('+')}>${r.rhs.id}`}>
                          <td>{r.lhs.map((x) => x.name).join(' + ')}</td>
                          <td>{r.rhs.name}</td>
                          <td className="num">{formatPercent(r.confidence)}</td>
                          <td className="num">{r.lift.toFixed(1)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </>
            )}
          </StatusView>
        </div>
        <div className="card">
          <h2>{t('clvTitle')}</h2>
          <StatusView value={clv}>
            {(d) => (
              <table data-testid="clv-top">
                <thead>
                  <tr>
                    <th>{t('name')}</th>
                    <th className="num">{t('pAlive')}</th>
                    <th className="num">{t('expected90')}</th>
                    <th className="num">{t('clv')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.top.map((c) => (
                    <tr key={c.customerId}>
                      <td>
                        <a href={hrefOf('/customers/:id', { id: c.customerId })}>{c.name ?? tc('audience.noName')}</a>
                      </td>
                      <td className="num">{formatPercent(c.pAlive, 0)}</td>
                      <td className="num">{c.expected90d.toFixed(2)}</td>
                      <td className="num">{formatWon(c.clv1y, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </StatusView>
          <ClvDistributions tick={tick} />
        </div>
        <div className="card">
          <h2>{t('reportTitle')}</h2>
          <StatusView value={report}>
            {(r) => (
              <div data-testid="base-report">
                <dl className="facts">
                  <dt>{t('customers')}</dt>
                  <dd>{formatNumber(r.size)}</dd>
                  <dt>{t('revenue')}</dt>
                  <dd>{formatWon(r.revenue, lang)}</dd>
                  <dt>{tc('audience.aov')}</dt>
                  <dd>{r.aov === null ? '-' : formatWon(r.aov, lang)}</dd>
                </dl>
                <h3>{t('revenueByChannel')}</h3>
                <ul className="plain small">
                  {r.channels.map((c) => (
                    <li key={c.channel}>
                      <span>{termName(c.channel, lang)}</span>
                      <span>{formatPercent(c.revenueShare)}</span>
                    </li>
                  ))}
                </ul>
                <h3>{t('kindReachable')}</h3>
                <ul className="plain small">
                  {r.reach.map((c) => (
                    <li key={c.channel}>
                      <span>{termName(c.channel, lang)}</span>
                      <span>
                        {formatNumber(c.reachable)} ({formatPercent(c.reachableShare)})
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </StatusView>
        </div>
      </div>
    </section>
  );
}

type Cell = Rfm['grid'][number];

/** One R × F cell; clicking it opens (or first saves) the audience of that cell. */
function RfmCell({ cell: c, max }: { cell: Cell; max: number }) {
  const { lang } = useI18n();
  const t = useT();
  const toast = useToast();
  const canSave = useSession().can('audience.write');
  const style = {
    background: `rgba(79, 70, 229, ${0.08 + (0.85 * c.count) / max})`,
    color: c.count / max > 0.5 ? '#fff' : '#1e1b4b',
  };
  const body = (
    <>
      <strong>{formatNumber(c.count)}</strong>
      <span>{c.meanMonetary === null ? '-' : formatWonShort(c.meanMonetary, lang)}</span>
    </>
  );
  if (!canSave)
    return (
      <div className="cell" style={style} title={`R${c.r} F${c.f}`}>
        {body}
      </div>
    );
  const open = async () => {
    try {
      const a = await postJson<{ segmentId: string }>('/api/rfm/cells/audience', { r: c.r, f: c.f });
      window.location.hash = hrefOf('/segments/:id', { id: a.segmentId });
    } catch (e) {
      toast.error(e);
    }
  };
  return (
    <button
      type="button"
      className="cell"
      style={style}
      data-testid={`rfm-cell-${c.r}-${c.f}`}
      title={t('workspace.rfm.cellTitle', { r: c.r, f: c.f, count: formatNumber(c.count) })}
      onClick={() => void open()}
    >
      {body}
    </button>
  );
}
