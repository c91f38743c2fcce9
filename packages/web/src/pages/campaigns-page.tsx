import { useState } from 'react';
import { postJson } from '../api/client.ts';
import { ApiFailure, useApi } from '../api.ts';
import { BarChart } from '../components/charts/bar-chart.tsx';
import { StatusView } from '../components/status-view.tsx';
import { formatKst, formatNumber } from '../format.ts';
import { channelName, useI18n } from '../i18n.ts';

interface Campaign {
  campaignId: string;
  name: string;
  status: string;
  statusLabel: string;
  channel: string;
  audience: string;
  holdoutPercent: number;
  arms: number;
  lastSendAt: string | null;
  messages: { status: string; reason: string | null; count: number }[];
  exposures: { arm: string; count: number }[];
}

interface Interval {
  estimate: number;
  lower: number;
  upper: number;
}
interface Presented {
  labels: Record<string, string>;
  controlLabel: string | null;
  arms: {
    arm: string;
    label: string;
    targeted: number;
    heldOut: number;
    blocked: number;
    sent: number;
    converted: number;
    conversionRate: number | null;
  }[];
  lifts: { arm: string; label: string; relative: Interval | null; probabilityToBeat: number }[];
  verdictText: string;
}

const pct = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

export function CampaignsPage() {
  const { t, lang } = useI18n();
  const [list, reload] = useApi<{ campaigns: Campaign[] }>('/api/campaigns');
  const [open, setOpen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (list.state === 'error' && list.error instanceof ApiFailure && list.error.status === 404)
    return <p className="notice">{t('campaignsMissing')}</p>;
  const act = async (id: string, action: 'pause' | 'resume') => {
    setProblem(null);
    try {
      await postJson(`/api/campaigns/${encodeURIComponent(id)}/${action}`);
      reload();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section>
      <h1>{t('campaignsTitle')}</h1>
      {problem ? (
        <p className="notice" data-testid="campaign-action-error">
          {problem}
        </p>
      ) : null}
      <div className="card">
        <StatusView value={list}>
          {(d) =>
            d.campaigns.length === 0 ? (
              <p className="muted">{t('noCampaigns')}</p>
            ) : (
              <table className="clickable" data-testid="campaigns">
                <thead>
                  <tr>
                    <th>{t('name')}</th>
                    <th>{t('channel')}</th>
                    <th>{t('status')}</th>
                    <th>{lang === 'ko' ? '대상' : 'audience'}</th>
                    <th className="num">{lang === 'ko' ? '대조군' : 'holdout'}</th>
                    <th className="num">{lang === 'ko' ? '노출 고객' : 'exposed'}</th>
                    <th>{lang === 'ko' ? '최근 발송' : 'last send'}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {d.campaigns.map((c) => (
                    <tr
                      key={c.campaignId}
                      onClick={() => setOpen(c.campaignId)}
                      data-testid={`campaign-${c.campaignId}`}
                    >
                      <td>{c.name}</td>
                      <td>{channelName(c.channel, lang)}</td>
                      <td>{c.statusLabel}</td>
                      <td>{c.audience}</td>
                      <td className="num">{c.holdoutPercent}%</td>
                      <td className="num">{formatNumber(c.exposures.reduce((s, e) => s + e.count, 0))}</td>
                      <td>{c.lastSendAt ? formatKst(c.lastSendAt) : '—'}</td>
                      <td>
                        {c.status === 'active' || c.status === 'paused' ? (
                          <button
                            type="button"
                            data-testid={`toggle-${c.campaignId}`}
                            onClick={(e) => {
                              e.stopPropagation();
                              void act(c.campaignId, c.status === 'active' ? 'pause' : 'resume');
                            }}
                          >
                            {c.status === 'active'
                              ? lang === 'ko'
                                ? '일시정지'
                                : 'pause'
                              : lang === 'ko'
                                ? '재개'
                                : 'resume'}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </StatusView>
      </div>
      {open ? <CampaignReport id={open} /> : null}
    </section>
  );
}

function CampaignReport({ id }: { id: string }) {
  const { lang } = useI18n();
  const [report] = useApi<{ campaignName?: string; presented: Presented }>(
    `/api/campaigns/${encodeURIComponent(id)}/report?lang=${lang}`,
  );
  return (
    <div className="card" data-testid="campaign-report">
      <StatusView value={report}>
        {(r) => {
          const p = r.presented;
          const L = p.labels;
          return (
            <>
              <h2>{r.campaignName ?? id}</h2>
              <p className="verdict" data-testid="campaign-verdict">
                {p.verdictText}
              </p>
              <BarChart
                title={L.conversionRate ?? ''}
                testId="conversion-chart"
                data={p.arms.map((a) => ({ label: a.label, value: (a.conversionRate ?? 0) * 100 }))}
                format={(n) => `${n.toFixed(1)}%`}
              />
              <table data-testid="campaign-funnel">
                <thead>
                  <tr>
                    {(['arm', 'targeted', 'heldOut', 'blocked', 'sent', 'converted', 'conversionRate'] as const).map(
                      (k) => (
                        <th key={k}>{L[k]}</th>
                      ),
                    )}
                  </tr>
                </thead>
                <tbody>
                  {p.arms.map((a) => (
                    <tr key={a.arm}>
                      <td>{a.label}</td>
                      <td className="num">{formatNumber(a.targeted)}</td>
                      <td className="num">{formatNumber(a.heldOut)}</td>
                      <td className="num">{formatNumber(a.blocked)}</td>
                      <td className="num">{formatNumber(a.sent)}</td>
                      <td className="num">{formatNumber(a.converted)}</td>
                      <td className="num">
                        {a.conversionRate === null ? '—' : `${(a.conversionRate * 100).toFixed(1)}%`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {p.lifts.length > 0 ? (
                <table data-testid="campaign-lifts">
                  <thead>
                    <tr>
                      <th>{L.arm}</th>
                      <th>{L.lift}</th>
                      <th>{L.interval}</th>
                      <th className="num">{L.probabilityToBeat}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.lifts.map((l) => (
                      <tr key={l.arm}>
                        <td>{l.label}</td>
                        <td className="num">{l.relative ? pct(l.relative.estimate) : '—'}</td>
                        <td className="num">
                          {l.relative ? `[${pct(l.relative.lower)}, ${pct(l.relative.upper)}]` : '—'}
                        </td>
                        <td className="num">{`${(l.probabilityToBeat * 100).toFixed(0)}%`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </>
          );
        }}
      </StatusView>
    </div>
  );
}
