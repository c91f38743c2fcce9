import { formatNumber } from '../../format.ts';
import { useT } from '../../use-t.ts';

/** The run behind the related products audiences and messages use (`stored` of GET /api/basket/rules). */
export interface StoredRun {
  readonly computedBy: 'refresh' | 'cli';
  readonly runAt: string;
  readonly asOf: string;
  readonly params: Record<string, unknown>;
  readonly rules: number;
  readonly customers: number;
  readonly rows: number;
}

/**
 * Says whose rules the stored related products come from: the rules table above is mined live with
 * the page's thresholds, while audiences and messages use what the daily refresh (or a CLI run with
 * `--store`) stored.
 */
export function StoredRulesNote({ run }: { run: StoredRun | null }) {
  const t = useT();
  if (!run)
    return (
      <p className="notice" data-testid="basket-stored" data-computed-by="none">
        {t('loops.basket.stored.none')}
      </p>
    );
  const params = {
    asOf: run.asOf,
    rules: formatNumber(run.rules),
    customers: formatNumber(run.customers),
    support: String(run.params.support ?? '-'),
    confidence: String(run.params.confidence ?? '-'),
  };
  return (
    <p
      className={run.computedBy === 'cli' ? 'notice warn' : 'notice'}
      data-testid="basket-stored"
      data-computed-by={run.computedBy}
    >
      {t(run.computedBy === 'cli' ? 'loops.basket.stored.cli' : 'loops.basket.stored.refresh', params)}
    </p>
  );
}
