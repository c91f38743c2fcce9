import { archiveSegment, exportSegmentFile, fetchSegmentSizes, type SegmentHeader } from '../api/segments.ts';
import { useLoad } from '../api/use-api.ts';
import { useApi } from '../api.ts';
import { formatKst, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { hrefOf } from '../router/match-route.ts';
import { useT } from '../use-t.ts';
import { StatusView } from './status-view.tsx';
import { useToast } from './toast.tsx';

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saved audiences (pinned first) with their size; open (the audience page), edit (new version), export (masked CSV), delete (archive). */
export function SavedSegments({ tick, onEdit }: { tick: number; onEdit: (s: SegmentHeader) => void }) {
  const { t: tw } = useI18n();
  const t = useT();
  const toast = useToast();
  const [saved, reload] = useApi<{ segments: SegmentHeader[] }>(`/api/segments?t=${tick}`);
  const [sizes, reloadSizes] = useLoad(`sizes:${tick}`, (signal) => fetchSegmentSizes(signal));
  const size = (id: string) => (sizes.state === 'ok' ? sizes.data.sizes[id] : undefined);
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
      download(await exportSegmentFile(s.segmentId, 'csv'), `${s.name}.csv`);
      toast.ok(t('audience.saved.exported'));
    } catch (e) {
      toast.error(e);
    }
  };
  return (
    <div className="card">
      <h2>{tw('savedSegments')}</h2>
      <StatusView value={saved}>
        {(d) =>
          d.segments.length === 0 ? (
            <p className="muted">{tw('none')}</p>
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
                    </strong>
                    <span className="muted">
                      {' '}
                      · v{s.currentVersion} · {formatKst(s.updatedAt)}{' '}
                    </span>
                    <button type="button" className="link" data-testid="saved-edit" onClick={() => onEdit(s)}>
                      {t('audience.saved.edit')}
                    </button>
                    <button type="button" className="link" data-testid="saved-export" onClick={() => void exportCsv(s)}>
                      {t('audience.saved.export')}
                    </button>
                    <button type="button" className="link" data-testid="saved-delete" onClick={() => void remove(s)}>
                      {t('audience.saved.delete')}
                    </button>
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
