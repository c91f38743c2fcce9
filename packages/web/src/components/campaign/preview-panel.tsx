import type { DraftCheck, PreviewChannel } from '../../api/campaigns.ts';
import { formatKst, formatNumber } from '../../format.ts';
import { channelName, useI18n } from '../../i18n.ts';
import { labelOf } from '../../labels.ts';
import { useT } from '../../use-t.ts';
import { FieldIssues } from './field-issues.tsx';

function Outcome({ c }: { c: PreviewChannel }) {
  const t = useT();
  const reason = c.reasonLabel ?? c.reason ?? '';
  if (c.outcome === 'send') return <p className="ok">{t('studio.preview.send')}</p>;
  if (c.outcome === 'defer')
    return <p className="warn">{t('studio.preview.defer', { reason, until: formatKst(c.until) })}</p>;
  return (
    <p className="bad">{t(c.outcome === 'block' ? 'studio.preview.block' : 'studio.preview.problem', { reason })}</p>
  );
}

/** One channel's rendered message; `at` prefixes the test ids of a follow-up step's card (`preview-step-3-sms`). */
function ChannelCard({ c, at = '' }: { c: PreviewChannel; at?: string }) {
  const t = useT();
  const { lang } = useI18n();
  const over = c.length ? c.length.value > c.length.limit : false;
  return (
    <div className="preview-channel" data-testid={`preview-${at}${c.channel}`}>
      <h4>{channelName(c.channel, lang)}</h4>
      <Outcome c={c} />
      {c.subject ? <p className="preview-subject">{c.subject}</p> : null}
      {c.text ? (
        <pre className="preview-text" data-testid={`preview-text-${at}${c.channel}`}>
          {c.text}
        </pre>
      ) : null}
      {c.length ? (
        <p className={`small ${over ? 'bad' : 'muted'}`} data-testid={`preview-length-${at}${c.channel}`}>
          {t('studio.preview.length', {
            value: formatNumber(c.length.value),
            limit: formatNumber(c.length.limit),
            unit: t(c.length.unit === 'bytes' ? 'studio.unit.bytes' : 'studio.unit.chars'),
          })}
        </p>
      ) : null}
      {c.notes.length > 0 ? (
        <ul className="small muted">
          {c.notes.map((n) => (
            <li key={n}>{labelOf(lang, 'studio.note', n)}</li>
          ))}
        </ul>
      ) : null}
      {c.issues.map((i) => (
        <p key={i} className="field-error">
          {i}
        </p>
      ))}
    </div>
  );
}

/** The live preview: a customer to render for, and each channel's message as it would leave now. */
export function PreviewPanel(props: {
  customer: string;
  onCustomer: (v: string) => void;
  check: DraftCheck | null;
  hasCoupon: boolean;
}) {
  const t = useT();
  const { lang } = useI18n();
  const p = props.check?.preview ?? null;
  return (
    <div className="card preview-panel" data-testid="preview-panel">
      <h3>{t('studio.preview.title')}</h3>
      <label className="field">
        <span>{t('studio.preview.customer')}</span>
        <input
          data-testid="preview-customer"
          value={props.customer}
          onChange={(e) => props.onCustomer(e.target.value)}
        />
      </label>
      <FieldIssues issues={props.check?.issues ?? []} at="customer" />
      {p ? (
        <>
          <p className="small muted" data-testid="preview-arm">
            {t('studio.preview.arm', { arm: labelOf(lang, 'report.arm', p.arm) })}
            {p.arm === 'holdout' ? ` — ${t('studio.preview.heldOut')}` : ''}
          </p>
          {props.hasCoupon ? (
            <p className="small muted" data-testid="preview-coupon-note">
              {t(p.couponIssued ? 'studio.preview.couponIssued' : 'studio.preview.couponExample')}
            </p>
          ) : null}
          {p.channels.map((c) => (
            <ChannelCard key={c.channel} c={c} />
          ))}
          {(p.steps ?? []).map((s) => (
            <div key={s.stepId} data-testid={`preview-step-${s.stepId}`}>
              <h4>{t('studio.preview.followUp')}</h4>
              {s.channels.map((c) => (
                <ChannelCard key={c.channel} c={c} at={`step-${s.stepId}-`} />
              ))}
            </div>
          ))}
        </>
      ) : (
        <p className="muted small">{t('studio.preview.hint')}</p>
      )}
    </div>
  );
}
