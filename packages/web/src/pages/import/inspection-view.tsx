import { useState } from 'react';
import type { Inspection, MappingChoice } from '../../api/imports.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { encodingLabel, formatSize, sourceLabel } from './import-labels.ts';
import { KindPicker, MappingEditor } from './mapping-editor.tsx';
import { PreviewTable } from './preview-table.tsx';
import { ProblemList } from './problem-list.tsx';
import { SavedMappings } from './saved-mappings.tsx';

/** What the file is: name, kind (detected or chosen, changeable), encoding, header row, rows. */
function FileFacts({
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
  const i = inspection;
  return (
    <div className="card" data-testid="import-facts">
      <dl className="facts">
        <dt>{t('imports.file')}</dt>
        <dd data-testid="import-file-name">
          {i.upload.fileName} <span className="muted small">({formatSize(i.upload.size)})</span>
        </dd>
        <dt>{t('imports.detected')}</dt>
        <dd data-testid="import-detected">
          {i.source ? sourceLabel(i.source, lang) : t('imports.kindUnknown')}{' '}
          <span className="chip">{i.forced ? t('imports.kindChosen') : t('imports.kindDetected')}</span>
        </dd>
        <dt>{t('imports.encoding')}</dt>
        <dd data-testid="import-encoding">{encodingLabel(i.format, i.encoding, lang)}</dd>
        {i.headerLine !== undefined ? (
          <>
            <dt>{t('imports.headerRow')}</dt>
            <dd>{t('imports.problem.whereLine', { line: i.headerLine })}</dd>
          </>
        ) : null}
        <dt>{t('imports.rowsInFile')}</dt>
        <dd>{t('imports.countRows', { count: formatNumber(i.rowsRead) })}</dd>
      </dl>
      <KindPicker inspection={i} onApply={onApply} busy={busy} />
      <DetectionNotes inspection={i} onApply={onApply} busy={busy} />
    </div>
  );
}

/** A close runner-up kind (with a button that reads the file as it) and warnings about the file. */
function DetectionNotes({
  inspection: i,
  onApply,
  busy,
}: {
  inspection: Inspection;
  onApply: (m: MappingChoice) => void;
  busy: boolean;
}) {
  const t = useT();
  const { lang } = useI18n();
  const runnerUp = i.runnerUp;
  return (
    <>
      {runnerUp ? (
        <div className="notice warn" data-testid="import-runner-up">
          <p>{runnerUp.message}</p>
          <button
            type="button"
            data-testid="import-use-runner-up"
            disabled={busy}
            onClick={() =>
              onApply({ source: runnerUp.kind, columns: {}, ...(i.channel ? { channel: i.channel } : {}) })
            }
          >
            {t('importCheck.useRunnerUp', { second: sourceLabel(runnerUp.kind, lang) })}
          </button>
        </div>
      ) : null}
      {i.warnings.map((w) => (
        <p key={w.code} className="notice warn" data-testid="import-warning">
          {w.message}
        </p>
      ))}
    </>
  );
}

/** The check before anything is written: facts, problems, mapping editor, preview, then import. */
export function InspectionView({
  inspection,
  onApply,
  onRun,
  busy,
}: {
  inspection: Inspection;
  onApply: (m: MappingChoice) => void;
  onRun: (skipBadRows: boolean) => void;
  busy: boolean;
}) {
  const t = useT();
  const i = inspection;
  const [skip, setSkip] = useState(false);
  const mappingKey = `${i.upload.id}:${i.source ?? ''}:${i.channel ?? ''}:${i.fields.map((f) => `${f.field}=${f.header ?? ''}`).join('|')}`;
  return (
    <>
      <FileFacts inspection={i} onApply={onApply} busy={busy} />
      <div className="card">
        <h2>
          {t('imports.problems')}{' '}
          {i.problemCount > 0 ? (
            <span className="muted small" data-testid="import-problem-count">
              {t('imports.problemsCount', {
                count: formatNumber(i.problemCount),
                valid: formatNumber(i.rowsValid),
                rejected: formatNumber(i.rowsRejected),
              })}
            </span>
          ) : null}
        </h2>
        <ProblemList problems={i.problems} total={i.problemCount} />
      </div>
      <div className="card">
        <h2>{t('imports.mapping')}</h2>
        <MappingEditor key={mappingKey} inspection={i} onApply={onApply} busy={busy} />
        {i.unusedHeaders.length > 0 ? (
          <p className="small" data-testid="import-unused">
            <span className="muted">{t('imports.unused')}: </span>
            {i.unusedHeaders.join(', ')}
          </p>
        ) : null}
      </div>
      <SavedMappings inspection={i} onApply={onApply} busy={busy} />
      <div className="card">
        <h2>{t('imports.preview')}</h2>
        <PreviewTable inspection={i} />
      </div>
      <div className="card run-card">
        {i.rowsRejected > 0 ? (
          <label className="inline-label">
            <input
              type="checkbox"
              data-testid="import-skip-bad"
              checked={skip}
              onChange={(e) => setSkip(e.target.checked)}
            />
            {t('imports.skipBad')}
          </label>
        ) : null}
        {i.rowsRejected > 0 && !skip ? <p className="notice warn">{t('imports.runBlocked')}</p> : null}
        <button
          type="button"
          className="primary"
          data-testid="import-run"
          disabled={busy || i.blocked || i.rowsRead === 0}
          onClick={() => onRun(skip)}
        >
          {t('imports.run')}
        </button>
      </div>
    </>
  );
}
