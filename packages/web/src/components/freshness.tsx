import { useEffect, useRef, useState } from 'react';
import { fetchRefresh, type RefreshState, startRefresh } from '../api/refresh.ts';
import { formatKst } from '../format.ts';
import { useSession } from '../session/session-context.tsx';
import { useT } from '../use-t.ts';
import { useToast } from './toast.tsx';

/** "방금 계산", "12분 전", "3시간 전", "2일 전" between two instants. */
export function ageText(t: ReturnType<typeof useT>, from: string, to: string): string {
  const minutes = Math.floor((new Date(to).getTime() - new Date(from).getTime()) / 60_000);
  if (minutes < 1) return t('workspace.fresh.justNow');
  if (minutes < 60) return t('workspace.fresh.minutes', { n: minutes });
  if (minutes < 48 * 60) return t('workspace.fresh.hours', { n: Math.floor(minutes / 60) });
  return t('workspace.fresh.days', { n: Math.floor(minutes / 1440) });
}

/**
 * When the page's numbers were computed ("기준: 2026-11-16 14:00, 12분 전", against the server's
 * clock) and, for roles that may run refreshes, a button that recomputes everything with progress.
 */
export function Freshness({ computedAt, onRefreshed }: { computedAt: string | null; onRefreshed: () => void }) {
  const t = useT();
  const toast = useToast();
  const session = useSession();
  const [state, setState] = useState<RefreshState | null>(null);
  const running = state?.running ?? false;
  // The poll reads the latest callbacks without restarting on every render.
  const latest = useRef({ t, toast, onRefreshed });
  latest.current = { t, toast, onRefreshed };
  useEffect(() => {
    const ctl = new AbortController();
    fetchRefresh(ctl.signal).then(setState, () => undefined);
    return () => ctl.abort();
  }, []);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      const { t, toast, onRefreshed } = latest.current;
      fetchRefresh().then((s) => {
        setState(s);
        if (s.running) return;
        const failed = s.steps.filter((x) => !x.ok).map((x) => t(`workspace.step.${x.step}`));
        if (failed.length) toast.error(new Error(t('workspace.fresh.failedSteps', { steps: failed.join(', ') })));
        else toast.ok(t('workspace.fresh.finished'));
        onRefreshed();
      }, toast.error);
    }, 500);
    return () => clearInterval(timer);
  }, [running]);
  const start = () => startRefresh().then(setState, toast.error);
  return (
    <div className="freshness small muted" data-testid="freshness">
      <span data-testid="freshness-line">
        {computedAt === null
          ? t('workspace.fresh.never')
          : t('workspace.fresh.line', {
              at: formatKst(computedAt),
              age: ageText(t, computedAt, state?.now ?? computedAt),
            })}
      </span>
      {session.can('data.import') ? (
        running && state ? (
          <span className="freshness-progress" data-testid="refresh-progress">
            <progress value={state.done} max={state.total} />{' '}
            {t('workspace.fresh.running', {
              done: state.done,
              total: state.total,
              step: state.step ? t(`workspace.step.${state.step}`) : '',
            })}
          </span>
        ) : (
          <button type="button" className="link" data-testid="refresh-button" onClick={() => void start()}>
            {t('workspace.fresh.refresh')}
          </button>
        )
      ) : null}
    </div>
  );
}
