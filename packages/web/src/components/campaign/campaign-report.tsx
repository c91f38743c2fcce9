import { useApi } from '../../api.ts';
import { formatNumber, formatWon } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import { LineChart } from '../charts/line-chart.tsx';
import { StatusView } from '../status-view.tsx';

interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}
interface Presented {
  labels: Record<string, string>;
  arms: {
    arm: string;
    label: string;
    targeted: number;
    heldOut: number;
    blocked: number;
    sent: number;
    delivered: number;
    opened: number;
    clicked: number;
    converted: number;
    conversionRate: number | null;
    revenuePerRecipient: number | null;
  }[];
  lifts: { arm: string; label: string; relative: Interval | null; probabilityToBeat: number }[];
  verdictText: string;
  reported: { delivered: boolean; opened: boolean; clicked: boolean };
  blockedBy: { reason: string; label: string; count: number }[];
}
interface Daily {
  day: string;
  exposed: number;
  sent: number;
  orders: Record<string, number>;
}
interface Report {
  presented: Presented;
  daily: Daily[];
}

const pct = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
type FunnelKey = 'targeted' | 'heldOut' | 'blocked' | 'sent' | 'delivered' | 'opened' | 'clicked' | 'converted';

/** The funnel columns, with delivered / opened / clicked only where the campaign's channels report them. */
function funnelColumns(p: Presented): FunnelKey[] {
  const engagement = (['delivered', 'opened', 'clicked'] as const).filter((k) => p.reported[k]);
  return ['targeted', 'heldOut', 'blocked', 'sent', ...engagement, 'converted'];
}

function FunnelTable({ p }: { p: Presented }) {
  const { lang } = useI18n();
  const L = p.labels;
  const FUNNEL = funnelColumns(p);
  return (
    <table data-testid="campaign-funnel">
      <thead>
        <tr>
          <th>{L.arm}</th>
          {FUNNEL.map((k) => (
            <th key={k} className="num">
              {L[k]}
            </th>
          ))}
          <th className="num">{L.conversionRate}</th>
          <th className="num">{L.revenuePerRecipient}</th>
        </tr>
      </thead>
      <tbody>
        {p.arms.map((a) => (
          <tr key={a.arm}>
            <td>{a.label}</td>
            {FUNNEL.map((k) => (
              <td key={k} className="num">
                {formatNumber(a[k])}
              </td>
            ))}
            <td className="num">{a.conversionRate === null ? '—' : `${(a.conversionRate * 100).toFixed(1)}%`}</td>
            <td className="num">{a.revenuePerRecipient === null ? '—' : formatWon(a.revenuePerRecipient, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LiftTable({ p }: { p: Presented }) {
  const L = p.labels;
  if (p.lifts.length === 0) return null;
  return (
    <table data-testid="campaign-lifts">
      <thead>
        <tr>
          <th>{L.arm}</th>
          <th className="num">{L.lift}</th>
          <th className="num">{L.interval}</th>
          <th className="num">{L.probabilityToBeat}</th>
        </tr>
      </thead>
      <tbody>
        {p.lifts.map((l) => (
          <tr key={l.arm}>
            <td>{l.label}</td>
            <td className="num">{l.relative ? pct(l.relative.estimate) : '—'}</td>
            <td className="num">{l.relative ? `[${pct(l.relative.lower)}, ${pct(l.relative.upper)}]` : '—'}</td>
            <td className="num">{`${(l.probabilityToBeat * 100).toFixed(0)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Why messages were not sent: each reason in the reader's words with its count. */
function BlockedTable({ p }: { p: Presented }) {
  const t = useT();
  if (p.blockedBy.length === 0) return null;
  return (
    <>
      <h3>{t('studio.report.blockedBy')}</h3>
      <table data-testid="campaign-blocked">
        <tbody>
          {p.blockedBy.map((b) => (
            <tr key={b.reason} data-testid={`blocked-${b.reason}`} data-count={b.count}>
              <td>{b.label}</td>
              <td className="num">{formatNumber(b.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The report a marketer reads: verdict, funnel per arm, lift with interval, daily trend, downloads. */
export function CampaignReport({ id }: { id: string }) {
  const { lang } = useI18n();
  const t = useT();
  const q = encodeURIComponent(id);
  const [report] = useApi<Report>(`/api/campaigns/${q}/report?lang=${lang}`);
  return (
    <div className="card" data-testid="campaign-report">
      <h2>{t('studio.report.title')}</h2>
      <StatusView value={report}>
        {(r) => {
          const p = r.presented;
          return (
            <>
              <p className="verdict" data-testid="campaign-verdict">
                {p.verdictText}
              </p>
              <BarChart
                title={p.labels.conversionRate ?? ''}
                testId="conversion-chart"
                data={p.arms.map((a) => ({ label: a.label, value: (a.conversionRate ?? 0) * 100 }))}
                format={(n) => `${n.toFixed(1)}%`}
              />
              <FunnelTable p={p} />
              <BlockedTable p={p} />
              <LiftTable p={p} />
              <h3>{t('studio.report.trend')}</h3>
              <LineChart
                title={p.labels.sent ?? ''}
                testId="trend-chart"
                data={r.daily.map((d) => ({ label: d.day.slice(5), value: d.sent }))}
              />
              <p>
                <a
                  className="button"
                  data-testid="report-xlsx"
                  href={`/api/campaigns/${q}/report/export?format=xlsx&lang=${lang}`}
                  download
                >
                  {t('studio.report.xlsx')}
                </a>{' '}
                <a
                  className="button"
                  data-testid="report-csv"
                  href={`/api/campaigns/${q}/report/export?format=csv&lang=${lang}`}
                  download
                >
                  {t('studio.report.csv')}
                </a>
              </p>
            </>
          );
        }}
      </StatusView>
    </div>
  );
}
