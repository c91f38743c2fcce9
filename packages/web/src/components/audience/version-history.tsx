import type { AudienceVersion, VersionDiff } from '../../api/audience.ts';
import { formatKst } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { useT } from '../../use-t.ts';

function Changes({ diff }: { diff: VersionDiff }) {
  const t = useT();
  const rows: [string, readonly string[], string][] = [
    [t('workspace.audience.added'), diff.added, 'diff-added'],
    [t('workspace.audience.removed'), diff.removed, 'diff-removed'],
  ];
  const none = diff.added.length === 0 && diff.removed.length === 0 && !diff.joinChanged;
  return (
    <ul className="plain small diff">
      {rows.flatMap(([label, items, cls]) =>
        items.map((s) => (
          <li key={`${cls}:${s}`} className={cls} data-testid={cls}>
            <strong>{label}</strong> {s}
          </li>
        )),
      )}
      {diff.joinChanged ? <li data-testid="diff-join">{t('workspace.audience.joinChanged')}</li> : null}
      {none ? <li className="muted">{t('workspace.audience.noChange')}</li> : null}
    </ul>
  );
}

/** Every version, newest first: its definition in words and what changed from the one before. */
export function VersionHistory({ versions, current }: { versions: readonly AudienceVersion[]; current: number }) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <div className="card">
      <h2>{t('workspace.audience.versions')}</h2>
      <ol className="plain versions" data-testid="audience-versions">
        {versions.map((v) => (
          <li key={v.version} data-testid={`audience-version-${v.version}`}>
            <div className="small muted">
              {t('workspace.audience.version', { version: v.version, at: formatKst(v.createdAt) })}
              {v.version === current ? ` · ${t('workspace.audience.current')}` : ''}
            </div>
            <p className="explain">{v.explain[lang]}</p>
            {v.changes ? (
              <Changes diff={v.changes[lang]} />
            ) : (
              <p className="small muted">{t('workspace.audience.first')}</p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
