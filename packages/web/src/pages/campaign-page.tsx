import { formatKstDate } from '@dalbit/core/time/kst';
import { useApi } from '../api.ts';
import { CampaignReport } from '../components/campaign/campaign-report.tsx';
import { CouponsPanel } from '../components/campaign/coupons-panel.tsx';
import { LifecycleBar } from '../components/campaign/lifecycle-bar.tsx';
import { PreflightPanel } from '../components/campaign/preflight-panel.tsx';
import { StatusView } from '../components/status-view.tsx';
import { channelName, useI18n } from '../i18n.ts';
import type { PageProps } from '../router/page-props.ts';
import { useT } from '../use-t.ts';

interface Stored {
  campaign: {
    id: string;
    name: string;
    status: string;
    purpose: string;
    channel: string;
    trigger: { kind: string; at?: string };
    coupon?: unknown;
    experiment?: { variants?: { coupon?: unknown }[] };
  };
  revision: number;
  statusLabel: string;
  now: string;
}

const DAY = 86_400_000;

/** The pre-flight's default range: the broadcast's day, else the server's today and the next 6 days. */
function defaultRange(s: Stored): [string, string] {
  const at = s.campaign.trigger.kind === 'broadcast' && s.campaign.trigger.at ? new Date(s.campaign.trigger.at) : null;
  if (at) return [formatKstDate(at), formatKstDate(at)];
  const now = new Date(s.now);
  return [formatKstDate(now), formatKstDate(new Date(now.getTime() + 6 * DAY))];
}

/** /campaigns/:id — one campaign: status and actions, pre-flight, report (a stable URL to share). */
export function CampaignPage({ params }: PageProps) {
  const id = params.id ?? '';
  const t = useT();
  const { lang } = useI18n();
  const [stored, reload] = useApi<Stored>(`/api/campaigns/${encodeURIComponent(id)}`);
  return (
    <section>
      <p className="small">
        <a href="#/campaigns">← {t('web.navCampaigns')}</a>
      </p>
      <StatusView value={stored}>
        {(s) => {
          const [from, to] = defaultRange(s);
          return (
            <>
              <h1 data-testid="campaign-title">{s.campaign.name}</h1>
              <p data-testid="campaign-status">
                {t('studio.status')}: <strong>{t(`campaign.status.${s.campaign.status as 'draft'}`)}</strong> ·{' '}
                {channelName(s.campaign.channel, lang)} · {t('studio.version', { revision: s.revision })}
              </p>
              <LifecycleBar
                id={id}
                name={s.campaign.name}
                status={s.campaign.status}
                purpose={s.campaign.purpose}
                onChanged={reload}
              />
              <PreflightPanel key={`${from}:${to}`} id={id} defaultFrom={from} defaultTo={to} />
              <CampaignReport id={id} />
              {s.campaign.coupon || s.campaign.experiment?.variants?.some((v) => v.coupon) ? (
                <CouponsPanel id={id} />
              ) : null}
            </>
          );
        }}
      </StatusView>
    </section>
  );
}
