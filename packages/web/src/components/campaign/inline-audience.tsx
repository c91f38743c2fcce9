import { useState } from 'react';
import { buildRecipe, type Recipe } from '../../api/segments.ts';
import { useLoad } from '../../api/use-api.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { GroupEditor } from '../builder/group-editor.tsx';
import {
  fromDefinition,
  type GroupNode,
  group,
  leaf,
  newLeaf,
  toDefinition,
  treeProblems,
} from '../builder/tree-model.ts';
import { RecipeParamField } from '../recipes/recipe-param-field.tsx';
import { type LiveCount, useLiveCount } from '../use-live-count.ts';
import type { AudienceChoice } from './draft-model.ts';

/** The conditions a fresh inline audience starts from (the builder page's own first condition). */
export const startInline = (): AudienceChoice => ({
  kind: 'definition',
  definition: toDefinition(group('and', [leaf(newLeaf('orders'))])),
});

/** The live count and Korean sentence of an audience definition, as the builder page shows them. */
function LiveLine({ live }: { live: LiveCount }) {
  const t = useT();
  const { lang } = useI18n();
  if (live.state === 'ok')
    return (
      <p className="small" data-testid="audience-live" data-count={live.count}>
        <strong>{t('studio.audience.size', { count: formatNumber(live.count) })}</strong> — {live[lang]}
      </p>
    );
  if (live.state === 'error') return <p className="field-error small">{live.message}</p>;
  return <p className="muted small">{t(live.state === 'invalid' ? 'studio.inline.invalid' : 'studio.checking')}</p>;
}

/**
 * Conditions built in the composer with the audience page's own condition builder; the campaign
 * stores the definition inline (`audience.kind = 'definition'`) once the conditions have no problem.
 */
export function InlineAudience({
  definition,
  onChange,
}: {
  definition: unknown;
  onChange: (a: AudienceChoice) => void;
}) {
  const [root, setRoot] = useState<GroupNode>(() =>
    definition && typeof definition === 'object' && 'root' in definition
      ? fromDefinition(definition as { root: unknown })
      : group('and', [leaf(newLeaf('orders'))]),
  );
  const problems = treeProblems(root);
  const live = useLiveCount(problems.length ? null : toDefinition(root));
  const change = (next: GroupNode) => {
    setRoot(next);
    const left = treeProblems(next).length;
    // While a value is refused the draft keeps the last good conditions and says how many are left.
    onChange(
      left === 0
        ? { kind: 'definition', definition: toDefinition(next) }
        : { kind: 'definition', definition, problems: left },
    );
  };
  return (
    <div className="inline-audience" data-testid="inline-audience">
      <GroupEditor
        node={root}
        path="0"
        problems={problems}
        onChange={(n) => change(n.type === 'group' ? n : group('and', [n]))}
        onRemove={() => change(group('and'))}
      />
      <LiveLine live={live} />
    </div>
  );
}

/** A recipe's parameters, editable in the composer, with the size of the audience they build. */
export function RecipeParams({
  recipe,
  params,
  onChange,
}: {
  recipe: Recipe;
  params: Record<string, unknown>;
  onChange: (a: AudienceChoice) => void;
}) {
  const required = new Set(recipe.params.required ?? []);
  const key = JSON.stringify(params);
  const [built] = useLoad(`recipe:${recipe.name}:${key}`, () => buildRecipe(recipe.name, params));
  const live = useLiveCount(built.state === 'ok' ? built.data.definition : null);
  return (
    <div className="recipe-params" data-testid="recipe-params">
      {Object.entries(recipe.params.properties ?? {}).map(([name, schema]) => (
        <RecipeParamField
          key={name}
          name={name}
          schema={schema}
          value={params[name]}
          required={required.has(name)}
          onChange={(v) => onChange({ kind: 'recipe', recipe: recipe.name, params: { ...params, [name]: v } })}
          onValidity={() => undefined}
        />
      ))}
      <LiveLine live={live} />
    </div>
  );
}
