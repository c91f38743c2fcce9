import { compileBound } from '@dalbit/core/sql/bind-sql';
import type { Engine } from '../engines/engine.ts';

export interface CampaignVersion {
  readonly revision: number;
  readonly status: string;
  readonly name: string;
  readonly createdAt: Date;
  /** Touches planned under this revision (holdout included) and those with a message. */
  readonly exposures: number;
  readonly messages: number;
}

/** Every stored revision of a campaign, newest first, with what the scheduler planned under each. */
export async function listCampaignVersions(engine: Engine, campaignId: string): Promise<CampaignVersion[]> {
  const d = engine.dialect;
  const rows = await engine.query<{ revision: number; status: string; name: string; created_at: Date }>(
    compileBound(
      d,
      (b) =>
        `SELECT revision, status, name, created_at FROM campaigns WHERE campaign_id = ${b.p(campaignId, 'string')} ORDER BY revision DESC`,
    ),
  );
  const counts = await engine.query<{ r: number | null; n: number; m: number }>(
    compileBound(
      d,
      (b) =>
        `SELECT campaign_revision AS r, count(*) AS n, count(idempotency_key) AS m FROM campaign_exposures WHERE campaign_id = ${b.p(campaignId, 'string')} GROUP BY campaign_revision`,
    ),
  );
  const byRevision = new Map(counts.map((c) => [c.r === null ? null : Number(c.r), c]));
  return rows.map((r) => {
    const c = byRevision.get(Number(r.revision));
    return {
      revision: Number(r.revision),
      status: r.status,
      name: r.name,
      createdAt: r.created_at,
      exposures: Number(c?.n ?? 0),
      messages: Number(c?.m ?? 0),
    };
  });
}
