import { ApiFailure } from '../api/client.ts';
import { errorText, issueText } from '../api/error-text.ts';
import { useI18n } from '../i18n.ts';
import { useT } from '../use-t.ts';

/** A failed call in the UI language, with the server's issues (field: problem) listed under it. */
export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { lang } = useI18n();
  const t = useT();
  const issues = error instanceof ApiFailure ? error.issues : [];
  return (
    <div className="notice error" role="alert" data-testid="error-banner">
      <strong>{errorText(error, lang)}</strong>
      {issues.length > 0 ? (
        <ul>
          {issues.map((i) => (
            <li key={`${i.path.join('.')}:${i.message}`}>{issueText(i)}</li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <button type="button" className="link" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
