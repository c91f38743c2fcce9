import type { DraftIssue } from '../../api/campaigns.ts';
import { useT } from '../../use-t.ts';
import { NumberField } from '../form/number-field.tsx';
import {
  type Draft,
  emptyMessage,
  FOLLOW_UP_STEP,
  FOLLOW_UP_UNLESS,
  type FollowUpDraft,
  type FollowUpUnless,
  isKakao,
  TEXT_FIELD,
} from './draft-model.ts';
import { FieldIssues } from './field-issues.tsx';
import { TemplateEditor } from './template-editor.tsx';

/** The scenario drawn as boxes: first message → wait → condition → (yes: end | no: second message). */
function FlowDiagram({ f }: { f: FollowUpDraft }) {
  const t = useT();
  return (
    <ol className="flow" data-testid="flow-diagram">
      <li className="flow-node">{t('studio.flow.node.first')}</li>
      <li className="flow-arrow">→</li>
      <li className="flow-node">{t('studio.flow.node.wait', { days: f.waitDays ?? '?' })}</li>
      <li className="flow-arrow">→</li>
      <li className="flow-node flow-branch">
        {t('studio.flow.node.branch', { condition: t(`studio.flow.cond.${f.unless}`) })}
        <span className="small">{t('studio.flow.node.yes')}</span>
        <span className="small">{t('studio.flow.node.no')}</span>
      </li>
    </ol>
  );
}

/** The follow-up step of the campaign: wait N days, then a second message only to those who did not act. */
export function FollowUpEditor(props: {
  draft: Draft;
  set: (p: Partial<Draft>) => void;
  issues: readonly DraftIssue[];
}) {
  const t = useT();
  const { draft: d, set } = props;
  const f = d.followUp;
  if (!f)
    return (
      <div>
        <p className="muted small">{t('studio.flow.single')}</p>
        <button
          type="button"
          data-testid="flow-add"
          onClick={() => set({ followUp: { waitDays: 3, unless: 'purchased', message: emptyMessage() } })}
        >
          {t('studio.flow.add')}
        </button>
      </div>
    );
  const change = (p: Partial<FollowUpDraft>) => set({ followUp: { ...f, ...p } });
  return (
    <div data-testid="flow">
      <FlowDiagram f={f} />
      <div className="row">
        <NumberField
          label={t('studio.flow.waitDays')}
          value={f.waitDays}
          min={0}
          max={366}
          testId="flow-wait"
          onChange={(v) => change({ waitDays: v })}
        />
        <label className="field">
          <span>{t('studio.flow.unless')}</span>
          <select
            data-testid="flow-unless"
            value={f.unless}
            onChange={(e) => change({ unless: e.target.value as FollowUpUnless })}
          >
            {FOLLOW_UP_UNLESS.map((u) => (
              <option key={u} value={u}>
                {t(`studio.flow.unless.${u}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldIssues issues={props.issues} at={`scenario.steps.${FOLLOW_UP_STEP.wait}`} />
      <h4>{t('studio.flow.secondText')}</h4>
      <TemplateEditor
        channel={d.channel}
        value={f.message}
        onChange={(m) => change({ message: m })}
        issues={props.issues}
        at={`scenario.steps.${FOLLOW_UP_STEP.second}.templates.0`}
        fields={TEXT_FIELD[d.channel]}
        fallback={isKakao(d.channel) && d.fallbackToSms}
        testPrefix="flow-second"
      />
      <button type="button" className="link" data-testid="flow-remove" onClick={() => set({ followUp: null })}>
        {t('studio.flow.remove')}
      </button>
    </div>
  );
}
