import { RECONFIRMATION_STEP } from '@dalbit/core/compliance/reconfirmation-step';
import type { CustomerInsight } from '../../api/customers.ts';
import { formatKst } from '../../format.ts';
import { channelName, termName, useI18n } from '../../i18n.ts';
import { messageStatusName } from '../../labels.ts';
import { hrefOf } from '../../router/match-route.ts';
import { useT } from '../../use-t.ts';
import { CustomerTimeline } from './customer-timeline.tsx';
import { ScoresCard } from './scores-card.tsx';
import { TouchFacts } from './touch-facts.tsx';
import { TraitsList } from './traits-list.tsx';

const s = (v: unknown): string => (v === null || v === undefined || v === '' ? '-' : String(v));

/** What sent a message: its campaign, or the two-year consent re-confirmation notice (no campaign). */
function messageSource(c: Record<string, unknown>, t: ReturnType<typeof useT>): string {
  if (c.campaign_id === null && c.step_id === RECONFIRMATION_STEP) return t('reconfirm.nav');
  return s(c.campaign_name ?? c.campaign_id);
}

/** Scores, traits, audiences, campaign messages, consent history with proof, and the timeline. */
export function CustomerInsightView({ insight: i }: { insight: CustomerInsight }) {
  const { t: tw, lang } = useI18n();
  const t = useT();
  return (
    <div className="stack" data-testid="customer-insight">
      <ScoresCard rfm={i.rfm} clv={i.clv} hasOrders={i.timeline.some((r) => r.kind === 'order')} />
      <div className="card">
        <h2>{t('audience.insight.traits')}</h2>
        <TraitsList traits={i.traits} />
        <TouchFacts touch={i.touch} />
        <h3>{t('audience.insight.segments')}</h3>
        <ul className="plain small" data-testid="customer-segments">
          {i.segments.length === 0 ? <li>{tw('none')}</li> : null}
          {i.segments.map((m) => (
            <li key={m.segmentId}>
              <a href={hrefOf('/segments/:id', { id: m.segmentId })}>{m.name}</a>
              <span className="muted">{formatKst(m.enteredAt)}</span>
            </li>
          ))}
        </ul>
        <h3>{t('audience.insight.campaigns')}</h3>
        <ul className="plain small" data-testid="customer-campaigns">
          {i.campaigns.length === 0 ? <li>{tw('none')}</li> : null}
          {i.campaigns.map((c) => (
            <li key={s(c.idempotency_key)}>
              <span>
                {messageSource(c, t)} · {channelName(s(c.channel), lang)}
              </span>
              <span>
                {messageStatusName(s(c.status), lang)} <span className="muted">{formatKst(c.created_at)}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div className="card">
        <h2>{t('audience.insight.consents')}</h2>
        <table className="small" data-testid="customer-consents">
          <thead>
            <tr>
              <th>{tw('channel')}</th>
              <th>{tw('consents')}</th>
              <th>{t('audience.insight.date')}</th>
              <th>{t('audience.insight.proof')}</th>
            </tr>
          </thead>
          <tbody>
            {i.consents.map((c) => (
              <tr key={s(c.consent_id)}>
                <td>
                  {channelName(s(c.channel), lang)} · {termName(s(c.purpose), lang)}
                </td>
                <td className={c.granted ? 'ok' : 'bad'}>{c.granted ? tw('granted') : tw('withdrawn')}</td>
                <td>{formatKst(c.at)}</td>
                <td className="mono">{s(c.proof)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CustomerTimeline rows={i.timeline} />
    </div>
  );
}
