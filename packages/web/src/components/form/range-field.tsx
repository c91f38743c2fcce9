import { useT } from '../../use-t.ts';
import { NumberField } from './number-field.tsx';
import { checkRange, type NumberRules } from './validate-number.ts';

export interface RangeValue {
  readonly from: number | null;
  readonly to: number | null;
}

/** Two NumberFields (최소 ~ 최대); an inverted range is shown inline (the parent refuses it via checkRange). */
export function RangeField(
  props: NumberRules & {
    readonly label: string;
    readonly value: RangeValue;
    readonly onChange: (value: RangeValue) => void;
    readonly suffix?: string;
    readonly testId?: string;
  },
) {
  const t = useT();
  const { value, onChange, label, testId, suffix, ...rules } = props;
  const inverted = checkRange(value.from, value.to);
  // The parent keeps the value; it must not use an inverted range (checkRange tells).
  const set = (next: RangeValue) => onChange(next);
  return (
    <fieldset className={`field range-field${inverted.ok ? '' : ' invalid'}`} data-testid={testId}>
      <legend>{label}</legend>
      <NumberField
        {...rules}
        required={false}
        label={t('form.from')}
        value={value.from}
        {...(suffix ? { suffix } : {})}
        onChange={(from) => set({ ...value, from })}
      />
      <span aria-hidden="true">~</span>
      <NumberField
        {...rules}
        required={false}
        label={t('form.to')}
        value={value.to}
        {...(suffix ? { suffix } : {})}
        onChange={(to) => set({ ...value, to })}
      />
      {inverted.ok ? null : (
        <span className="field-error" role="alert">
          {t(inverted.key, inverted.params)}
        </span>
      )}
    </fieldset>
  );
}
