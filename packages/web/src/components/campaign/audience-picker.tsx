import { fetchSegmentSizes, type Recipe, type SegmentHeader } from '../../api/segments.ts';
import { useLoad } from '../../api/use-api.ts';
import { useApi } from '../../api.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import type { AudienceChoice } from './draft-model.ts';
import { InlineAudience, RecipeParams, startInline } from './inline-audience.tsx';

/**
 * Who the campaign may reach: everyone, a saved audience (with its live size), a recipe with its
 * parameters, or conditions built here with the audience page's condition builder.
 */
export function AudiencePicker({ value, onChange }: { value: AudienceChoice; onChange: (a: AudienceChoice) => void }) {
  const t = useT();
  const { lang } = useI18n();
  const [segments] = useApi<{ segments: SegmentHeader[] }>('/api/segments');
  const [recipes] = useApi<{ recipes: Recipe[] }>('/api/recipes');
  const [sizes] = useLoad('sizes', (signal) => fetchSegmentSizes(signal));
  const segs = segments.state === 'ok' ? segments.data.segments : [];
  const recs = recipes.state === 'ok' ? recipes.data.recipes.filter((r) => r.definition !== null) : [];
  const size = value.kind === 'segment' && sizes.state === 'ok' ? sizes.data.sizes[value.segmentId] : undefined;
  const select = (v: string) => {
    if (v === 'all') onChange({ kind: 'all' });
    else if (v === 'inline') onChange(startInline());
    else if (v.startsWith('segment:')) onChange({ kind: 'segment', segmentId: v.slice(8) });
    else if (v.startsWith('recipe:')) {
      const r = recs.find((x) => x.name === v.slice(7));
      onChange({ kind: 'recipe', recipe: v.slice(7), params: r?.defaults ?? {} });
    }
  };
  const current =
    value.kind === 'segment'
      ? `segment:${value.segmentId}`
      : value.kind === 'recipe'
        ? `recipe:${value.recipe}`
        : value.kind === 'definition'
          ? 'inline'
          : 'all';
  const recipe = value.kind === 'recipe' ? recs.find((r) => r.name === value.recipe) : undefined;
  return (
    <div>
      <select data-testid="audience-select" value={current} onChange={(e) => select(e.target.value)}>
        <option value="all">{t('studio.audience.all')}</option>
        <option value="inline">{t('studio.inline.option')}</option>
        <optgroup label={t('studio.audience.segment')}>
          {segs.map((s) => (
            <option key={s.segmentId} value={`segment:${s.segmentId}`}>
              {s.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('studio.audience.recipe')}>
          {recs.map((r) => (
            <option key={r.name} value={`recipe:${r.name}`}>
              {r.title[lang]}
            </option>
          ))}
        </optgroup>
      </select>
      {size !== undefined ? (
        <span className="muted small" data-testid="audience-size">
          {' '}
          {t('studio.audience.size', { count: formatNumber(size) })}
        </span>
      ) : null}
      {value.kind === 'definition' ? <InlineAudience definition={value.definition} onChange={onChange} /> : null}
      {value.kind === 'recipe' && recipe ? (
        <RecipeParams key={recipe.name} recipe={recipe} params={value.params} onChange={onChange} />
      ) : null}
    </div>
  );
}
