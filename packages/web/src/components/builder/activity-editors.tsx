import type { EventStep, LeafCondition, PropertyFilter } from '@dalbit/core/segments/schema';
import { type EventPropertyKey, fetchEventProperties, type PickerKind } from '../../api/segments.ts';
import { useLoad } from '../../api/use-api.ts';
import { formatNumber } from '../../format.ts';
import { useT } from '../../use-t.ts';
import { ComparisonBox } from './comparison-box.tsx';
import { CountRangeBox, LastDays, NumBox, Pick, ValuePick } from './fields.tsx';

type Events = Extract<LeafCondition, { kind: 'events' }>;
type Sequence = Extract<LeafCondition, { kind: 'sequence' }>;

const UTM_PICKERS: Record<string, PickerKind> = {
  utm_source: 'utm_sources',
  utm_medium: 'utm_mediums',
  utm_campaign: 'utm_campaigns',
};

/**
 * One property filter: a UTM field or a property key found in the warehouse's events (both with
 * their values as pickers), or any other key typed in.
 */
function PropertyRow({
  p,
  keys,
  onChange,
  onRemove,
  testId,
}: {
  p: PropertyFilter;
  keys: readonly EventPropertyKey[];
  onChange: (p: PropertyFilter) => void;
  onRemove: () => void;
  testId: string;
}) {
  const t = useT();
  const utm = Object.hasOwn(UTM_PICKERS, p.key);
  const known = keys.find((k) => k.key === p.key);
  const listed = utm || known !== undefined;
  return (
    <span className="property-row" data-testid={testId}>
      <Pick
        label={t('builder.propertyKey')}
        value={listed ? p.key : '_custom'}
        testId={`${testId}-key`}
        options={[
          ['utm_source', t('builder.utmSource')],
          ['utm_medium', t('builder.utmMedium')],
          ['utm_campaign', t('builder.utmCampaign')],
          ...keys
            .filter((k) => !Object.hasOwn(UTM_PICKERS, k.key))
            .map((k) => [k.key, t('workspace.property.key', { key: k.key, count: formatNumber(k.count) })] as const),
          ['_custom', t('builder.otherProperty')],
        ]}
        onChange={(key) =>
          onChange(
            key === '_custom'
              ? { key: '', op: 'in', value: [] }
              : Object.hasOwn(UTM_PICKERS, key)
                ? { key, op: 'in', value: [] }
                : { key, op: 'eq', value: '' },
          )
        }
      />
      {listed ? null : (
        <input
          aria-label={t('builder.propertyKey')}
          placeholder={t('builder.propertyKey')}
          value={p.key}
          onChange={(e) => onChange({ ...p, key: e.target.value.trim() })}
        />
      )}
      <ComparisonBox
        type="string"
        value={p}
        {...(utm ? { picker: UTM_PICKERS[p.key] as PickerKind } : {})}
        {...(known
          ? {
              options: known.values.map(
                (v) =>
                  [v.value, t('workspace.property.value', { value: v.value, count: formatNumber(v.count) })] as const,
              ),
            }
          : {})}
        onChange={(c) => onChange({ key: p.key, ...c } as PropertyFilter)}
        testId={`${testId}-cmp`}
      />
      <button type="button" className="link" onClick={onRemove}>
        {t('builder.remove')}
      </button>
    </span>
  );
}

/** Event type, product and property filters shared by events and both steps of a sequence. */
function StepFields({ step, onChange, testId }: { step: EventStep; onChange: (s: EventStep) => void; testId: string }) {
  const t = useT();
  const props = step.properties ?? [];
  const type = step.type;
  const [keys] = useLoad(`event-properties:${type}`, (signal) => fetchEventProperties(type || undefined, signal));
  const setProps = (next: PropertyFilter[]) => {
    const { properties: _, ...rest } = step;
    onChange(next.length ? { ...rest, properties: next } : rest);
  };
  return (
    <>
      <ValuePick
        kind="event_types"
        label={t('builder.eventType')}
        value={step.type}
        testId={`${testId}-type`}
        onChange={(type) => onChange({ ...step, type: type ?? '' })}
      />
      <ValuePick
        kind="products"
        label={t('builder.product')}
        anyLabel={t('builder.anyProduct')}
        value={step.product}
        testId={`${testId}-product`}
        onChange={(product) => {
          const { product: _, ...rest } = step;
          onChange(product ? { ...rest, product } : rest);
        }}
      />
      {props.map((p, i) => (
        <PropertyRow
          // biome-ignore lint/suspicious/noArrayIndexKey: property filters have no identity beyond their position
          key={i}
          p={p}
          keys={keys.state === 'ok' ? keys.data.keys : []}
          testId={`${testId}-prop-${i}`}
          onChange={(np) => setProps(props.map((x, j) => (j === i ? np : x)))}
          onRemove={() => setProps(props.filter((_, j) => j !== i))}
        />
      ))}
      <button
        type="button"
        className="link"
        data-testid={`${testId}-add-prop`}
        onClick={() => setProps([...props, { key: 'utm_source', op: 'in', value: [] }])}
      >
        {t('builder.addProperty')}
      </button>
    </>
  );
}

