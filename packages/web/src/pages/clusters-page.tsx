import { useState } from 'react';
import { postJson } from '../api/client.ts';
import { useApi } from '../api.ts';
import { DonutChart } from '../components/charts/donut-chart.tsx';
import { type Cluster, ClusterCard } from '../components/insight/cluster-card.tsx';
import { StatusView } from '../components/status-view.tsx';
import { useToast } from '../components/toast.tsx';
import { formatKst, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useSession } from '../session/session-context.tsx';
import { useT } from '../use-t.ts';

interface Run {
  runId: string;
  asOf: string;
  createdAt: string;
  k: number;
  silhouette: number;
  customers: number;
  clusters: Cluster[];
}

/** Automatically found groups: sizes (donut), each group's Korean description and defining traits, save as audience. */
export function ClustersPage() {
  const t = useT();
  const { lang } = useI18n();
  const toast = useToast();
  const { can } = useSession();
  const [tick, setTick] = useState(0);
  const [running, setRunning] = useState(false);
  const [data] = useApi<{ run: Run | null }>(`/api/clusters?t=${tick}`);
  const canWrite = can('audience.write');
  const run = async () => {
    setRunning(true);
    try {
      await postJson('/api/clusters/run', {});
      setTick((n) => n + 1);
    } catch (e) {
      toast.error(e);
    } finally {
      setRunning(false);
    }
  };
  return (
    <section>
      <h1>{t('insight.clusters.title')}</h1>
      <p className="muted">{t('insight.clusters.intro')}</p>
      <StatusView value={data}>
        {({ run: r }) => (
          <>
            <div className="card">
              {r ? (
                <p data-testid="clusters-meta">
                  {t('insight.clusters.meta', {
                    asOf: formatKst(r.createdAt),
                    customers: formatNumber(r.customers),
                    k: r.k,
                    silhouette: r.silhouette.toFixed(2),
                  })}
                </p>
              ) : (
                <p data-testid="clusters-none">{t('insight.clusters.none')}</p>
              )}
              {canWrite ? (
                <button
                  type="button"
                  className="primary"
                  disabled={running}
                  data-testid="clusters-run"
                  onClick={() => void run()}
                >
                  {running
                    ? t('insight.clusters.running')
                    : r
                      ? t('insight.clusters.rerun')
                      : t('insight.clusters.run')}
                </button>
              ) : null}
            </div>
            {r ? (
              <div className="grid-2">
                <div className="card">
                  <h2>{t('insight.clusters.sizes')}</h2>
                  <DonutChart
                    title={t('insight.clusters.sizes')}
                    testId="clusters-donut"
                    data={r.clusters.map((c) => ({ label: c.label[lang], value: c.size }))}
                  />
                </div>
                {r.clusters.map((c) => (
                  <ClusterCard key={c.cluster} runId={r.runId} cluster={c} canSave={canWrite} />
                ))}
              </div>
            ) : null}
          </>
        )}
      </StatusView>
    </section>
  );
}
