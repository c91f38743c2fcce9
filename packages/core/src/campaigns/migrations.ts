import { CHANNEL_TESTS } from '../channels/tables.ts';
import { COMPLIANCE_SETTINGS } from '../compliance/tables.ts';
import type { Migration } from '../schema/migrations.ts';
import type { TableDef } from '../schema/table.ts';
import {
  CAMPAIGN_EXPOSURES,
  CAMPAIGN_JOURNEYS,
  CAMPAIGNS,
  COUPON_REDEMPTIONS,
  COUPONS,
  EXPOSURE_REVISION,
  SCHEDULER_RUNS,
} from './tables.ts';

const create = (table: TableDef) => ({ kind: 'create_table', table }) as const;

/** Campaign migrations (versions 42–46; 41 was taken by on-site impressions). */
export const CAMPAIGN_MIGRATIONS: readonly Migration[] = [
  { version: 42, name: 'campaigns and scheduler runs', steps: [CAMPAIGNS, SCHEDULER_RUNS].map(create) },
  { version: 43, name: 'campaign exposures and journeys', steps: [CAMPAIGN_EXPOSURES, CAMPAIGN_JOURNEYS].map(create) },
  { version: 44, name: 'coupons and redemptions', steps: [COUPONS, COUPON_REDEMPTIONS].map(create) },
  {
    version: 45,
    name: 'campaign revision per exposure, compliance settings',
    steps: [
      { kind: 'add_column', table: CAMPAIGN_EXPOSURES.name, column: EXPOSURE_REVISION },
      create(COMPLIANCE_SETTINGS),
    ],
  },
  { version: 46, name: 'channel test sends from the settings page', steps: [create(CHANNEL_TESTS)] },
];
