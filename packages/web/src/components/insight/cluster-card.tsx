import { postJson } from '../../api/client.ts';
import { formatNumber, formatPercent, formatWonShort } from '../../format.ts';
import { type Lang, useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { useToast } from '../toast.tsx';

type Label = { ko: string; en: string };
export interface Cluster {
  cluster: number;
  label: Label;
  size: number;
  share: number;
  revenue: number;
  revenueShare: number;
  contrasts: { feature: string; label: Label; d: number; mean: number; restMean: number }[];
}

/** Features that are ratios or 0/1 flags: their means are shares of the group. */
const PERCENT = new Set([
  'discount_order_share',
  'avg_discount_rate',
  'cherry_picker_score',
  'cancel_rate',
  'return_rate',
  'own_shop',
  'migrated',
]);

/** A feature mean the way a person reads it: money in 원, shares in %, counts with one decimal. */
function featureValue(feature: string, v: number, lang: Lang): string {
  if (feature === 'monetary') return formatWonShort(v, lang);
  if (PERCENT.has(feature)) return formatPercent(v, 0);
  return Math.abs(v) >= 100 ? formatNumber(Math.round(v)) : v.toFixed(1);
}

/** One found group: its Korean description, size and revenue share, what sets it apart, save as an audience. */
export function ClusterCard({ runId, cluster: c, canSave }: { runId: string; cluster: Cluster; canSave: boolean }) {
  const t = useT();
  const { lang } = useI18n();
  const toast = useToast();
  const save = async () => {
    try {
      const r = await postJson<{ name: string; members: number }>(
        `/api/clusters/${encodeURIComponent(runId)}/${c.cluster}/save`,
        { lang },
      );
      toast.ok(t('insight.clusters.saved', { name: r.name, members: formatNumber(r.members) }));
    } catch (e) {
      toast.error(e);
    }
  };
  return (
    <div className="card" data-testid={`cluster-${c.cluster}`}>
      <h2>{c.label[lang]}</h2>
      <p>
        <strong>{t('insight.clusters.size', { size: formatNumber(c.size), share: formatPercent(c.share) })}</strong>
        {' · '}
        {t('insight.clusters.revenue', {
          revenue: formatWonShort(c.revenue, lang),
          share: formatPercent(c.revenueShare),
        })}
      </p>
      <ul className="plain small">
        {c.contrasts.map((x) => (
          <li key={x.feature}>
            <span>
              {x.d > 0 ? '▲' : '▼'} {x.label[lang]}
            </span>
            <span>
              {featureValue(x.feature, x.mean, lang)} ·{' '}
              <span className="muted">
                {t('insight.clusters.vsRest', { rest: featureValue(x.feature, x.restMean, lang) })}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {canSave ? (
        <button type="button" data-testid={`cluster-save-${c.cluster}`} onClick={() => void save()}>
          {t('insight.clusters.save')}
        </button>
      ) : null}
    </div>
  );
}
