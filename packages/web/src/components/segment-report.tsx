import { useApi } from '../api.ts';
import { formatNumber, formatPercent, formatWon } from '../format.ts';
import { termName, useI18n } from '../i18n.ts';
import { useT } from '../use-t.ts';
import { StatusView } from './status-view.tsx';

interface Detail {
  explain: { ko: string; en: string };
  count: number;
  versions: { version: number }[];
  trend: { asOf: string; size: number }[];
}
interface Report {
  size: number;
  share: number;
  revenue: number;
  revenueShare: number;
  aov: number | null;
  frequency: number | null;
  topCategories: { key: string; name: string; share: number; index: number | null }[];
  reach: { channel: string; reachable: number; reachableShare: number }[];
}

/** A saved segment: its definition in words, live size and its audience report against the whole base. */
export function SegmentReport({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const tc = useT();
  const [detail] = useApi<Detail>(`/api/segments/${encodeURIComponent(id)}`);
  const [report] = useApi<{ report: Report }>(`/api/reports/segment/${encodeURIComponent(id)}?lang=${lang}`);
  return (
    <div className="segment-report" data-testid="segment-report">
      <StatusView value={detail}>
        {(d) => (
          <p className="explain">
            {d.explain[lang]} — <strong>{formatNumber(d.count)}</strong>
            {t('people')} · v{d.versions.length}
          </p>
        )}
      </StatusView>
      <StatusView value={report}>
        {({ report: r }) => (
          <>
            <dl className="facts">
              <dt>{t('share')}</dt>
              <dd>{formatPercent(r.share)}</dd>
              <dt>{t('revenue')}</dt>
              <dd>
                {formatWon(r.revenue, lang)} ({formatPercent(r.revenueShare)})
              </dd>
              <dt>{tc('audience.aov')}</dt>
              <dd>{r.aov === null ? '-' : formatWon(r.aov, lang)}</dd>
            </dl>
            <h3>{t('topCategories')}</h3>
            <ul className="plain small">
              {r.topCategories.map((c) => (
                <li key={c.key}>
                  <span>{c.name}</span>
                  <span>
                    {formatPercent(c.share)} · {t('index')} {c.index === null ? '-' : Math.round(c.index)}
                  </span>
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
          </>
        )}
      </StatusView>
    </div>
  );
}
