import { RFM_SEGMENT_LABELS } from '@dalbit/core/analytics/rfm/segments';
import type { MessageKey } from '@dalbit/core/i18n/catalog';
import { ANALYTICS_FIELDS } from '@dalbit/core/segments/catalog';
import type { LeafCondition } from '@dalbit/core/segments/schema';
import type { PickerKind } from '../../api/segments.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { type Comparison, ComparisonBox, type FieldType } from './comparison-box.tsx';
import { Pick } from './fields.tsx';

type Analytics = Extract<LeafCondition, { kind: 'analytics' }>;

/** How a score field is typed in: ratios as %, money in 원, counts as plain numbers; strings from a picker. */
interface FieldView {
  readonly scale?: number;
  readonly integer?: boolean;
  readonly unit?: MessageKey;
  readonly picker?: PickerKind;
}

const VIEWS: Record<string, FieldView> = {
  'rfm.recency_days': { unit: 'builder.unit.days' },
  'rfm.frequency': { unit: 'builder.unit.times' },
  'rfm.monetary': { unit: 'builder.unit.won' },
  'clv.p_alive': { scale: 100, unit: 'builder.unit.percent' },
  'clv.expected_purchases_30d': { integer: false, unit: 'builder.unit.times' },
  'clv.expected_purchases_90d': { integer: false, unit: 'builder.unit.times' },
  'clv.expected_spend': { unit: 'builder.unit.won' },
  'clv.clv_1y': { unit: 'builder.unit.won' },
  'traits.discount_order_share': { scale: 100, unit: 'builder.unit.percent' },
  'traits.avg_discount_rate': { scale: 100, unit: 'builder.unit.percent' },
  'traits.coupon_uses': { unit: 'builder.unit.times' },
  'traits.cherry_picker_score': { scale: 100, unit: 'builder.unit.percent' },
  'traits.cancel_rate': { scale: 100, unit: 'builder.unit.percent' },
  'traits.return_rate': { scale: 100, unit: 'builder.unit.percent' },
  'traits.first_channel': { picker: 'channels' },
  'traits.current_channel': { picker: 'channels' },
  'traits.preferred_category': { picker: 'categories' },
  'traits.median_interpurchase_days': { integer: false, unit: 'builder.unit.days' },
  'traits.preferred_hour': { unit: 'builder.unit.hour' },
};

/** The person-facing name of an analytics field (`rfm.segment` → "RFM 세그먼트"). */
export function scoreFieldKey(field: string): MessageKey {
  if (field.startsWith('traits.')) return `audience.trait.${field.slice(7)}` as MessageKey;
  return `builder.field.${field}` as MessageKey;
}

const fieldsOf = (prefix: 'rfm.' | 'clv.' | 'traits.'): string[] =>
  [...ANALYTICS_FIELDS.keys()].filter((k) => k.startsWith(prefix));

function startFor(field: string): Comparison {
  if (field === 'rfm.segment') return { op: 'in', value: ['champions'] };
  const type = ANALYTICS_FIELDS.get(field)?.type ?? 'number';
  if (type === 'string') return { op: 'in', value: [] };
  if (type === 'date') return { op: 'within', window: { kind: 'last_days', days: 30 } };
  if (type === 'bool') return { op: 'eq', value: true };
  return { op: 'gte', value: VIEWS[field]?.scale === 100 ? 0.5 : 1 };
}

/** RFM segment / scores, purchase probability and value, or a trait: the `analytics` condition. */
export function ScoreEditor({
  c,
  onChange,
  source,
  testId,
}: {
  c: Analytics;
  onChange: (c: Analytics) => void;
  source: 'rfm.' | 'clv.' | 'traits.';
  testId: string;
}) {
  const t = useT();
  const { lang } = useI18n();
  const field = c.field;
  const type: FieldType = ANALYTICS_FIELDS.get(field)?.type ?? 'number';
  const view = VIEWS[field] ?? {};
  return (
    <>
      <Pick
        label={t('builder.field')}
        value={field}
        testId={`${testId}-field`}
        options={fieldsOf(source).map((f) => [f, t(scoreFieldKey(f))] as const)}
        onChange={(f) => onChange({ kind: 'analytics', field: f, ...startFor(f) } as Analytics)}
      />
      <ComparisonBox
        type={type}
        value={c}
        testId={`${testId}-cmp`}
        {...(view.scale ? { scale: view.scale } : {})}
        {...(view.integer !== undefined ? { integer: view.integer } : {})}
        {...(view.unit ? { unit: t(view.unit) } : {})}
        {...(view.picker ? { picker: view.picker } : {})}
        {...(field === 'rfm.segment'
          ? { options: Object.entries(RFM_SEGMENT_LABELS).map(([k, l]) => [k, l[lang]] as const) }
          : {})}
        onChange={(cmp) => onChange({ kind: 'analytics', field, ...cmp } as Analytics)}
      />
    </>
  );
}
