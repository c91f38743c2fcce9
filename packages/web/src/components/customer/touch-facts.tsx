import type { Row } from '../../api/customers.ts';
import { formatKst } from '../../format.ts';
import { useT } from '../../use-t.ts';

const text = (v: unknown): string => (v === null || v === undefined || v === '' ? '-' : String(v));

/** First and last UTM touch (source / medium / campaign, when) as the features refresh saw them. */
export function TouchFacts({ touch }: { touch: Row | null }) {
  const t = useT();
  const touches = (['first', 'last'] as const).filter((k) => touch?.[`${k}_touch_at`]);
  return (
    <>
      <h3>{t('loops.touch.title')}</h3>
      {touches.length === 0 || !touch ? (
        <p className="muted small" data-testid="customer-touch-none">
          {t('loops.touch.none')}
        </p>
      ) : (
        <dl className="facts" data-testid="customer-touch">
          {touches.map((k) => (
            <div key={k} className="fact" data-testid={`customer-touch-${k}`}>
              <dt>{t(k === 'first' ? 'loops.touch.first' : 'loops.touch.last')}</dt>
              <dd>
                {[touch[`${k}_utm_source`], touch[`${k}_utm_medium`], touch[`${k}_utm_campaign`]].map(text).join(' / ')}{' '}
                <span className="muted">{formatKst(touch[`${k}_touch_at`])}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {touch ? <p className="muted small">{t('loops.touch.asOf', { at: formatKst(touch.refreshed_at) })}</p> : null}
    </>
  );
}
