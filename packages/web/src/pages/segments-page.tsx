import { useState } from 'react';
import { errorText } from '../api/error-text.ts';
import { type Label, type Recipe, type SegmentHeader, saveSegmentVersion } from '../api/segments.ts';
import { api, useApi } from '../api.ts';
import { GroupEditor } from '../components/builder/group-editor.tsx';
import {
  fromDefinition,
  type GroupNode,
  group,
  leaf,
  newLeaf,
  toDefinition,
  treeProblems,
} from '../components/builder/tree-model.ts';
import { RecipeCard } from '../components/recipes/recipe-card.tsx';
import { SavedSegments } from '../components/saved-segments.tsx';
import { StatusView } from '../components/status-view.tsx';
import { useLiveCount } from '../components/use-live-count.ts';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useT } from '../use-t.ts';

const startTree = (): GroupNode => group('and', [leaf(newLeaf('orders'))]);

/** The audience builder: the whole segment language as nested groups, a live count, save or save as a new version. */
export function SegmentsPage() {
  const { t: tw, lang } = useI18n();
  const t = useT();
  const [root, setRoot] = useState<GroupNode>(startTree);
  const [recipe, setRecipe] = useState<{ recipe: Recipe; description: Label } | null>(null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<SegmentHeader | null>(null);
  const [savedTick, setSavedTick] = useState(0);
  const problems = treeProblems(root);
  const definition = toDefinition(root);
  const live = useLiveCount(problems.length ? null : definition);

  const save = async () => {
    try {
      if (editing) {
        await saveSegmentVersion(editing.segmentId, definition);
        setMessage(t('audience.saved.versionSaved'));
        setEditing(null);
      } else {
        const fallback = recipe ? recipe.recipe.title[lang] : tw('segmentsTitle');
        await api('/api/segments', {
          body: { name: name.trim() || fallback, definition, ...(recipe ? { recipe: recipe.recipe.name } : {}) },
        });
        setMessage(tw('saved'));
      }
      setSavedTick((n) => n + 1);
    } catch (e) {
      setMessage(errorText(e, lang));
    }
  };
  const edit = async (seg: SegmentHeader) => {
    try {
      const d = await api<{ definition: { root: unknown } }>(`/api/segments/${encodeURIComponent(seg.segmentId)}`);
      setRoot(fromDefinition(d.definition));
      setEditing(seg);
      setRecipe(null);
      setName(seg.name);
      setMessage(null);
    } catch (e) {
      setMessage(errorText(e, lang));
    }
  };

  return (
    <section>
      <h1>{tw('segmentsTitle')}</h1>
      <div className="grid-2 wide-left">
        <div>
          <div className="card">
            <div className="editor-head">
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder={tw('segmentName')}
                aria-label={tw('segmentName')}
                data-testid="segment-name"
              />
              <button
                type="button"
                className="link"
                data-testid="builder-reset"
                onClick={() => {
                  setRoot(group('and'));
                  setEditing(null);
                  setRecipe(null);
                  setName('');
                  setMessage(null);
                }}
              >
                {t('builder.reset')}
              </button>
            </div>
            {editing ? (
              <p className="notice warn" data-testid="editing-notice">
                {t('audience.saved.editing', { name: editing.name })}
              </p>
            ) : null}
            {recipe ? (
              <p className="notice" data-testid="recipe-loaded">
                <strong>{recipe.recipe.title[lang]}</strong> — {recipe.description[lang]}. {t('builder.recipeLoaded')}
              </p>
            ) : null}
            <GroupEditor
              node={root}
              path="0"
              problems={problems}
              onChange={(n) => setRoot(n.type === 'group' ? n : group('and', [n]))}
              onRemove={() => setRoot(group('and'))}
            />
          </div>
          <LiveCard live={live} problems={problems.length} onSave={save} message={message} definition={definition} />
          <SavedSegments tick={savedTick} onEdit={(s) => void edit(s)} />
        </div>
        <RecipesPanel
          onUse={(r, d, description) => {
            setRoot(fromDefinition(d));
            setRecipe({ recipe: r, description });
            setEditing(null);
            setName(r.title[lang]);
          }}
        />
      </div>
    </section>
  );
}

function LiveCard({
  live,
  problems,
  onSave,
  message,
  definition,
}: {
  live: ReturnType<typeof useLiveCount>;
  problems: number;
  onSave: () => Promise<void>;
  message: string | null;
  definition: unknown;
}) {
  const { t: tw, lang } = useI18n();
  const t = useT();
  return (
    <div className="card live" aria-live="polite">
      <div className="kpi-label">{tw('liveCount')}</div>
      {live.state === 'ok' ? (
        <>
          <div className="kpi-value" data-testid="live-count" data-count={live.count}>
            {formatNumber(live.count)}
            {tw('people')}
          </div>
          <p className="explain" data-testid="live-explain">
            {live[lang]}
          </p>
        </>
      ) : live.state === 'invalid' ? (
        <p className="error-text" data-testid="live-invalid">
          {t('builder.fixProblems', { count: problems })}
        </p>
      ) : live.state === 'error' ? (
        <p className="error-text" data-testid="live-error">
          {live.message}
        </p>
      ) : (
        <div className="kpi-value muted" data-testid="live-counting">
          {tw('counting')}
        </div>
      )}
      <button
        type="button"
        className="primary"
        onClick={() => void onSave()}
        disabled={live.state !== 'ok'}
        data-testid="save-segment"
      >
        {tw('save')}
      </button>
      {message ? (
        <span className="small" data-testid="save-message">
          {' '}
          {message}
        </span>
      ) : null}
      <details>
        <summary>{tw('definitionJson')}</summary>
        <pre data-testid="definition-json">{JSON.stringify(definition, null, 2)}</pre>
      </details>
    </div>
  );
}

function RecipesPanel({ onUse }: { onUse: (r: Recipe, definition: { root: unknown }, description: Label) => void }) {
  const { t: tw, lang } = useI18n();
  const [recipes] = useApi<{ purposes: Record<string, Label>; recipes: Recipe[] }>('/api/recipes');
  return (
    <div className="card">
      <h2>{tw('recipes')}</h2>
      <StatusView value={recipes}>
        {(d) =>
          Object.entries(d.purposes).map(([purpose, label]) => (
            <div key={purpose} className="recipe-group">
              <h3>{label[lang]}</h3>
              {d.recipes
                .filter((r) => r.purpose === purpose)
                .map((r) => (
                  <RecipeCard key={r.name} recipe={r} onUse={onUse} />
                ))}
            </div>
          ))
        }
      </StatusView>
    </div>
  );
}
