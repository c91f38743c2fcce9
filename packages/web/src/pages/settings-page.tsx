import { useState } from 'react';
import type { DraftIssue } from '../api/campaigns.ts';
import { ApiFailure, request } from '../api/client.ts';
import { useApi } from '../api.ts';
import { FieldIssues } from '../components/campaign/field-issues.tsx';
import { NumberField } from '../components/form/number-field.tsx';
import { CampaignPriorities } from '../components/settings/campaign-priorities.tsx';
import { ChannelCredentials } from '../components/settings/channel-credentials.tsx';
import { type HolidayBlock, HolidayBlocks } from '../components/settings/holiday-blocks.tsx';
import { StatusView } from '../components/status-view.tsx';
import { useToast } from '../components/toast.tsx';
import { formatKst } from '../format.ts';
import { useSession } from '../session/session-context.tsx';
import { useT } from '../use-t.ts';

type Json = Record<string, unknown>;
interface Policy extends Json {
  sender: { name: string; contact: string; address: string; optOutNumber: string };
  quietHours: Json & { window: { start: string; end: string } | null };
  caps: Json & { adsPerDay: number | null; adsPerWeek: number | null; weekDays: number };
  holidays: Json & { avoidLunarHolidays: boolean; extraBlocks: HolidayBlock[] };
}
interface Settings {
  policy: Policy;
  revision: number;
  changedBy: string | null;
  changedByName: string | null;
  changedAt: string | null;
  missingSender: string[];
}

/** /settings — sender and compliance settings, versioned in the warehouse; only `settings.write` may save. */
export function SettingsPage() {
  const t = useT();
  const [settings, reload] = useApi<Settings>('/api/settings/compliance');
  return (
    <section>
      <h1>{t('studio.settings.title')}</h1>
      <p className="small">
        <a href="#/connections" data-testid="settings-connections-link">
          {t('studio.settings.connectionsLink')}
        </a>
      </p>
      <StatusView value={settings}>{(s) => <SettingsForm key={s.revision} s={s} onSaved={reload} />}</StatusView>
      <CampaignPriorities />
      <ChannelCredentials />
    </section>
  );
}

function SenderStatus({ s }: { s: Settings }) {
  const t = useT();
  return (
    <>
      <p className="small muted" data-testid="settings-revision">
        {s.revision === 0
          ? t('studio.settings.defaults')
          : t('studio.settings.changedBy', {
              who: s.changedByName ?? s.changedBy ?? '—',
              at: formatKst(s.changedAt),
              revision: s.revision,
            })}
      </p>
      <p className={s.missingSender.length > 0 ? 'notice' : 'ok'} data-testid="settings-sender-state">
        {s.missingSender.length > 0
          ? t('studio.settings.missing', {
              fields: s.missingSender.map((f) => t(`campaign.sender.${f as 'name'}`)).join(', '),
            })
          : t('studio.settings.complete')}
      </p>
    </>
  );
}

function TextInput(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  disabled: boolean;
  issues: readonly DraftIssue[];
  at: string;
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        data-testid={props.testId}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <FieldIssues issues={props.issues} at={props.at} />
    </label>
  );
}

