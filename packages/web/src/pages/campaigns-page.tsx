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
  audienceKind: 'all' | 'segment' | 'recipe' | 'definition';
  audienceName: string | null;
  holdoutPercent: number;
  targeted: number;
  sent: number;
  converted: number;
  arms: number;
  lastSendAt: string | null;
  messages: { status: string; reason: string | null; count: number }[];
  exposures: { arm: string; count: number }[];
}

export function CampaignsPage() {
  const { t } = useI18n();
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
              <Listed all={d.campaigns} onToggle={act} />
            )
          }
        </StatusView>
      </div>
    </section>
  );
}

interface Filter {
  status: string;
  channel: string;
  text: string;
}
const STATUSES = ['active', 'paused', 'draft', 'stopped'] as const;

/** The filters (status, channel, name or id) and the campaigns they keep. */
function Listed({ all, onToggle }: { all: Campaign[]; onToggle: (id: string, action: 'pause' | 'resume') => void }) {
  const { t, lang } = useI18n();
  const tc = useT();
  const [f, setF] = useState<Filter>({ status: '', channel: '', text: '' });
  const text = f.text.trim().toLowerCase();
  const shown = all.filter(
    (c) =>
      (!f.status || c.status === f.status) &&
      (!f.channel || c.channel === f.channel) &&
      (!text || c.name.toLowerCase().includes(text) || c.campaignId.toLowerCase().includes(text)),
  );
  const channels = [...new Set(all.map((c) => c.channel))];
  return (
    <>
      <div className="row" data-testid="campaign-filters">
        <label className="field">
          <span>{t('status')}</span>
          <select data-testid="filter-status" value={f.status} onChange={(e) => setF({ ...f, status: e.target.value })}>
            <option value="">{tc('studio.list.allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {tc(`campaign.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('channel')}</span>
          <select
            data-testid="filter-channel"
            value={f.channel}
            onChange={(e) => setF({ ...f, channel: e.target.value })}
          >
            <option value="">{tc('studio.list.allChannels')}</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {channelName(c, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{tc('studio.list.search')}</span>
          <input data-testid="filter-text" value={f.text} onChange={(e) => setF({ ...f, text: e.target.value })} />
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="muted" data-testid="campaigns-none">
          {tc('studio.list.noneMatch')}
        </p>
      ) : (
        <table className="clickable" data-testid="campaigns">
          <thead>
            <tr>
              <th>{t('name')}</th>
              <th>{t('channel')}</th>
              <th>{t('status')}</th>
              <th>{tc('studio.list.audience')}</th>
              <th className="num">{tc('studio.list.targeted')}</th>
              <th className="num">{tc('studio.list.sent')}</th>
              <th className="num">{tc('studio.list.converted')}</th>
              <th>{tc('studio.list.lastSend')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <CampaignRow key={c.campaignId} c={c} onToggle={onToggle} />
            ))}
          </tbody>
        </table>
      )}
    </>
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
      <td>
        {c.audienceName ?? t(c.audienceKind === 'all' ? 'studio.audience.all' : 'studio.inline.option')}
        {c.holdoutPercent > 0 ? (
          <span className="muted small"> · {t('studio.list.holdout', { percent: c.holdoutPercent })}</span>
        ) : null}
      </td>
      <td className="num" data-testid={`targeted-${c.campaignId}`}>
        {formatNumber(c.targeted)}
      </td>
      <td className="num" data-testid={`sent-${c.campaignId}`}>
        {formatNumber(c.sent)}
      </td>
      <td className="num" data-testid={`converted-${c.campaignId}`}>
        {formatNumber(c.converted)}
        {c.sent > 0 ? <span className="muted small"> ({((c.converted / c.sent) * 100).toFixed(1)}%)</span> : null}
      </td>
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
