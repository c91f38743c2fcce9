import { translate, translator } from '../../i18n/catalog.ts';
import type { AudienceReport } from './audience-report.ts';
import { type Lang, reachLabel } from './report-labels.ts';

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
const n = (x: number): string => Math.round(x).toLocaleString('en-US');

/**
 * A few sentences a marketer can act on, derived only from the report's figures: where the
 * audience can be reached, what it over-indexes on, how many are lapsing, and the recent trend.
 */
export function findInsights(r: AudienceReport, lang: Lang): string[] {
  const t = translator(lang);
  if (r.size === 0) return [t('reportInsight.empty')];
  const out: string[] = [reachInsight(r, lang)];
  const over = r.topCategories
    .filter((c) => (c.index ?? 0) >= 120 && c.buyers >= 2)
    .sort((a, b) => (b.index ?? 0) - (a.index ?? 0))[0];
  if (over) {
    const index = over.index ?? 0;
    out.push(
      t('reportInsight.category', { name: over.name, times: (index / 100).toFixed(1), index: Math.round(index) }),
    );
  }
  const overProduct = r.topProducts
    .filter((c) => (c.index ?? 0) >= 150 && c.buyers >= 2)
    .sort((a, b) => (b.index ?? 0) - (a.index ?? 0))[0];
  if (overProduct)
    out.push(
      t('reportInsight.product', {
        name: overProduct.name,
        index: Math.round(overProduct.index ?? 0),
        buyers: n(overProduct.buyers),
      }),
    );
  const recent = r.recency.find((b) => b.bucket === 'd0_30')?.customers ?? 0;
  const lapsing = r.recency
    .filter((b) => b.bucket === 'd181_365' || b.bucket === 'd366_plus')
    .reduce((s, b) => s + b.customers, 0);
  if (r.buyers > 0)
    out.push(
      t('reportInsight.recency', {
        recent: n(recent),
        recentShare: pct(recent / r.size),
        lapsing: n(lapsing),
        lapsingShare: pct(lapsing / r.size),
      }),
    );
  const trend = trendInsight(r, lang);
  if (trend) out.push(trend);
  if (r.visits.visitors > 0 && r.visits.avgSessionSeconds !== null)
    out.push(
      t('reportInsight.visits', {
        days: r.visits.windowDays,
        visitors: n(r.visits.visitors),
        sessions: (r.visits.sessionsPerVisitor ?? 0).toFixed(1),
        minutes: Math.round(r.visits.avgSessionSeconds / 60),
      }),
    );
  return out;
}

/** Where ads can reach the most, and how many lack ad consent; or that no one can be reached. */
function reachInsight(r: AudienceReport, lang: Lang): string {
  const t = translator(lang);
  const best = [...r.reach].sort((a, b) => b.reachable - a.reachable)[0];
  if (!best || best.reachable <= 0) return t('reportInsight.noReach');
  const none = r.size - Math.max(...r.reach.map((x) => x.reachable));
  return t('reportInsight.reach', {
    channel: reachLabel(best.channel, lang),
    reachable: n(best.reachable),
    share: pct(best.reachableShare),
    none: n(none),
  });
}

/** The last 3 complete months' revenue against the 3 before, when there are 6 complete months. */
function trendInsight(r: AudienceReport, lang: Lang): string | undefined {
  const t = r.trend.filter((m) => !m.partial); // compare complete months only
  if (t.length < 6) return undefined;
  const last3 = t.slice(-3).reduce((s, m) => s + m.revenue, 0);
  const prev3 = t.slice(-6, -3).reduce((s, m) => s + m.revenue, 0);
  if (prev3 <= 0) return undefined;
  const change = last3 / prev3 - 1;
  return translate(lang, change >= 0 ? 'reportInsight.trendUp' : 'reportInsight.trendDown', {
    change: pct(Math.abs(change)),
  });
}
