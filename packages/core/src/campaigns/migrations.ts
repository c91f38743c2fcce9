import type { Migration } from '../schema/migrations.ts';
import type { TableDef } from '../schema/table.ts';
import {
  CAMPAIGN_EXPOSURES,
  CAMPAIGN_JOURNEYS,
  CAMPAIGNS,
  COUPON_REDEMPTIONS,
  COUPONS,
  SCHEDULER_RUNS,
} from './tables.ts';

const create = (table: TableDef) => ({ kind: 'create_table', table }) as const;

/** Campaign migrations (versions 42–44; 41 was taken by on-site impressions). */
export const CAMPAIGN_MIGRATIONS: readonly Migration[] = [
  { version: 42, name: 'campaigns and scheduler runs', steps: [CAMPAIGNS, SCHEDULER_RUNS].map(create) },
  { version: 43, name: 'campaign exposures and journeys', steps: [CAMPAIGN_EXPOSURES, CAMPAIGN_JOURNEYS].map(create) },
  { version: 44, name: 'coupons and redemptions', steps: [COUPONS, COUPON_REDEMPTIONS].map(create) },
];
