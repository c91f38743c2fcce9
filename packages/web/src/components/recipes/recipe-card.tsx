import { fillDescription } from '@dalbit/core/segments/recipes/fill-description';
import { useState } from 'react';
import { buildRecipe, type Definition, type Label, type Recipe } from '../../api/segments.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { ErrorBanner } from '../error-banner.tsx';
import { checkRange } from '../form/validate-number.ts';
import { RecipeParamField } from './recipe-param-field.tsx';

const RANGES: readonly [string, string][] = [
  ['min', 'max'],
  ['from', 'to'],
];

/** A recipe with its purpose, action and golden time; "use" opens its parameters, "apply" builds it. */
export function RecipeCard({
  recipe: r,
  onUse,
}: {
  recipe: Recipe;
  onUse: (recipe: Recipe, definition: Definition, description: Label) => void;
}) {
  const { t: tw, lang } = useI18n();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, unknown>>(r.defaults);
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(null);
  const props = Object.entries(r.params.properties ?? {});
  const required = new Set(r.params.required ?? []);
  const missing = [...required].some((k) => values[k] === undefined || values[k] === '');
  const inverted = RANGES.map(([a, b]) =>
    checkRange(typeof values[a] === 'number' ? values[a] : null, typeof values[b] === 'number' ? values[b] : null),
  ).find((c) => !c.ok);
  const blocked = missing || inverted !== undefined || Object.values(invalid).some(Boolean);
  const apply = async () => {
    setError(null);
    try {
      const built = await buildRecipe(r.name, values);
      onUse(r, built.definition, built.description);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="recipe" data-testid={`recipe-${r.name}`}>
      <div className="recipe-title">
        <strong>{r.title[lang]}</strong> <span className="chip">{r.type[lang]}</span>
      </div>
      <p className="small">{fillDescription(r.description[lang], values)}</p>
      <p className="small muted">
        {tw('action')}: {r.action[lang]} · {tw('goldenTime')}: {r.goldenTime[lang]}
      </p>
      {open ? (
        <div className="recipe-params">
          {props.map(([name, schema]) => (
            <RecipeParamField
              key={name}
              name={name}
              schema={schema}
              value={values[name]}
              required={required.has(name)}
              onChange={(v) => setValues((cur) => ({ ...cur, [name]: v }))}
              onValidity={(ok) => setInvalid((cur) => (cur[name] === !ok ? cur : { ...cur, [name]: !ok }))}
            />
          ))}
          {inverted && !inverted.ok ? <span className="field-error">{t(inverted.key, inverted.params)}</span> : null}
          <button type="button" className="primary" disabled={blocked} onClick={apply} data-testid={`apply-${r.name}`}>
            {t('audience.recipe.apply')}
          </button>
          {error ? <ErrorBanner error={error} /> : null}
        </div>
      ) : (
        <button
          type="button"
          className="link"
          onClick={() => (props.length ? setOpen(true) : void apply())}
          data-testid={`use-${r.name}`}
        >
          {tw('useRecipe')}
        </button>
      )}
    </div>
  );
}
