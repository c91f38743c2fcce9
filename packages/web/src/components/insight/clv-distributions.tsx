import { useApi } from '../../api.ts';
import { formatKst, formatNumber } from '../../format.ts';
import type { Lang } from '../../i18n.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { BarChart } from '../charts/bar-chart.tsx';
import { StatusView } from '../status-view.tsx';

interface Bin {
  from: number;
  to: number | null;
  count: number;
}
interface Distribution {
  asOf: string | null;
  customers: number;
  pAlive: Bin[];
  clv1y: Bin[];
}

/** A KRW bin bound without the unit: 1만, 30만 (ko); 10k, 1M (en). */
const wonBound = (n: number, lang: Lang): string =>
  lang === 'ko'
    ? n >= 1e4
      ? `${formatNumber(n / 1e4)}만`
      : formatNumber(n)
    : n >= 1e6
      ? `${formatNumber(n / 1e6)}M`
      : n >= 1e3
        ? `${formatNumber(n / 1e3)}k`
        : formatNumber(n);

/** Purchase-probability and expected 1-year value histograms of the stored CLV scores (two bar charts). */
export function ClvDistributions({ tick }: { tick: number }) {
  const { lang } = useI18n();
  const t = useT();
  const [dist] = useApi<Distribution>(`/api/clv/distribution?t=${tick}`);
  const people = (n: number): string => t('insight.clv.people', { count: formatNumber(n) });
  const valueLabel = (b: Bin): string =>
    b.to === null
      ? t('insight.clv.valueOver', { from: wonBound(b.from, lang) })
      : b.from === 0
        ? t('insight.clv.valueUnder', { to: wonBound(b.to, lang) })
        : t('insight.clv.valueBin', { from: wonBound(b.from, lang), to: wonBound(b.to, lang) });
  return (
    <StatusView value={dist}>
      {(d) =>
        d.customers === 0 ? (
          <p className="muted" data-testid="clv-dist-none">
            {t('insight.clv.none')}
          </p>
        ) : (
          <div data-testid="clv-dist">
            <p className="muted">
              {t('insight.clv.basis', { asOf: formatKst(d.asOf), customers: formatNumber(d.customers) })}
            </p>
            <h3>{t('insight.clv.pAliveTitle')}</h3>
            <BarChart
              title={t('insight.clv.pAliveTitle')}
              testId="clv-dist-palive"
              barTestId={(_, i) => `clv-palive-bin-${i}`}
              format={people}
              data={d.pAlive.map((b) => ({
                label: t('insight.clv.percentBin', {
                  from: Math.round(b.from * 100),
                  to: Math.round((b.to ?? 1) * 100),
                }),
                value: b.count,
              }))}
            />
            <h3>{t('insight.clv.valueTitle')}</h3>
            <BarChart
              title={t('insight.clv.valueTitle')}
              testId="clv-dist-value"
              barTestId={(_, i) => `clv-value-bin-${i}`}
              format={people}
              data={d.clv1y.map((b) => ({ label: valueLabel(b), value: b.count }))}
            />
          </div>
        )
      }
    </StatusView>
  );
}
