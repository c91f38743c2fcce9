import { useState } from 'react';
import type { DraftIssue } from '../../api/campaigns.ts';
import { ApiFailure, request } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { useApi } from '../../api.ts';
import { formatKst } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useSession } from '../../session/session-context.tsx';
import { useT } from '../../use-t.ts';
import { FieldIssues } from '../campaign/field-issues.tsx';
import { StatusView } from '../status-view.tsx';

type Channel = 'sms' | 'kakao_alimtalk' | 'kakao_brand' | 'email' | 'webhook' | 'push';
interface ChannelStatus {
  channel: Channel;
  provider: string | null;
  missing: string[];
  invalid: string[];
  testable: boolean;
  lastError: { code: string; at: string; source: 'send' | 'test' } | null;
  lastTestOk: string | null;
}

/** Settings: each channel's credential status (names of variables, never values), last error, and a test send. */
export function ChannelCredentials() {
  const t = useT();
  const [status] = useApi<{ channels: ChannelStatus[] }>('/api/settings/channels');
  // After a test send the rows are read again in place (no loading state: the typed values stay).
  const [fresh, setFresh] = useState<ChannelStatus[] | null>(null);
  const refresh = () =>
    request<{ channels: ChannelStatus[] }>('/api/settings/channels')
      .then((r) => setFresh(r.channels))
      .catch(() => undefined);
  return (
    <div className="card" data-testid="channels-card">
      <h3>{t('studio.channels.title')}</h3>
      <p className="small muted">{t('studio.channels.hint')}</p>
      <StatusView value={status}>
        {(s) => (
          <table className="table">
            <tbody>
              {(fresh ?? s.channels).map((c) => (
                <ChannelRow key={c.channel} c={c} onTested={refresh} />
              ))}
            </tbody>
          </table>
        )}
      </StatusView>
      <p className="small muted">{t('studio.channels.notTestable')}</p>
    </div>
  );
}

function StateText({ c }: { c: ChannelStatus }) {
  const t = useT();
  if (c.invalid.length > 0)
    return <span className="field-error">{t('studio.channels.badConfig', { keys: c.invalid.join(', ') })}</span>;
  if (c.provider) return <span className="ok">{t('studio.channels.configured', { provider: c.provider })}</span>;
  return <span className="muted">{t('studio.channels.missing', { keys: c.missing.join(', ') })}</span>;
}

function ChannelRow({ c, onTested }: { c: ChannelStatus; onTested: () => void }) {
  const t = useT();
  const e = c.lastError;
  return (
    <tr data-testid={`channel-${c.channel}`}>
      <th style={{ whiteSpace: 'nowrap' }}>{t(`web.channel.${c.channel}`)}</th>
      <td data-testid={`channel-state-${c.channel}`}>
        <StateText c={c} />
      </td>
      <td className="small" data-testid={`channel-error-${c.channel}`}>
        {e
          ? t('studio.channels.lastError', {
              at: formatKst(e.at),
              source: t(`studio.channels.source.${e.source}`),
              reason: `${e.code} · ${reasonText(t, e.code)}`,
            })
          : t('studio.channels.noError')}
        {c.lastTestOk ? (
          <div className="ok">{t('studio.channels.lastTest', { at: formatKst(c.lastTestOk) })}</div>
        ) : null}
      </td>
      <td>{c.testable && c.provider ? <TestSend channel={c.channel} onTested={onTested} /> : null}</td>
    </tr>
  );
}

const KNOWN = [
  'RATE_LIMITED',
  'PROVIDER_DOWN',
  'BAD_RECIPIENT',
  'RECIPIENT_OPTED_OUT',
  'TEMPLATE_REJECTED',
  'CONTENT_REJECTED',
  'AUTH_FAILED',
  'DUPLICATE',
] as const;

function reasonText(t: ReturnType<typeof useT>, code: string): string {
  const known = KNOWN.find((k) => k === code);
  return known ? t(`studio.channels.reason.${known}`) : t('studio.channels.reason.other', { code });
}

function TestSend({ channel, onTested }: { channel: Channel; onTested: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const canTest = useSession().can('campaign.launch');
  const [to, setTo] = useState('');
  const [from, setFrom] = useState('');
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canTest) return <span className="small muted">{t('studio.channels.readOnly')}</span>;
  const hasFrom = channel === 'sms' || channel === 'email';
  const send = async () => {
    setBusy(true);
    try {
      const r = await request<{ provider: string; providerMessageId: string }>(
        `/api/settings/channels/${channel}/test`,
        { method: 'POST', body: { to, ...(hasFrom ? { from } : {}) } },
      );
      setIssues([]);
      setResult({ ok: true, text: t('studio.channels.sent', { provider: r.provider, id: r.providerMessageId }) });
    } catch (e) {
      const fieldIssues = e instanceof ApiFailure ? e.issues : [];
      setIssues(fieldIssues.map((i) => ({ path: i.path.slice(1), message: i.message, code: i.code ?? '' })));
      setResult(fieldIssues.length > 0 ? null : { ok: false, text: errorText(e, lang) });
    } finally {
      setBusy(false);
      onTested();
    }
  };
  return (
    <div className="row">
      <label className="field">
        <span>{t(`studio.channels.to.${channel as 'sms'}`)}</span>
        <input data-testid={`channel-to-${channel}`} value={to} onChange={(e) => setTo(e.target.value)} />
        <FieldIssues issues={issues} at="to" />
      </label>
      {hasFrom ? (
        <label className="field">
          <span>{t(`studio.channels.from.${channel as 'sms'}`)}</span>
          <input data-testid={`channel-from-${channel}`} value={from} onChange={(e) => setFrom(e.target.value)} />
          <FieldIssues issues={issues} at="from" />
        </label>
      ) : null}
      <button type="button" data-testid={`channel-test-${channel}`} disabled={busy} onClick={send}>
        {t('studio.channels.test')}
      </button>
      {result ? (
        <p className={result.ok ? 'ok' : 'field-error'} role="status" data-testid={`channel-result-${channel}`}>
          {result.text}
        </p>
      ) : null}
    </div>
  );
}
