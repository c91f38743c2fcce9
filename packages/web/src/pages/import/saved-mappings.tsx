import { fittingMappings } from '@dalbit/core/ingest/saved-mapping';
import { useEffect, useState } from 'react';
import {
  deleteSavedMapping,
  fetchSavedMappings,
  type Inspection,
  type MappingChoice,
  renameSavedMapping,
  type SavedMapping,
  saveNamedMapping,
} from '../../api/imports.ts';
import { useLoad } from '../../api/use-api.ts';
import { useToast } from '../../components/toast.tsx';
import { formatKst } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { actorLabel, sourceLabel } from './import-labels.ts';

/** The mapping the page shows now, as it would be saved: every field with a column, kind and channel. */
function currentChoice(i: Inspection): (MappingChoice & { source: NonNullable<Inspection['source']> }) | null {
  if (!i.source) return null;
  const columns = Object.fromEntries(i.fields.filter((f) => f.header !== null).map((f) => [f.field, f.header]));
  return { source: i.source, columns, ...(i.channel ? { channel: i.channel } : {}) };
}

/** Saved mappings that fit the file (apply one), saving the current one under a name, and all of them (rename, delete). */
export function SavedMappings({
  inspection,
  onApply,
  busy,
}: {
  inspection: Inspection;
  onApply: (m: MappingChoice) => void;
  busy: boolean;
}) {
  const t = useT();
  const toast = useToast();
  const [saved, reload] = useLoad('import-mappings', (signal) => fetchSavedMappings(signal));
  const [name, setName] = useState('');
  // The last list loaded stays on screen while a change reloads it (the open list stays open).
  const [all, setAll] = useState<readonly SavedMapping[]>([]);
  useEffect(() => {
    if (saved.state === 'ok') setAll(saved.data.mappings);
  }, [saved]);
  const fitting = fittingMappings(all, inspection.headers);
  const choice = currentChoice(inspection);
  const save = async () => {
    if (!choice) return;
    try {
      const { mapping } = await saveNamedMapping({ name, mapping: choice, headers: inspection.headers });
      toast.ok(t('imports.mappings.saved', { name: mapping.name }));
      setName('');
      reload();
    } catch (e) {
      toast.error(e);
    }
  };
  const apply = (m: SavedMapping) => {
    onApply({
      source: m.mapping.source ?? m.source,
      columns: m.mapping.columns,
      ...(m.mapping.channel ? { channel: m.mapping.channel } : {}),
    });
    toast.ok(t('imports.mappings.applied', { name: m.name }));
  };
  return (
    <div className="card" data-testid="import-saved-mappings">
      <h2>{t('imports.mappings.title')}</h2>
      <p className="muted small">{t('imports.mappings.fitting')}</p>
      {fitting.length === 0 ? (
        <p className="muted" data-testid="mappings-none-fit">
          {t('imports.mappings.noneFit')}
        </p>
      ) : (
        <ul className="plain" data-testid="mappings-fitting">
          {fitting.map((m) => (
            <li key={m.id} data-testid={`mapping-fit-${m.name}`}>
              <strong>{m.name}</strong>{' '}
              <button type="button" disabled={busy} data-testid="mapping-apply" onClick={() => apply(m)}>
                {t('imports.mappings.apply')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="inline-label">
          {t('imports.mappings.nameLabel')}
          <input
            data-testid="mapping-name"
            value={name}
            maxLength={100}
            placeholder={t('imports.mappings.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button type="submit" data-testid="mapping-save" disabled={busy || !choice || name.trim() === ''}>
          {t('imports.mappings.save')}
        </button>
        {!choice ? <span className="muted small">{t('imports.mappings.needKind')}</span> : null}
      </form>
      {all.length > 0 ? <AllMappings mappings={all} onChanged={reload} /> : null}
    </div>
  );
}

/** Every saved mapping with kind, who changed it last and when; rename in place, delete after a confirm. */
function AllMappings({ mappings, onChanged }: { mappings: readonly SavedMapping[]; onChanged: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const toast = useToast();
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      toast.ok(done);
      setEditing(null);
      onChanged();
    } catch (e) {
      toast.error(e);
    }
  };
  return (
    <details data-testid="mappings-all">
      <summary>{t('imports.mappings.all', { count: mappings.length })}</summary>
      <table>
        <thead>
          <tr>
            <th>{t('imports.mappings.nameLabel')}</th>
            <th>{t('imports.mappings.kind')}</th>
            <th>{t('imports.mappings.changed')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {mappings.map((m) => (
            <tr key={m.id} data-testid={`mapping-row-${m.name}`}>
              <td>
                {editing?.id === m.id ? (
                  <input
                    data-testid="mapping-rename-input"
                    value={editing.name}
                    maxLength={100}
                    onChange={(e) => setEditing({ id: m.id, name: e.target.value })}
                  />
                ) : (
                  m.name
                )}
              </td>
              <td>{sourceLabel(m.source, lang)}</td>
              <td className="small">
                {actorLabel(m.updatedBy, lang)} · {formatKst(m.updatedAt)}
              </td>
              <td className="actions">
                {editing?.id === m.id ? (
                  <>
                    <button
                      type="button"
                      data-testid="mapping-rename-save"
                      disabled={editing.name.trim() === ''}
                      onClick={() =>
                        void run(
                          () => renameSavedMapping(m.id, editing.name),
                          t('imports.mappings.renamed', { name: editing.name.trim() }),
                        )
                      }
                    >
                      {t('imports.mappings.renameSave')}
                    </button>
                    <button type="button" className="link" onClick={() => setEditing(null)}>
                      {t('imports.mappings.cancel')}
                    </button>
                  </>
                ) : (
                  <>
                    <button
                      type="button"
                      className="link"
                      data-testid="mapping-rename"
                      onClick={() => setEditing({ id: m.id, name: m.name })}
                    >
                      {t('imports.mappings.rename')}
                    </button>
                    <button
                      type="button"
                      className="link"
                      data-testid="mapping-delete"
                      onClick={() => {
                        if (window.confirm(t('imports.mappings.confirmDelete', { name: m.name })))
                          void run(() => deleteSavedMapping(m.id), t('imports.mappings.deleted', { name: m.name }));
                      }}
                    >
                      {t('imports.mappings.delete')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
