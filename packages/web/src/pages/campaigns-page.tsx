import { useState } from 'react';
import { ApiFailure, useApi } from '../api.ts';
import { StatusView } from '../components/status-view.tsx';
import { formatKst, formatNumber } from '../format.ts';
import { channelName, useI18n } from '../i18n.ts';

interface Campaign {
  campaignId: string;
  name: string;
  purpose: string;
  status: string;
  channel: string;
  trigger: string;
  createdAt: string;
  messages: { status: string; reason: string | null; count: number }[];
}
interface Report {
  verdict: { kind: string };
  funnel: {
    arm: string;
    targeted: number;
    heldOut: number;
    blocked: number;
    sent: number;
    delivered: number;
    opened: number;
    clicked: number;
    converted?: number;
  }[];
}

export function CampaignsPage() {
  const { t, lang } = useI18n();
  const [list] = useApi<{ campaigns: Campaign[] }>('/api/campaigns');
  const [open, setOpen] = useState<string | null>(null);
  if (list.state === 'error' && list.error instanceof ApiFailure && list.error.status === 404)
    return <p className="notice">{t('campaignsMissing')}</p>;
  return (
    <section>
      <h1>{t('campaignsTitle')}</h1>
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
                    <th className="num">{t('orders')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {d.campaigns.map((c) => (
                    <tr key={c.campaignId} onClick={() => setOpen(c.campaignId)}>
                      <td>{c.name}</td>
                      <td>{channelName(c.channel, lang)}</td>
                      <td>{c.status}</td>
                      <td className="num">{formatNumber(c.messages.reduce((s, m) => s + m.count, 0))}</td>
                      <td>{formatKst(c.createdAt)}</td>
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
  const [report] = useApi<Report>(`/api/campaigns/${encodeURIComponent(id)}/report`);
  return (
    <div className="card">
      <StatusView value={report}>
        {(r) => (
          <>
            <h2>
              {id} · {r.verdict.kind}
            </h2>
            <table>
              <thead>
                <tr>
                  {['arm', 'targeted', 'heldOut', 'blocked', 'sent', 'delivered', 'opened', 'clicked'].map((k) => (
                    <th key={k}>{k}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.funnel.map((f) => (
                  <tr key={f.arm}>
                    <td>{f.arm}</td>
                    {[f.targeted, f.heldOut, f.blocked, f.sent, f.delivered, f.opened, f.clicked].map((n, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                      <td key={i} className="num">
                        {formatNumber(n)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </StatusView>
    </div>
  );
}
