import { RFM_SEGMENT_LABELS } from '@dalbit/core/analytics/rfm/segments';
import type { Row } from '../../api/customers.ts';
import { formatKst, formatPercent, formatWon } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { type CoreMessageKey, useT } from '../../use-t.ts';

const rfmLabel = (key: string, lang: 'ko' | 'en'): string =>
  Object.hasOwn(RFM_SEGMENT_LABELS, key) ? RFM_SEGMENT_LABELS[key as keyof typeof RFM_SEGMENT_LABELS][lang] : key;

/**
 * Why a customer has no purchase probability or value: never bought, bought only after the last
 * analysis, or the model has no result for the base (not computed yet, or it could not be fitted).
 */
function noClvReason(rfm: Row | null, hasOrders: boolean): CoreMessageKey {
  if (!hasOrders) return 'audience.insight.noClv.noOrders';
  if (rfm === null) return 'audience.insight.noClv.newBuyer';
  return 'audience.insight.noClv.noModel';
}

/** RFM segment and scores, purchase probability, expected purchases and value (BG/NBD + Gamma-Gamma). */
export function ScoresCard({ rfm, clv, hasOrders }: { rfm: Row | null; clv: Row | null; hasOrders: boolean }) {
  const { lang } = useI18n();
  const t = useT();
  return (
    <div className="card" data-testid="customer-scores">
      <h2>{t('audience.insight.scores')}</h2>
      {rfm === null && clv === null ? <p className="muted">{t('audience.insight.notComputed')}</p> : null}
      <dl className="facts">
        {rfm ? (
          <>
            <dt>{t('audience.insight.rfm')}</dt>
            <dd data-testid="customer-rfm">
              <strong>{rfmLabel(String(rfm.segment), lang)}</strong>{' '}
              <span className="muted">
                {t('audience.insight.rfmScores', {
                  r: Number(rfm.r_score),
                  f: Number(rfm.f_score),
                  m: Number(rfm.m_score),
                })}
              </span>
            </dd>
          </>
        ) : null}
        {clv ? (
          <>
            <dt>{t('audience.insight.pAlive')}</dt>
            <dd data-testid="customer-palive">{formatPercent(Number(clv.p_alive))}</dd>
            <dt>{t('audience.insight.expected90')}</dt>
            <dd>{t('audience.times', { n: Number(clv.expected_purchases_90d).toFixed(2) })}</dd>
            <dt>{t('audience.insight.expectedSpend')}</dt>
            <dd>{formatWon(Number(clv.expected_spend), lang)}</dd>
            <dt>{t('audience.insight.clv')}</dt>
            <dd data-testid="customer-clv">{formatWon(Number(clv.clv_1y), lang)}</dd>
          </>
        ) : null}
      </dl>
      {clv === null ? (
        <p className="notice" data-testid="customer-no-clv">
          {t(noClvReason(rfm, hasOrders))}
        </p>
      ) : null}
      {rfm || clv ? (
        <p className="muted small">{t('audience.insight.computedAt', { time: formatKst((rfm ?? clv)?.as_of) })}</p>
      ) : null}
    </div>
  );
}
