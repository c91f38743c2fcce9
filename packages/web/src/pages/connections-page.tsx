import type { MessageKey } from '@dalbit/core/i18n/catalog';
import { type FormEvent, useState } from 'react';
import { request } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { StatusView } from '../components/status-view.tsx';
import { useToast } from '../components/toast.tsx';
import { formatKst } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useSession } from '../session/session-context.tsx';
import { useT } from '../use-t.ts';

interface ConnectionView {
  connectionId: string;
  provider: 'cafe24' | 'smartstore';
  shopId: string;
  status: 'pending' | 'connected' | 'error' | 'disconnected';
  intervalMinutes: number;
  lastSyncAt: string | null;
  nextRunAt: string | null;
  lastError: { code: string; message: string; messageEn: string } | null;
  rows: Record<string, number>;
}
interface SyncResult {
  status: 'ok' | 'failed';
  at: string;
  rows: Record<string, number>;
  error?: { code: string; message: string };
}

/** The error a redirect back from the shop carries (`#/connections?error=CODE`). */
function redirectError(): string | undefined {
  const q = window.location.hash.split('?')[1];
  return q ? (new URLSearchParams(q).get('error') ?? undefined) : undefined;
}

/** /connections — connect Cafe24 (OAuth) or SmartStore, see each connection's sync, sync now, disconnect. */
export function ConnectionsPage() {
  const t = useT();
  const [list, reload] = useApi<{ connections: ConnectionView[] }>('/api/connectors');
  const failed = redirectError();
  const canWrite = useSession().can('settings.write');
  return (
    <section>
      <h1>{t('connectors.page.title')}</h1>
      <p className="muted">{t('connectors.page.lead')}</p>
      {failed ? (
        <p className="error" role="alert" data-testid="connect-error">
          {t(`connectors.error.${failed}` as MessageKey, { id: '', detail: '', status: '' })}
        </p>
      ) : null}
      <StatusView value={list} onRetry={reload}>
        {(d) =>
          d.connections.length === 0 ? (
            <p data-testid="no-connections">{t('connectors.page.empty')}</p>
          ) : (
            <div className="cards">
              {d.connections.map((c) => (
                <ConnectionCard key={c.connectionId} c={c} onChange={reload} />
              ))}
            </div>
          )
        }
      </StatusView>
      {canWrite ? (
        <div className="cards">
          <Cafe24Form />
          <SmartstoreForm onDone={reload} />
        </div>
      ) : null}
    </section>
  );
}

function rowsText(t: ReturnType<typeof useT>, rows: Record<string, number>): string {
  const parts = Object.entries(rows).map(
    ([r, n]) => `${t(`connectors.page.resource.${r}` as MessageKey)} ${n.toLocaleString('ko-KR')}`,
  );
  return parts.length === 0 ? '-' : parts.join(' · ');
}

/** What a finished sync says: its time and the records per resource, or that nothing was new. */
function syncedText(t: ReturnType<typeof useT>, r: SyncResult): string {
  const nothing = Object.values(r.rows).every((n) => n === 0);
  const params = { time: formatKst(r.at), summary: rowsText(t, r.rows) };
  return t(nothing ? 'connectors.page.syncedNothing' : 'connectors.page.synced', params);
}

/** The choices of the automatic sync interval (minutes). */
const INTERVALS = [5, 10, 30, 60, 180, 1440] as const;

function intervalText(t: ReturnType<typeof useT>, minutes: number): string {
  return minutes % 60 === 0
    ? t('connectors.page.everyHours', { n: minutes / 60 })
    : t('connectors.page.everyMinutes', { n: minutes });
}

