import { useState } from 'react';
import { type AudienceDetail, updateAudienceHeader } from '../../api/audience.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useSession } from '../../session/session-context.tsx';
import { useT } from '../../use-t.ts';
import { useToast } from '../toast.tsx';

/** The audience's name (renamable), pin, live size and definition in words. */
export function AudienceHeader({ detail, onChanged }: { detail: AudienceDetail; onChanged: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const toast = useToast();
  const canEdit = useSession().can('audience.write');
  const [name, setName] = useState(detail.segment.name);
  const id = detail.segment.segmentId;
  const change = async (c: { name?: string; pinned?: boolean }, done: string) => {
    try {
      await updateAudienceHeader(id, c);
      toast.ok(done);
      onChanged();
    } catch (e) {
      toast.error(e);
    }
  };
  return (
    <div className="card">
      <div className="editor-head">
        <h1 data-testid="audience-name">
          {detail.segment.pinned ? (
            <span className="badge" data-testid="audience-pinned">
              {t('workspace.audience.pinned')}
            </span>
          ) : null}{' '}
          {detail.segment.name}
        </h1>
        {canEdit ? (
          <button
            type="button"
            className="link"
            data-testid="audience-pin"
            onClick={() =>
              void change(
                { pinned: !detail.segment.pinned },
                t(detail.segment.pinned ? 'workspace.audience.unpinnedToast' : 'workspace.audience.pinnedToast'),
              )
            }
          >
            {t(detail.segment.pinned ? 'workspace.audience.unpin' : 'workspace.audience.pin')}
          </button>
        ) : null}
      </div>
      <p className="kpi-value" data-testid="audience-count" data-count={detail.count}>
        {t('workspace.audience.now', { count: formatNumber(detail.count), version: detail.segment.currentVersion })}
      </p>
      <p className="explain" data-testid="audience-explain">
        {detail.explain[lang]}
      </p>
      {canEdit ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void change({ name: name.trim() }, t('workspace.audience.renamed'));
          }}
        >
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-label={t('workspace.audience.rename')}
            data-testid="audience-rename-input"
            maxLength={200}
          />
          <button
            type="submit"
            data-testid="audience-rename"
            disabled={!name.trim() || name.trim() === detail.segment.name}
          >
            {t('workspace.audience.rename')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
