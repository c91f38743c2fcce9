import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';

export interface CampaignStatus {
  readonly campaignId: string;
  readonly messages: readonly { readonly status: string; readonly reason: string | null; readonly count: number }[];
  readonly exposures: readonly { readonly arm: string; readonly count: number; readonly withMessage: number }[];
  readonly coupons: { readonly issued: number; readonly redeemed: number; readonly validRedemptions: number };
  /** The latest planned send (exposure time), or null before the first run. */
  readonly lastPlannedAt: Date | null;
}

/** Counts by status and reason, exposures by arm, coupons issued and redeemed. */
export async function readCampaignStatus(engine: Engine, campaignId: string): Promise<CampaignStatus> {
  const d = engine.dialect;
  const messages = await engine.query<{ status: string; reason: string | null; n: number }>(
    compileBound(
      d,
      (b) =>
        `SELECT status, reason, count(*) AS n FROM messages WHERE campaign_id = ${b.p(campaignId, 'string')} GROUP BY status, reason ORDER BY status, reason`,
    ),
  );
  const exposures = await engine.query<{ arm: string; n: number; m: number }>(
    compileBound(
      d,
      (b) =>
        `SELECT arm, count(*) AS n, count(idempotency_key) AS m FROM campaign_exposures WHERE campaign_id = ${b.p(campaignId, 'string')} GROUP BY arm ORDER BY arm`,
    ),
  );
  const [last] = await engine.query<{ t: Date | null }>(
    compileBound(
      d,
      (b) => `SELECT max(planned_at) AS t FROM campaign_exposures WHERE campaign_id = ${b.p(campaignId, 'string')}`,
    ),
  );
  const [issued] = await engine.query<{ n: number }>(
    compileBound(d, (b) => `SELECT count(*) AS n FROM coupons WHERE campaign_id = ${b.p(campaignId, 'string')}`),
  );
  const [redeemed] = await engine.query<{ n: number; v: number }>(
    compileBound(
      d,
      (b) =>
        `SELECT count(*) AS n, coalesce(sum(CASE WHEN valid THEN 1 ELSE 0 END), 0) AS v FROM coupon_redemptions WHERE campaign_id = ${b.p(campaignId, 'string')}`,
    ),
  );
  return {
    campaignId,
    messages: messages.map((r) => ({ status: r.status, reason: r.reason, count: Number(r.n) })),
    exposures: exposures.map((r) => ({ arm: r.arm, count: Number(r.n), withMessage: Number(r.m) })),
    coupons: {
      issued: Number(issued?.n ?? 0),
      redeemed: Number(redeemed?.n ?? 0),
      validRedemptions: Number(redeemed?.v ?? 0),
    },
    lastPlannedAt: last?.t ?? null,
  };
}
