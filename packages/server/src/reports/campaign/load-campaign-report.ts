import { DEFAULT_ATTRIBUTION_WINDOW_DAYS } from '@dalbit/core/attribution/attribution-facts';
import { campaignArms } from '@dalbit/core/campaigns/arms';
import { domainError } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';
import { translate } from '@dalbit/core/i18n/catalog';
import { buildCampaignReport, type CampaignReport } from '@dalbit/core/reports/campaign/build-campaign-report';
import { compileBound } from '@dalbit/core/sql/bind-sql';
import { loadCampaignOutcomes, loadCampaignWindowOrders } from '../../attribution/load-attribution.ts';
import { findCampaign } from '../../campaigns/campaign-store.ts';
import type { Engine } from '../../engines/engine.ts';
import { loadCouponFacts, loadEngagementFacts, loadMessageFacts } from './load-report-facts.ts';

export type CampaignReportErrorCode = 'UNKNOWN_CAMPAIGN' | 'UNKNOWN_CONTROL';

const CAMPAIGN_REPORT_ERROR_KIND = {
  UNKNOWN_CAMPAIGN: 'not_found',
  UNKNOWN_CONTROL: 'invalid_input',
} as const satisfies Record<CampaignReportErrorCode, ErrorKind>;

export class CampaignReportError extends domainError<CampaignReportErrorCode>(
  'CampaignReportError',
  CAMPAIGN_REPORT_ERROR_KIND,
) {}

export interface CampaignReportOptions {
  readonly campaignId: string;
  /** Attribution window after each exposure, in days (default 7). */
  readonly windowDays?: number;
  /** Arm to compare against (default: holdout, else the first planned arm). */
  readonly control?: string;
  readonly level?: number;
}

/**
 * Loads everything about one campaign from the warehouse (exposures, outcomes by attribution SQL,
 * messages, opens/clicks, coupons, window orders) and builds the report. The planned split comes
 * from the stored campaign definition when there is one. Throws CampaignReportError for an
 * unknown campaign (no definition and no exposures) or a control arm nobody is in.
 */
export async function loadCampaignReport(engine: Engine, opts: CampaignReportOptions): Promise<CampaignReport> {
  const windowDays = opts.windowDays ?? DEFAULT_ATTRIBUTION_WINDOW_DAYS;
  const { campaignId } = opts;
  const stored = await findCampaign(engine, campaignId);
  const outcomes = await loadCampaignOutcomes(engine, { campaignId, windowDays });
  if (stored === undefined && outcomes.length === 0) {
    const [m] = await engine.query(
      compileBound(
        engine.dialect,
        (b) => `SELECT count(*) AS n FROM messages WHERE campaign_id = ${b.p(campaignId, 'string')}`,
      ),
    );
    if (Number(m?.n ?? 0) === 0)
      throw new CampaignReportError('UNKNOWN_CAMPAIGN', translate('ko', 'campaign.NOT_FOUND', { id: campaignId }));
  }
  if (opts.control !== undefined && !outcomes.some((o) => o.arm === opts.control))
    throw new CampaignReportError('UNKNOWN_CONTROL', `${translate('ko', 'domain.UNKNOWN_CONTROL')}: ${opts.control}`);
  const coupons = await loadCouponFacts(engine, campaignId);
  return buildCampaignReport({
    campaignId,
    campaignName: stored?.campaign.name,
    windowDays,
    weights: stored ? campaignArms(stored.campaign) : undefined,
    control: opts.control,
    level: opts.level ?? 0.95,
    outcomes,
    messages: await loadMessageFacts(engine, campaignId),
    engagement: await loadEngagementFacts(engine, campaignId),
    coupons: coupons.facts,
    couponSource: coupons.source,
    windowOrders: await loadCampaignWindowOrders(engine, { campaignId, windowDays }),
  });
}
