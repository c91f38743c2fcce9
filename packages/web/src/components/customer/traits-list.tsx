import type { MessageKey } from '@dalbit/core/i18n/catalog';
import type { Row } from '../../api/customers.ts';
import { formatKst, formatPercent } from '../../format.ts';
import { channelName, useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';

type Kind = 'rate' | 'count' | 'channel' | 'date' | 'days' | 'hour' | 'text' | 'score';
const TRAITS: readonly [string, Kind][] = [
  ['preferred_category', 'text'],
  ['next_expected_purchase_at', 'date'],
  ['median_interpurchase_days', 'days'],
  ['preferred_hour', 'hour'],
  ['first_channel', 'channel'],
  ['current_channel', 'channel'],
  ['migrated_at', 'date'],
  ['discount_order_share', 'rate'],
  ['avg_discount_rate', 'rate'],
  ['coupon_uses', 'count'],
  ['cherry_picker_score', 'score'],
  ['cancel_rate', 'rate'],
  ['return_rate', 'rate'],
];

/** The customer's computed traits with Korean names and units; absent traits are left out. */
export function TraitsList({ traits }: { traits: Row | null }) {
  const { t: tw, lang } = useI18n();
  const t = useT();
  if (!traits) return <p className="muted">{t('audience.insight.notComputed')}</p>;
  const show = (kind: Kind, v: unknown): string => {
    const n = Number(v);
    if (kind === 'rate') return formatPercent(n);
    if (kind === 'channel') return channelName(String(v), lang);
    if (kind === 'date') return formatKst(v).slice(0, 10);
    if (kind === 'days') return t('audience.days', { n: Math.round(n) });
    if (kind === 'hour') return t('audience.hour', { n });
    if (kind === 'count') return t('audience.times', { n });
    if (kind === 'score') return n.toFixed(2);
    return String(v);
  };
  const present = TRAITS.filter(([k]) => traits[k] !== null && traits[k] !== undefined);
  if (present.length === 0) return <p className="muted">{tw('none')}</p>;
  return (
    <dl className="facts" data-testid="customer-traits">
      {present.map(([k, kind]) => (
        <div key={k} className="fact">
          <dt>{t(`audience.trait.${k}` as MessageKey)}</dt>
          <dd>{show(kind, traits[k])}</dd>
        </div>
      ))}
    </dl>
  );
}
