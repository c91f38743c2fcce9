import { Fragment } from 'react';
import type { DraftIssue } from '../../api/campaigns.ts';
import { channelName, useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { NumberField } from '../form/number-field.tsx';
import {
  type Channel,
  COMPOSER_CHANNELS,
  type Draft,
  emptyMessage,
  FOLLOW_UP_UNLESS,
  type FollowUpDraft,
  type FollowUpUnless,
  followUpStep,
  isKakao,
  MAX_FOLLOW_UPS,
  TEXT_FIELD,
} from './draft-model.ts';
import { FieldIssues } from './field-issues.tsx';
import { TemplateEditor } from './template-editor.tsx';

/** "두 번째 메시지 (문자)" for follow-up `k`. */
function useStepName(): (k: number, channel: Channel) => string {
  const t = useT();
  const { lang } = useI18n();
  return (k, channel) =>
    `${t('studio.flow.nth', { ordinal: t(`studio.flow.ordinal.${followUpStep(k).message}`) })} (${channelName(channel, lang)})`;
}

/** The scenario drawn as boxes: first message → (wait → condition → yes: end | no: next message) × n. */
function FlowDiagram({ d }: { d: Draft }) {
  const t = useT();
  const { lang } = useI18n();
  const name = useStepName();
  return (
    <ol className="flow" data-testid="flow-diagram">
      <li className="flow-node">
        {t('studio.flow.node.first')} ({channelName(d.channel, lang)})
      </li>
      {d.followUps.map((f, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional (their ids follow their place)
        <Fragment key={k}>
          <li className="flow-arrow">→</li>
          <li className="flow-node">{t('studio.flow.node.wait', { days: f.waitDays ?? '?' })}</li>
          <li className="flow-arrow">→</li>
          <li className="flow-node flow-branch" data-testid={`flow-node-${followUpStep(k).message}`}>
            {t('studio.flow.node.branch', { condition: t(`studio.flow.cond.${f.unless}`) })}
            <span className="small">{t('studio.flow.node.yes')}</span>
            <span className="small">{t('studio.flow.node.no', { message: name(k, f.channel) })}</span>
          </li>
        </Fragment>
      ))}
    </ol>
  );
}

/** One follow-up: its wait, its condition, its channel and its message. */
function FollowUpCard(props: {
  d: Draft;
  k: number;
  f: FollowUpDraft;
  change: (p: Partial<FollowUpDraft>) => void;
  remove: () => void;
  issues: readonly DraftIssue[];
}) {
  const t = useT();
  const { lang } = useI18n();
  const name = useStepName();
  const { d, k, f, change } = props;
  const step = followUpStep(k);
  const tp = `flow-${step.message}`;
  return (
    <div className="flow-step" data-testid={tp}>
      <h4>{name(k, f.channel)}</h4>
      <div className="row">
        <NumberField
          label={t('studio.flow.waitDays')}
          value={f.waitDays}
          min={0}
          max={366}
          testId={`${tp}-wait`}
          onChange={(v) => change({ waitDays: v })}
        />
        <label className="field">
          <span>{t('studio.flow.unless')}</span>
          <select
            data-testid={`${tp}-unless`}
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
        <label className="field">
          <span>{t('studio.flow.channel')}</span>
          <select
            data-testid={`${tp}-channel`}
            value={f.channel}
            onChange={(e) => change({ channel: e.target.value as Channel, message: emptyMessage() })}
          >
            {COMPOSER_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelName(c, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldIssues issues={props.issues} at={`scenario.steps.${step.waitIndex}`} />
      <TemplateEditor
        channel={f.channel}
        value={f.message}
        onChange={(m) => change({ message: m })}
        issues={props.issues}
        at={`scenario.steps.${step.messageIndex}.templates.0`}
        fields={TEXT_FIELD[f.channel]}
        fallback={isKakao(f.channel) && d.fallbackToSms}
        testPrefix={tp}
      />
      <FieldIssues issues={props.issues.filter((i) => i.path.length <= 4)} at={`scenario.steps.${step.messageIndex}`} />
      <button type="button" className="link" data-testid={`${tp}-remove`} onClick={props.remove}>
        {t('studio.flow.remove')}
      </button>
    </div>
  );
}

/**
 * The campaign's steps after the first message: each waits N days, then sends its own message on its
 * own channel only to customers who did not buy (or click, or open) since the campaign reached them.
 */
export function FollowUpEditor(props: {
  draft: Draft;
  set: (p: Partial<Draft>) => void;
  issues: readonly DraftIssue[];
}) {
  const t = useT();
  const { draft: d, set } = props;
  const list = d.followUps;
  const add = () =>
    set({ followUps: [...list, { waitDays: 3, unless: 'purchased', channel: d.channel, message: emptyMessage() }] });
  return (
    <div data-testid="flow">
      {list.length === 0 ? (
        <p className="muted small">{t('studio.flow.single')}</p>
      ) : (
        <>
          <FlowDiagram d={d} />
          <p className="muted small">{t('studio.flow.since')}</p>
        </>
      )}
      {list.map((f, k) => (
        <FollowUpCard
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional (their ids follow their place)
          key={k}
          d={d}
          k={k}
          f={f}
          change={(p) => set({ followUps: list.map((x, j) => (j === k ? { ...x, ...p } : x)) })}
          remove={() => set({ followUps: list.filter((_, j) => j !== k) })}
          issues={props.issues}
        />
      ))}
      {list.length < MAX_FOLLOW_UPS ? (
        <button type="button" data-testid="flow-add" onClick={add}>
          {list.length === 0 ? t('studio.flow.add') : t('studio.flow.addMore', { max: MAX_FOLLOW_UPS })}
        </button>
      ) : null}
    </div>
  );
}
