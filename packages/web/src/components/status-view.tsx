import type { ReactNode } from 'react';
import type { Loaded } from '../api/use-api.ts';
import { ErrorBanner } from './error-banner.tsx';
import { Loading } from './loading.tsx';

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
  if (value.state === 'loading') return <Loading />;
  if (value.state === 'error')
    return onRetry ? <ErrorBanner error={value.error} onRetry={onRetry} /> : <ErrorBanner error={value.error} />;
  return <>{children(value.data)}</>;
}