function ConnectionCard({ c, onChange }: { c: ConnectionView; onChange: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const syncNow = async () => {
    setBusy(true);
    try {
      const r = await request<SyncResult>(`/api/connectors/${encodeURIComponent(c.connectionId)}/sync`, {
        method: 'POST',
      });
      if (r.error) toast.error(new Error(r.error.message));
      else toast.ok(syncedText(t, r));
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
      onChange();
    }
  };
  const remove = async () => {
    try {
      await request(`/api/connectors/${encodeURIComponent(c.connectionId)}`, { method: 'DELETE' });
    } catch (e) {
      toast.error(e);
    }
    onChange();
  };
  return (
    <article className="card" data-testid={`connection-${c.connectionId}`}>
      <h2>
        {t(`connectors.page.provider.${c.provider}`)} · {c.shopId}{' '}
        <span className={`badge badge-${c.status}`} data-testid="connection-status">
          {t(`connectors.page.status.${c.status}`)}
        </span>
      </h2>
      <dl className="facts">
        <dt>{t('connectors.page.lastSync')}</dt>
        <dd data-testid="last-sync">{c.lastSyncAt ? formatKst(c.lastSyncAt) : t('connectors.page.never')}</dd>
        <dt>{t('connectors.page.interval')}</dt>
        <dd data-testid="interval">{intervalText(t, c.intervalMinutes)}</dd>
        <dt>{t('connectors.page.nextRun')}</dt>
        <dd data-testid="next-run">{formatKst(c.nextRunAt)}</dd>
        <dt>{t('connectors.page.rows')}</dt>
        <dd data-testid="rows">{rowsText(t, c.rows)}</dd>
        <dt>{t('connectors.page.lastError')}</dt>
        <dd data-testid="last-error">
          {c.lastError ? (lang === 'ko' ? c.lastError.message : c.lastError.messageEn) : '-'}
        </dd>
        <dt>{t('connectors.page.clientSecret')}</dt>
        <dd>{t('connectors.page.secretSet')}</dd>
      </dl>
      <div className="actions">
        <button type="button" onClick={syncNow} disabled={busy || c.status === 'pending'}>
          {t('connectors.page.syncNow')}
        </button>
        {confirming ? (
          <>
            <span className="small">{t('connectors.page.confirmDisconnect')}</span>
            <button type="button" className="danger" onClick={remove} data-testid="confirm-disconnect">
              {t('connectors.page.disconnect')}
            </button>
          </>
        ) : (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {t('connectors.page.disconnect')}
          </button>
        )}
      </div>
    </article>
  );
}

function Field({ name, label, type = 'text' }: { name: string; label: MessageKey; type?: string }) {
  const t = useT();
  return (
    <label>
      {t(label)}
      <input name={name} type={type} autoComplete="off" />
    </label>
  );
}

const formValues = (e: FormEvent<HTMLFormElement>): Record<string, string | number> => {
  const out: Record<string, string | number> = {};
  for (const [k, v] of new FormData(e.currentTarget))
    if (typeof v === 'string' && v.trim() !== '') out[k] = k === 'intervalMinutes' ? Number(v) : v.trim();
  return out;
};

function IntervalField() {
  const t = useT();
  return (
    <label>
      {t('connectors.page.interval')}
      <select name="intervalMinutes" defaultValue="10">
        {INTERVALS.map((m) => (
          <option key={m} value={m}>
            {intervalText(t, m)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Cafe24Form() {
  const t = useT();
  const toast = useToast();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    try {
      const r = await request<{ authorizeUrl: string }>('/api/connectors/cafe24', {
        method: 'POST',
        body: formValues(e),
      });
      window.location.assign(r.authorizeUrl);
    } catch (err) {
      toast.error(err);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="cafe24-form">
      <h2>{t('connectors.page.provider.cafe24')}</h2>
      <Field name="mallId" label="connectors.page.mallId" />
      <Field name="clientId" label="connectors.page.clientId" />
      <Field name="clientSecret" label="connectors.page.clientSecret" type="password" />
      <Field name="serviceKey" label="connectors.page.serviceKey" type="password" />
      <Field name="apiBase" label="connectors.page.apiBase" />
      <IntervalField />
      <button type="submit">{t('connectors.page.connect')}</button>
    </form>
  );
}

function SmartstoreForm({ onDone }: { onDone: () => void }) {
  const t = useT();
  const toast = useToast();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    try {
      await request('/api/connectors/smartstore', { method: 'POST', body: formValues(e) });
      form.reset();
      onDone();
    } catch (err) {
      toast.error(err);
    }
  };
  return (
    <form className="card" onSubmit={submit} data-testid="smartstore-form">
      <h2>{t('connectors.page.provider.smartstore')}</h2>
      <Field name="clientId" label="connectors.page.clientId" />
      <Field name="clientSecret" label="connectors.page.clientSecret" type="password" />
      <Field name="apiBase" label="connectors.page.apiBase" />
      <IntervalField />
      <button type="submit">{t('connectors.page.connect')}</button>
    </form>
  );
}