/** "최근 7일 동안 [상품 조회]를 3~5회 한 고객" */
export function EventsEditor({ c, onChange, testId }: { c: Events; onChange: (c: Events) => void; testId: string }) {
  const t = useT();
  return (
    <>
      <StepFields
        step={c}
        testId={testId}
        onChange={(s) =>
          onChange({
            ...s,
            kind: 'events',
            ...(c.window ? { window: c.window } : {}),
            ...(c.count ? { count: c.count } : {}),
          })
        }
      />
      <LastDays
        window={c.window}
        optional
        testId={`${testId}-days`}
        onChange={(w) => onChange(withOptional(c, 'window', w))}
      />
      <CountRangeBox range={c.count} testId={`${testId}-count`} onChange={(count) => onChange({ ...c, count })} />
      <span className="muted small">{t('builder.eventsHint')}</span>
    </>
  );
}

/** "A를 하고 나서 N시간 안에 B를 하지 않은 고객" */
export function SequenceEditor({
  c,
  onChange,
  testId,
}: {
  c: Sequence;
  onChange: (c: Sequence) => void;
  testId: string;
}) {
  const t = useT();
  const then = c.thenNot;
  return (
    <>
      <span className="words">{t('builder.seqDid')}</span>
      <StepFields
        step={c.did}
        testId={`${testId}-did`}
        onChange={(s) =>
          onChange({
            ...c,
            did: {
              ...s,
              ...(c.did.window ? { window: c.did.window } : {}),
              ...(c.did.count ? { count: c.did.count } : {}),
            },
          })
        }
      />
      <LastDays
        window={c.did.window}
        optional
        testId={`${testId}-did-days`}
        onChange={(w) => onChange({ ...c, did: withOptional(c.did, 'window', w) })}
      />
      <span className="words">{t('builder.seqThen')}</span>
      <NumBox
        label={t('builder.hours')}
        value={c.withinHours}
        optional
        min={1}
        testId={`${testId}-hours`}
        onChange={(h) => onChange(withOptional(c, 'withinHours', h))}
      />
      <span className="words">{t('builder.hoursWithin')}</span>
      <Pick
        label={t('builder.seqThenNot')}
        value={then.source}
        testId={`${testId}-then-source`}
        options={[
          ['order', t('builder.seqNoOrder')],
          ['event', t('builder.seqNoEvent')],
        ]}
        onChange={(source) =>
          onChange({ ...c, thenNot: source === 'order' ? { source } : { source, type: 'add_to_cart' } })
        }
      />
      {then.source === 'event' ? (
        <StepFields
          step={then}
          testId={`${testId}-then`}
          onChange={(s) => onChange({ ...c, thenNot: { ...s, source: 'event' } })}
        />
      ) : null}
      <label className="check">
        <input
          type="checkbox"
          checked={c.sameProduct === true}
          data-testid={`${testId}-same-product`}
          onChange={(e) => onChange(withOptional(c, 'sameProduct', e.target.checked ? true : undefined))}
        />
        {t('builder.sameProduct')}
      </label>
    </>
  );
}

/** `{...o, [k]: v}` or `o` without `k` when `v` is undefined (the schema has optional keys, not undefined values). */
export function withOptional<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): T {
  const { [k]: _, ...rest } = o;
  return (v === undefined ? rest : { ...rest, [k]: v }) as T;
}
