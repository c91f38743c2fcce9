import type { Migration } from '../schema/migrations.ts';
import type { TableDef } from '../schema/table.ts';
import {
  ANNIVERSARY_CALENDAR,
  CUSTOMER_FEATURES_V10,
  GRADE_CHANGES,
  GRADE_FEATURE_COLUMNS,
  LAST_EVENT_COLUMNS,
  SEGMENT_MEMBERSHIPS,
  SEGMENT_REFRESHES,
  SEGMENT_STAGING,
  SEGMENT_VERSIONS,
  SEGMENTS,
  TOUCH_FEATURE_COLUMNS,
} from './tables.ts';

const create = (table: TableDef) => ({ kind: 'create_table', table }) as const;

/** Segment migrations (versions 10–19). The analytics outputs that conditions read come from
 * migration 2 (`schema/analytics-tables.ts`). */
export const SEGMENT_MIGRATIONS: readonly Migration[] = [
  {
    version: 10,
    name: 'customer features and analytics inputs',
    steps: [CUSTOMER_FEATURES_V10, ANNIVERSARY_CALENDAR].map(create),
  },
  {
    version: 11,
    name: 'segments, versions, memberships, refreshes',
    steps: [SEGMENTS, SEGMENT_VERSIONS, SEGMENT_MEMBERSHIPS, SEGMENT_REFRESHES].map(create),
  },
  { version: 12, name: 'segment refresh staging', steps: [SEGMENT_STAGING].map(create) },
  {
    version: 13,
    name: 'first and last UTM touch per customer',
    steps: TOUCH_FEATURE_COLUMNS.map(
      (column) => ({ kind: 'add_column', table: CUSTOMER_FEATURES_V10.name, column }) as const,
    ),
  },
  {
    version: 14,
    name: 'customer features: last time of each standard event type (live counts without a join)',
    steps: LAST_EVENT_COLUMNS.map(
      (column) => ({ kind: 'add_column', table: CUSTOMER_FEATURES_V10.name, column }) as const,
    ),
  },
  {
    version: 15,
    name: 'membership-grade history and the latest grade change per customer',
    steps: [
      create(GRADE_CHANGES),
      ...GRADE_FEATURE_COLUMNS.map(
        (column) => ({ kind: 'add_column', table: CUSTOMER_FEATURES_V10.name, column }) as const,
      ),
    ],
  },
];
