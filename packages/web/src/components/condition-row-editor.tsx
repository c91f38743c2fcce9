import { type ReactNode, useState } from 'react';
import { channelName, type MessageKey, useI18n } from '../i18n.ts';
import { useT } from '../use-t.ts';
import { CHANNELS, type ConditionRow, ROW_KINDS, type RowKind } from './condition-model.ts';
import { checkNumber, checkRange } from './form/validate-number.ts';

export const KIND_LABEL: Record<RowKind, MessageKey> = {
  orders: 'kindOrders',
  gender: 'kindGender',
  age: 'kindAge',
  events: 'kindEvents',
  reachable: 'kindReachable',
  channel: 'kindChannel',
  birthday: 'kindBirthday',
  related_product: 'kindRelated',
};

/** A number box that refuses negatives, fractions and values below `min` with an inline Korean message. */
function Num({
  value,
  onChange,
  label,
  min = 0,
}: {
  value: number;
  onChange: (n: number) => void;
  label: string;
  min?: number;
}) {
  const tc = useT();
  const [text, setText] = useState(String(value));
  const check = checkNumber(text, { min, integer: true });
  return (
    <span className={`num-field${check.ok ? '' : ' invalid'}`}>
      <input
        type="number"
        className="num-input"
        aria-label={label}
        aria-invalid={!check.ok}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const c = checkNumber(e.target.value, { min, integer: true });
          if (c.ok && c.value !== null) onChange(c.value);
        }}
      />
      {check.ok ? null : (
        <span className="field-error" role="alert">
          {tc(check.key, check.params)}
        </span>
      )}
    </span>
  );
}

function Select<T extends string>({
  value,
  options,
  onChange,
  label,
}: {
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
  label: string;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </select>
  );
}

/** One condition row: its kind-specific inputs and a remove button. */
export function ConditionRowEditor({
  row,
  onChange,
  onRemove,
  index,
}: {
  row: ConditionRow;
  onChange: (r: ConditionRow) => void;
  onRemove: () => void;
  index: number;
}) {
  const { t, lang } = useI18n();
  const channelOptions = CHANNELS.map((c) => [c, channelName(c, lang)] as const);
  let body: ReactNode;
  switch (row.kind) {
    case 'orders':
      body = (
        <>
          <Select
            label="measure"
            value={row.measure}
            onChange={(measure) => onChange({ ...row, measure })}
            options={[
              ['count', t('measureCount')],
              ['sum', t('measureSum')],
              ['days_since_last', t('measureDaysSinceLast')],
              ['avg_discount_rate', t('measureDiscount')],
            ]}
          />
          <Select
            label="op"
            value={row.op}
            onChange={(op) => onChange({ ...row, op })}
            options={[
              ['gte', t('atLeast')],
              ['lte', t('atMost')],
              ['eq', t('equals')],
            ]}
          />
          <Num label="value" value={row.value} onChange={(value) => onChange({ ...row, value })} />
          {row.measure === 'avg_discount_rate' ? <span>%</span> : null}
          <Select
            label="channel"
            value={row.channel}
            onChange={(channel) => onChange({ ...row, channel })}
            options={[['', t('anyChannel')], ...channelOptions]}
          />
          <span className="inline-label">
            {t('inLastDays')}
            <Num label="days" value={row.days} onChange={(days) => onChange({ ...row, days })} />
          </span>
          {row.days === 0 ? <span className="muted small">({t('allTime')})</span> : null}
        </>
      );
      break;
    case 'gender':
      body = (
        <Select
          label="gender"
          value={row.value}
          onChange={(value) => onChange({ ...row, value })}
          options={[
            ['F', t('female')],
            ['M', t('male')],
          ]}
        />
      );
      break;
    case 'age':
      body = (
        <>
          <Num label="min" value={row.min} onChange={(min) => onChange({ ...row, min })} /> ~{' '}
          <Num label="max" value={row.max} onChange={(max) => onChange({ ...row, max })} />
          <RangeProblem from={row.min} to={row.max} />
        </>
      );
      break;
    case 'events':
      body = (
        <>
          <Select
            label="event"
            value={row.type}
            onChange={(type) => onChange({ ...row, type })}
            options={[
              ['page_view', t('eventPageView')],
              ['product_view', t('eventProductView')],
              ['add_to_cart', t('eventAddToCart')],
              ['search', t('eventSearch')],
            ]}
          />
          <span className="inline-label">
            {t('inLastDays')}
            <Num label="days" min={1} value={row.days} onChange={(days) => onChange({ ...row, days })} />
          </span>
          <Num label="min" min={1} value={row.min} onChange={(min) => onChange({ ...row, min })} />
          <span>{t('timesAtLeast')}</span>
        </>
      );
      break;
    case 'reachable':
      body = (
        <>
          <Select
            label="reach channel"
            value={row.channel}
            onChange={(channel) => onChange({ ...row, channel })}
            options={[
              ['kakao', channelName('kakao', lang)],
              ['sms', channelName('sms', lang)],
              ['email', channelName('email', lang)],
            ]}
          />
          <Select
            label="purpose"
            value={row.purpose}
            onChange={(purpose) => onChange({ ...row, purpose })}
            options={[
              ['ad', t('purposeAd')],
              ['info', t('purposeInfo')],
              ['night_ad', t('purposeNight')],
            ]}
          />
        </>
      );
      break;
    case 'channel':
      body = (
        <Select
          label="member channel"
          value={row.channel}
          onChange={(channel) => onChange({ ...row, channel })}
          options={channelOptions}
        />
      );
      break;
    case 'birthday':
      body = (
        <>
          <Num label="days" value={row.days} onChange={(days) => onChange({ ...row, days })} />
          <span>{t('withinDays')}</span>
        </>
      );
      break;
    case 'related_product':
      body = null;
      break;
  }
  return (
    <div className="condition" data-testid={`condition-${index}`}>
      <span className="chip">{t(KIND_LABEL[row.kind])}</span>
      {body}
      <button type="button" className="link" onClick={onRemove}>
        {t('remove')}
      </button>
    </div>
  );
}

export { ROW_KINDS };

/** The inline message of an inverted range (min above max); the page refuses to count or save it. */
function RangeProblem({ from, to }: { from: number; to: number }) {
  const tc = useT();
  const c = checkRange(from, to);
  return c.ok ? null : (
    <span className="field-error" role="alert" data-testid="range-problem">
      {tc(c.key, c.params)}
    </span>
  );
}
