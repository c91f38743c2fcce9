import { useState } from 'react';
import { type DraftIssue, saveCampaign } from '../api/campaigns.ts';
import { ApiFailure } from '../api/client.ts';
import { useApi } from '../api.ts';
import { AudiencePicker } from '../components/campaign/audience-picker.tsx';
import { CouponEditor } from '../components/campaign/coupon-editor.tsx';
import { draftFromDefinition } from '../components/campaign/draft-from-definition.ts';
import { type Draft, newDraft, toDefinition } from '../components/campaign/draft-model.ts';
import { ExperimentEditor } from '../components/campaign/experiment-editor.tsx';
import { FieldIssues } from '../components/campaign/field-issues.tsx';
import { FollowUpEditor } from '../components/campaign/follow-up-editor.tsx';
import { MessageSection } from '../components/campaign/message-section.tsx';
import { PreviewPanel } from '../components/campaign/preview-panel.tsx';
import { TriggerEditor } from '../components/campaign/trigger-editor.tsx';
import { useDraftCheck } from '../components/campaign/use-draft-check.ts';
import { StatusView } from '../components/status-view.tsx';
import { useToast } from '../components/toast.tsx';
import { useI18n } from '../i18n.ts';
import { labelOf } from '../labels.ts';
import type { PageProps } from '../router/page-props.ts';
import { navigate } from '../router/use-location.ts';
import { useT } from '../use-t.ts';

/** Issues of a refused save, relative to the campaign (the API prefixes them with `body`). */
const saveIssues = (e: unknown): DraftIssue[] =>
  e instanceof ApiFailure
    ? e.issues.map((i) => ({
        path: i.path[0] === 'body' ? i.path.slice(1) : i.path,
        message: i.message,
        code: i.code ?? '',
      }))
    : [];

/** What the page itself refuses before asking the server: builder values still marked wrong. */
function localIssues(d: Draft, t: ReturnType<typeof useT>): DraftIssue[] {
  const left = d.audience.kind === 'definition' ? (d.audience.problems ?? 0) : 0;
  return left > 0
    ? [{ path: ['audience'], code: 'AUDIENCE_INCOMPLETE', message: t('campaign.audience.incomplete', { count: left }) }]
    : [];
}

/** /campaigns/new and /campaigns/:id/edit: the loaded campaign (edit) or a new draft. */
export function CampaignComposerPage({ params }: PageProps) {
  const id = params.id;
  const [stored] = useApi<{ campaign: Record<string, unknown> }>(
    id ? `/api/campaigns/${encodeURIComponent(id)}` : null,
  );
  if (!id) return <Composer initial={newDraft()} base={{}} existing={false} />;
  return (
    <StatusView value={stored}>
      {(s) => <Composer initial={draftFromDefinition(s.campaign)} base={s.campaign} existing />}
    </StatusView>
  );
}

function BasicsSection({
  d,
  set,
  issues,
  existing,
}: {
  d: Draft;
  set: (p: Partial<Draft>) => void;
  issues: readonly DraftIssue[];
  existing: boolean;
}) {
  const t = useT();
  return (
    <div className="row">
      <label className="field">
        <span>{t('studio.field.name')}</span>
        <input data-testid="campaign-name" value={d.name} onChange={(e) => set({ name: e.target.value })} />
        <FieldIssues issues={issues} at="name" />
      </label>
      <label className="field">
        <span>{t('studio.field.id')}</span>
        <input
          data-testid="campaign-id"
          value={d.id}
          disabled={existing}
          onChange={(e) => set({ id: e.target.value })}
        />
        <FieldIssues issues={issues} at="id" />
      </label>
      <label className="field">
        <span>{t('studio.field.purpose')}</span>
        <select
          data-testid="campaign-purpose"
          value={d.purpose}
          onChange={(e) => set({ purpose: e.target.value as Draft['purpose'] })}
        >
          <option value="ad">{t('studio.purpose.ad')}</option>
          <option value="info">{t('studio.purpose.info')}</option>
        </select>
      </label>
    </div>
  );
}

