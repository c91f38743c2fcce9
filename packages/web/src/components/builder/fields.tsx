import { MESSAGES, type MessageKey, translate } from '@dalbit/core/i18n/catalog';
import { type ReactNode, useEffect, useState } from 'react';
import { fetchValues, type PickerKind, type PickerValue } from '../../api/segments.ts';
import { channelName, type Lang, useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { checkNumber } from '../form/validate-number.ts';

/** What a number box shows for a model value (ratios shown as percentages when `scale` is 100). */
const shown = (v: number | undefined, scale: number): string =>
  v === undefined || Number.isNaN(v) ? '' : String(Number((v * scale).toFixed(6)));

/**
 * A compact number box. Unlike a form that keeps the last good value, it passes what is typed to
 * the model (NaN when it is not a number, negatives as they are) so the tree's problems list and the
 * disabled count/save reflect the box; the inline message says what is wrong in the UI language.
 */
export function NumBox({
  value,
  onChange,
  label,
  min = 0,
  optional = false,
  scale = 1,
  integer = scale === 1,
  testId,
}: {
  value: number | undefined;
  onChange: (n: number | undefined) => void;
  label: string;
  min?: number;
  optional?: boolean;
  scale?: number;
  integer?: boolean;
  testId?: string | undefined;
}) {
  const t = useT();
  const [text, setText] = useState(shown(value, scale));
  useEffect(() => {
    setText((cur) => (Number(cur.replace(/,/g, '')) / scale === value ? cur : shown(value, scale)));
  }, [value, scale]);
  const check = checkNumber(text, { min, required: !optional, integer });
  return (
    <span className={`num-field${check.ok ? '' : ' invalid'}`}>
      <input
        type="text"
        inputMode="decimal"
        className="num-input"
        aria-label={label}
        title={label}
        aria-invalid={!check.ok}
        data-testid={testId}
        value={text}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          const clean = raw.replace(/,/g, '').trim();
          if (clean === '') onChange(optional ? undefined : Number.NaN);
          else onChange(Number(clean) / scale);
        }}
      />
      {check.ok ? null : (
        <span className="field-error" role="alert">
          {t(check.key, check.params)}
        </span>
      )}
    </span>
  );
}

export function Pick<T extends string>({
  value,
  options,
  onChange,
  label,
  testId,
}: {
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
  label: string;
  testId?: string | undefined;
}) {
  return (
    <select
      aria-label={label}
      title={label}
      value={value}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value as T)}
    >
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}

const cache = new Map<PickerKind, Promise<PickerValue[]>>();

/** Picker values from GET /api/values/{kind}, fetched once per page load and shared by every picker. */
export function usePickerValues(kind: PickerKind): PickerValue[] | null {
  const [values, setValues] = useState<PickerValue[] | null>(null);
  useEffect(() => {
    let live = true;
    let p = cache.get(kind);
    if (!p) {
      p = fetchValues(kind).then((r) => r.values);
      cache.set(kind, p);
      p.catch(() => cache.delete(kind));
    }
    p.then(
      (v) => live && setValues(v),
      () => live && setValues([]),
    );
    return () => {
      live = false;
    };
  }, [kind]);
  return values;
}

/** How a warehouse value reads: channels and event types by their names, products by product name. */
export function valueLabel(kind: PickerKind, v: PickerValue | string, lang: Lang): string {
  const value = typeof v === 'string' ? v : v.value;
  const label = typeof v === 'string' ? v : v.label;
  if (kind === 'channels') return channelName(value, lang);
  if (kind === 'event_types') return eventName(value, lang);
  return label;
}

/** An event type by its name in the catalog (`audience.event.<type>`), or as stored when it has none. */
export function eventName(type: string, lang: Lang): string {
  const key = `audience.event.${type}`;
  return Object.hasOwn(MESSAGES, key) ? translate(lang, key as MessageKey) : type;
}

