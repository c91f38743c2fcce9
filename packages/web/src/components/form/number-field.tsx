import { useEffect, useId, useState } from 'react';
import { useT } from '../../use-t.ts';
import { checkNumber, type NumberRules } from './validate-number.ts';

export interface NumberFieldProps extends NumberRules {
  readonly label: string;
  readonly value: number | null;
  /** Called only with a valid value; an invalid entry stays in the box with a message under it. */
  readonly onChange: (value: number | null) => void;
  readonly suffix?: string;
  readonly testId?: string;
  /** Reports whether what is typed is valid, so a form can disable its submit button. */
  readonly onValidity?: (valid: boolean) => void;
  /** Shown but not editable (a role that may only read). */
  readonly readOnly?: boolean;
}

/** A number input that refuses negatives (unless `min` says otherwise) with an inline Korean message. */
export function NumberField(props: NumberFieldProps) {
  const t = useT();
  const id = useId();
  const { value, onChange, onValidity } = props;
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => {
    setText((cur) =>
      checkNumber(cur, { required: false }).ok && Number(cur) === value ? cur : value === null ? '' : String(value),
    );
  }, [value]);
  const check = checkNumber(text, props);
  useEffect(() => onValidity?.(check.ok), [check.ok, onValidity]);
  const change = (next: string) => {
    setText(next);
    const c = checkNumber(next, props);
    if (c.ok) onChange(c.value);
  };
  return (
    <span className={`field number-field${check.ok ? '' : ' invalid'}`} data-testid={props.testId}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        inputMode="decimal"
        aria-label={props.label}
        aria-invalid={!check.ok}
        readOnly={props.readOnly}
        disabled={props.readOnly}
        value={text}
        onChange={(e) => change(e.target.value)}
      />
      {props.suffix ? <span className="suffix">{props.suffix}</span> : null}
      {check.ok ? null : (
        <span className="field-error" role="alert">
          {t(check.key, check.params)}
        </span>
      )}
    </span>
  );
}
