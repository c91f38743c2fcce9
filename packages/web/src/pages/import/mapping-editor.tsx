import { SOURCE_KINDS, type SourceKind } from '@dalbit/core/ingest/source-kind';
import { useState } from 'react';
import type { Inspection, MappingChoice } from '../../api/imports.ts';
import { channelName, useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { fieldName, sourceLabel } from './import-labels.ts';

/** The kind of file: detected (candidates first) or chosen; changing it re-checks the file at once. */
export function KindPicker({
  inspection,
  onApply,
  busy,
}: {
  inspection: Inspection;
  onApply: (m: MappingChoice) => void;
  busy: boolean;
}) {
  const t = useT();
  const { lang } = useI18n();
  const ordered = [...inspection.candidates, ...SOURCE_KINDS.filter((k) => !inspection.candidates.includes(k))];
  return (
    <label className="inline-label">
      {t('imports.kindLabel')}
      <select
        data-testid="import-kind"
        value={inspection.source ?? ''}
        disabled={busy}
        onChange={(e) => onApply({ source: e.target.value as SourceKind, columns: {} })}
      >
        {inspection.source === undefined ? <option value="">{t('imports.kindUnknown')}</option> : null}
        {ordered.map((k) => (
          <option key={k} value={k}>
            {sourceLabel(k, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Kinds whose files may lack a channel column, and the channels a whole file can be set to. */
const CHANNEL_KINDS: readonly string[] = ['orders', 'pos_sales', 'customers'];
const CHANNELS = ['musinsa', '29cm', 'coupang', 'smartstore', 'cafe24', 'offline', 'popup', 'kakao'] as const;

/** The channel of the whole file, for files without a channel column (a Musinsa or 29CM export). */
function ChannelPicker({ value, onChange, busy }: { value: string; onChange: (c: string) => void; busy: boolean }) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <label className="mapping-row channel-row">
      <span className="mapping-field">{t('imports.channelLabel')}</span>
      <select data-testid="import-channel" value={value} disabled={busy} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('imports.channelFromFile')}</option>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {channelName(c, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One dropdown per Dalbit field listing the file's columns; "apply" re-checks with the choice. */
export function MappingEditor({
  inspection,
  onApply,
  busy,
}: {
  inspection: Inspection;
  onApply: (m: MappingChoice) => void;
  busy: boolean;
}) {
  const t = useT();
  const { lang } = useI18n();
  const initial = Object.fromEntries(inspection.fields.map((f) => [f.field, f.header]));
  const [columns, setColumns] = useState<Record<string, string | null>>(initial);
  const [channel, setChannel] = useState(inspection.channel ?? '');
  const headers = [...new Set(inspection.headers.filter((h) => h.trim() !== ''))];
  const changed =
    inspection.fields.some((f) => (columns[f.field] ?? null) !== f.header) || channel !== (inspection.channel ?? '');
  if (inspection.fields.length === 0) return null;
  return (
    <div data-testid="import-mapping">
      <p className="muted small">{t('imports.mappingHelp')}</p>
      <div className="mapping-grid">
        {inspection.fields.map((f) => (
          <label key={f.field} className={`mapping-row${f.required && !columns[f.field] ? ' missing' : ''}`}>
            <span className="mapping-field">
              {fieldName(f.field, lang)}
              {f.required ? <span className="required"> *</span> : null}
            </span>
            <select
              data-testid={`map-${f.field}`}
              value={columns[f.field] ?? ''}
              disabled={busy}
              onChange={(e) => setColumns({ ...columns, [f.field]: e.target.value === '' ? null : e.target.value })}
            >
              <option value="">{t('imports.notUsed')}</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {inspection.source && CHANNEL_KINDS.includes(inspection.source) ? (
        <ChannelPicker value={channel} onChange={setChannel} busy={busy} />
      ) : null}
      <button
        type="button"
        className={changed ? 'primary' : ''}
        data-testid="import-apply-mapping"
        disabled={busy || !changed}
        onClick={() =>
          onApply({
            ...(inspection.source ? { source: inspection.source } : {}),
            columns,
            ...(channel ? { channel } : {}),
          })
        }
      >
        {t('imports.applyMapping')}
      </button>
    </div>
  );
}
