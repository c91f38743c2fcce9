import type { DraftIssue } from '../../api/campaigns.ts';
import type { SegmentHeader } from '../../api/segments.ts';
import { useApi } from '../../api.ts';
import { useT } from '../../use-t.ts';
import { NumberField } from '../form/number-field.tsx';
import { type Draft, GOLDEN_ANCHORS, type GoldenAnchor, type TriggerKind } from './draft-model.ts';
import { FieldIssues } from './field-issues.tsx';

const KINDS: readonly TriggerKind[] = ['now', 'scheduled', 'recurring', 'entry', 'golden', 'event'];

/** Monday first, as Korean calendars print the week; values are 0 (Sunday)–6. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

function WeekdayPicker({ value, onChange }: { value: readonly number[]; onChange: (w: number[]) => void }) {
  const t = useT();
  const toggle = (day: number, on: boolean) =>
    onChange(on ? [...value.filter((x) => x !== day), day].sort() : value.filter((x) => x !== day));
  return (
    <fieldset className="weekday-picker" data-testid="trigger-weekdays">
      <legend className="small muted">{t('studio.trigger.weekdays')}</legend>
      {WEEK_ORDER.map((day) => (
        <label key={day} className="chip">
          <input
            type="checkbox"
            data-testid={`weekday-${day}`}
            checked={value.includes(day)}
            onChange={(e) => toggle(day, e.target.checked)}
          />
          {t(`studio.weekday.${day}`)}
        </label>
      ))}
    </fieldset>
  );
}

type Fields = { draft: Draft; set: (p: Partial<Draft>) => void };

/** Golden time: the per-customer date, the days from it, and what some dates need (product, review day). */
function GoldenFields({ draft: d, set }: Fields) {
  const t = useT();
  return (
    <div className="row">
      <label className="field">
        <span>{t('studio.trigger.anchor')}</span>
        <select
          data-testid="trigger-anchor"
          value={d.anchor}
          onChange={(e) => set({ anchor: e.target.value as GoldenAnchor })}
        >
          {GOLDEN_ANCHORS.map((a) => (
            <option key={a} value={a}>
              {t(`studio.anchor.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label={t('studio.trigger.offset')}
        value={d.offsetDays}
        min={-366}
        max={3650}
        integer
        testId="trigger-offset"
        onChange={(v) => set({ offsetDays: v })}
      />
      {d.anchor === 'product_purchase' ? (
        <label className="field">
          <span>{t('studio.trigger.product')}</span>
          <input
            data-testid="trigger-product"
            value={d.productId}
            onChange={(e) => set({ productId: e.target.value })}
          />
        </label>
      ) : null}
      {d.anchor === 'grade_review' ? (
        <>
          <NumberField
            label={t('studio.trigger.reviewDay')}
            value={d.reviewDay}
            min={1}
            max={28}
            integer
            testId="trigger-review-day"
            onChange={(v) => set({ reviewDay: v })}
          />
          <NumberField
            label={t('studio.trigger.reviewEvery')}
            value={d.reviewEveryMonths}
            min={1}
            max={12}
            integer
            testId="trigger-review-every"
            onChange={(v) => set({ reviewEveryMonths: v })}
          />
        </>
      ) : null}
    </div>
  );
}

/** On entering a saved audience (its members as of each refresh), after a delay. */
function EntryFields({ draft: d, set }: Fields) {
  const t = useT();
  const [segments] = useApi<{ segments: SegmentHeader[] }>('/api/segments');
  const list = segments.state === 'ok' ? segments.data.segments : [];
  return (
    <div className="row">
      <label className="field">
        <span>{t('studio.trigger.entrySegment')}</span>
        <select
          data-testid="trigger-entry-segment"
          value={d.entrySegmentId}
          onChange={(e) => set({ entrySegmentId: e.target.value })}
        >
          <option value="">{t('studio.trigger.entryPick')}</option>
          {list.map((s) => (
            <option key={s.segmentId} value={s.segmentId}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label={t('studio.trigger.entryDelay')}
        value={d.entryDelayHours}
        max={24 * 366}
        testId="trigger-entry-delay"
        onChange={(v) => set({ entryDelayHours: v })}
      />
    </div>
  );
}

/** After an event (e.g. add_to_cart), with a delay and an exit when they order. */
function EventFields({ draft: d, set }: Fields) {
  const t = useT();
  return (
    <div className="row">
      <label className="field">
        <span>{t('studio.trigger.eventType')}</span>
        <input data-testid="trigger-event" value={d.eventType} onChange={(e) => set({ eventType: e.target.value })} />
      </label>
      <NumberField
        label={t('studio.trigger.delay')}
        value={d.delayHours}
        max={24 * 366}
        testId="trigger-delay"
        onChange={(v) => set({ delayHours: v })}
      />
      <label>
        <input type="checkbox" checked={d.exitOnOrder} onChange={(e) => set({ exitOnOrder: e.target.checked })} />
        {t('studio.trigger.exitOnOrder')}
      </label>
    </div>
  );
}

/** The KST time of day, or each customer's preferred hour. */
function TimeFields({ draft: d, set }: Fields) {
  const t = useT();
  return (
    <div className="row">
      <label className="field">
        <span>{t('studio.trigger.time')}</span>
        <input
          inputMode="numeric"
          placeholder="HH:MM (24시간)"
          pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
          data-testid="trigger-time"
          value={d.time}
          onChange={(e) => set({ time: e.target.value })}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={d.usePreferredHour}
          onChange={(e) => set({ usePreferredHour: e.target.checked })}
        />
        {t('studio.trigger.preferredHour')}
      </label>
    </div>
  );
}

/**
 * When the campaign fires: now, at a KST time, every day or week, on entering a saved audience, at a
 * golden time per customer, or after an event.
 */
export function TriggerEditor(props: {
  draft: Draft;
  set: (p: Partial<Draft>) => void;
  issues: readonly DraftIssue[];
}) {
  const t = useT();
  const { draft: d, set } = props;
  return (
    <div>
      <div className="radio-row" data-testid="trigger-kinds">
        {KINDS.map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="trigger"
              data-testid={`trigger-${k}`}
              checked={d.trigger === k}
              onChange={() => set({ trigger: k })}
            />
            {t(`studio.trigger.${k}`)}
          </label>
        ))}
      </div>
      {d.trigger === 'scheduled' ? (
        <label className="field">
          <span>{t('studio.trigger.at')}</span>
          <input
            inputMode="numeric"
            placeholder="2026-12-24 10:00"
            data-testid="trigger-at"
            value={d.scheduledAt.replace('T', ' ')}
            onChange={(e) => set({ scheduledAt: e.target.value.replace(' ', 'T') })}
          />
        </label>
      ) : null}
      {d.trigger === 'recurring' ? <WeekdayPicker value={d.weekdays} onChange={(w) => set({ weekdays: w })} /> : null}
      {d.trigger === 'entry' ? <EntryFields draft={d} set={set} /> : null}
      {d.trigger === 'golden' ? <GoldenFields draft={d} set={set} /> : null}
      {d.trigger === 'event' ? <EventFields draft={d} set={set} /> : null}
      {d.trigger !== 'now' && d.trigger !== 'scheduled' ? <TimeFields draft={d} set={set} /> : null}
      <FieldIssues issues={props.issues} at="trigger" />
      <FieldIssues issues={props.issues} at="sendTime" />
    </div>
  );
}