/** One warehouse value from a picker; `''` = any (when `anyLabel` is given). */
export function ValuePick({
  kind,
  value,
  onChange,
  label,
  anyLabel,
  testId,
}: {
  kind: PickerKind;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  label: string;
  anyLabel?: string;
  testId?: string | undefined;
}) {
  const { lang } = useI18n();
  const values = usePickerValues(kind) ?? [];
  const known = values.some((v) => v.value === value);
  return (
    <select
      aria-label={label}
      title={label}
      data-testid={testId}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      {anyLabel !== undefined || value === undefined ? <option value="">{anyLabel ?? '—'}</option> : null}
      {value !== undefined && !known ? <option value={value}>{valueLabel(kind, value, lang)}</option> : null}
      {values.map((v) => (
        <option key={v.value} value={v.value}>
          {valueLabel(kind, v, lang)}
        </option>
      ))}
    </select>
  );
}

/** Several warehouse values: chips with a remove button and a picker that adds one more. */
export function MultiPick({
  kind,
  values,
  onChange,
  label,
  testId,
}: {
  kind: PickerKind;
  values: readonly string[];
  onChange: (v: string[]) => void;
  label: string;
  testId?: string | undefined;
}) {
  const { lang } = useI18n();
  const t = useT();
  const all = usePickerValues(kind) ?? [];
  const byValue = new Map(all.map((v) => [v.value, v]));
  return (
    <span className="multi-pick" data-testid={testId}>
      {values.map((v) => (
        <span key={v} className="chip value-chip">
          {valueLabel(kind, byValue.get(v) ?? v, lang)}
          <button
            type="button"
            className="link"
            aria-label={t('builder.removeValue')}
            onClick={() => onChange(values.filter((x) => x !== v))}
          >
            ×
          </button>
        </span>
      ))}
      <select
        aria-label={label}
        title={label}
        value=""
        onChange={(e) => e.target.value && onChange([...values, e.target.value])}
      >
        <option value="">{values.length ? t('builder.addValue') : label}</option>
        {all
          .filter((v) => !values.includes(v.value))
          .map((v) => (
            <option key={v.value} value={v.value}>
              {valueLabel(kind, v, lang)}
            </option>
          ))}
      </select>
    </span>
  );
}

/** "최근 [N]일" for a `last_days` window; an optional window can be cleared to "전체 기간". */
export function LastDays({
  window: w,
  onChange,
  optional = false,
  testId,
}: {
  window: { kind: string; days?: number } | undefined;
  onChange: (w: { kind: 'last_days'; days: number } | undefined) => void;
  optional?: boolean;
  testId?: string | undefined;
}) {
  const t = useT();
  const days = w?.kind === 'last_days' ? w.days : undefined;
  return (
    <span className="inline-label">
      {t('builder.lastDays')}
      <NumBox
        label={t('builder.days')}
        value={days}
        min={1}
        optional={optional}
        testId={testId}
        onChange={(d) => onChange(d === undefined ? undefined : { kind: 'last_days', days: d })}
      />
      {t('builder.daysUnit')}
      {optional && days === undefined ? <span className="muted small"> ({t('builder.allTime')})</span> : null}
    </span>
  );
}

/** "[min]~[max]회" with either end open. */
export function CountRangeBox({
  range,
  onChange,
  testId,
}: {
  range: { min?: number | undefined; max?: number | undefined } | undefined;
  onChange: (r: { min?: number; max?: number }) => void;
  testId?: string | undefined;
}) {
  const t = useT();
  const set = (min: number | undefined, max: number | undefined) =>
    onChange({ ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
  return (
    <span className="inline-label">
      <NumBox
        label={t('form.from')}
        value={range?.min}
        optional
        testId={testId && `${testId}-min`}
        onChange={(min) => set(min, range?.max)}
      />
      ~
      <NumBox
        label={t('form.to')}
        value={range?.max}
        optional
        testId={testId && `${testId}-max`}
        onChange={(max) => set(range?.min, max)}
      />
      {t('builder.times')}
    </span>
  );
}

export const Words = ({ children }: { children: ReactNode }) => <span className="words">{children}</span>;
