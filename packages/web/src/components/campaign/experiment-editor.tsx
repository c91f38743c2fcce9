import type { DraftIssue } from '../../api/campaigns.ts';
import { formatNumber } from '../../format.ts';
import { useT } from '../../use-t.ts';
import { NumberField } from '../form/number-field.tsx';
import { type Draft, emptyMessage, isKakao, TEXT_FIELD } from './draft-model.ts';
import { FieldIssues } from './field-issues.tsx';
import { TemplateEditor } from './template-editor.tsx';

/** Customers per group to tell a relative `lift` on a `base` rate at 95 % / 80 % power (two-sided z-test). */
export function sampleSizePerGroup(base: number, lift: number): number {
  const p2 = base * (1 + lift);
  const pBar = (base + p2) / 2;
  const z = 1.96 * Math.sqrt(2 * pBar * (1 - pBar)) + 0.84 * Math.sqrt(base * (1 - base) + p2 * (1 - p2));
  return Math.ceil((z * z) / ((p2 - base) * (p2 - base)));
}

/** Holdout % and an optional variant B with its own text, with a sample-size hint. */
export function ExperimentEditor(props: {
  draft: Draft;
  set: (p: Partial<Draft>) => void;
  issues: readonly DraftIssue[];
}) {
  const t = useT();
  const { draft: d, set } = props;
  return (
    <div>
      <NumberField
        label={t('studio.holdout')}
        value={d.holdoutPercent}
        max={50}
        suffix="%"
        testId="holdout"
        onChange={(v) => set({ holdoutPercent: v })}
      />
      <FieldIssues issues={props.issues} at="experiment.holdoutPercent" />
      {d.armB ? (
        <div className="arm-b" data-testid="arm-b">
          <h4>{t('studio.ab.textB')}</h4>
          <p className="muted small">{t('studio.ab.split')}</p>
          <TemplateEditor
            channel={d.channel}
            value={d.armB}
            onChange={(m) => set({ armB: m })}
            issues={props.issues}
            at="experiment.variants.1.templates.0"
            fields={TEXT_FIELD[d.channel]}
            fallback={isKakao(d.channel) && d.fallbackToSms}
            testPrefix="arm-b"
          />
          <button type="button" className="link" data-testid="ab-remove" onClick={() => set({ armB: null })}>
            {t('studio.ab.remove')}
          </button>
        </div>
      ) : (
        <button type="button" data-testid="ab-add" onClick={() => set({ armB: emptyMessage() })}>
          {t('studio.ab.add')}
        </button>
      )}
      <p className="muted small" data-testid="sample-size-hint">
        {t('studio.ab.hint', { base: '3%', lift: '20%', n: formatNumber(sampleSizePerGroup(0.03, 0.2)) })}
      </p>
      <FieldIssues issues={props.issues} at="experiment.variants" />
    </div>
  );
}
