import { useState } from 'react';
import { postForBlob } from '../api/client.ts';
import { useI18n } from '../i18n.ts';
import { useSession } from '../session/session-context.tsx';
import { useT } from '../use-t.ts';
import { ErrorBanner } from './error-banner.tsx';
import { ReasonField } from './form/reason-field.tsx';
import { saveBlob } from './save-blob.ts';
import { useToast } from './toast.tsx';

/**
 * The audience's downloads: the report as XLSX (summary and members, masked unless the role may
 * unmask and gives a reason) and the Kakao channel friend-group file (phones, so reason required).
 */
export function AudienceDownloads({ id, name }: { id: string; name: string }) {
  const t = useT();
  const { lang } = useI18n();
  const { can } = useSession();
  const toast = useToast();
  const [unmask, setUnmask] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const mayUnmask = can('pii.unmask');
  const short = reason.trim().length < 2;
  const fetchFile = async (path: string, body: unknown, file: string) => {
    setError(null);
    try {
      saveBlob(await postForBlob(path, body), file);
      toast.ok(t('imports.export.done', { file }));
    } catch (e) {
      setError(e);
    }
  };
  const q = encodeURIComponent(id);
  return (
    <div className="card" data-testid="audience-downloads">
      <h2>{t('imports.export.title')}</h2>
      {error ? <ErrorBanner error={error} /> : null}
      {mayUnmask ? (
        <p className="inline-form">
          <label className="inline-label">
            <input
              type="checkbox"
              data-testid="download-unmask"
              checked={unmask}
              onChange={(e) => setUnmask(e.target.checked)}
            />
            {t('imports.export.unmask')}
          </label>
          <ReasonField value={reason} onChange={setReason} testId="download-reason" />
        </p>
      ) : null}
      <p className="actions">
        <button
          type="button"
          data-testid="download-report"
          disabled={unmask && short}
          onClick={() =>
            void fetchFile(
              `/api/segments/${q}/report/export`,
              { lang, unmask, ...(unmask ? { reason: reason.trim() } : {}) },
              `${name}-${t('imports.export.reportFile')}.xlsx`,
            )
          }
        >
          {t('imports.export.report')}
        </button>
        {mayUnmask ? (
          <button
            type="button"
            data-testid="download-kakao"
            disabled={short}
            title={t('imports.export.kakaoHelp')}
            onClick={() =>
              void fetchFile(
                `/api/segments/${q}/kakao-friends`,
                { reason: reason.trim() },
                `${name}-${t('imports.export.kakao')}.csv`,
              )
            }
          >
            {t('imports.export.kakao')}
          </button>
        ) : null}
      </p>
      {mayUnmask ? <p className="muted small">{t('imports.export.kakaoHelp')}</p> : null}
    </div>
  );
}