function Composer({ initial, base, existing }: { initial: Draft; base: Record<string, unknown>; existing: boolean }) {
  const t = useT();
  const toast = useToast();
  const [d, setDraft] = useState<Draft>(initial);
  const [customer, setCustomer] = useState('');
  const [refused, setRefused] = useState<DraftIssue[] | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (p: Partial<Draft>) => {
    setRefused(null);
    setDraft((cur) => ({ ...cur, ...p }));
  };
  const { check, now, busy } = useDraftCheck(d, customer, base);
  const local = localIssues(d, t);
  const issues = refused ?? [...local, ...(check?.issues.filter((i) => i.path[0] !== 'customer') ?? [])];
  const save = async () => {
    if (local.length > 0) {
      setRefused(local);
      return;
    }
    setSaving(true);
    try {
      const saved = await saveCampaign({ ...base, ...toDefinition(d, now), id: d.id.trim() }, existing);
      toast.ok(t('studio.saved'));
      navigate(`/campaigns/${encodeURIComponent(saved.campaign.id)}`);
    } catch (e) {
      const found = saveIssues(e);
      setRefused(found.length > 0 ? found : null);
      toast.error(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="composer">
      <h1>{t(existing ? 'studio.editTitle' : 'studio.newTitle')}</h1>
      <div className="composer-grid">
        <div>
          <Section title={t('studio.section.basics')}>
            <BasicsSection d={d} set={set} issues={issues} existing={existing} />
          </Section>
          <Section title={t('studio.section.audience')}>
            <AudiencePicker value={d.audience} onChange={(a) => set({ audience: a })} />
            <FieldIssues issues={issues} at="audience" />
          </Section>
          <Section title={t('studio.section.trigger')}>
            <TriggerEditor draft={d} set={set} issues={issues} />
          </Section>
          <Section title={t('studio.section.message')}>
            <MessageSection draft={d} set={set} issues={issues} />
          </Section>
          <Section title={t('studio.section.steps')}>
            <FollowUpEditor draft={d} set={set} issues={issues} />
          </Section>
          <Section title={t('studio.section.coupon')}>
            <CouponEditor value={d.coupon} onChange={(c) => set({ coupon: c })} issues={issues} />
          </Section>
          <Section title={t('studio.section.experiment')}>
            <ExperimentEditor draft={d} set={set} issues={issues} />
          </Section>
          <SaveBar
            issues={issues}
            blockers={check?.launchBlockers ?? []}
            busy={busy}
            saving={saving}
            existing={existing}
            onSave={save}
          />
        </div>
        <PreviewPanel customer={customer} onCustomer={setCustomer} check={check} hasCoupon={d.coupon !== null} />
      </div>
    </section>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="card">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

function SaveBar(props: {
  issues: readonly DraftIssue[];
  blockers: readonly DraftIssue[];
  busy: boolean;
  saving: boolean;
  existing: boolean;
  onSave: () => void;
}) {
  const t = useT();
  const { lang } = useI18n();
  const ok = props.issues.length === 0;
  return (
    <div className="card save-bar" data-testid="save-bar">
      <p className={ok ? 'ok' : 'bad'} data-testid="check-state">
        {props.busy ? t('studio.checking') : ok ? t('studio.allGood') : t('studio.cannotSave')}
      </p>
      {ok ? null : (
        <ul className="small" data-testid="all-issues">
          {props.issues.map((i) => (
            <li key={`${i.path.join('.')}:${i.message}`}>
              <strong>{labelOf(lang, 'studio.where', String(i.path[0] ?? ''))}</strong> {i.message}
            </li>
          ))}
        </ul>
      )}
      {props.blockers.length > 0 ? (
        <p className="warn small" data-testid="launch-blockers">
          {t('studio.settings.missing', {
            fields: props.blockers.map((b) => t(`campaign.sender.${String(b.path[2]) as 'name'}`)).join(', '),
          })}{' '}
          <a href="#/settings">{t('studio.goSettings')}</a>
        </p>
      ) : null}
      <button
        type="button"
        className="primary"
        data-testid="save-campaign"
        disabled={props.saving}
        onClick={props.onSave}
      >
        {props.saving ? t('studio.saving') : t(props.existing ? 'studio.saveVersion' : 'studio.save')}
      </button>
    </div>
  );
}
