import { useT } from '../use-t.ts';

/** The one loading state: a spinner and "불러오는 중…". */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}
