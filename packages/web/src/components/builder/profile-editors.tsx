import { translate } from '@dalbit/core/i18n/catalog';
import { PROFILE_FIELDS, type ProfileFieldName } from '@dalbit/core/segments/catalog';
import type { LeafCondition } from '@dalbit/core/segments/schema';
import type { PickerKind, SegmentHeader } from '../../api/segments.ts';
import { useApi } from '../../api.ts';
import { channelName, useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';
import { withOptional } from './activity-editors.tsx';
import { type Comparison, ComparisonBox } from './comparison-box.tsx';
import { LastDays, MultiPick, NumBox, Pick, ValuePick } from './fields.tsx';

/** Fields whose values are listed from the warehouse (UTM values seen on tracked events). */
const FIELD_PICKERS: Partial<Record<ProfileFieldName, PickerKind>> = {
  first_utm_source: 'utm_sources',
  last_utm_source: 'utm_sources',
  first_utm_medium: 'utm_mediums',
  last_utm_medium: 'utm_mediums',
  first_utm_campaign: 'utm_campaigns',
  last_utm_campaign: 'utm_campaigns',
};

type Of<K extends LeafCondition['kind']> = Extract<LeafCondition, { kind: K }>;
interface EditorProps<K extends LeafCondition['kind']> {
  readonly c: Of<K>;
  readonly onChange: (c: Of<K>) => void;
  readonly testId: string;
}

export function ProfileEditor({ c, onChange, testId }: EditorProps<'profile'>) {
  const t = useT();
  const { lang } = useI18n();
  const name = (Object.hasOwn(PROFILE_FIELDS, c.field) ? c.field : 'gender') as ProfileFieldName;
  const def = PROFILE_FIELDS[name];
  const start = (field: ProfileFieldName): Comparison => {
    const type = PROFILE_FIELDS[field].type;
    if (field === 'gender') return { op: 'in', value: ['F'] };
    if (type === 'number') return { op: 'between', value: field === 'age' ? [20, 39] : [0, 100] };
    if (type === 'date') return { op: 'within', window: { kind: 'last_days', days: 30 } };
    if (type === 'bool') return { op: 'eq', value: true };
    return { op: 'in', value: [] };
  };
  return (
    <>
      <Pick
        label={t('builder.field')}
        value={name}
        testId={`${testId}-field`}
        options={Object.entries(PROFILE_FIELDS).map(
          ([k, f]) => [k as ProfileFieldName, translate(lang, f.label)] as const,
        )}
        onChange={(field) => onChange({ kind: 'profile', field, ...start(field) } as Of<'profile'>)}
      />
      <ComparisonBox
        type={def.type}
        value={c}
        testId={`${testId}-cmp`}
        unit={'unit' in def ? translate(lang, def.unit) : ''}
        {...(FIELD_PICKERS[name] ? { picker: FIELD_PICKERS[name] } : {})}
        {...(name === 'gender'
          ? {
              options: [
                ['F', t('builder.female')],
                ['M', t('builder.male')],
              ] as const,
            }
          : {})}
        onChange={(cmp) => onChange({ kind: 'profile', field: name, ...cmp } as Of<'profile'>)}
      />
    </>
  );
}

export function ChannelEditor({ c, onChange, testId }: EditorProps<'channel'>) {
  const t = useT();
  return (
    <>
      <MultiPick
        kind="channels"
        values={c.channels}
        label={t('builder.filter.channels')}
        testId={`${testId}-channels`}
        onChange={(channels) => onChange({ ...c, channels: channels as [string, ...string[]] })}
      />
      <span className="words">{t('builder.joined')}</span>
      <LastDays window={c.joined} optional onChange={(w) => onChange(withOptional(c, 'joined', w))} />
    </>
  );
}

export function ReachableEditor({ c, onChange, testId }: EditorProps<'reachable'>) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <>
      <Pick
        label={t('builder.reachChannel')}
        value={c.channel}
        testId={`${testId}-channel`}
        options={(['kakao', 'sms', 'email'] as const).map((k) => [k, channelName(k, lang)] as const)}
        onChange={(channel) => onChange({ ...c, channel })}
      />
      <Pick
        label={t('builder.purpose')}
        value={c.purpose}
        options={[
          ['ad', t('builder.purposeAd')],
          ['info', t('builder.purposeInfo')],
          ['night_ad', t('builder.purposeNight')],
        ]}
        onChange={(purpose) => onChange({ ...c, purpose })}
      />
      <span className="words">{t('builder.reachableWords')}</span>
    </>
  );
}

export function AnniversaryEditor({ c, onChange, testId }: EditorProps<'anniversary'>) {
  const t = useT();
  return (
    <>
      <Pick
        label={t('builder.anniversaryDate')}
        value={c.date}
        options={[
          ['birthday', t('builder.birthday')],
          ['signup', t('builder.signupDay')],
        ]}
        onChange={(date) => onChange({ ...c, date })}
      />
      <span className="words">{t('builder.from')}</span>
      <NumBox
        label={t('form.from')}
        value={c.fromDays}
        optional
        onChange={(d) => onChange(withOptional(c, 'fromDays', d))}
        testId={`${testId}-from`}
      />
      ~
      <NumBox
        label={t('form.to')}
        value={c.toDays}
        onChange={(d) => onChange({ ...c, toDays: d ?? Number.NaN })}
        testId={`${testId}-to`}
      />
      <span className="words">{t('builder.daysAhead')}</span>
    </>
  );
}

export function SegmentRefEditor({ c, onChange, testId }: EditorProps<'segment'>) {
  const t = useT();
  const [saved] = useApi<{ segments: SegmentHeader[] }>('/api/segments');
  const list = saved.state === 'ok' ? saved.data.segments : [];
  return (
    <>
      <Pick
        label={t('builder.segmentPick')}
        value={c.segmentId}
        testId={`${testId}-segment`}
        options={[
          ['', t('builder.segmentPick')],
          ...list.map((s) => [s.segmentId, s.name] as const),
          ...(c.segmentId && !list.some((s) => s.segmentId === c.segmentId)
            ? [[c.segmentId, c.segmentId] as const]
            : []),
        ]}
        onChange={(segmentId) => onChange({ ...c, segmentId })}
      />
      <span className="words">{t('builder.memberOf')}</span>
    </>
  );
}

export function RelatedEditor({ c, onChange, testId }: EditorProps<'related_product'>) {
  const t = useT();
  return (
    <>
      <ValuePick
        kind="products"
        label={t('builder.product')}
        anyLabel={t('builder.anyProduct')}
        value={c.product}
        testId={`${testId}-product`}
        onChange={(p) => onChange(withOptional(c, 'product', p))}
      />
      <span className="words">{t('builder.relatedWords')}</span>
    </>
  );
}

export function WarrantyEditor({ c, onChange, testId }: EditorProps<'warranty'>) {
  const t = useT();
  return (
    <>
      <ValuePick
        kind="products"
        label={t('builder.product')}
        anyLabel={t('builder.anyProduct')}
        value={c.product}
        testId={`${testId}-product`}
        onChange={(p) => onChange(withOptional(c, 'product', p))}
      />
      <LastDays window={c.window} optional onChange={(w) => onChange(withOptional(c, 'window', w))} />
    </>
  );
}
