import { useState } from 'react';
import { postJson } from '../api/client.ts';
import { ApiFailure, useApi } from '../api.ts';
import { StatusView } from '../components/status-view.tsx';
import { formatKst, formatNumber } from '../format.ts';
import { channelName, useI18n } from '../i18n.ts';
import { navigate } from '../router/use-location.ts';
import { useSession } from '../session/session-context.tsx';
import { useT } from '../use-t.ts';

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

export function CampaignsPage() {
  const { t, lang } = useI18n();
  const tc = useT();
  const session = useSession();
  const [list, reload] = useApi<{ campaigns: Campaign[] }>('/api/campaigns');
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
      {session.can('campaign.write') ? (
        <p>
          <a className="button primary" data-testid="campaign-new" href="#/campaigns/new">
            {tc('studio.list.new')}
          </a>
        </p>
      ) : null}
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
                    <CampaignRow key={c.campaignId} c={c} onToggle={act} />
                  ))}
                </tbody>
              </table>
            )
          }
        </StatusView>
      </div>
    </section>
  );
}

/** One campaign in the list: opens its page on click; pause/resume in place. */
function CampaignRow({ c, onToggle }: { c: Campaign; onToggle: (id: string, action: 'pause' | 'resume') => void }) {
  const { lang } = useI18n();
  const t = useT();
  const toggle = c.status === 'active' ? 'pause' : 'resume';
  return (
    <tr
      onClick={() => navigate(`/campaigns/${encodeURIComponent(c.campaignId)}`)}
      data-testid={`campaign-${c.campaignId}`}
    >
      <td>
        <a href={`#/campaigns/${encodeURIComponent(c.campaignId)}`}>{c.name}</a>
      </td>
      <td>{channelName(c.channel, lang)}</td>
      <td>{t(`campaign.status.${c.status as 'draft'}`)}</td>
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
              onToggle(c.campaignId, toggle);
            }}
          >
            {t(`studio.action.${toggle}`)}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
