import { fetchValues, type ParamSchema, type PickerKind } from '../../api/segments.ts';
import { useLoad } from '../../api/use-api.ts';
import { useI18n } from '../../i18n.ts';
import { labelOf } from '../../labels.ts';
import { useT } from '../../use-t.ts';
import { NumberField } from '../form/number-field.tsx';

const PICKERS: Record<string, PickerKind> = { store: 'stores', product: 'products' };

/** One recipe parameter: a picker of warehouse values, a number (rates as %), or text. */
export function RecipeParamField(props: {
  readonly name: string;
  readonly schema: ParamSchema;
  readonly value: unknown;
  readonly required: boolean;
  readonly onChange: (value: unknown) => void;
  readonly onValidity: (valid: boolean) => void;
}) {
  const { lang } = useI18n();
  const { name, schema, value, onChange } = props;
  const label = labelOf(lang, 'audience.param', name);
  const picker = PICKERS[name];
  if (picker) return <PickerField {...props} kind={picker} label={label} />;
  if (schema.type === 'integer' || schema.type === 'number') {
    const percent = schema.type === 'number' && schema.maximum === 1;
    const n = typeof value === 'number' ? value : null;
    return (
      <NumberField
        label={label}
        testId={`param-${name}`}
        value={n === null ? null : percent ? Math.round(n * 1000) / 10 : n}
        min={percent ? (schema.minimum ?? 0) * 100 : (schema.minimum ?? 0)}
        {...(schema.maximum !== undefined ? { max: percent ? 100 : schema.maximum } : {})}
        integer={schema.type === 'integer'}
        onChange={(v) => onChange(v === null ? undefined : percent ? v / 100 : v)}
        onValidity={props.onValidity}
      />
    );
  }
  return (
    <span className="field">
      <label>
        {label}{' '}
        <input
          data-testid={`param-${name}`}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
    </span>
  );
}

function PickerField(props: {
  readonly name: string;
  readonly kind: PickerKind;
  readonly label: string;
  readonly value: unknown;
  readonly required: boolean;
  readonly onChange: (value: unknown) => void;
}) {
  const t = useT();
  const [values] = useLoad(props.kind, (signal) => fetchValues(props.kind, signal));
  const list = values.state === 'ok' ? values.data.values : [];
  if (values.state === 'ok' && list.length === 0 && props.kind === 'stores')
    return <span className="field-error">{t('audience.recipe.noStores')}</span>;
  return (
    <span className="field">
      <label>
        {props.label}{' '}
        <select
          data-testid={`param-${props.name}`}
          value={typeof props.value === 'string' ? props.value : ''}
          onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
        >
          <option value="">{props.required ? t('audience.recipe.choose') : t('audience.recipe.anyProduct')}</option>
          {list.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
    </span>
  );
}