function SettingsForm({ s, onSaved }: { s: Settings; onSaved: () => void }) {
  const t = useT();
  const toast = useToast();
  const canWrite = useSession().can('settings.write');
  const [p, setP] = useState<Policy>(s.policy);
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const sender = (k: keyof Policy['sender']) => (v: string) => setP({ ...p, sender: { ...p.sender, [k]: v } });
  const caps = (k: 'adsPerDay' | 'adsPerWeek' | 'weekDays') => (v: number | null) =>
    setP({ ...p, caps: { ...p.caps, [k]: k === 'weekDays' ? (v ?? 7) : v } });
  const save = async () => {
    try {
      const r = await request<Settings>('/api/settings/compliance', { method: 'PUT', body: p });
      setIssues([]);
      toast.ok(t('studio.settings.saved', { revision: r.revision }));
      onSaved();
    } catch (e) {
      if (e instanceof ApiFailure)
        setIssues(e.issues.map((i) => ({ path: i.path.slice(1), message: i.message, code: i.code ?? '' })));
      toast.error(e);
    }
  };
  const input = (label: Parameters<typeof t>[0], k: keyof Policy['sender']) => (
    <TextInput
      label={t(label)}
      value={p.sender[k]}
      onChange={sender(k)}
      testId={`settings-${k}`}
      disabled={!canWrite}
      issues={issues}
      at={`sender.${k}`}
    />
  );
  return (
    <>
      <SenderStatus s={s} />
      {canWrite ? null : (
        <p className="notice" data-testid="settings-readonly">
          {t('studio.settings.readOnly')}
        </p>
      )}
      <div className="card">
        <h3>{t('studio.settings.sender')}</h3>
        <div className="row">
          {input('studio.settings.senderName', 'name')}
          {input('studio.settings.senderContact', 'contact')}
          {input('studio.settings.optOut', 'optOutNumber')}
          {input('studio.settings.senderAddress', 'address')}
        </div>
      </div>
      <QuietAndCaps p={p} setP={setP} caps={caps} disabled={!canWrite} issues={issues} />
      <div className="card">
        <HolidayBlocks
          blocks={p.holidays.extraBlocks ?? []}
          onChange={(extraBlocks) => setP({ ...p, holidays: { ...p.holidays, extraBlocks } })}
          disabled={!canWrite}
          issues={issues}
        />
      </div>
      {canWrite ? (
        <button type="button" className="primary" data-testid="settings-save" onClick={save}>
          {t('studio.settings.save')}
        </button>
      ) : null}
    </>
  );
}

function QuietAndCaps(props: {
  p: Policy;
  setP: (p: Policy) => void;
  caps: (k: 'adsPerDay' | 'adsPerWeek' | 'weekDays') => (v: number | null) => void;
  disabled: boolean;
  issues: readonly DraftIssue[];
}) {
  const t = useT();
  const { p, setP } = props;
  const w = p.quietHours.window;
  const setWindow = (k: 'start' | 'end', v: string) =>
    setP({
      ...p,
      quietHours: { ...p.quietHours, window: { start: w?.start ?? '20:50', end: w?.end ?? '08:00', [k]: v } },
    });
  return (
    <>
      <div className="card">
        <h3>{t('studio.settings.quiet')}</h3>
        <div className="row">
          <label className="field">
            <span>{t('studio.settings.quietStart')}</span>
            <input
              inputMode="numeric"
              placeholder="HH:MM"
              pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
              data-testid="settings-quiet-start"
              disabled={props.disabled || !w}
              value={w?.start ?? ''}
              onChange={(e) => setWindow('start', e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('studio.settings.quietEnd')}</span>
            <input
              inputMode="numeric"
              placeholder="HH:MM"
              pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
              data-testid="settings-quiet-end"
              disabled={props.disabled || !w}
              value={w?.end ?? ''}
              onChange={(e) => setWindow('end', e.target.value)}
            />
          </label>
          <label>
            <input
              type="checkbox"
              disabled={props.disabled}
              checked={w === null}
              onChange={(e) =>
                setP({
                  ...p,
                  quietHours: { ...p.quietHours, window: e.target.checked ? null : { start: '20:50', end: '08:00' } },
                })
              }
            />
            {t('studio.settings.quietOff')}
          </label>
        </div>
        <FieldIssues issues={props.issues} at="quietHours" />
      </div>
      <div className="card">
        <h3>{t('studio.settings.caps')}</h3>
        <div className="row">
          <NumberField
            label={t('studio.settings.perDay')}
            value={p.caps.adsPerDay}
            integer
            required={false}
            testId="settings-per-day"
            readOnly={props.disabled}
            onChange={props.caps('adsPerDay')}
          />
          <NumberField
            label={t('studio.settings.perWeek')}
            value={p.caps.adsPerWeek}
            integer
            required={false}
            testId="settings-per-week"
            readOnly={props.disabled}
            onChange={props.caps('adsPerWeek')}
          />
          <NumberField
            label={t('studio.settings.weekDays')}
            value={p.caps.weekDays}
            min={1}
            integer
            testId="settings-week-days"
            readOnly={props.disabled}
            onChange={props.caps('weekDays')}
          />
        </div>
        <label>
          <input
            type="checkbox"
            disabled={props.disabled}
            checked={p.holidays.avoidLunarHolidays}
            onChange={(e) => setP({ ...p, holidays: { ...p.holidays, avoidLunarHolidays: e.target.checked } })}
          />
          {t('studio.settings.holidays')}
        </label>
        <FieldIssues issues={props.issues} at="caps" />
      </div>
    </>
  );
}
