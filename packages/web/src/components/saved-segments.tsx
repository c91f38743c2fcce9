import { useState } from 'react';
import { archiveSegment, exportSegmentFile, fetchSegmentSizes, type SegmentHeader } from '../api/segments.ts';
import { useLoad } from '../api/use-api.ts';
import { useApi } from '../api.ts';
import { formatKst, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { hrefOf } from '../router/match-route.ts';
import { useSession } from '../session/session-context.tsx';
import { useT } from '../use-t.ts';
import { saveBlob } from './save-blob.ts';
import { StatusView } from './status-view.tsx';
import { useToast } from './toast.tsx';

type T = ReturnType<typeof useT>;

/** Today's size against the last refresh of yesterday (KST): ▲12 어제보다, ▼3, 변동 없음, 어제 기록 없음. */
function changeText(t: T, today: number, yesterday: number | null | undefined): string {
  if (yesterday === null || yesterday === undefined) return t('audienceList.noYesterday');
  const d = today - yesterday;
  if (d === 0) return t('audienceList.same');
  return t(d > 0 ? 'audienceList.up' : 'audienceList.down', { n: formatNumber(Math.abs(d)) });
}

type Status = 'active' | 'archived';

/** 사용 중 / 보관함: which saved audiences the list shows. */
function StatusTabs({ status, onPick }: { status: Status; onPick: (s: Status) => void }) {
  const t = useT();
  return (
    <div className="row" role="tablist">
      {(['active', 'archived'] as const).map((k) => (
        <button
          key={k}
          type="button"
          role="tab"
          aria-selected={status === k}
          className="link"
          style={{ fontWeight: status === k ? 700 : 400, textDecoration: status === k ? 'underline' : 'none' }}
          data-testid={`saved-filter-${k}`}
          onClick={() => onPick(k)}
        >
          {t(k === 'active' ? 'audienceList.active' : 'audienceList.archived')}
        </button>
      ))}
    </div>
  );
}

/** Edit, export and (for roles that may edit audiences) archive one active audience. */
function RowActions(p: { canWrite: boolean; onEdit: () => void; onExport: () => void; onArchive: () => void }) {
  const t = useT();
  return (
    <>
      <button type="button" className="link" data-testid="saved-edit" onClick={p.onEdit}>
        {t('audience.saved.edit')}
      </button>
      <button type="button" className="link" data-testid="saved-export" onClick={p.onExport}>
        {t('audience.saved.export')}
      </button>
      {p.canWrite ? (
        <button type="button" className="link" data-testid="saved-delete" onClick={p.onArchive}>
          {t('audience.saved.delete')}
        </button>
      ) : null}
    </>
  );
}

/** Saved audiences (pinned first) with their size; open (the audience page), edit (new version), export (masked CSV), delete (archive). */
export function SavedSegments({ tick, onEdit }: { tick: number; onEdit: (s: SegmentHeader) => void }) {
  const { t: tw } = useI18n();
  const t = useT();
  const toast = useToast();
  const canWrite = useSession().can('audience.write');
  const [status, setStatus] = useState<Status>('active');
  const [saved, reload] = useApi<{ segments: SegmentHeader[] }>(`/api/segments?status=${status}&t=${tick}`);
  const [sizes, reloadSizes] = useLoad(`sizes:${status}:${tick}`, (signal) => fetchSegmentSizes(signal, status));
  const size = (id: string) => (sizes.state === 'ok' ? sizes.data.sizes[id] : undefined);
  const change = (id: string) =>
    sizes.state === 'ok' && id in sizes.data.sizes ? changeText(t, size(id) ?? 0, sizes.data.yesterday[id]) : '';
  const remove = async (s: SegmentHeader) => {
    if (!window.confirm(t('audience.saved.confirmDelete', { name: s.name }))) return;
    try {
      await archiveSegment(s.segmentId);
      toast.ok(t('audience.saved.deleted'));
      reload();
      reloadSizes();
    } catch (e) {
      toast.error(e);
    }
  };
  const exportCsv = async (s: SegmentHeader) => {
    try {
      saveBlob(await exportSegmentFile(s.segmentId, 'csv'), `${s.name}.csv`);
      toast.ok(t('audience.saved.exported'));
    } catch (e) {
      toast.error(e);
    }
  };
  return (
    <div className="card">
      <h2>{tw('savedSegments')}</h2>
      <StatusTabs status={status} onPick={setStatus} />
      <StatusView value={saved}>
        {(d) =>
          d.segments.length === 0 ? (
            <p className="muted">{status === 'archived' ? t('audienceList.noneArchived') : tw('none')}</p>
          ) : (
            <ul className="plain" data-testid="saved-segments">
              {d.segments.map((s) => (
                <li key={s.segmentId} data-testid={`saved-${s.segmentId}`}>
                  {s.pinned ? (
                    <span className="badge" data-testid="saved-pinned">
                      {t('workspace.audience.pinned')}
                    </span>
                  ) : null}{' '}
                  <a href={hrefOf('/segments/:id', { id: s.segmentId })} data-testid="saved-open">
                    {s.name}
                  </a>
                  <span className="small">
                    <strong data-testid="saved-size">
                      {size(s.segmentId) === undefined ? '…' : `${formatNumber(size(s.segmentId) ?? 0)}${tw('people')}`}
                    </strong>{' '}
                    <span className="muted" data-testid="saved-change">
                      {change(s.segmentId)}
                    </span>
                    <span className="muted">
                      {' '}
                      · v{s.currentVersion} · {formatKst(s.updatedAt)}{' '}
                    </span>
                    {status === 'active' ? (
                      <RowActions
                        canWrite={canWrite}
                        onEdit={() => onEdit(s)}
                        onExport={() => void exportCsv(s)}
                        onArchive={() => void remove(s)}
                      />
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </StatusView>
    </div>
  );
}
