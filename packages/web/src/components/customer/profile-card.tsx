import type { CustomerView } from '../../api/customers.ts';
import { formatKst, formatNumber, formatWon } from '../../format.ts';
import { channelName, type Lang, termName, useI18n } from '../../i18n.ts';
import { UnmaskForm } from './unmask-form.tsx';

const s = (v: unknown): string => (v === null || v === undefined || v === '' ? '-' : String(v));

/** A member key is stored as `<channel>:<id>`; the channel is shown by its name ("자사몰 327***"). */
function identityValue(kind: string, value: string, lang: Lang): string {
  const at = value.indexOf(':');
  if (kind !== 'member' || at <= 0) return value;
  return `${channelName(value.slice(0, at), lang)} ${value.slice(at + 1)}`;
}

/** Name, contacts, grade, order totals, channels and identities; masked unless unmasked with a reason. */
export function ProfileCard({ view: v, onUnmasked }: { view: CustomerView; onUnmasked: (v: CustomerView) => void }) {
  const { t, lang } = useI18n();
  const p = v.profile;
  const sum = v.orders.summary;
  return (
    <div className="card profile" data-testid="customer-profile">
      <h2 title={v.customerId} data-customer-id={v.customerId}>
        {s(p.name)}
      </h2>
      <p className={v.masked ? 'notice' : 'notice warn'}>{v.masked ? t('masked') : t('unmasked')}</p>
      {v.masked ? <UnmaskForm customerId={v.customerId} onUnmasked={onUnmasked} /> : null}
      <dl className="facts">
        <dt>{t('phone')}</dt>
        <dd className="mono" data-testid="profile-phone">
          {s(p.phone)}
        </dd>
        <dt>{t('email')}</dt>
        <dd className="mono">{s(p.email)}</dd>
        <dt>{t('grade')}</dt>
        <dd>{s(p.grade)}</dd>
        <dt>{t('orders')}</dt>
        <dd>
          {formatNumber(Number(sum.orders ?? 0))} · {formatWon(Number(sum.revenue ?? 0), lang)}
        </dd>
      </dl>
      <h3>{t('channels')}</h3>
      <ul className="plain small" data-testid="profile-channels">
        {v.channels.length === 0 ? <li>{t('none')}</li> : null}
        {v.channels.map((c) => (
          <li key={s(c.channel)}>
            <span>{channelName(s(c.channel), lang)}</span>
            <span className="muted">{formatKst(c.joined_at ?? c.first_seen_at)}</span>
          </li>
        ))}
      </ul>
      <h3>{t('identities')}</h3>
      <ul className="plain small" data-testid="profile-identities">
        {v.identities.map((i) => (
          <li key={`${s(i.kind)}:${s(i.value)}`}>
            <span>{termName(s(i.kind), lang)}</span>
            <span className="mono">{identityValue(s(i.kind), s(i.value), lang)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
