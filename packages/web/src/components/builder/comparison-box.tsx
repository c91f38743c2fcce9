import type { MessageKey } from '@dalbit/core/i18n/catalog';
import type { PickerKind } from '../../api/segments.ts';
import { useT } from '../../use-t.ts';
import { LastDays, MultiPick, NumBox, Pick, ValuePick } from './fields.tsx';

export type FieldType = 'string' | 'number' | 'bool' | 'date';
type Scalar = string | number | boolean;
export interface Comparison {
  readonly op: string;
  readonly value?: Scalar | readonly Scalar[] | undefined;
  readonly window?: { readonly kind: string; readonly days?: number } | undefined;
}

const OPS: Record<FieldType, readonly string[]> = {
  number: ['gte', 'lte', 'eq', 'between', 'exists', 'not_exists'],
  string: ['in', 'not_in', 'eq', 'neq', 'exists', 'not_exists'],
  bool: ['eq'],
  date: ['within', 'not_within', 'exists', 'not_exists'],
};

/** The value part of a comparison after the operator changed (kept when it still fits). */
function reshape(type: FieldType, op: string, c: Comparison): Comparison {
  const first = Array.isArray(c.value) ? c.value[0] : c.value;
  if (op === 'exists' || op === 'not_exists') return { op };
  if (op === 'within' || op === 'not_within') return { op, window: { kind: 'last_days', days: 30 } };
  if (type === 'number') {
    const n = typeof first === 'number' ? first : 0;
    return op === 'between'
      ? { op, value: [n, Array.isArray(c.value) ? (c.value[1] as number) : n] }
      : { op, value: n };
  }
  if (type === 'string' && (op === 'eq' || op === 'neq')) return { op, value: typeof first === 'string' ? first : '' };
  if (type === 'string')
    return { op, value: Array.isArray(c.value) ? c.value : typeof first === 'string' ? [first] : [] };
  return { op, value: typeof first === 'boolean' ? first : true };
}

/**
 * Operator and value(s) of one field, checked by type the way the segment catalog does (numbers
 * compare or fall in a range, strings are one of a list, dates fall in the last N days).
 */
export function ComparisonBox({
  type,
  value: c,
  onChange,
  picker,
  options,
  scale = 1,
  integer,
  unit,
  testId,
}: {
  type: FieldType;
  value: Comparison;
  onChange: (c: Comparison) => void;
  picker?: PickerKind;
  options?: readonly (readonly [string, string])[];
  scale?: number;
  integer?: boolean;
  unit?: string;
  testId?: string | undefined;
}) {
  const t = useT();
  const num = { scale, ...(integer === undefined ? {} : { integer }) };
  const ops = OPS[type].map((o) => [o, t(`builder.op.${o}` as MessageKey)] as const);
  const list = (Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [c.value]).map(String);
  let body = null;
  if (c.op === 'between' && Array.isArray(c.value)) {
    const [a, b] = c.value as number[];
    body = (
      <>
        <NumBox
          label={t('form.from')}
          value={a}
          {...num}
          testId={testId && `${testId}-from`}
          onChange={(x) => onChange({ ...c, value: [x ?? Number.NaN, b ?? Number.NaN] })}
        />
        ~
        <NumBox
          label={t('form.to')}
          value={b}
          {...num}
          testId={testId && `${testId}-to`}
          onChange={(x) => onChange({ ...c, value: [a ?? Number.NaN, x ?? Number.NaN] })}
        />
        {unit}
      </>
    );
  } else if (c.op === 'within' || c.op === 'not_within') {
    body = (
      <LastDays window={c.window} onChange={(w) => onChange({ ...c, window: w ?? { kind: 'last_days', days: 30 } })} />
    );
  } else if (type === 'number' && typeof c.value === 'number') {
    body = (
      <>
        <NumBox
          label={t('builder.value')}
          value={c.value}
          {...num}
          testId={testId && `${testId}-value`}
          onChange={(x) => onChange({ ...c, value: x ?? Number.NaN })}
        />
        {unit}
      </>
    );
  } else if (type === 'bool') {
    body = (
      <Pick
        label={t('builder.value')}
        value={String(c.value)}
        options={[
          ['true', t('builder.yes')],
          ['false', t('builder.no')],
        ]}
        onChange={(v) => onChange({ ...c, value: v === 'true' })}
      />
    );
  } else if (type === 'string' && (c.op === 'in' || c.op === 'not_in')) {
    body = picker ? (
      <MultiPick
        kind={picker}
        values={list}
        label={t('builder.pickValue')}
        onChange={(v) => onChange({ ...c, value: v })}
        testId={testId && `${testId}-values`}
      />
    ) : options ? (
      <FixedMulti options={options} values={list} onChange={(v) => onChange({ ...c, value: v })} />
    ) : (
      <input
        aria-label={t('builder.value')}
        placeholder={t('builder.commaSeparated')}
        value={list.join(', ')}
        onChange={(e) =>
          onChange({
            ...c,
            value: e.target.value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          })
        }
      />
    );
  } else if (type === 'string' && (c.op === 'eq' || c.op === 'neq')) {
    const v = typeof c.value === 'string' ? c.value : '';
    body = picker ? (
      <ValuePick
        kind={picker}
        label={t('builder.pickValue')}
        value={v || undefined}
        onChange={(x) => onChange({ ...c, value: x ?? '' })}
      />
    ) : options ? (
      <Pick
        label={t('builder.value')}
        value={v}
        options={[['', '—'], ...options]}
        testId={testId && `${testId}-value`}
        onChange={(x) => onChange({ ...c, value: x })}
      />
    ) : (
      <input aria-label={t('builder.value')} value={v} onChange={(e) => onChange({ ...c, value: e.target.value })} />
    );
  }
  return (
    <>
      {type === 'bool' ? null : (
        <Pick
          label={t('builder.operator')}
          value={c.op}
          options={ops}
          testId={testId && `${testId}-op`}
          onChange={(op) => onChange(reshape(type, op, c))}
        />
      )}
      {body}
    </>
  );
}

/** Checkboxes for a short fixed list (RFM segments, genders). */
export function FixedMulti({
  options,
  values,
  onChange,
}: {
  options: readonly (readonly [string, string])[];
  values: readonly string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <span className="fixed-multi">
      {options.map(([v, text]) => (
        <label key={v} className="check">
          <input
            type="checkbox"
            checked={values.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...values, v] : values.filter((x) => x !== v))}
          />
          {text}
        </label>
      ))}
    </span>
  );
}
