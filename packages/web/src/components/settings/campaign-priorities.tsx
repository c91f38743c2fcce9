import { useState } from 'react';
import { request } from '../../api/client.ts';
import { useApi } from '../../api.ts';
import { useSession } from '../../session/session-context.tsx';
import { useT } from '../../use-t.ts';
import { NumberField } from '../form/number-field.tsx';
import { StatusView } from '../status-view.tsx';
import { useToast } from '../toast.tsx';

interface CampaignRow {
  campaignId: string;
  name: string;
  status: string;
  statusLabel: string;
  priority: number;
}

/** The statuses whose priority still matters and may change (stopped and archived ones are done). */
const LIVE = new Set(['active', 'paused', 'draft']);
const MAX = 1000;

/** Live campaigns, highest priority first, then by name (the order a frequency-cap collision is settled in). */
export function livePriorities(rows: readonly CampaignRow[]): CampaignRow[] {
  return rows
    .filter((r) => LIVE.has(r.status))
    .sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name, 'ko'));
}

/** Settings: each live campaign's priority, changed one at a time (`campaign.launch`) as a new revision. */
export function CampaignPriorities() {
  const t = useT();
  const [list, reload] = useApi<{ campaigns: CampaignRow[] }>('/api/campaigns');
  const canWrite = useSession().can('campaign.launch');
  return (
    <div className="card" data-testid="priorities-card">
      <h3>{t('studio.priority.title')}</h3>
      <p className="small muted">{t('studio.priority.hint')}</p>
      {canWrite ? null : (
        <p className="small notice" data-testid="priorities-readonly">
          {t('studio.priority.readOnly')}
        </p>
      )}
      <StatusView value={list}>
        {(s) => {
          const rows = livePriorities(s.campaigns);
          if (rows.length === 0) return <p className="muted">{t('studio.priority.empty')}</p>;
          return (
            <table className="table" data-testid="priorities-table">
              <thead>
                <tr>
                  <th>{t('studio.priority.campaign')}</th>
                  <th>{t('studio.priority.status')}</th>
                  <th>{t('studio.priority.value')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <PriorityRow key={`${r.campaignId}:${r.priority}`} r={r} canWrite={canWrite} onSaved={reload} />
                ))}
              </tbody>
            </table>
          );
        }}
      </StatusView>
    </div>
  );
}

function PriorityRow({ r, canWrite, onSaved }: { r: CampaignRow; canWrite: boolean; onSaved: () => void }) {
  const t = useT();
  const toast = useToast();
  const [value, setValue] = useState<number | null>(r.priority);
  const [valid, setValid] = useState(true);
  const [busy, setBusy] = useState(false);
  const id = encodeURIComponent(r.campaignId);
  const step = (d: number) => setValue(Math.min(MAX, Math.max(0, (value ?? r.priority) + d)));
  const save = async () => {
    if (value === null) return;
    setBusy(true);
    try {
      const saved = await request<{ priority: number; revision: number }>(`/api/campaigns/${id}/priority`, {
        method: 'PUT',
        body: { priority: value },
      });
      toast.ok(t('studio.priority.saved', { name: r.name, priority: saved.priority, revision: saved.revision }));
      onSaved();
    } catch (e) {
      toast.error(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-testid={`priority-row-${r.campaignId}`}>
      <td>
        <a href={`#/campaigns/${id}`}>{r.name}</a>
      </td>
      <td>{r.statusLabel}</td>
      <td>
        {canWrite ? (
          <span className="row">
            <NumberField
              label={t('studio.priority.value')}
              value={value}
              integer
              max={MAX}
              testId={`priority-input-${r.campaignId}`}
              onValidity={setValid}
              onChange={setValue}
            />
            <button
              type="button"
              aria-label={t('studio.priority.up')}
              data-testid={`priority-up-${r.campaignId}`}
              onClick={() => step(1)}
            >
              ▲
            </button>
            <button
              type="button"
              aria-label={t('studio.priority.down')}
              data-testid={`priority-down-${r.campaignId}`}
              onClick={() => step(-1)}
            >
              ▼
            </button>
            <button
              type="button"
              className="primary"
              data-testid={`priority-save-${r.campaignId}`}
              disabled={busy || !valid || value === null || value === r.priority}
              onClick={save}
            >
              {t('studio.priority.save')}
            </button>
          </span>
        ) : (
          <strong data-testid={`priority-value-${r.campaignId}`}>{r.priority}</strong>
        )}
      </td>
    </tr>
  );
}
