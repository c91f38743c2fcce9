import { type CampaignDefinition, CampaignDefinition as CampaignSchema } from '@dalbit/core/campaigns/schema';
import { CAMPAIGNS } from '@dalbit/core/campaigns/tables';
import { domainError } from '@dalbit/core/errors/dalbit-error';
import type { ErrorKind } from '@dalbit/core/errors/error-codes';
import { columnNames } from '@dalbit/core/schema/table';
import { type Engine, sql } from '../engines/engine.ts';

export interface StoredCampaign {
  readonly campaign: CampaignDefinition;
  readonly revision: number;
  readonly createdAt: Date;
}

/** A stored definition that no longer validates (schema drift, hand edits). */
export type CampaignStoreErrorCode = 'NOT_FOUND' | 'INVALID_STORED';

const CAMPAIGN_STORE_ERROR_KIND = {
  NOT_FOUND: 'not_found',
  INVALID_STORED: 'internal',
} as const satisfies Record<CampaignStoreErrorCode, ErrorKind>;

export class CampaignStoreError extends domainError<CampaignStoreErrorCode>(
  'CampaignStoreError',
  CAMPAIGN_STORE_ERROR_KIND,
) {}

/** Appends a new revision (append-only; the highest revision is current). Returns it. */
export async function saveCampaign(engine: Engine, campaign: CampaignDefinition, at: Date): Promise<number> {
  const d = engine.dialect;
  const [row] = await engine.query<{ r: number | null }>(
    sql(
      `SELECT max(revision) AS r FROM campaigns WHERE campaign_id = ${d.placeholder(1, 'string')}`,
      [campaign.id],
      ['string'],
    ),
  );
  const revision = Number(row?.r ?? 0) + 1;
  await engine.insert(CAMPAIGNS.name, columnNames(CAMPAIGNS), [
    [campaign.id, revision, campaign.name, campaign.status, JSON.stringify(campaign), at],
  ]);
  return revision;
}

type Raw = { campaign_id: string; revision: number; definition: string; created_at: Date };

function toStored(r: Raw): StoredCampaign {
  const parsed = CampaignSchema.safeParse(JSON.parse(r.definition));
  if (!parsed.success)
    throw new CampaignStoreError('INVALID_STORED', `campaign ${r.campaign_id} r${r.revision} no longer validates`, {
      cause: parsed.error,
    });
  return { campaign: parsed.data, revision: Number(r.revision), createdAt: r.created_at };
}

const LATEST = `SELECT c.campaign_id, c.revision, c.definition, c.created_at FROM campaigns c
  JOIN (SELECT campaign_id, max(revision) AS revision FROM campaigns GROUP BY campaign_id) m
    ON m.campaign_id = c.campaign_id AND m.revision = c.revision`;

/** Current revision of every campaign, ordered by id. */
export async function listCampaigns(engine: Engine): Promise<StoredCampaign[]> {
  const rows = await engine.query<Raw>(`${LATEST} ORDER BY c.campaign_id`);
  return rows.map(toStored);
}

export async function findCampaign(engine: Engine, id: string): Promise<StoredCampaign | undefined> {
  const d = engine.dialect;
  const rows = await engine.query<Raw>(
    sql(`${LATEST} WHERE c.campaign_id = ${d.placeholder(1, 'string')}`, [id], ['string']),
  );
  return rows[0] ? toStored(rows[0]) : undefined;
}

export async function findCampaignOrThrow(engine: Engine, id: string): Promise<StoredCampaign> {
  const found = await findCampaign(engine, id);
  if (!found) throw new CampaignStoreError('NOT_FOUND', `no campaign "${id}"`);
  return found;
}
