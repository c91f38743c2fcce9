import { translate } from '@dalbit/core/i18n/catalog';
import { ORDER_MEASURES, type OrderMeasureName } from '@dalbit/core/segments/catalog';
import type { LeafCondition, OrderFilter } from '@dalbit/core/segments/schema';
import type { PickerKind } from '../../api/segments.ts';
import { termName, useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { withOptional } from './activity-editors.tsx';
import { type Comparison, ComparisonBox, FixedMulti } from './comparison-box.tsx';
import { LastDays, MultiPick, Pick } from './fields.tsx';

type Orders = Extract<LeafCondition, { kind: 'orders' }>;

/** Ratios the person types as percentages. */
export const PERCENT_MEASURES: ReadonlySet<string> = new Set(['avg_discount_rate', 'cancel_return_rate']);

const FILTER_PICKERS: readonly (readonly ['channels' | 'stores' | 'categories' | 'products', PickerKind])[] = [
  ['channels', 'channels'],
  ['stores', 'stores'],
  ['categories', 'categories'],
  ['products', 'products'],
];

/** "최근 90일 [자사몰]에서 [카테고리]를 산 [구매 횟수]가 [2]회 이상" */
export function OrdersEditor({ c, onChange, testId }: { c: Orders; onChange: (c: Orders) => void; testId: string }) {
  const t = useT();
  const { lang } = useI18n();
  const filter: OrderFilter = c.filter ?? {};
  const measure = (Object.hasOwn(ORDER_MEASURES, c.measure) ? c.measure : 'count') as OrderMeasureName;
  const def = ORDER_MEASURES[measure];
  const setFilter = (f: OrderFilter) => {
    const { filter: _, ...rest } = c;
    onChange(Object.keys(f).length ? { ...rest, filter: f } : rest);
  };
  const percent = PERCENT_MEASURES.has(measure);
  const unit = percent
    ? '%'
    : 'unit' in def
      ? t(def.unit)
      : measure.startsWith('days_since')
        ? t('builder.daysAgoUnit')
        : '';
  return (
    <>
      <LastDays
        window={filter.window}
        optional
        testId={`${testId}-days`}
        onChange={(w) => setFilter(withOptional(filter, 'window', w))}
      />
      {FILTER_PICKERS.map(([key, kind]) => (
        <MultiPick
          key={key}
          kind={kind}
          values={filter[key] ?? []}
          label={t(`builder.filter.${key}`)}
          testId={`${testId}-${key}`}
          onChange={(v) => setFilter(withOptional(filter, key, v.length ? v : undefined))}
        />
      ))}
      <Pick
        label={t('builder.measure')}
        value={measure}
        testId={`${testId}-measure`}
        options={Object.entries(ORDER_MEASURES).map(
          ([k, m]) => [k as OrderMeasureName, translate(lang, m.label)] as const,
        )}
        onChange={(m) => {
          const type = ORDER_MEASURES[m].type;
          const cmp: Comparison =
            type === 'date' ? { op: 'within', window: { kind: 'last_days', days: 30 } } : { op: 'gte', value: 1 };
          const { op: _o, value: _v, window: _w, ...rest } = c;
          onChange({ ...rest, measure: m, ...cmp } as Orders);
        }}
      />
      <ComparisonBox
        type={def.type}
        value={c}
        scale={percent ? 100 : 1}
        unit={unit}
        testId={`${testId}-cmp`}
        onChange={(cmp) => {
          const { op: _o, value: _v, window: _w, ...rest } = c;
          onChange({ ...rest, ...cmp } as Orders);
        }}
      />
      {'allStatuses' in def ? null : (
        <span className="inline-label">
          {t('builder.statuses')}
          <FixedMulti
            options={(['paid', 'cancelled', 'returned', 'exchanged'] as const).map(
              (s) => [s, termName(s, lang)] as const,
            )}
            values={filter.statuses ?? []}
            onChange={(v) =>
              setFilter(withOptional(filter, 'statuses', v.length ? (v as OrderFilter['statuses']) : undefined))
            }
          />
        </span>
      )}
    </>
  );
}
