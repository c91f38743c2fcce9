import type { ReactNode } from 'react';
import type { Loaded } from '../api.ts';
import { useI18n } from '../i18n.ts';

/** Renders loading / error / data states of one API call the same way everywhere. */
export function StatusView<T>({
  value,
  children,
  onRetry,
}: {
  value: Loaded<T>;
  children: (data: T) => ReactNode;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  if (value.state === 'loading') return <p className="muted">{t('loading')}</p>;
  if (value.state === 'error')
    return (
      <div className="notice error" role="alert">
        <strong>{t('error')}</strong> {value.error.message}
        {onRetry ? (
          <button type="button" className="link" onClick={onRetry}>
            {t('retry')}
          </button>
        ) : null}
      </div>
    );
  return <>{children(value.data)}</>;
}
