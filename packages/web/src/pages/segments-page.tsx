import { useState } from 'react';
import { type Definition, type Label, type Recipe, type SegmentHeader, saveSegmentVersion } from '../api/segments.ts';
import { api, useApi } from '../api.ts';
import {
  type ConditionRow,
  newRow,
  ROW_KINDS,
  type RowKind,
  rowsToDefinition,
  rowsValid,
} from '../components/condition-model.ts';
import { ConditionRowEditor, KIND_LABEL } from '../components/condition-row-editor.tsx';
import { RecipeCard } from '../components/recipes/recipe-card.tsx';
import { SavedSegments } from '../components/saved-segments.tsx';
import { StatusView } from '../components/status-view.tsx';
import { useLiveCount } from '../components/use-live-count.ts';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useT } from '../use-t.ts';

interface Chosen {
  readonly recipe: Recipe;
  readonly definition: Definition;
  readonly description: Label;
}

export function SegmentsPage() {
  const { t, lang } = useI18n();
  const tc = useT();
  const [rows, setRows] = useState<ConditionRow[]>([newRow('orders')]);
  const [match, setMatch] = useState<'and' | 'or'>('and');
  const [recipe, setRecipe] = useState<Chosen | null>(null);
  const [name, setName] = useState('');
  const [addKind, setAddKind] = useState<RowKind>('events');
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<SegmentHeader | null>(null);
  const [savedTick, setSavedTick] = useState(0);
  const [recipes] = useApi<{ purposes: Record<string, Label>; recipes: Recipe[] }>('/api/recipes');
  const definition = recipe?.definition ?? rowsToDefinition(rows, match);
  const live = useLiveCount(definition);

  const editRows = (next: ConditionRow[]) => {
    setRecipe(null);
    setRows(next);
  };
  const save = async () => {
    try {
      if (editing) {
        await saveSegmentVersion(editing.segmentId, definition);
        setMessage(tc('audience.saved.versionSaved'));
        setEditing(null);
        setSavedTick((n) => n + 1);
        return;
      }
      await api('/api/segments', {
        body: {
          name: name.trim() || (recipe ? recipe.recipe.title[lang] : t('segmentsTitle')),
          definition,
          ...(recipe ? { recipe: recipe.recipe.name } : {}),
        },
      });
      setMessage(t('saved'));
      setSavedTick((n) => n + 1);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section>
      <h1>{t('segmentsTitle')}</h1>
      <div className="grid-2 wide-left">
        <div>
          <div className="card">
            <div className="editor-head">
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder={t('segmentName')}
                aria-label={t('segmentName')}
                data-testid="segment-name"
              />
              <select
                aria-label="match"
                value={match}
                onChange={(e) => {
                  setRecipe(null);
                  setMatch(e.target.value as 'and' | 'or');
                }}
              >
                <option value="and">{t('matchAll')}</option>
                <option value="or">{t('matchAny')}</option>
              </select>
            </div>
            {editing ? (
              <p className="notice warn" data-testid="editing-notice">
                {tc('audience.saved.editing', { name: editing.name })}
              </p>
            ) : null}
            {recipe ? (
              <p className="notice" data-testid="recipe-loaded">
                <strong>{recipe.recipe.title[lang]}</strong> — {recipe.description[lang]}. {t('recipeLoaded')}
              </p>
            ) : (
              rows.map((r, i) => (
                <ConditionRowEditor
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
                  key={i}
                  index={i}
                  row={r}
                  onChange={(next) => editRows(rows.map((x, j) => (j === i ? next : x)))}
                  onRemove={() => editRows(rows.filter((_, j) => j !== i))}
                />
              ))
            )}
            <div className="add-row">
              <select
                aria-label="condition kind"
                value={addKind}
                onChange={(e) => setAddKind(e.target.value as RowKind)}
                data-testid="add-kind"
              >
                {ROW_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(KIND_LABEL[k])}
                  </option>
                ))}
              </select>
              <button
                type="button"
                onClick={() => editRows([...(recipe ? [] : rows), newRow(addKind)])}
                data-testid="add-condition"
              >
                {t('addCondition')}
              </button>
            </div>
          </div>
          <div className="card live" aria-live="polite">
            <div className="kpi-label">{t('liveCount')}</div>
            {live.state === 'ok' ? (
              <>
                <div className="kpi-value" data-testid="live-count" data-count={live.count}>
                  {formatNumber(live.count)}
                  {t('people')}
                </div>
                <p className="explain" data-testid="live-explain">
                  {lang === 'ko' ? live.ko : live.en}
                </p>
                <p className="muted small">{live.tookMs} ms</p>
              </>
            ) : live.state === 'error' ? (
              <p className="error-text" data-testid="live-error">
                {live.message}
              </p>
            ) : (
              <div className="kpi-value muted" data-testid="live-counting">
                {t('counting')}
              </div>
            )}
            <button
              type="button"
              className="primary"
              onClick={save}
              disabled={live.state !== 'ok' || (!recipe && !rowsValid(rows))}
              data-testid="save-segment"
            >
              {t('save')}
            </button>
            {message ? <span className="small"> {message}</span> : null}
            <details>
              <summary>{t('definitionJson')}</summary>
              <pre>{JSON.stringify(definition, null, 2)}</pre>
            </details>
          </div>
          <SavedSegments
            tick={savedTick}
            onEdit={(seg) => {
              setEditing(seg);
              setName(seg.name);
            }}
          />
        </div>
        <div className="card">
          <h2>{t('recipes')}</h2>
          <StatusView value={recipes}>
            {(d) =>
              Object.entries(d.purposes).map(([purpose, label]) => (
                <div key={purpose} className="recipe-group">
                  <h3>{label[lang]}</h3>
                  {d.recipes
                    .filter((r) => r.purpose === purpose)
                    .map((r) => (
                      <RecipeCard
                        key={r.name}
                        recipe={r}
                        onUse={(chosen, definition, description) => {
                          setRecipe({ recipe: chosen, definition, description });
                          setName(chosen.title[lang]);
                        }}
                      />
                    ))}
                </div>
              ))
            }
          </StatusView>
        </div>
      </div>
    </section>
  );
}
